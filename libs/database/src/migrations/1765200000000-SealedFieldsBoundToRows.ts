import { MigrationInterface, QueryRunner } from 'typeorm';
import { isLegacySealed, openField, openLegacyField, SEALED_V2_PREFIX, SealingKeys, sealField, sealLegacyField } from '@sro/common';

/** A quoted SQL identifier (names come from the catalogue, not from input; DDL takes no parameters). */
const ident = (value: string) => `"${value.replace(/"/g, '""')}"`;

const BATCH = 500;

interface SealedColumn {
  table: string;
  column: string;
}

/**
 * Re-seals every sealed column value from `<keyId>.<b64>` (additional data only the key id) to
 * `v2:<keyId>.<b64>` bound to table, column and row id, with the active field key. Sealed columns
 * are found by convention (`*_enc` text columns of tables with an `id`), so columns added by any
 * earlier migration are covered. The field keys come from the caller of the migrations
 * (`createDataSource({ fieldKeys })`); without them the migration runs only while there is
 * nothing to re-seal, and otherwise stops and says so.
 */
export class SealedFieldsBoundToRows1765200000000 implements MigrationInterface {
  name = 'SealedFieldsBoundToRows1765200000000';

  constructor(private readonly fieldKeys?: SealingKeys) {}

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, 'legacy', (keys, sealed, at) => sealField(keys, openLegacyField(keys, sealed), at));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.convert(queryRunner, 'v2', (keys, sealed, at) => sealLegacyField(keys, openField(keys, sealed, at)));
  }

  private async convert(
    queryRunner: QueryRunner,
    from: 'legacy' | 'v2',
    reseal: (keys: SealingKeys, sealed: string, at: { table: string; column: string; rowId: string }) => string,
  ): Promise<void> {
    // (left(…) = 'v2:') = true selects the new format, = false everything else non-null: the old one.
    const params = [SEALED_V2_PREFIX, from === 'v2'];
    const columns = await sealedColumns(queryRunner);
    for (const { table, column } of columns) {
      const [{ count }]: Array<{ count: number }> = await queryRunner.query(
        `SELECT count(*)::int AS count FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL AND (left(${ident(column)}, 3) = $1) = $2`,
        params,
      );
      if (count === 0) continue;
      const keys = this.fieldKeys;
      if (!keys)
        throw new Error(
          `${count} sealed value(s) in ${table}.${column} must be re-sealed and the field keys are not known to the migration: ` +
            'run the migrations with FIELD_KEYS set (the keys of API and worker; npm start, npm test and scripts/run.js migrate pass them)',
        );
      for (;;) {
        const rows: Array<{ id: string; sealed: string }> = await queryRunner.query(
          `SELECT id::text AS id, ${ident(column)} AS sealed FROM ${ident(table)}
            WHERE ${ident(column)} IS NOT NULL AND (left(${ident(column)}, 3) = $1) = $2 ORDER BY id LIMIT $3`,
          [...params, BATCH],
        );
        if (rows.length === 0) break;
        const resealed = rows.map((row) => {
          if (from === 'legacy' && !isLegacySealed(row.sealed))
            throw new Error(`${table}.${column} of row ${row.id} is neither in the old nor in the new sealed format`);
          try {
            return reseal(keys, row.sealed, { table, column, rowId: row.id });
          } catch (error) {
            // Ids and names only: the value itself stays out of the message.
            throw new Error(`${table}.${column} of row ${row.id} could not be opened with FIELD_KEYS: ${(error as Error).message}`, {
              cause: error,
            });
          }
        });
        await queryRunner.query(
          `UPDATE ${ident(table)} AS t SET ${ident(column)} = v.sealed
             FROM unnest($1::text[], $2::text[]) AS v(id, sealed) WHERE t.id::text = v.id`,
          [rows.map((r) => r.id), resealed],
        );
      }
    }
  }
}

/** The `*_enc` text columns of tables (in the current schema) that have an `id` column. */
async function sealedColumns(queryRunner: QueryRunner): Promise<SealedColumn[]> {
  return queryRunner.query(
    `SELECT c.table_name AS "table", c.column_name AS "column"
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.column_name LIKE '%\\_enc' AND c.data_type = 'text'
        AND EXISTS (SELECT 1 FROM information_schema.columns i
                     WHERE i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id')
      ORDER BY c.table_name, c.column_name`,
  );
}

/** The migration with the field keys it needs to re-seal; TypeORM builds migrations without arguments. */
export function sealedFieldsMigrationWith(fieldKeys: SealingKeys): typeof SealedFieldsBoundToRows1765200000000 {
  return class SealedFieldsBoundToRowsWithKeys extends SealedFieldsBoundToRows1765200000000 {
    constructor() {
      super(fieldKeys);
    }
  };
}
