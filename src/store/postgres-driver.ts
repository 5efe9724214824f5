import pg from 'pg';
import { numberPlaceholders, type Row, type SqlDriver, type SqlValue } from './sql';

/**
 * PostgreSQL through a small pool. BIGINT columns come back as strings from pg; they hold
 * millisecond timestamps well inside Number's safe range, so they are parsed as numbers.
 */
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface PostgresOptions {
  readonly connectionString: string;
  readonly max?: number;
  readonly connectionTimeoutMillis?: number;
}

export function openPostgres(options: PostgresOptions): SqlDriver {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped idle connection must not crash the process; the next query gets a new one.
  pool.on('error', () => {});
  const over = (client: pg.Pool | pg.PoolClient): SqlDriver => ({
    engine: 'postgres',
    async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      return (await client.query(numberPlaceholders(sql), [...params])).rows as Row[];
    },
    async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
      return (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0;
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>, lockKey?: number): Promise<T> {
      const conn = client instanceof pg.Pool ? await client.connect() : client;
      try {
        await conn.query('BEGIN');
        // Replicas starting together wait here instead of applying the same migration twice.
        if (lockKey !== undefined) await conn.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        const result = await fn(over(conn));
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        if (client instanceof pg.Pool) (conn as pg.PoolClient).release();
      }
    },
    async close(): Promise<void> {
      if (client instanceof pg.Pool) await client.end();
    },
  });
  return over(pool);
}
