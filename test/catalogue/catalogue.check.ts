/**
 * The knowledge base against the whole error catalogue, ../shared/reference/salesforce-errors.md.
 * It needs ../shared, so it is not part of `npm test`: scripts/shared-checks.sh runs it (from
 * .ci/run) with jest.shared.config.js when ../shared is present. It also checks that the team's
 * committed lists in test/fixtures/knowledge-coverage.ts, which `npm test` uses, still match it.
 */
import { loadEngine } from '../../src/knowledge/engine';
import type { KnowledgeEntry } from '../../src/knowledge/types';
import {
  APEX_EXCEPTION_TYPES,
  BULK_CODES,
  FULL_ENTRY_CODES,
  HTTP_STATUSES,
  OAUTH_ERRORS,
} from '../fixtures/knowledge-coverage';
import { enumTable, firstColumn, readCatalogue, section } from '../helpers/catalogue';

const engine = loadEngine({ cacheDir: null });
const { entries } = engine.knowledge;
const byName = engine.index.byName;
const catalogue = readCatalogue();

const has = (name: string) => byName.has(name);
const entry = (name: string) => byName.get(name) as KnowledgeEntry;
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('the knowledge base against the error catalogue', () => {
  it('covers every SOAP ExceptionCode and StatusCode in the catalogue', () => {
    const exceptionCodes = enumTable(catalogue, '### 2.3');
    const statusCodes = enumTable(catalogue, '### 3.2');
    expect(exceptionCodes.length).toBeGreaterThanOrEqual(290);
    expect(statusCodes.length).toBeGreaterThanOrEqual(600);
    const missing = [...exceptionCodes, ...statusCodes].map((c) => c.code).filter((c) => !has(c));
    expect(missing).toEqual([]);
  });

  it('gives every starred (commonly pasted) code a full entry, and the committed list is the starred set', () => {
    const starred = sorted(
      [...enumTable(catalogue, '### 2.3'), ...enumTable(catalogue, '### 3.2')]
        .filter((c) => c.starred)
        .map((c) => c.code),
    );
    expect(starred.length).toBeGreaterThan(80);
    expect(starred.filter((c) => entry(c).depth !== 'full')).toEqual([]);
    expect(sorted(FULL_ENTRY_CODES)).toEqual(starred);
  });

  it('lists every REST HTTP status of the catalogue', () => {
    const statuses = sorted(firstColumn(catalogue, '### 1.1').filter((s) => /^\d{3}$/.test(s)));
    expect(statuses.length).toBeGreaterThanOrEqual(20);
    expect(sorted(HTTP_STATUSES)).toEqual(statuses);
  });

  it('lists every Bulk API exception code of the catalogue', () => {
    const bulk = firstColumn(catalogue, '### 4.1').flatMap((cell) => cell.split(',').map((c) => c.trim()));
    const names = sorted(bulk.filter((c) => /^[A-Z][A-Za-z]+$/.test(c) && c !== 'Code'));
    expect(names.length).toBeGreaterThan(20);
    expect(sorted(BULK_CODES)).toEqual(names);
  });

  it('lists every OAuth error value of the catalogue', () => {
    const values = sorted(firstColumn(catalogue, '## 5.').filter((c) => /^[a-z_]+$/.test(c)));
    expect(values.length).toBeGreaterThanOrEqual(16);
    expect(sorted(OAUTH_ERRORS)).toEqual(values);
  });

  it('lists every Apex System exception type of the catalogue', () => {
    const apexText = section(catalogue, '### 6.3').join('\n');
    // Connect API and other namespaces' exceptions are not System.* types.
    const types = [...apexText.matchAll(/\b([A-Z][A-Za-z]+Exception|RequiredFeatureMissing)\b/g)]
      .map((m) => m[1] as string)
      .filter((t) => !['ConnectApiException', 'NotFoundException', 'RateLimitException'].includes(t));
    expect(sorted(APEX_EXCEPTION_TYPES)).toEqual(sorted(types));
  });

  it('knows every Streaming API error message of the catalogue', () => {
    const streamingMessages = section(catalogue, '### 6.4')
      .flatMap((l) => {
        const m = /^\| (\d{3}::[^|/]+?)(?: \/|\s*\|)/.exec(l);
        return m ? [(m[1] as string).trim()] : [];
      })
      // Compare the reason after "NNN::"; the catalogue elides parts with "..." and {id}.
      .map((m) => (m.split('::')[1] as string).toLowerCase());
    expect(streamingMessages.length).toBeGreaterThan(12);
    const known = entries
      .flatMap((e) => [...e.messages, ...e.variants.flatMap((v) => v.messages)])
      .map((m) => m.toLowerCase().replace(/^\d{3}::/, ''));
    const pieces = (reason: string) =>
      reason
        .split(/\.\.\.|\{[^}]*\}/)
        .map((p) => p.trim())
        .filter((p) => p.length >= 8);
    const unmatched = streamingMessages.filter(
      (reason) => !pieces(reason).some((p) => known.some((k) => k.includes(p.slice(0, 16)) || p.includes(k))),
    );
    expect(unmatched).toEqual([]);
  });
});
