import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads code names out of ../shared/reference/salesforce-errors.md so the catalogue check
 * (test/catalogue/) can verify that the knowledge base covers the whole catalogue, not just the
 * codes the development set happens to show. scripts/shared-checks.sh passes CATALOGUE_PATH.
 */
export const CATALOGUE_PATH =
  process.env.CATALOGUE_PATH ?? join(__dirname, '..', '..', '..', 'shared', 'reference', 'salesforce-errors.md');

export interface CatalogueCode {
  readonly code: string;
  readonly starred: boolean;
}

export function readCatalogue(): string {
  return readFileSync(CATALOGUE_PATH, 'utf8');
}

/** Lines of the section that starts with `heading` up to the next heading of the same or higher level. */
export function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start === -1) throw new Error(`catalogue has no section ${heading}`);
  const level = (/^#+/.exec(heading) as RegExpExecArray)[0].length;
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^(#+) /.exec(line);
    if (m && (m[1] as string).length <= level) break;
    out.push(line);
  }
  return out;
}

/** `| \`CODE\` | Src | ★ | Retry | Meaning |` rows. */
export function enumTable(text: string, heading: string): CatalogueCode[] {
  return section(text, heading).flatMap((line) => {
    const m = /^\| `([A-Za-z0-9_]+)` \| [DWA]* \| (★?)/.exec(line);
    return m ? [{ code: m[1] as string, starred: m[2] === '★' }] : [];
  });
}

/** First-column values of a table, e.g. HTTP statuses or Bulk codes. */
export function firstColumn(text: string, heading: string): string[] {
  return section(text, heading).flatMap((line) => {
    const m = /^\| ([^|]+?) \|/.exec(line);
    if (!m || /^-+$/.test((m[1] as string).trim())) return [];
    return [(m[1] as string).trim()];
  });
}
