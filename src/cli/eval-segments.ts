import type { LabelledRecord, Outcome } from './eval';
import { fmt } from './eval';

/**
 * Breaks evaluation figures down by the kind of text, so a change that helps pasted bodies
 * and hurts prose reports shows up. Each record's text format comes from a `formats.tsv`
 * (columns `id`, `format`), kept outside the JSONL files (../shared/eval/README.md).
 */
export type Formats = ReadonlyMap<string, string>;

/** Reads `id<TAB>format` lines; a header line and blank lines are skipped. */
export function parseFormats(tsv: string): Map<string, string> {
  const formats = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    const [id, format] = line.trim().split('\t');
    if (id === undefined || format === undefined || id === 'id' || id === '') continue;
    formats.set(id, format);
  }
  return formats;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** People describing the error in their own words. */
const PROSE_FORMATS = new Set(['prose', 'chat-bot']);
const CHAT_FORMATS = new Set(['chat', 'chat-bot', 'prose']);
const DOCS_FORMATS = new Set(['docs', 'code', 'format']);

/**
 * Positives: Japanese text; prose reports; a code shown in the text (an error field, a
 * `CODE: message` line, a code named in a sentence); a message without its code (the code is
 * inferred from the message, an Apex type, an HTTP status). Negatives by the kind of text.
 */
export function segmentOf(record: LabelledRecord, format: string | undefined): string {
  if (!record.is_error) {
    if (format === 'discussion') return 'negative: discussion, PR, docs-like prose';
    if (format !== undefined && CHAT_FORMATS.has(format)) return 'negative: chat';
    if (format !== undefined && DOCS_FORMATS.has(format)) return 'negative: docs and code';
    if (format === undefined) return 'negative: format unknown';
    return 'negative: paste that is not a Salesforce error';
  }
  if (JAPANESE.test(record.text)) return 'error: Japanese';
  if (format !== undefined && PROSE_FORMATS.has(format)) return 'error: prose report';
  if (showsCode(record)) return 'error: code shown';
  return 'error: message without a code';
}

function showsCode(record: LabelledRecord): boolean {
  const codes = [record.code, ...record.also].filter((c): c is string => c !== null);
  return codes.some((c) => {
    if (c.startsWith('HTTP_')) return false;
    const at = record.text.indexOf(c);
    return at !== -1 && !/\w/.test(record.text.charAt(at + c.length));
  });
}

interface SegmentRow {
  readonly segment: string;
  readonly n: number;
  readonly flagged: number;
  readonly top1: number;
}

export function segmentRows(outcomes: readonly Outcome[], formats: Formats): SegmentRow[] {
  const rows = new Map<string, { n: number; flagged: number; top1: number }>();
  for (const o of outcomes) {
    const segment = segmentOf(o.record, formats.get(o.record.id));
    const row = rows.get(segment) ?? { n: 0, flagged: 0, top1: 0 };
    row.n++;
    if (o.flagged) row.flagged++;
    if (o.top1) row.top1++;
    rows.set(segment, row);
  }
  return [...rows.entries()]
    .map(([segment, r]) => ({ segment, ...r }))
    .sort((a, b) => a.segment.localeCompare(b.segment));
}

/** Errors: recall and top-1 per segment. Negatives: how many got a (false) reply. */
export function formatSegments(outcomes: readonly Outcome[], formats: Formats): string {
  const lines = ['by segment:'];
  for (const r of segmentRows(outcomes, formats)) {
    const label = r.segment.padEnd(48);
    if (r.segment.startsWith('error:')) {
      lines.push(`  ${label} n=${String(r.n).padStart(3)}  recall ${fmt(r.flagged / r.n)}  top-1 ${fmt(r.top1 / r.n)}`);
    } else {
      lines.push(`  ${label} n=${String(r.n).padStart(3)}  false replies ${r.flagged} (${fmt(r.flagged / r.n)})`);
    }
  }
  return lines.join('\n');
}
