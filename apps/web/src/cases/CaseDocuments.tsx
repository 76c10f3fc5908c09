import { FormEvent, useRef, useState } from 'react';
import { ApiError, client, Schemas, unwrap } from '../api';
import { DataTable } from '../shared/DataTable';
import {
  describedBy,
  ErrorBox,
  FieldShell,
  formatDateTime,
  FormErrors,
  SubmitButton,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import type { CaseAreaProps } from './types';

type CaseDocument = Schemas['CaseDocumentDto'];
const PAGE_SIZE = 20;

const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG-Bild',
  'image/jpeg': 'JPEG-Bild',
  'image/gif': 'GIF-Bild',
  'image/tiff': 'TIFF-Bild',
  'image/webp': 'WebP-Bild',
};
const typeLabel = (mediaType: string) =>
  TYPES[mediaType] ?? (/officedocument|msword|ms-excel|ms-powerpoint|opendocument|x-ole/.test(mediaType) ? 'Office-Dokument' : mediaType);

/** "12,3 KB" — sizes as people read them. */
export function germanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} Byte`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}

/** A refused upload (413 too large, 415 wrong type): the server's German sentence is the clearest one, at the field. */
function uploadProblem(error: ApiError): ApiError {
  if (error.status !== 413 && error.status !== 415) return error;
  return new ApiError({ ...error.problem, errors: [{ pointer: '/file', message: error.message }] });
}

/** Documents of the case file: upload (the type is recognised by the content), list, download. */
export function CaseDocuments({ file }: CaseAreaProps) {
  const [offset, setOffset] = useState(0);
  const documents = useLoad(
    () => unwrap(client.GET('/cases/{id}/documents', { params: { path: { id: file.id }, query: { limit: PAGE_SIZE, offset } } })),
    [file.id, offset],
  );
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const { error, setError, at } = useProblems();
  const id = 'feld-file';
  const errors = at('/file');

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (!chosen) {
      setError(
        new ApiError({
          status: 400,
          detail: 'Keine Datei gewählt',
          errors: [{ pointer: '/file', message: 'Bitte wählen Sie eine Datei.' }],
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', chosen, chosen.name);
      const stored = await unwrap(
        client.POST('/cases/{id}/documents', {
          params: { path: { id: file.id } },
          body: body as unknown as { file: string },
          bodySerializer: (b) => b as unknown as FormData,
        }),
      );
      setError(null);
      setSaved(`„${stored.fileName}“ wurde verschlüsselt abgelegt.`);
      setChosen(null);
      if (input.current) input.current.value = '';
      setOffset(0);
      documents.reload();
    } catch (err) {
      setError(uploadProblem(toApiError(err)));
    } finally {
      setBusy(false);
    }
  };

  const download = async (doc: CaseDocument) => {
    try {
      const blob = await unwrap(
        client.GET('/cases/{id}/documents/{documentId}', { params: { path: { id: file.id, documentId: doc.id } }, parseAs: 'blob' }),
      );
      const url = URL.createObjectURL(blob as unknown as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = doc.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownloadError(null);
    } catch (err) {
      setDownloadError(toApiError(err));
    }
  };

  return (
    <section aria-labelledby="documents">
      <h2 id="documents">Dokumente</h2>
      {saved && (
        <p role="status" className="alert alert-ok">
          {saved}
        </p>
      )}
      {file.status === 'open' && (
        <form onSubmit={upload} noValidate aria-labelledby="upload-form">
          <h3 id="upload-form">Dokument hochladen</h3>
          <FormErrors error={error} />
          <FieldShell
            id={id}
            label="Datei"
            hint="PDF, Bild oder Office-Dokument; die Datei wird verschlüsselt abgelegt."
            errors={errors}
            required
          >
            <input
              ref={input}
              id={id}
              type="file"
              data-pointer="/file"
              data-label="Datei"
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={describedBy(id, 'hint', errors)}
              aria-required
              onChange={(e) => setChosen(e.target.files?.[0] ?? null)}
            />
          </FieldShell>
          <SubmitButton busy={busy}>Hochladen</SubmitButton>
        </form>
      )}
      {downloadError && <ErrorBox error={downloadError} title="Herunterladen nicht möglich." />}
      {documents.error ? (
        <ErrorBox error={documents.error} />
      ) : (
        <DataTable
          caption="Dokumente der Fallakte, neueste zuerst"
          columns={[
            { key: 'fileName', header: 'Datei', render: (d) => d.fileName },
            { key: 'type', header: 'Typ', render: (d) => typeLabel(d.mediaType) },
            { key: 'size', header: 'Größe', numeric: true, render: (d) => germanSize(d.sizeBytes) },
            { key: 'createdAt', header: 'Hochgeladen', render: (d) => formatDateTime(d.createdAt) },
            {
              key: 'download',
              header: 'Herunterladen',
              render: (d) => (
                <button type="button" className="secondary" onClick={() => download(d)}>
                  Herunterladen<span className="visually-hidden"> „{d.fileName}“</span>
                </button>
              ),
            },
          ]}
          rows={documents.data?.items}
          rowKey={(d) => d.id}
          loading={documents.loading}
          empty="Noch keine Dokumente."
          paging={documents.data ? { total: documents.data.total, limit: PAGE_SIZE, offset, onChange: setOffset } : undefined}
        />
      )}
    </section>
  );
}
