import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { cleanFileName, DOCUMENT_CHUNK_BYTES, DocumentCipher, S3DocumentStorage, sniffDocumentType } from '@sro/cases';
import type { AppConfig } from '@sro/config';

/** A ZIP's first local file header with a stored entry (enough for the sniffer), then the rest. */
function zip(entries: Array<[string, string]>): Buffer {
  return Buffer.concat(
    entries.map(([name, content]) => {
      const head = Buffer.alloc(30);
      head.writeUInt32LE(0x04034b50, 0);
      head.writeUInt32LE(content.length, 18);
      head.writeUInt32LE(content.length, 22);
      head.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([head, Buffer.from(name), Buffer.from(content)]);
    }),
  );
}

describe('document types by content', () => {
  it('recognises PDF, images, legacy and current Office formats, and refuses the rest', () => {
    expect(sniffDocumentType(Buffer.from('%PDF-1.7\n...'))?.mediaType).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mediaType).toBe('image/png');
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mediaType).toBe('image/jpeg');
    expect(sniffDocumentType(Buffer.from('GIF89a...'))?.mediaType).toBe('image/gif');
    expect(sniffDocumentType(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))?.extension).toBe('doc');
    expect(
      sniffDocumentType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['word/document.xml', '<w/>'],
        ]),
      )?.extension,
    ).toBe('docx');
    expect(
      sniffDocumentType(
        zip([
          ['[Content_Types].xml', '<Types/>'],
          ['xl/workbook.xml', '<x/>'],
        ]),
      )?.extension,
    ).toBe('xlsx');
    expect(sniffDocumentType(zip([['mimetype', 'application/vnd.oasis.opendocument.text']]))?.extension).toBe('odt');
    expect(sniffDocumentType(zip([['readme.txt', 'hallo']]))).toBeUndefined();
    expect(sniffDocumentType(Buffer.from('MZ\x90\x00'))).toBeUndefined();
    expect(sniffDocumentType(Buffer.from('<html>'))).toBeUndefined();
  });

  it('keeps a file name without path or control characters', () => {
    expect(cleanFileName('C:\\Users\\x\\Bericht Müller.pdf', 'pdf')).toBe('Bericht Müller.pdf');
    expect(cleanFileName('../../etc/passwd\u0000', 'pdf')).toBe('passwd');
    expect(cleanFileName('..', 'pdf')).toBe('Dokument.pdf');
  });
});

describe('DocumentCipher (chunked AES-256-GCM)', () => {
  const config = { fieldKeys: { activeKeyId: 'k1', keys: new Map([['k1', randomBytes(32)]]) } } as unknown as AppConfig;
  const cipher = new DocumentCipher(config);
  const open = (sealed: Buffer, id = 'doc-1') => buffer(Readable.from([sealed]).pipe(cipher.opener('k1', id)));

  it('opens what it sealed, across chunk borders, and the sealed form shows nothing of the plaintext', async () => {
    for (const size of [1, DOCUMENT_CHUNK_BYTES, DOCUMENT_CHUNK_BYTES * 3 + 17]) {
      const plain = Buffer.concat([Buffer.from('Vertraulich Mustermann '), randomBytes(size)]);
      const sealed = Buffer.concat([...cipher.seal('doc-1', plain)]);
      expect(sealed.includes(Buffer.from('Mustermann'))).toBe(false);
      expect((await open(sealed)).equals(plain)).toBe(true);
    }
  });

  it('refuses a changed byte, a cut-off end, an appended chunk and another document’s id', async () => {
    const plain = randomBytes(DOCUMENT_CHUNK_BYTES * 2 + 5);
    const sealed = Buffer.concat([...cipher.seal('doc-1', plain)]);
    const changed = Buffer.from(sealed);
    changed[sealed.length - 20] ^= 1;
    await expect(open(changed)).rejects.toThrow('integrity');
    await expect(open(sealed.subarray(0, sealed.length - 200))).rejects.toThrow('integrity');
    const frames = [...cipher.seal('doc-1', plain)];
    // Without its final chunk the document is cut off, even at a chunk border.
    await expect(open(Buffer.concat(frames.slice(0, -1)))).rejects.toThrow('integrity');
    await expect(open(Buffer.concat([sealed, frames[1]]))).rejects.toThrow('integrity');
    await expect(open(sealed, 'doc-2')).rejects.toThrow('integrity');
  });
});

describe('S3DocumentStorage request signing (SigV4)', () => {
  it('signs a path-style request with the documented example key derivation', () => {
    const storage = new S3DocumentStorage(
      {
        endpoint: 'https://s3.example.org',
        bucket: 'sro-docs',
        region: 'eu-central-1',
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
      () => new Date('2026-12-02T10:00:00Z'),
    );
    const key = '00000000-0000-4000-8000-000000000001/00000000-0000-4000-8000-000000000002';
    const { url, headers } = storage.sign('PUT', key, Buffer.from('abc'));
    expect(url).toBe(`https://s3.example.org/sro-docs/${key}`);
    expect(headers['x-amz-date']).toBe('20261202T100000Z');
    expect(headers['x-amz-content-sha256']).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261202\/eu-central-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(() => storage.sign('GET', '../etc/passwd', Buffer.alloc(0))).toThrow();
  });
});
