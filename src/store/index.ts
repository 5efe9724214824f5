import type { DatabaseConfig } from '../config';
import { StoreError } from '../errors';
import type { SqlDriver } from './sql';
import { SqlStore } from './sql-store';
import { openSqlite } from './sqlite-driver';
import type { Store } from './types';

export type { Store } from './types';

/** Opens the configured engine and applies migrations. Throws a StoreError that says what to check. */
export async function openStore(database: DatabaseConfig): Promise<Store> {
  let store: SqlStore | undefined;
  try {
    store = new SqlStore(database.kind === 'sqlite' ? openSqlite(database.file) : openPostgresLazily(database.url));
    await store.migrate();
    return store;
  } catch (err) {
    await store?.close().catch(() => {});
    throw new StoreError(describeFailure(database, err), { cause: err });
  }
}

/** `pg` is required only when PostgreSQL is configured: loading it costs ~60 ms at start-up, and
 * a single-replica install and every CLI call use SQLite or no store at all. */
function openPostgresLazily(url: string): SqlDriver {
  const { openPostgres } = require('./postgres-driver') as typeof import('./postgres-driver');
  return openPostgres({ connectionString: url });
}

function describeFailure(database: DatabaseConfig, err: unknown): string {
  const e = err as { code?: unknown; message?: unknown };
  const reason = typeof e.message === 'string' && e.message !== '' ? e.message : String(e.code ?? err);
  if (database.kind === 'sqlite') {
    return `Cannot open the SQLite database ${database.file} (${reason}). Check that DATA_DIR points to a writable directory.`;
  }
  return `Cannot open the PostgreSQL database at ${safeLocation(database.url)} (${reason}). Check DATABASE_URL and that the server is running and accepts connections.`;
}

/** host:port/database only: a connection string can carry a password. */
function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the address in DATABASE_URL';
  }
}
