import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Row, SqlDriver, SqlValue } from './sql';

/**
 * better-sqlite3 is synchronous and fast; the async wrapper keeps one interface for both engines.
 * WAL mode lets the health check and readers run while a write is in progress, and
 * busy_timeout rides out a second process (a CLI, a restarting replica) holding the lock.
 */
export function openSqlite(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL still survives a process crash (kill -9); only a power cut can lose the
  // last commits. FULL would fsync on every event claim, the hottest write we have.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // The store uses a fixed set of SQL strings, so each is compiled once and reused.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const driver: SqlDriver = {
    engine: 'sqlite',
    async all(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
      return prepared(sql).all(...params) as Row[];
    },
    async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
      // Migrations run DDL once; keep those out of the cache.
      return (/^\s*(CREATE|ALTER|DROP)\b/i.test(sql) ? db.prepare(sql) : prepared(sql)).run(...params).changes;
    },
    async transaction<T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> {
      // BEGIN IMMEDIATE takes the write lock up front, so two processes migrating do not interleave.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(driver);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
    async close(): Promise<void> {
      if (db.open) db.close();
    },
  };
  return driver;
}
