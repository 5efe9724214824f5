import type { Signal } from '../diagnosis';
import type { MessagePattern } from '../index-builder';
import { MESSAGE_LONG, MESSAGE_MEDIUM, MESSAGE_SHORT } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/** How far the pieces of one `*`-pattern may spread: one message, not the whole paste. */
const PIECE_WINDOW = 300;

/**
 * Finds known Salesforce message texts ("Session expired or invalid", "Too many SOQL queries:")
 * with one Aho–Corasick pass, then checks the other pieces of wildcard patterns nearby.
 */
export const extractMessages: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  const flat = doc.flat();
  for (const hit of index.messageAutomaton.search(flat.text)) {
    const pattern = index.messages[hit.pattern];
    if (pattern === undefined) continue;
    const flatStart = matchAround(flat.text, pattern, hit.start);
    if (flatStart === undefined) continue;
    const start = flat.origin[flatStart] ?? 0;
    const base =
      pattern.literalLength >= 30 ? MESSAGE_LONG : pattern.literalLength >= 18 ? MESSAGE_MEDIUM : MESSAGE_SHORT;
    signals.push({
      code: pattern.code,
      kind: 'message',
      strength: adjustForLine(doc, start, base, true),
      index: start,
      variant: pattern.variant,
    });
  }
  return signals;
};

/** Returns the start of the whole pattern if every piece is present in order around the anchor. */
function matchAround(lower: string, pattern: MessagePattern, anchorStart: number): number | undefined {
  let start = anchorStart;
  for (let i = pattern.anchor - 1; i >= 0; i--) {
    const piece = pattern.pieces[i] as string;
    // Search only a bounded window so adversarial input cannot make this quadratic.
    const from = Math.max(0, start - PIECE_WINDOW - piece.length);
    const offset = lower.slice(from, start).lastIndexOf(piece);
    if (offset === -1) return undefined;
    start = from + offset;
  }
  let cursor = anchorStart + (pattern.pieces[pattern.anchor] as string).length;
  for (let i = pattern.anchor + 1; i < pattern.pieces.length; i++) {
    const piece = pattern.pieces[i] as string;
    const offset = lower.slice(cursor, cursor + PIECE_WINDOW + piece.length).indexOf(piece);
    if (offset === -1) return undefined;
    cursor = cursor + offset + piece.length;
  }
  return start;
}
