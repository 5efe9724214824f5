import { type CutHit, withoutWhitespace } from '../aho-corasick';
import type { Signal } from '../diagnosis';
import { CUT_OPENING_MIN, type MessagePattern } from '../index-builder';
import { MESSAGE_LONG, MESSAGE_MEDIUM, MESSAGE_SHORT } from '../weights';
import { adjustForLine } from './cues';
import { messageHeads } from './message-heads';
import type { ExtractInput, Extractor } from './types';

/** How far the pieces of one `*`-pattern may spread: one message, not the whole paste. */
const PIECE_WINDOW = 300;
/** Texts shorter than this ("socket hang up", "malformed id", "invalid type:") also occur
 * outside Salesforce; "too many callouts:" (18) and longer are the platform's own. */
const SPECIFIC_LENGTH = 18;
/** One text repeated down a log proves no more after a few sightings; stop examining it. */
const MAX_HITS_PER_PATTERN = 3;

/**
 * Finds known Salesforce message texts ("Session expired or invalid", "Too many SOQL queries:")
 * with one Aho–Corasick pass, then checks the other pieces of wildcard patterns nearby. The
 * same pass reports texts the paste stops part-way through (see `cutMessageSignal`).
 */
export const extractMessages: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  const seen = new Map<number, number>();
  const cuts: CutHit[] = [];
  const hits = index.messageAutomaton.search(doc.lower, undefined, cuts);
  if (index.nonAsciiMessages.length > 0 && NON_ASCII.test(doc.lower)) hits.push(...nonAsciiHits(doc.lower, index));
  if (doc.lower.includes('error_description=')) hits.push(...formEncodedHits(doc.lower, index));
  const inside = insideLongerText(index, hits);
  for (const hit of hits) {
    if (inside.has(hit)) continue;
    const count = seen.get(hit.pattern) ?? 0;
    if (count >= MAX_HITS_PER_PATTERN) continue;
    seen.set(hit.pattern, count + 1);
    const pattern = index.messages[hit.pattern];
    if (pattern === undefined) continue;
    const from = startOfPieces(doc.lower, pattern, hit.start);
    if (
      from === undefined ||
      (!('decoded' in hit) &&
        (runsOnIntoAWord(doc.lower, pattern, hit.start) || startsInsideAWord(doc.lower, pattern, from)))
    )
      continue;
    const base =
      pattern.literalLength >= 30 ? MESSAGE_LONG : pattern.literalLength >= 18 ? MESSAGE_MEDIUM : MESSAGE_SHORT;
    signals.push({
      code: pattern.code,
      kind: 'message',
      strength: adjustForLine(doc, hit.start, base, true),
      index: hit.start,
      from: from === hit.start ? undefined : from,
      variant: pattern.variant,
      needsContext: pattern.literalLength < SPECIFIC_LENGTH,
      leadInEnd:
        pattern.leadIn && pattern.anchor === pattern.pieces.length - 1
          ? foldedEnd(doc.lower, hit.start, (pattern.compactPieces[pattern.anchor] as string).length)
          : undefined,
    });
  }
  for (const cut of cuts) {
    const signal = cutMessageSignal(doc, index, cut);
    if (signal !== undefined) signals.push(signal);
  }
  signals.push(...quotedHeadSignals(doc, index));
  return signals;
};

/**
 * One API's text can hold another's: SOAP says "Destination URL not reset. The URL returned from
 * login must be set in the SforceService" under UNKNOWN_EXCEPTION, REST stops at "…must be set"
 * under URL_NOT_RESET. Where the paste holds the longer text whole, the shorter one inside it is
 * not a second finding: it is dropped, so the text actually pasted decides the code. Only
 * one-piece texts of different codes, found from the same start, are compared.
 */
function insideLongerText<Hit extends { pattern: number; start: number }>(
  index: ExtractInput['index'],
  hits: readonly Hit[],
): Set<Hit> {
  const dropped = new Set<Hit>();
  if (hits.length < 2) return dropped;
  const byStart = new Map<number, { hit: Hit; code: string; length: number }[]>();
  for (const hit of hits) {
    const pattern = index.messages[hit.pattern];
    // A decoded hit's offset is where the encoded value starts, not where its text does.
    if (pattern === undefined || pattern.pieces.length !== 1 || 'decoded' in hit) continue;
    const found = byStart.get(hit.start) ?? [];
    found.push({ hit, code: pattern.code, length: (pattern.compactPieces[0] as string).length });
    byStart.set(hit.start, found);
  }
  for (const found of byStart.values()) {
    if (found.length < 2) continue;
    const longest = found.reduce((a, b) => (b.length > a.length ? b : a));
    for (const f of found) if (f.code !== longest.code && f.length < longest.length) dropped.add(f.hit);
  }
  return dropped;
}

/**
 * A text whose variable part comes last ("Unknown user permission: *") is often quoted by its
 * words alone: 'We see issues with "Unknown user permission" over and over again'. Inside quotes,
 * the whole quote being those words, it is that text; the words must be specific on their own.
 */
const MAX_QUOTES = 200;
const QUOTED = /["“'`]([A-Za-z][^"”'`\n]{17,119}?)[.…]?["”'`]/g;
function quotedHeadSignals(doc: ExtractInput['doc'], index: ExtractInput['index']): Signal[] {
  const heads = messageHeads(index).byWords;
  const signals: Signal[] = [];
  const quote = new RegExp(QUOTED.source, 'g');
  // Prose has an apostrophe every few words: past this many quotes a paste is not a short report.
  let seen = 0;
  for (
    let m = quote.exec(doc.text);
    m !== null && signals.length < 3 && seen++ < MAX_QUOTES;
    m = quote.exec(doc.text)
  ) {
    const head = heads.get((m[1] as string).toLowerCase().replace(/\s+/g, ' ').trim());
    // The words must be specific on their own: a short head ("invalid type") is any sentence's.
    if (head === undefined || head.words.length < SPECIFIC_LENGTH) continue;
    const at = m.index + 1;
    signals.push({
      code: head.code,
      kind: 'message',
      strength: adjustForLine(doc, at, MESSAGE_MEDIUM, true),
      index: at,
      variant: head.variant,
    });
  }
  return signals;
}

/**
 * A known text the paste stops part-way through ("…user hasn't approved this consume" at the
 * end of an issue title, an excerpt ending in "…"): what it still holds is the platform's own
 * wording when the opening starts a word, any pieces before it are there, and at least
 * `CUT_MIN` characters of the text remain.
 */
function cutMessageSignal(doc: ExtractInput['doc'], index: ExtractInput['index'], cut: CutHit): Signal | undefined {
  const pattern = index.messages[cut.pattern];
  // Patterns may drop their first letter (a paste cut it off), so one letter before is fine.
  if (pattern === undefined || /[a-z0-9]{2}$/.test(doc.lower.slice(Math.max(0, cut.start - 2), cut.start))) {
    return undefined;
  }
  const from = startOfPieces(doc.lower, pattern, cut.start, false);
  if (from === undefined) return undefined;
  const held = pattern.compactPieces.slice(0, pattern.anchor).join('').length + cut.length;
  return {
    code: pattern.code,
    kind: 'message',
    strength: adjustForLine(doc, cut.start, held >= 30 ? MESSAGE_MEDIUM : MESSAGE_SHORT, true),
    index: cut.start,
    from: from === cut.start ? undefined : from,
    variant: pattern.variant,
    needsContext: held < SPECIFIC_LENGTH,
  };
}

/**
 * An OAuth callback URL carries Salesforce's message form-encoded ("…&error_description=missing+
 * required+code+challenge"): the value is read decoded, and a one-piece text found in it counts
 * from where the value starts. The paste itself stays as written, so its offsets and the
 * specifics read from it do not move.
 */
const FORM_DESCRIPTION = /\berror_description=([^&\s"'<>]{1,500})/g;
function formEncodedHits(
  lower: string,
  index: ExtractInput['index'],
): { pattern: number; start: number; decoded: true }[] {
  const hits: { pattern: number; start: number; decoded: true }[] = [];
  for (const m of lower.matchAll(FORM_DESCRIPTION)) {
    const value = m[1] as string;
    const decoded = decodeFormValue(value);
    if (decoded === value) continue; // nothing encoded: the ordinary pass has read it
    const start = (m.index ?? 0) + m[0].length - value.length;
    for (const hit of index.messageAutomaton.search(decoded, 20)) {
      if (index.messages[hit.pattern]?.pieces.length === 1) hits.push({ pattern: hit.pattern, start, decoded: true });
    }
  }
  return hits;
}

function decodeFormValue(value: string): string {
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray % that starts no escape: keep the rest as written
  }
}

/** Japanese and other non-ASCII text: the few patterns the ASCII automaton cannot hold. */
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
function nonAsciiHits(lower: string, index: ExtractInput['index']): { pattern: number; start: number }[] {
  const hits: { pattern: number; start: number }[] = [];
  // The text without white space, and where each of its characters came from.
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13) continue;
    compact += lower.charAt(i);
    positions.push(i);
  }
  for (const id of index.nonAsciiMessages) {
    const pattern = index.messages[id];
    const anchor = pattern?.compactPieces[pattern.anchor];
    if (anchor === undefined) continue;
    for (let at = compact.indexOf(anchor); at !== -1 && hits.length < 50; at = compact.indexOf(anchor, at + 1)) {
      hits.push({ pattern: id, start: positions[at] as number });
    }
  }
  return hits;
}

/**
 * A text ending in a letter, found where the word goes on ("…encounter authentication failures
 * despite…"), is a sentence using the same words, not the message: Salesforce's texts end where
 * they end. Only a pattern whose last piece is the one found can be checked here.
 */
function runsOnIntoAWord(lower: string, pattern: MessagePattern, start: number): boolean {
  if (pattern.anchor !== pattern.pieces.length - 1) return false;
  const anchor = pattern.compactPieces[pattern.anchor] as string;
  if (!/[a-z]$/.test(anchor)) return false;
  return /[a-z]/.test(lower.charAt(foldedEnd(lower, start, anchor.length)));
}

/**
 * The matcher leaves white space out, so "data access object type: csvWriter is not supported"
 * holds "sObject type … is not supported" from the last letter of "access" on. A text that starts
 * inside a word is not that text. Two letters before it are required, not one, so that a JSON
 * string's escaped line break ("…\nToo many SOQL queries") still counts as a boundary; a long
 * opening is matched from its second letter (index-builder.ts, CUT_OPENING_MIN), so there the
 * letter before it is the text's own and three are required.
 */
function startsInsideAWord(lower: string, pattern: MessagePattern, start: number): boolean {
  const letters = (pattern.pieces[0]?.length ?? 0) >= CUT_OPENING_MIN ? 3 : 2;
  return /[a-z]/.test(lower.charAt(start)) && start >= letters && ALL_LETTERS.test(lower.slice(start - letters, start));
}
const ALL_LETTERS = /^[a-z]+$/;

/** Where a piece of `length` characters (white space not counted) starting at `start` ends. */
function foldedEnd(lower: string, start: number, length: number): number {
  let i = start;
  let seen = 0;
  while (i < lower.length && seen < length) {
    if (!/\s/.test(lower.charAt(i))) seen++;
    i++;
  }
  return i;
}

/**
 * The anchor piece matched at `anchorStart`; the pieces before it must appear, in order, just
 * before it and the pieces after it just after. White space is left out of the bounded windows
 * searched, the same way the automaton leaves it out. Returns where the first piece starts, or
 * undefined when a piece is missing.
 */
function startOfPieces(lower: string, pattern: MessagePattern, anchorStart: number, whole = true): number | undefined {
  if (pattern.pieces.length === 1) return anchorStart;
  const anchor = pattern.compactPieces[pattern.anchor] as string;
  const before = withoutWhitespace(lower.slice(Math.max(0, anchorStart - PIECE_WINDOW * pattern.anchor), anchorStart));
  let cursor = before.length;
  for (let i = pattern.anchor - 1; i >= 0; i--) {
    const piece = pattern.compactPieces[i] as string;
    const found = cursor - piece.length < 0 ? -1 : before.lastIndexOf(piece, cursor - piece.length);
    if (found === -1) return undefined;
    cursor = found;
  }
  const start = backOverCharacters(lower, anchorStart, before.length - cursor);
  const afterPieces = pattern.pieces.length - pattern.anchor - 1;
  // A cut anchor has nothing after it: the paste stopped inside it.
  if (afterPieces === 0 || !whole) return start;
  const after = withoutWhitespace(
    lower.slice(anchorStart, anchorStart + anchor.length * 2 + PIECE_WINDOW * afterPieces),
  );
  let from = after.indexOf(anchor) + anchor.length;
  for (let i = pattern.anchor + 1; i < pattern.pieces.length; i++) {
    const piece = pattern.compactPieces[i] as string;
    const found = after.indexOf(piece, from);
    if (found === -1) return undefined;
    from = found + piece.length;
  }
  return start;
}

/** The offset `count` characters (white space not counted) before `end`. */
function backOverCharacters(lower: string, end: number, count: number): number {
  let i = end;
  let seen = 0;
  while (i > 0 && seen < count) {
    i--;
    if (!/\s/.test(lower.charAt(i))) seen++;
  }
  return i;
}
