import { types } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** The node-postgres client under a TypeORM query runner (only what is used here). */
interface PgClient {
  query(text: string): Promise<PgResult | PgResult[]>;
  escapeLiteral(value: string): string;
}
interface PgResult {
  rows: Array<Record<string, unknown>>;
}

/** Escapes a value as an SQL literal (the driver's escaping), for SQL sent as a simple query (no parameters). */
export type Literal = (value: string) => string;

/** The end of a transaction opened by `transactionOpenedWith`. */
export interface TransactionEnd {
  /**
   * Sends `statement` with the COMMIT as one simple query (one round trip for both). It is built
   * from fixed SQL and values passed through `literal` (the driver's escaping), as a simple query
   * takes no parameters. The transaction's result is then known only after it has committed.
   */
  commitWith(statement: (literal: Literal) => string): void;
}

/**
 * Runs `work` in a transaction whose opening statements go to the server in one round trip:
 * `BEGIN` and `opening` (fixed SQL without parameters, statements separated by `;`) as one simple
 * query. `work` gets the rows of the last opening statement and the transaction's manager; the
 * transaction commits when `work` resolves and rolls back when it throws. Under READ COMMITTED each
 * statement of the batch still takes its own snapshot, so a statement after a lock sees what was
 * committed before the lock was granted (the audit chain relies on that). With `end.commitWith`,
 * the transaction's last statement goes to the server with its COMMIT, in one round trip as well.
 */
export async function transactionOpenedWith<T>(
  dataSource: DataSource,
  opening: string,
  work: (openingRows: Array<Record<string, unknown>>, manager: EntityManager, end: TransactionEnd) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    let results: PgResult | PgResult[];
    try {
      // eslint-disable-next-line no-restricted-syntax -- `opening` is the callers' fixed SQL without values (see above).
      results = await client.query(`BEGIN; ${opening}`);
    } catch (error) {
      // A failed statement in a simple query aborts the transaction that BEGIN opened.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    const last = Array.isArray(results) ? results[results.length - 1] : results;
    let closing: string | undefined;
    const end: TransactionEnd = {
      commitWith: (statement) => {
        closing = statement((value) => client.escapeLiteral(value));
      },
    };
    try {
      const value = await work(last.rows, runner.manager, end);
      // `closing` is fixed SQL whose values are escaped literals (see TransactionEnd).
      await client.query(closing === undefined ? 'COMMIT' : `${closing}; COMMIT`);
      return value;
    } catch (error) {
      // After a failed statement of the closing batch the transaction is aborted, not ended: end it
      // before the connection goes back to the pool (a warning only if it has ended).
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/**
 * Sends several statements as one simple query: one round trip, one implicit transaction (all or
 * nothing; a failed statement rolls back the ones before it). Under READ COMMITTED each statement
 * takes its own snapshot, so a statement after a `FOR UPDATE` sees what was committed before the
 * lock was granted, and the locks are held until the last statement is done. A simple query takes no
 * parameters: `build` joins fixed SQL with values passed through `literal` (the driver's escaping).
 * Answers the rows of each statement, in order, parsed by the same type parsers as any other query.
 */
export async function statementsInOneRoundTrip(
  dataSource: DataSource,
  build: (literal: Literal) => string[],
): Promise<Array<Array<Record<string, unknown>>>> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const statements = build((value) => client.escapeLiteral(value));
    // Fixed SQL with escaped literals (see above).
    const results = await client.query(statements.join(';\n'));
    return (Array.isArray(results) ? results : [results]).map((result) => result.rows);
  } finally {
    await runner.release();
  }
}

const parseTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => Date;
const parseDate = types.getTypeParser(types.builtins.DATE) as (text: string) => Date;

/**
 * A row read as JSON (several tables' rows in one query) whose named timestamp and date columns were
 * sent in PostgreSQL's text form (`column::text`): they get the values a plain SELECT gives them,
 * parsed by the driver's own parsers; null stays null.
 */
export function withParsedDates<T extends object>(row: T, timestamps: Array<keyof T>, dates: Array<keyof T> = []): T {
  const out = { ...row } as Record<keyof T, unknown>;
  for (const column of timestamps) out[column] = row[column] === null ? null : parseTimestamp(row[column] as string);
  for (const column of dates) out[column] = row[column] === null ? null : parseDate(row[column] as string);
  return out as T;
}
