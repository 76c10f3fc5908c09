import type { DataSource, EntityManager } from 'typeorm';

/** The node-postgres client under a TypeORM query runner (only what is used here). */
interface PgClient {
  query(text: string): Promise<PgResult | PgResult[]>;
}
interface PgResult {
  rows: Array<Record<string, unknown>>;
}

/**
 * Runs `work` in a transaction whose opening statements go to the server in one round trip:
 * `BEGIN` and `opening` (fixed SQL without parameters, statements separated by `;`) as one simple
 * query. `work` gets the rows of the last opening statement and the transaction's manager; the
 * transaction commits when `work` resolves and rolls back when it throws. Under READ COMMITTED each
 * statement of the batch still takes its own snapshot, so a statement after a lock sees what was
 * committed before the lock was granted (the audit chain relies on that).
 */
export async function transactionOpenedWith<T>(
  dataSource: DataSource,
  opening: string,
  work: (openingRows: Array<Record<string, unknown>>, manager: EntityManager) => Promise<T>,
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
    let value: T;
    try {
      value = await work(last.rows, runner.manager);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await client.query('COMMIT');
    return value;
  } finally {
    await runner.release();
  }
}
