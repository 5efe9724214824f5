import type { z } from 'zod';
import { KnowledgeLoadError } from '../errors';
import type * as Schemas from './schema';

/**
 * The zod schemas of the knowledge files, required on first use: only parsing the YAML needs them,
 * and loading zod would cost every start from the cache about 0.1 s.
 */
export function knowledgeSchemas(): typeof Schemas {
  return require('./schema') as typeof Schemas;
}

/** Validates one value with a schema; on failure names the file, the entry and the first bad field. */
export function check<T extends z.ZodType>(
  schema: T,
  value: unknown,
  file: string,
  entry: string | undefined,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : undefined;
  throw new KnowledgeLoadError({ file, entry, field, problem: issue?.message ?? 'invalid value' });
}

/** `#3 (UNABLE_TO_LOCK_ROW)`: the position always, the name when the item has one. */
export function describeItem(raw: unknown, index: number, key: string): string {
  const name = isRecord(raw) ? raw[key] : undefined;
  return typeof name === 'string' ? `#${index + 1} (${name})` : `#${index + 1}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
