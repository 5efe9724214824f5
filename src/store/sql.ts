/**
 * The smallest common surface of better-sqlite3 and pg that the store needs. Queries are
 * written once with `?` placeholders; the PostgreSQL driver numbers them ($1, $2, …).
 */
export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlDriver {
  readonly engine: 'sqlite' | 'postgres';
  all(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `fn` in one transaction; `lockKey` serialises it across processes where supported. */
  transaction<T>(fn: (tx: SqlDriver) => Promise<T>, lockKey?: number): Promise<T>;
  close(): Promise<void>;
}

/** `a = ? AND b = ?` → `a = $1 AND b = $2`. Question marks inside string literals are not used. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
