/**
 * Turns a pasted Slack message into plain text the extractors can read in one linear pass.
 * Slack escapes `& < >` and wraps links as `<url|label>`; people wrap pastes in code fences
 * and quote markers. None of that carries meaning for the diagnosis.
 */

/** Work is capped so one huge snippet cannot stall a busy channel. Errors usually sit at the
 * top (the message) or the bottom (the cause) of a long log, so keep both ends. */
export const MAX_ANALYSED_CHARS = 64_000;
const HEAD_CHARS = 48_000;
const TAIL_CHARS = MAX_ANALYSED_CHARS - HEAD_CHARS;

export interface NormalisedText {
  /** The text the extractors read. */
  readonly text: string;
  /** Lower-cased copy for case-insensitive matching (same length and offsets as `text`). */
  readonly lower: string;
  /** True when the input was longer than the cap and its middle was dropped. */
  readonly truncated: boolean;
  /** Offsets covered by ```diff or ```patch fences: code, not a report. */
  readonly codeRanges: ReadonlyArray<readonly [number, number]>;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

export function normalise(input: string): NormalisedText {
  let text = input;
  let truncated = false;
  if (text.length > MAX_ANALYSED_CHARS) {
    text = `${text.slice(0, HEAD_CHARS)}\n…\n${text.slice(text.length - TAIL_CHARS)}`;
    truncated = true;
  }
  text = text
    // Control characters and lone binary bytes become spaces so offsets stay meaningful.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ')
    .replace(/\r\n?/g, '\n')
    // Slack link markup: <https://x|label> → https://x, <mailto:a@b|a@b> → a@b, <@U123> stays readable.
    .replace(/<((?:https?|mailto):[^|>\s]{1,2000})(?:\|[^>\n]{0,2000})?>/g, (_m, url: string) =>
      url.startsWith('mailto:') ? url.slice(7) : url,
    )
    .replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/^[ \t]{0,8}(?:&gt;|>)[ \t]?/gm, '')
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"');
  // Code fences are presentation, but a ```diff fence says "this is code": remember where those
  // are, then blank the fence markers out (same length, so offsets stay valid).
  const codeRanges = findDiffFences(text);
  text = text.replace(/```/g, '   ');
  return { text, lower: lowerSameLength(text), truncated, codeRanges };
}

function findDiffFences(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  const fence = /^[ \t]{0,8}```[ \t]*([a-z]{0,12})[ \t]*$/gim;
  let open: { lang: string; end: number } | undefined;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    if (open === undefined) {
      open = { lang: (m[1] ?? '').toLowerCase(), end: m.index + m[0].length };
    } else {
      if (open.lang === 'diff' || open.lang === 'patch') ranges.push([open.end, m.index]);
      open = undefined;
    }
  }
  if (open !== undefined && (open.lang === 'diff' || open.lang === 'patch')) ranges.push([open.end, text.length]);
  return ranges;
}

/** Offsets in `lower` must match `text`; a few Unicode letters change length when lower-cased. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
