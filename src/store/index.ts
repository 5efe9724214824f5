import type { DatabaseConfig } from '../config';
import { openPostgres } from './postgres-driver';
import { SqlStore } from './sql-store';
import { openSqlite } from './sqlite-driver';
import type { Store } from './types';

export type { Store } from './types';

/** Opens the configured engine and applies migrations. Throws a clear error if it cannot. */
export async function openStore(database: DatabaseConfig): Promise<Store> {
  const driver =
    database.kind === 'sqlite' ? openSqlite(database.file) : openPostgres({ connectionString: database.url });
  const store = new SqlStore(driver);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}
