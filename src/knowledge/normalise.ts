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
  /** Offsets covered by ```diff or ```patch fences, and by the docstrings of Python classes and
   * functions: code and its documentation, not a report. */
  readonly codeRanges: ReadonlyArray<readonly [number, number]>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const TYPOGRAPHY = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\u2018\u2019\u201a\u2032\u201c\u201d\u201e\u2033]/;

/** Control characters and lone binary bytes become spaces so offsets stay meaningful. One pass
 * over char codes, decoded once: a regex replace with thousands of matches (a binary paste) is
 * several times slower. Unpaired surrogates come back as U+FFFD, one unit each. */
const UTF16 = new TextDecoder('utf-16le');
function replaceControls(text: string): string {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    codes[i] = (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd ? 32 : c;
  }
  return UTF16.decode(codes);
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&apos;': "'",
  '&#39;': "'",
};

/** `\u00e9` → `é`; an escaped ASCII character is kept as written. */
function decodeNonAsciiEscape(written: string, hex: string): string {
  const unit = Number.parseInt(hex, 16);
  return unit < 0x80 ? written : String.fromCharCode(unit);
}

/** The part of a paste that is analysed: all of it, or its head and tail when it is huge. */
export function analysedWindow(input: string): { readonly text: string; readonly truncated: boolean } {
  if (input.length <= MAX_ANALYSED_CHARS) return { text: input, truncated: false };
  return { text: `${input.slice(0, HEAD_CHARS)}\n…\n${input.slice(input.length - TAIL_CHARS)}`, truncated: true };
}

export function normalise(input: string): NormalisedText {
  const window = analysedWindow(input);
  const truncated = window.truncated;
  let text = window.text;
  // Each pass runs only when its trigger is present: most messages need none of them.
  if (CONTROL.test(text)) text = replaceControls(text);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // Slack link markup: <https://x|label> → https://x, <mailto:a@b|a@b> → a@b, <@U123> stays readable.
  if (text.includes('<http') || text.includes('<mailto:')) {
    text = text.replace(/<((?:https?|mailto):[^|>\s]{1,2000})(?:\|[^>\n]{0,2000})?>/g, (_m, url: string) =>
      url.startsWith('mailto:') ? url.slice(7) : url,
    );
  }
  if (text.includes('&')) {
    text = text
      .replace(/&(?:lt|gt|amp|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e)
      // Numeric references from HTML logs (&#039;, &#x27;), same meaning as the character.
      .replace(/&#(?:(\d{1,6})|x([0-9a-f]{1,5}));/gi, (e, dec: string | undefined, hex: string | undefined) => {
        const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
        return code > 31 && code < 0x110000 ? String.fromCodePoint(code) : e;
      });
  }
  if (text.includes('>')) text = text.replace(/^[ \t]{0,8}>[ \t]?/gm, '');
  // JSON log lines and Python reprs escape non-ASCII text (\u53d6\u5f15\u5148 for 取引先): a Japanese
  // org's message is only readable decoded. ASCII escapes (\u0022) stay, so quoting is unchanged.
  if (text.includes('\\u')) text = text.replace(/\\u([0-9a-fA-F]{4})/g, decodeNonAsciiEscape);
  // Markdown escapes the underscores of a code (INVALID\_FIELD) when it is typed outside backticks.
  if (text.includes('\\_')) text = text.replace(/([A-Za-z0-9])\\_(?=[A-Za-z0-9])/g, '$1_');
  // Markdown emphasis around a code (_INVALID_FIELD_) would glue it to the underscores.
  if (text.includes('_')) {
    text = text.replace(/(^|[\s(])_([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)_(?=[\s.,;:)!?]|$)/gm, '$1 $2 ');
  }
  // Markdown bold inside a quoted message ("In field: X - **no ConnectedApp named Y found**") would
  // split the platform's wording: the markers become spaces (same length), which matching skips.
  // Not at the start of a line, where bold marks a heading or a label ("**Cause**:").
  if (text.includes('**')) text = text.replace(/(?<=\S[ \t]*)\*\*(?=\S)|(?<=\S)\*\*/g, '  ');
  if (TYPOGRAPHY.test(text)) {
    text = text
      .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
      .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
      .replace(/[\u201c\u201d\u201e\u2033]/g, '"');
  }
  // Code fences are presentation, but a ```diff fence says "this is code": remember where those
  // are, then blank the fence markers out (same length, so offsets stay valid).
  const codeRanges = [...findDiffFences(text), ...findDocstrings(text)];
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

/** A docstring right under `class X(…):` or `def f(…):` documents what the code raises ("Raised when
 * the request is malformed"): an error named there is the library's documentation. */
const DOCSTRING = /^[ \t]*(?:class|def|async def) [^\n]{1,200}:[ \t]*\n[ \t]*("""|''')[\s\S]{0,4000}?\1/gm;
function findDocstrings(text: string): Array<readonly [number, number]> {
  if (!text.includes('"""') && !text.includes("'''")) return [];
  const ranges: Array<readonly [number, number]> = [];
  for (const m of text.matchAll(DOCSTRING)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Offsets in `lower` must match `text`; a few Unicode letters change length when lower-cased. */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
