import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, client, Schemas, unwrap } from '../api';
import { useMe } from '../auth/session';
import { PageTitle } from '../shared/Page';
import { DataTable } from '../shared/DataTable';
import { useConfirm } from '../shared/confirm';
import { DateField, RadioGroup } from '../shared/forms';
import { germanDateOf, isoDateOf } from '../shared/german';
import {
  CheckboxGroup,
  formatDate,
  formatDateTime,
  FormErrors,
  Loaded,
  SubmitButton,
  TextField,
  toApiError,
  useLoad,
  useProblems,
} from '../shared/ui';
import { TextDiff } from './TextDiff';

type Agreement = Schemas['AgreementDetailDto'];
type Version = Schemas['AgreementVersionDto'];
type DecisionRecord = Schemas['AgreementDecisionRecordDto'];

export const AGREEMENT_KIND_LABELS: Record<string, string> = {
  cooperation: 'Kooperationsvereinbarung',
  three_party: 'Dreiseitiger Vertrag',
  social_space_contract: 'Sozialraumvertrag',
};
const STATUS_LABELS: Record<string, string> = {
  draft: 'Entwurf',
  in_approval: 'in der Freigabe',
  approved: 'freigegeben',
  active: 'in Kraft',
  expired: 'abgelaufen',
  terminated: 'beendet',
};
const DECISION_LABELS: Record<string, string> = { approve: 'Zustimmung', reject: 'Ablehnung' };

/** The party titles of the agreement's approval, by stage and party key. */
function partyTitle(agreement: Agreement, stageKey: string, partyKey: string): string {
  const stage = agreement.approval?.stages.find((s) => s.key === stageKey);
  return stage?.parties.find((p) => p.key === partyKey)?.title ?? partyKey;
}
const stageTitle = (agreement: Agreement, stageKey: string) =>
  agreement.approval?.stages.find((s) => s.key === stageKey)?.title ?? stageKey;

/**
 * One agreement as its approver decides on it: the text in approval and what changed since the
 * version they last decided on, the earlier decisions with their comments, and the decision form.
 */
export function DecisionPage() {
  const { id = '' } = useParams();
  const path = { params: { path: { id } } };
  const state = useLoad(
    () =>
      Promise.all([
        unwrap(client.GET('/cooperation-agreements/{id}', path)),
        unwrap(client.GET('/cooperation-agreements/{id}/versions', path)),
        unwrap(client.GET('/cooperation-agreements/{id}/decisions', path)),
      ]).then(([agreement, versions, decisions]) => ({ agreement, versions: versions.items, decisions: decisions.items })),
    [id],
  );
  return (
    <Loaded state={state}>
      {({ agreement, versions, decisions }) => (
        <DecisionView agreement={agreement} versions={versions} decisions={decisions} reload={state.reload} />
      )}
    </Loaded>
  );
}

function DecisionView({
  agreement,
  versions,
  decisions,
  reload,
}: {
  agreement: Agreement;
  versions: Version[];
  decisions: DecisionRecord[];
  reload: () => void;
}) {
  const me = useMe();
  const round = agreement.approval;
  const current = versions.find((v) => v.version === (round?.version ?? agreement.latestVersion)) ?? versions[versions.length - 1];
  // "The last version they saw": the latest earlier version this approver decided on, else the one before.
  const mine = decisions.filter((d) => d.approverId === me.sub && d.version < current.version);
  const seenVersion = mine.length ? Math.max(...mine.map((d) => d.version)) : current.version > 1 ? current.version - 1 : null;
  const seen = versions.find((v) => v.version === seenVersion);
  const onTurn =
    round?.status === 'running'
      ? round.stages
          .filter((s) => s.status === 'active')
          .map((s) => ({
            stage: s,
            parties: s.parties.filter((p) => !p.decision && p.approverIds.includes(me.sub)),
          }))
          .filter((s) => s.parties.length > 0)
      : [];
  const open = onTurn[0];
  return (
    <>
      <PageTitle>{`Entscheidung: ${agreement.title}`}</PageTitle>
      <p>
        <Link to="/entscheidungen">Zurück zu den offenen Entscheidungen</Link>
      </p>
      <dl className="facts">
        <dt>Aktenzeichen</dt>
        <dd>{agreement.reference}</dd>
        <dt>Art</dt>
        <dd>{AGREEMENT_KIND_LABELS[agreement.kind] ?? agreement.kind}</dd>
        <dt>Status</dt>
        <dd>{STATUS_LABELS[agreement.status] ?? agreement.status}</dd>
        <dt>Vertragsparteien</dt>
        <dd>{agreement.parties.map((p) => p.name).join(', ') || '–'}</dd>
        <dt>Gültigkeit</dt>
        <dd>
          {germanDateOf(current.validFrom)} bis {germanDateOf(current.validUntil)}
        </dd>
        {open && (
          <>
            <dt>Frist</dt>
            <dd>
              {formatDate(open.stage.dueAt)}
              {open.stage.overdue && <strong> (überfällig)</strong>}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="text">
        <h2 id="text">Text der Version {current.version}</h2>
        {current.changeNote && <p>Änderungsnotiz: {current.changeNote}</p>}
        <div className="agreement-text">{current.body}</div>
        {current.attachments.length > 0 && <p>Anlagen: {current.attachments.map((a) => a.fileName).join(', ')}</p>}
      </section>

      {seen && (
        <section aria-labelledby="changes">
          <h2 id="changes">
            Änderungen gegenüber Version {seen.version}
            {mine.length ? ' (zuletzt von Ihnen entschieden)' : ''}
          </h2>
          <p className="hint">Gestrichenes ist durchgestrichen, Eingefügtes unterstrichen.</p>
          {(seen.validFrom !== current.validFrom || seen.validUntil !== current.validUntil) && (
            <p>
              Gültigkeit vorher {germanDateOf(seen.validFrom)} bis {germanDateOf(seen.validUntil)}, jetzt {germanDateOf(current.validFrom)}{' '}
              bis {germanDateOf(current.validUntil)}.
            </p>
          )}
          <TextDiff before={seen.body} after={current.body} />
        </section>
      )}

      <section aria-labelledby="earlier">
        <h2 id="earlier">Bisherige Entscheidungen und Kommentare</h2>
        <DataTable
          caption="Bisherige Entscheidungen"
          captionHidden
          rows={[...decisions].reverse()}
          rowKey={(d) => d.id}
          empty="Noch keine Entscheidungen."
          columns={[
            { key: 'at', header: 'Datum', render: (d) => formatDateTime(d.decidedAt) },
            { key: 'version', header: 'Version', render: (d) => d.version, numeric: true },
            { key: 'stage', header: 'Stufe', render: (d) => stageTitle(agreement, d.stageKey) },
            {
              key: 'party',
              header: 'Für',
              render: (d) => `${partyTitle(agreement, d.stageKey, d.partyKey)}${d.approverId === me.sub ? ' (Sie)' : ''}`,
            },
            { key: 'decision', header: 'Entscheidung', render: (d) => DECISION_LABELS[d.decision] ?? d.decision },
            {
              key: 'comment',
              header: 'Kommentar',
              render: (d) => (
                <>
                  {d.comment ?? '–'}
                  {d.resolutionNumber && (
                    <>
                      <br />
                      Beschluss {d.resolutionNumber} vom {germanDateOf(d.resolutionDate)}
                    </>
                  )}
                </>
              ),
            },
          ]}
        />
      </section>

      {open ? (
        <DecisionForm agreement={agreement} stage={open.stage} parties={open.parties} onDone={reload} />
      ) : (
        <p role="status" className="alert alert-ok">
          Für Sie ist zu dieser Vereinbarung derzeit nichts zu entscheiden.
        </p>
      )}
    </>
  );
}

function DecisionForm({
  agreement,
  stage,
  parties,
  onDone,
}: {
  agreement: Agreement;
  stage: Schemas['StageApprovalDto'];
  parties: Schemas['PartyApprovalDto'][];
  onDone: () => void;
}) {
  const [forParties, setForParties] = useState(parties.map((p) => p.key));
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [resolutionNumber, setResolutionNumber] = useState('');
  const [resolutionDate, setResolutionDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirm, dialog] = useConfirm();
  const { error, setError, at } = useProblems();
  const titles = parties.filter((p) => forParties.includes(p.key)).map((p) => p.title);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = [
      ...(!decision ? [{ pointer: '/decision', code: 'required', message: 'Bitte wählen Sie Zustimmung oder Ablehnung.' }] : []),
      ...(forParties.length === 0 ? [{ pointer: '/partyKey', code: 'required', message: 'Bitte wählen Sie mindestens eine Partei.' }] : []),
    ];
    if (local.length) {
      setError(new ApiError({ status: 400, detail: 'Bitte korrigieren Sie die markierten Angaben.', errors: local }));
      return;
    }
    if (
      decision === 'reject' &&
      !(await confirm({
        title: 'Vereinbarung ablehnen?',
        body: (
          <p>
            Sie lehnen die Vereinbarung {agreement.reference} „{agreement.title}“ für {titles.join(' und ')} ab. Die Freigabe endet, die
            Vereinbarung geht mit Ihrem Kommentar an die Koordination zurück. Das lässt sich nicht rückgängig machen.
          </p>
        ),
        confirmLabel: 'Ablehnen',
        danger: true,
      }))
    )
      return;
    setBusy(true);
    try {
      for (const partyKey of forParties) {
        await unwrap(
          client.POST('/cooperation-agreements/{id}/decisions', {
            params: { path: { id: agreement.id } },
            body: {
              stageKey: stage.key,
              partyKey,
              decision: decision as 'approve' | 'reject',
              ...(comment.trim() ? { comment } : {}),
              ...(stage.committee ? { resolutionNumber, resolutionDate: isoDateOf(resolutionDate) } : {}),
            },
          }),
        );
        // After a rejection the round has ended: the other parties have nothing left to decide.
        if (decision === 'reject') break;
      }
      setError(null);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="decide">
      <h2 id="decide">Ihre Entscheidung: {stage.title}</h2>
      <form onSubmit={submit} noValidate>
        <FormErrors error={error} />
        {parties.length > 1 ? (
          <CheckboxGroup
            legend="Sie entscheiden für"
            options={parties.map((p) => ({ value: p.key, label: p.title }))}
            value={forParties}
            onChange={setForParties}
            errors={at('/partyKey')}
          />
        ) : (
          <p>Sie entscheiden für: {parties[0].title}</p>
        )}
        <RadioGroup
          label="Entscheidung"
          required
          pointer="/decision"
          value={decision}
          onChange={setDecision}
          options={[
            { value: 'approve', label: 'Zustimmen' },
            { value: 'reject', label: 'Ablehnen' },
          ]}
          errors={at('/decision')}
        />
        <TextField
          label="Kommentar"
          hint="Bei einer Ablehnung erforderlich: Welche Änderungen sind nötig?"
          multiline
          pointer="/comment"
          required={decision === 'reject'}
          value={comment}
          onChange={setComment}
          errors={at('/comment')}
        />
        {stage.committee && (
          <>
            <TextField
              label="Beschlussnummer"
              required
              pointer="/resolutionNumber"
              hint="z. B. JHA-2026/017"
              value={resolutionNumber}
              onChange={setResolutionNumber}
              errors={at('/resolutionNumber')}
            />
            <DateField
              label="Beschlussdatum"
              required
              pointer="/resolutionDate"
              value={resolutionDate}
              onChange={setResolutionDate}
              errors={at('/resolutionDate')}
            />
          </>
        )}
        <SubmitButton busy={busy}>Entscheidung speichern</SubmitButton>
      </form>
      {dialog}
    </section>
  );
}
