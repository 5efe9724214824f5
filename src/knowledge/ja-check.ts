import type { FaqEntry, KnowledgeEntry } from './types';

/**
 * Checks on the Japanese translations for the mistakes translation tends to make, beyond what
 * the schema can see: a code or identifier of the English text that got lost or translated, a
 * quoted message text that was paraphrased, Slack `*bold*` markup (Slack does not render it when
 * Japanese characters touch the asterisks), text left in English, and a brief meaning that is not
 * one line. The checks compare each English text with its Japanese counterpart field by field.
 */

export interface JaFinding {
  readonly code: string;
  /** `title`, `causes.2`, `variants.expired-refresh-token.meaning`, `faq`. */
  readonly field: string;
  readonly problem: string;
}

export interface JaCheckReport {
  /** Japanese texts compared with their English counterpart. */
  readonly texts: number;
  /** Identifiers and quoted texts that had to carry over verbatim. */
  readonly verbatim: number;
  readonly findings: readonly JaFinding[];
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/**
 * Never translated: backticked code, UPPER_SNAKE and lower_snake codes, camelCase and PascalCase
 * API names (allOrNone, ProcessInstance, TargetObjectId), dotted names (System.LimitException,
 * Approval.lock), HTTP statuses.
 */
const IDENTIFIERS = [
  /`([^`]+)`/g,
  /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g,
  /\b([a-z]+(?:_[a-z0-9]+)+)\b/g,
  /\b([a-z]+[A-Z][A-Za-z0-9]*)\b/g,
  /\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+)\b/g,
  /\b((?:[A-Za-z]+\.)+[A-Za-z]+)\(/g,
  /\b((?:[A-Z][A-Za-z]+\.)+[A-Z][A-Za-z]*(?:Exception|Error))\b/g,
  /\b(HTTP[ _]\d{3})\b/g,
];
/** A double-quoted text in English is a message or label Salesforce shows: it stays as it is. */
const QUOTED = /"([^"]*)"/g;
/** Quoted text this short is a symbol or placeholder ("$", "-"), not a message. */
const MIN_QUOTED = 4;

/** What must appear in the Japanese text because it appears in the English one. */
export function verbatimParts(english: string): string[] {
  const parts = new Set<string>();
  for (const pattern of IDENTIFIERS) {
    for (const m of english.matchAll(pattern)) {
      const part = m[1];
      if (part !== undefined) parts.add(part.replace(/^HTTP[ _]/, ''));
    }
  }
  for (const m of english.matchAll(QUOTED)) {
    const part = m[1];
    if (part !== undefined && part.length >= MIN_QUOTED) parts.add(part);
  }
  return [...parts];
}

/** Compares one English text with its Japanese counterpart. */
export function checkText(english: string, japanese: string): { verbatim: number; problems: string[] } {
  const problems: string[] = [];
  const parts = verbatimParts(english);
  const missing = parts.filter((p) => !japanese.includes(p));
  if (missing.length > 0) problems.push(`missing from the Japanese text: ${missing.join(', ')}`);
  if (japanese.replace(/`[^`]*`/g, '').includes('*')) {
    problems.push('contains * (Slack does not render *bold* next to Japanese characters)');
  }
  if (!JAPANESE.test(japanese)) problems.push('has no Japanese in it');
  return { verbatim: parts.length, problems };
}

interface Pair {
  readonly field: string;
  readonly english: string | undefined;
  readonly japanese: string | undefined;
}

function entryPairs(e: KnowledgeEntry): Pair[] {
  const ja = e.ja;
  if (ja === undefined) return [];
  const pairs: Pair[] = [
    { field: 'title', english: e.title, japanese: ja.title },
    { field: 'meaning', english: e.meaning, japanese: ja.meaning },
    { field: 'limit', english: e.limit, japanese: ja.limit },
    { field: 'retryAdvice', english: e.retryAdvice, japanese: ja.retryAdvice },
    ...e.causes.map((c, i) => ({ field: `causes.${i}`, english: c, japanese: ja.causes[i] })),
    ...e.fixes.map((f, i) => ({ field: `fixes.${i}`, english: f, japanese: ja.fixes[i] })),
  ];
  for (const v of e.variants) {
    const p = `variants.${v.id}.`;
    pairs.push(
      { field: `${p}title`, english: v.title, japanese: v.ja?.title },
      { field: `${p}meaning`, english: v.meaning, japanese: v.ja?.meaning },
      { field: `${p}limit`, english: v.limit, japanese: v.ja?.limit },
      { field: `${p}retryAdvice`, english: v.retryAdvice, japanese: v.ja?.retryAdvice },
      ...v.causes.map((c, i) => ({ field: `${p}causes.${i}`, english: c, japanese: v.ja?.causes[i] })),
      ...v.fixes.map((f, i) => ({ field: `${p}fixes.${i}`, english: f, japanese: v.ja?.fixes[i] })),
    );
  }
  return pairs;
}

/** Checks every Japanese text against the English text of the same field. */
export function checkJapanese(entries: readonly KnowledgeEntry[], faqs: readonly FaqEntry[]): JaCheckReport {
  const findings: JaFinding[] = [];
  let texts = 0;
  let verbatim = 0;
  for (const e of entries) {
    for (const pair of entryPairs(e)) {
      if (pair.english === undefined && pair.japanese === undefined) continue;
      if (pair.english === undefined || pair.japanese === undefined) {
        findings.push({ code: e.code, field: pair.field, problem: 'only one language has this text' });
        continue;
      }
      texts += 1;
      const result = checkText(pair.english, pair.japanese);
      verbatim += result.verbatim;
      for (const problem of result.problems) findings.push({ code: e.code, field: pair.field, problem });
    }
    if (e.ja !== undefined && e.depth !== 'full' && e.ja.meaning.includes('\n')) {
      findings.push({ code: e.code, field: 'meaning', problem: 'a brief or basic meaning must be one line' });
    }
  }
  for (const f of faqs) {
    if (f.ja === undefined) continue;
    texts += 2;
    const result = checkText(f.answer, f.ja.answer);
    verbatim += result.verbatim;
    for (const problem of result.problems) findings.push({ code: f.id, field: 'answer', problem });
  }
  return { texts, verbatim, findings };
}
