import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '@sro/common';
import { RetentionActivities } from '@sro/jugendhilfedienst';
import { caseBody } from '../factories/cases';
import { isolatedSystem } from '../support/isolated';
import { bearer } from '../support/tokens';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A PDF of about 300 KB (several sealed chunks) with a recognisable text in it. */
function pdf(marker: string): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\n`),
    randomBytes(300_000),
    Buffer.from(`\n(${marker}) Tj\n%%EOF\n`),
  ]);
}

/** Documents of a case file: content-typed uploads, sealed at rest, streamed back, gone with the case. */
describe('case documents', () => {
  let system: Awaited<ReturnType<typeof isolatedSystem>>;
  let documentDir: string;
  let cw: string;
  let sameSpace: string;
  let caseId: string;
  let documentId: string;
  const original = pdf('Gutachten über Leon Mustermann-Öztürk');
  const api = () => request(system.http);

  beforeAll(async () => {
    documentDir = mkdtempSync(join(tmpdir(), 'sro-documents-'));
    system = await isolatedSystem('e2e-case-documents', { DOCUMENT_DIR: documentDir });
    const [{ id: spaceId }] = await system.db.query(
      `SELECT s.id FROM social_space s JOIN planning_region r ON r.id = s.planning_region_id WHERE r.code = 'PR1' ORDER BY s.code LIMIT 1`,
    );
    await system.db.query(
      `INSERT INTO app_user (id, display_name, roles, social_space_ids) VALUES ('cw-same-space', 'Fachkraft im Sozialraum', '{caseworker}', ARRAY[$1::uuid])`,
      [spaceId],
    );
    cw = await bearer(Role.Caseworker);
    sameSpace = await bearer(Role.Caseworker, 'cw-same-space');
    caseId = (await api().post('/cases').set('Authorization', cw).send(caseBody(spaceId)).expect(201)).body.id;
  });
  afterAll(async () => {
    await system?.close();
    rmSync(documentDir, { recursive: true, force: true });
  });

  it('takes a PDF by its content, stores it sealed, and gives back the same bytes with attachment and no-store', async () => {
    const upload = await api()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', cw)
      // The client's claim is ignored: the content decides.
      .attach('file', original, { filename: 'Gutachten Müller.pdf', contentType: 'application/octet-stream' });
    expect(upload.status).toBe(201);
    documentId = upload.body.id;
    expect(upload.body).toEqual({
      id: expect.any(String),
      caseId,
      fileName: 'Gutachten Müller.pdf',
      mediaType: 'application/pdf',
      sizeBytes: original.length,
      uploadedBy: 'demo-caseworker',
      createdAt: expect.any(String),
    });

    const stored = readFileSync(join(documentDir, caseId, documentId));
    expect(stored.equals(original)).toBe(false);
    expect(stored.includes(Buffer.from('Mustermann'))).toBe(false);
    expect(stored.includes(original.subarray(1000, 1064))).toBe(false);
    const [row] = await system.db.query('SELECT * FROM case_document WHERE id = $1', [documentId]);
    expect(JSON.stringify(row)).not.toContain('Müller');
    expect(row.key_id).toBe(system.config.fieldKeys.activeKeyId);

    const download = await api()
      .get(`/cases/${caseId}/documents/${documentId}`)
      .set('Authorization', cw)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect((download.body as Buffer).equals(original)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['cache-control']).toBe('no-store');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Gutachten Muller.pdf"; filename*=UTF-8''Gutachten%20M%C3%BCller.pdf`,
    );
  });

  it('lists the documents of the case for its team and audits upload, list and download with the case', async () => {
    const list = await api().get(`/cases/${caseId}/documents`).set('Authorization', cw).expect(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: documentId, fileName: 'Gutachten Müller.pdf' }] });
    const audit: Array<{ action: string; outcome: string; details: Record<string, unknown> }> = await system.db.query(
      `SELECT action, outcome, details FROM audit_event WHERE resource_type = 'case' AND resource_id = $1 AND action LIKE '%document%' ORDER BY id`,
      [caseId],
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'upload-document', outcome: 'allowed', details: expect.objectContaining({ documentId }) }),
      expect.objectContaining({ action: 'download-document', outcome: 'allowed', details: expect.objectContaining({ documentId }) }),
      expect.objectContaining({ action: 'read-documents', outcome: 'allowed' }),
    ]);
  });

  it('refuses a caseworker who is not on the case team (403 in the same social space), audited as denied', async () => {
    expect((await api().get(`/cases/${caseId}/documents`).set('Authorization', sameSpace)).status).toBe(403);
    expect((await api().get(`/cases/${caseId}/documents/${documentId}`).set('Authorization', sameSpace)).status).toBe(403);
    const upload = await api()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', sameSpace)
      .attach('file', pdf('x'), { filename: 'x.pdf' });
    expect(upload.status).toBe(403);
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE actor_id = 'cw-same-space' AND resource_id = $1 AND outcome = 'denied'`,
      [caseId],
    );
    expect(n).toBe(3);
    expect(
      (
        await api()
          .get(`/cases/${caseId}/documents`)
          .set('Authorization', await bearer(Role.Coordinator))
      ).status,
    ).toBe(403);
  });

  it('answers 413 problem+json in German for a 25 MB upload and keeps nothing', async () => {
    const res = await api()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', cw)
      .attach('file', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]), { filename: 'gross.pdf' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 413,
      type: expect.stringContaining('payload-too-large'),
      detail: expect.stringContaining('höchstens 20 MB'),
    });
    expect(await system.db.query('SELECT count(*)::int AS n FROM case_document WHERE case_id = $1', [caseId])).toEqual([{ n: 1 }]);
  });

  it('answers 415 problem+json for content that is no accepted type, whatever the client claims, and for a body that is no upload', async () => {
    for (const [content, name] of [
      [Buffer.from('MZ\x90\x00 this is a program'), 'Bericht.pdf'],
      [Buffer.from('Nur Text, kein PDF'), 'notiz.txt'],
      [Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(200)]), 'archiv.docx'],
    ] as Array<[Buffer, string]>) {
      const res = await api()
        .post(`/cases/${caseId}/documents`)
        .set('Authorization', cw)
        .attach('file', content, { filename: name, contentType: 'application/pdf' });
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(/Dateityp wird nicht angenommen/);
    }
    const json = await api().post(`/cases/${caseId}/documents`).set('Authorization', cw).send({ file: 'x' });
    expect(json.status).toBe(415);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
    const empty = await api().post(`/cases/${caseId}/documents`).set('Authorization', cw).field('note', 'x');
    expect(empty.status).toBe(400);
    expect(empty.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a problem instead of altered bytes when the stored object was tampered with', async () => {
    const res = await api()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', cw)
      .attach('file', pdf('tamper'), { filename: 't.pdf' });
    expect(res.status).toBe(201);
    const path = join(documentDir, caseId, res.body.id);
    const stored = readFileSync(path);
    stored[40] ^= 0xff;
    writeFileSync(path, stored);
    const download = await api().get(`/cases/${caseId}/documents/${res.body.id}`).set('Authorization', cw);
    expect(download.status).toBe(500);
    expect(download.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(download.headers['content-disposition']).toBeUndefined();
  });

  it('goes with the case when the retention anonymises it: rows and stored objects', async () => {
    const keys: Array<{ storage_key: string }> = await system.db.query('SELECT storage_key FROM case_document WHERE case_id = $1', [
      caseId,
    ]);
    expect(keys.length).toBeGreaterThan(0);
    for (const { storage_key } of keys) expect(existsSync(join(documentDir, storage_key))).toBe(true);
    await system.db.query(`UPDATE case_file SET closed_at = now() - interval '6 years', deletion_date = now()::date - 1 WHERE id = $1`, [
      caseId,
    ]);
    const retention = system.api.app.get(RetentionActivities, { strict: false });
    expect(await retention.anonymiseCase({ caseId, asOf: day(0) })).toBe(true);
    expect(await system.db.query('SELECT 1 FROM case_document WHERE case_id = $1', [caseId])).toEqual([]);
    for (const { storage_key } of keys) expect(existsSync(join(documentDir, storage_key))).toBe(false);
    expect(await system.db.query('SELECT 1 FROM case_search_token WHERE case_id = $1', [caseId])).toEqual([]);
    expect((await api().get(`/cases/${caseId}/documents/${documentId}`).set('Authorization', cw)).status).toBe(404);
  });
});
