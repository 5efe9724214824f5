import { loadEngine } from '../../src/knowledge/engine';
import type { KnowledgeEntry } from '../../src/knowledge/types';
import {
  APEX_EXCEPTION_TYPES,
  BULK_CODES,
  FULL_ENTRY_CODES,
  HTTP_STATUSES,
  OAUTH_ERRORS,
} from '../fixtures/knowledge-coverage';

// The real files, parsed from YAML (no cache), exactly as a fresh start-up would. What they must
// cover comes from the committed lists in test/fixtures/knowledge-coverage.ts; the comparison
// with the whole error catalogue needs ../shared and runs in CI (test/catalogue/).
const engine = loadEngine({ cacheDir: null });
const { entries, faqs, families } = engine.knowledge;
const byName = engine.index.byName;

const has = (name: string) => byName.has(name);
const entry = (name: string) => byName.get(name) as KnowledgeEntry;

describe('the real knowledge base', () => {
  it('loads every family file', () => {
    expect(families.map((f) => f.family).sort()).toEqual(
      [
        'apex',
        'bulk',
        'cli',
        'client-library',
        'exception-codes',
        'extended-error-codes',
        'faq',
        'http',
        'metadata',
        'network',
        'oauth',
        'pubsub',
        'rest',
        'sso',
        'status-codes',
        'streaming',
      ].sort(),
    );
    expect(entries.length).toBeGreaterThan(1000);
  });

  it('has Japanese text for every entry and every FAQ, so a Japanese answer is never half English', () => {
    expect(entries.filter((e) => e.ja === undefined).map((e) => e.code)).toEqual([]);
    expect(faqs.filter((f) => f.ja === undefined).map((f) => f.id)).toEqual([]);
    // Full entries are translated item for item (the loader checks the counts); a brief one is one line.
    for (const e of entries) {
      if (e.depth === 'full') expect(e.ja?.fixes.length).toBe(e.fixes.length);
      if (e.depth === 'brief') expect(e.ja?.meaning).not.toContain('\n');
    }
  });

  it('gives every commonly pasted code a full entry with causes and fixes', () => {
    const missing = FULL_ENTRY_CODES.filter((c) => !has(c));
    expect(missing).toEqual([]);
    const thin = FULL_ENTRY_CODES.filter((c) => entry(c).depth !== 'full');
    expect(thin).toEqual([]);
    for (const code of FULL_ENTRY_CODES) {
      expect(entry(code).causes.length).toBeGreaterThan(0);
      expect(entry(code).fixes.length).toBeGreaterThan(0);
    }
  });

  it('covers every REST HTTP status Salesforce documents', () => {
    expect(HTTP_STATUSES.filter((s) => !has(`HTTP_${s}`))).toEqual([]);
  });

  it('covers every Bulk API exception code, with core codes under their core name', () => {
    expect(BULK_CODES.filter((c) => !has(c))).toEqual([]);
    expect(entry('InvalidSessionId').code).toBe('INVALID_SESSION_ID');
    expect(entry('Unknown').code).toBe('UNKNOWN_EXCEPTION');
  });

  it('covers every OAuth error value, with the invalid_grant descriptions as variants', () => {
    expect(OAUTH_ERRORS.filter((c) => !has(c))).toEqual([]);
    const grant = entry('invalid_grant');
    const described = grant.variants.flatMap((v) => v.messages.map((m) => m.toLowerCase()));
    for (const text of [
      'authentication failure',
      'expired access/refresh token',
      "user hasn't approved this consumer",
      'ip restricted or invalid login hours',
      'audience validation failed',
    ]) {
      expect(described.some((m) => m.includes(text))).toBe(true);
    }
  });

  it('covers the Apex LimitException kinds and System exception types', () => {
    expect(APEX_EXCEPTION_TYPES.filter((t) => !has(`System.${t}`))).toEqual([]);
    for (const kind of ['SOQL_QUERIES', 'CPU_TIME', 'QUERY_ROWS', 'DML_STATEMENTS', 'DML_ROWS', 'HEAP_SIZE']) {
      expect(entry(`LIMIT_EXCEPTION_${kind}`).depth).toBe('full');
    }
    expect(entry('APEX_CPU_LIMIT').code).toBe('LIMIT_EXCEPTION_CPU_TIME');
    expect(has('ConcurrentPerOrgLongTxn')).toBe(true);
  });

  it('covers Streaming, Pub/Sub, MuleSoft, Metadata deploy and CLI codes', () => {
    for (const code of [
      'STREAMING_UNKNOWN_CLIENT',
      'STREAMING_INVALID_REPLAY_ID',
      'STREAMING_CONCURRENT_CLIENT_LIMIT',
      'STREAMING_HANDSHAKE_DENIED',
      'sfdc.platform.eventbus.grpc.service.auth.error',
      'sfdc.platform.eventbus.grpc.subscription.limit.exceeded',
      'SALESFORCE:CONNECTIVITY',
      'APEX_COMPILE_ERROR',
      'DEPLOY_CODE_COVERAGE',
      'DeployFailed',
      'C-9999',
      'C-1033',
      'ENOTFOUND',
    ]) {
      expect(has(code)).toBe(true);
    }
  });

  it('answers the FAQ questions the troubleshooting article covers', () => {
    expect(faqs.map((f) => f.id).sort()).toEqual(
      [
        'faq-api-limits',
        'faq-api-myths',
        'faq-api-usage',
        'faq-bulk-limits',
        'faq-error-formats',
        'faq-retry-backoff',
        'faq-support-recent-errors',
        'faq-support-request',
      ].sort(),
    );
    const usage = faqs.find((f) => f.id === 'faq-api-usage')?.answer ?? '';
    for (const place of ['System Overview', 'Company Information', 'Sforce-Limit-Info', '/limits']) {
      expect(usage).toContain(place);
    }
  });

  it('only relates entries to FAQs and codes that exist', () => {
    const faqIds = new Set(faqs.map((f) => f.id));
    const dangling = entries.flatMap((e) =>
      e.related.filter((r) => !faqIds.has(r) && !byName.has(r)).map((r) => `${e.code} → ${r}`),
    );
    expect(dangling).toEqual([]);
    const badSpecializes = entries.flatMap((e) =>
      e.specializes.filter((s) => !byName.has(s)).map((s) => `${e.code} → ${s}`),
    );
    expect(badSpecializes).toEqual([]);
  });

  it('keeps the transient value the evaluation convention fixes for named codes', () => {
    const expected: Record<string, boolean | null> = {
      UNABLE_TO_LOCK_ROW: true,
      REQUEST_LIMIT_EXCEEDED: true,
      ConcurrentPerOrgLongTxn: true,
      SERVER_UNAVAILABLE: true,
      HTTP_503: true,
      HTTP_504: true,
      STREAMING_UNKNOWN_CLIENT: true,
      STREAMING_CONCURRENT_CLIENT_LIMIT: true,
      LIMIT_EXCEEDED: true,
      INVALID_SESSION_ID: false,
      UNKNOWN_EXCEPTION: null,
      QUERY_TIMEOUT: null,
      INVALID_QUERY_LOCATOR: null,
      LIMIT_EXCEPTION_CPU_TIME: null,
      HTTP_500: null,
      HTTP_403: null,
      DeployFailed: null,
      'C-9999': null,
      'C-1033': null,
      ENOTFOUND: null,
      'System.CalloutException': null,
    };
    const actual = Object.fromEntries(Object.keys(expected).map((c) => [c, entry(c).transient]));
    expect(actual).toEqual(expected);
  });

  it('keeps every text within what a Slack answer can show', () => {
    const tooLong = entries.filter(
      (e) => e.title.length > 100 || e.meaning.length > 700 || [...e.causes, ...e.fixes].some((t) => t.length > 300),
    );
    expect(tooLong.map((e) => e.code)).toEqual([]);
    expect(faqs.every((f) => f.answer.length <= 2800)).toBe(true);
  });
});
