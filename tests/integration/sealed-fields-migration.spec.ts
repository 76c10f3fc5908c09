import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '@sro/cases';
import { ErrorCode, openLegacyField, sealLegacyField } from '@sro/common';
import { AppConfig, parseKeyRing } from '@sro/config';
import { migrate } from '@sro/database';
import { seedDemoData } from '@sro/reference-data';
import { SealedFieldsBoundToRows1765200000000 } from '../../libs/database/src/migrations/1765200000000-SealedFieldsBoundToRows';
import { scratchDatabase } from '../support/database';

const MIGRATION = 'SealedFieldsBoundToRows1765200000000';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/**
 * The re-seal migration on real PostgreSQL: values sealed the old way (additional data only the key
 * id) become `v2:` values bound to table, column and row, which then refuse to open anywhere else.
 */
describe('migration SealedFieldsBoundToRows (PostgreSQL)', () => {
  const keys = parseKeyRing(`t1:${randomBytes(32).toString('base64')}`);
  const cipher = new FieldCipher({ fieldKeys: keys } as AppConfig);
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  const caseA = randomUUID();
  const caseB = randomUUID();
  const transferId = randomUUID();
  const followUps = Array.from({ length: 520 }, () => randomUUID());

  beforeAll(async () => {
    db = await scratchDatabase();
    await seedDemoData(db.dataSource);
    const [{ id: spaceId }] = await db.dataSource.query('SELECT id FROM social_space ORDER BY code LIMIT 1');
    // Rows as the code before this migration wrote them: `<keyId>.<b64>` sealed with only the key id as additional data.
    for (const [id, name] of [
      [caseA, 'Muster'],
      [caseB, 'Beispiel'],
    ]) {
      await db.dataSource.query(
        `INSERT INTO case_file (id, pseudonym, zone, social_space_id, assigned_caseworker_ids, personal_enc, content_enc, confided_enc, deletion_date, created_by)
         VALUES ($1, $2, 'unclear', $3, '{demo-caseworker}', $4, $5, $6, NULL, 'demo-caseworker')`,
        [
          id,
          `F-TEST-${id.slice(0, 6)}`,
          spaceId,
          sealLegacyField(keys, json({ familyName: name })),
          sealLegacyField(keys, json({ will: `Wille ${name}` })),
          sealLegacyField(keys, json([])),
        ],
      );
    }
    await db.dataSource.query(
      `INSERT INTO case_follow_up (id, case_id, user_id, due_on, text_enc)
       SELECT f.id, $2, 'demo-caseworker', current_date, f.text FROM unnest($1::uuid[], $3::text[]) AS f(id, text)`,
      [followUps, caseA, followUps.map((_, i) => sealLegacyField(keys, json(`Wiedervorlage ${i}`)))],
    );
    await db.dataSource.query(
      `INSERT INTO case_transfer (id, case_id, from_user_id, to_user_id, note_enc, transferred_by) VALUES ($1, $2, 'a', 'b', $3, 'a')`,
      [transferId, caseA, sealLegacyField(keys, json('Übergabe wegen Umzug'))],
    );
    // The migration already ran on the empty tables; run it again over the old rows.
    await db.dataSource.query('DELETE FROM migrations WHERE name = $1', [MIGRATION]);
  });
  afterAll(() => db?.drop());

  it('stops with a clear message, changing nothing, when the field keys are not given', async () => {
    await expect(migrate(db.ownerUrl)).rejects.toThrow(/case_file\.confided_enc must be re-sealed .* FIELD_KEYS/);
    const [{ legacy }] = await db.dataSource.query(`SELECT count(*)::int AS legacy FROM case_follow_up WHERE text_enc NOT LIKE 'v2:%'`);
    expect(legacy).toBe(520);
    expect(await db.dataSource.query('SELECT 1 FROM migrations WHERE name = $1', [MIGRATION])).toHaveLength(0);
  });

  it('re-seals every old value (in batches, in every *_enc column) bound to its row, with the same content', async () => {
    expect(await migrate(db.ownerUrl, { fieldKeys: keys })).toEqual([MIGRATION]);
    const [a] = await db.dataSource.query('SELECT * FROM case_file WHERE id = $1', [caseA]);
    for (const column of ['personal_enc', 'content_enc', 'confided_enc']) expect(a[column]).toMatch(/^v2:t1\./);
    expect(cipher.open(a.personal_enc, { table: 'case_file', column: 'personal_enc', rowId: caseA })).toEqual({ familyName: 'Muster' });
    expect(cipher.open(a.content_enc, { table: 'case_file', column: 'content_enc', rowId: caseA })).toEqual({ will: 'Wille Muster' });

    const rows: Array<{ id: string; text_enc: string }> = await db.dataSource.query('SELECT id, text_enc FROM case_follow_up');
    expect(rows.filter((r) => !r.text_enc.startsWith('v2:'))).toEqual([]);
    const texts = new Set(rows.map((r) => cipher.open<string>(r.text_enc, { table: 'case_follow_up', column: 'text_enc', rowId: r.id })));
    expect(texts.size).toBe(520);
    expect(texts.has('Wiedervorlage 519')).toBe(true);

    const [t] = await db.dataSource.query('SELECT note_enc FROM case_transfer WHERE id = $1', [transferId]);
    expect(cipher.open(t.note_enc, { table: 'case_transfer', column: 'note_enc', rowId: transferId })).toBe('Übergabe wegen Umzug');
  });

  it('after it, a value copied to another row or another column of PostgreSQL no longer opens', async () => {
    await db.dataSource.query('UPDATE case_file SET personal_enc = (SELECT personal_enc FROM case_file WHERE id = $1) WHERE id = $2', [
      caseA,
      caseB,
    ]);
    await db.dataSource.query('UPDATE case_file SET content_enc = personal_enc WHERE id = $1', [caseA]);
    const [a] = await db.dataSource.query('SELECT * FROM case_file WHERE id = $1', [caseA]);
    const [b] = await db.dataSource.query('SELECT * FROM case_file WHERE id = $1', [caseB]);
    expect(() => cipher.open(b.personal_enc, { table: 'case_file', column: 'personal_enc', rowId: caseB })).toThrow(
      expect.objectContaining({ code: ErrorCode.IntegrityViolation }),
    );
    expect(() => cipher.open(a.content_enc, { table: 'case_file', column: 'content_enc', rowId: caseA })).toThrow(
      expect.objectContaining({ code: ErrorCode.IntegrityViolation }),
    );
    // The original stays readable where it belongs.
    expect(cipher.open(a.personal_enc, { table: 'case_file', column: 'personal_enc', rowId: caseA })).toEqual({ familyName: 'Muster' });
  });

  it('goes back to the old format on down (values that no longer open where they are stop it)', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      await expect(new SealedFieldsBoundToRows1765200000000(keys).down(runner)).rejects.toThrow(
        /case_file\.content_enc of row .* could not be opened/,
      );
      // Repair the two rows the previous test broke, then down succeeds.
      await db.dataSource.query(`UPDATE case_file SET personal_enc = $2, content_enc = $3 WHERE id = $1`, [
        caseB,
        cipher.seal({ familyName: 'Beispiel' }, { table: 'case_file', column: 'personal_enc', rowId: caseB }),
        cipher.seal({ will: 'Wille Beispiel' }, { table: 'case_file', column: 'content_enc', rowId: caseB }),
      ]);
      await db.dataSource.query(`UPDATE case_file SET content_enc = $2 WHERE id = $1`, [
        caseA,
        cipher.seal({ will: 'Wille Muster' }, { table: 'case_file', column: 'content_enc', rowId: caseA }),
      ]);
      await new SealedFieldsBoundToRows1765200000000(keys).down(runner);
      const [t] = await db.dataSource.query('SELECT note_enc FROM case_transfer WHERE id = $1', [transferId]);
      expect(t.note_enc).toMatch(/^t1\./);
      expect(JSON.parse(openLegacyField(keys, t.note_enc).toString())).toBe('Übergabe wegen Umzug');
    } finally {
      await runner.release();
    }
  });
});
