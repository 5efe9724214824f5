import Fuse from 'fuse.js';
import { AhoCorasick, withoutWhitespace } from './aho-corasick';
import type { KnowledgeEntry } from './types';

/** A known message text, split at its `*` wildcards. */
export interface MessagePattern {
  readonly code: string;
  readonly variant: string | undefined;
  /** Lower-case literal pieces in order. */
  readonly pieces: readonly string[];
  /** The same pieces without white space, as the matchers compare them (derived once here). */
  readonly compactPieces: readonly string[];
  /** Which piece the automaton looks for (the longest, so hits are rare and specific). */
  readonly anchor: number;
  /** Total literal length: longer texts are stronger evidence. */
  readonly literalLength: number;
  /** The text ends in a colon ("…refresh token due to:"): it introduces the cause that follows. */
  readonly leadIn: boolean;
}

export interface PhraseDoc {
  readonly code: string;
  readonly phrase: string;
}

/** Everything the extractors look codes up in, built once when the knowledge base loads. */
export interface KnowledgeIndex {
  readonly entries: readonly KnowledgeEntry[];
  /** Canonical code or alias → entry. Case-sensitive (OAuth codes are lower case). */
  readonly byName: ReadonlyMap<string, KnowledgeEntry>;
  readonly messages: readonly MessagePattern[];
  readonly messageAutomaton: AhoCorasick;
  /** Patterns whose anchor is not ASCII (Japanese texts Salesforce localises): the automaton
   * reads ASCII only, so these few are looked up directly in texts that hold such characters. */
  readonly nonAsciiMessages: readonly number[];
  /** Squashed phrase (letters and digits only) → codes, for prose reports. */
  readonly phrases: ReadonlyMap<string, string>;
  /** The squashed phrases in one automaton (pattern i is `phraseCodes[i]`): one pass per sentence. */
  readonly phraseAutomaton: AhoCorasick;
  readonly phraseCodes: readonly string[];
  /** Japanese phrases (lower-case, without white space): squashing would leave only their Latin
   * letters, so the few of them are looked up directly in Japanese sentences. */
  readonly japanesePhrases: readonly { readonly text: string; readonly code: string }[];
  /**
   * Fuzzy look-up of a short fragment among the hand-written phrases, with fuse.js. Only phrases
   * that share a word with the fragment are searched: fuse.js is linear in corpus size and query
   * length, and a fragment sharing no word with a phrase cannot be close to it.
   */
  fuzzyPhrase(fragment: string): { readonly code: string; readonly score: number } | undefined;
}

/** Families whose code names are ordinary words in other APIs (`invalid_request`, `HTTP_500`). */
const GENERIC_NAME_FAMILIES = new Set(['oauth', 'http', 'network', 'client-library', 'rest', 'bulk']);

export function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export function buildIndex(entries: readonly KnowledgeEntry[]): KnowledgeIndex {
  const byName = new Map<string, KnowledgeEntry>();
  const messages: MessagePattern[] = [];
  const phrases = new Map<string, string>();
  const fuzzyDocs: PhraseDoc[] = [];
  const japanesePhrases: { text: string; code: string }[] = [];

  const addPieces = (
    code: string,
    variant: string | undefined,
    pieces: string[],
    literalLength = pieces.join('').length,
    leadIn = false,
  ) => {
    if (pieces.length === 0) return;
    let anchor = 0;
    pieces.forEach((p, i) => {
      if (p.length > (pieces[anchor] as string).length) anchor = i;
    });
    messages.push({
      code,
      variant,
      pieces,
      compactPieces: pieces.map(withoutWhitespace),
      anchor,
      literalLength,
      leadIn,
    });
  };
  const addMessage = (code: string, variant: string | undefined, text: string) => {
    const whole = withCutTail(messagePieces(text), text);
    const pieces = uncutOpening(whole);
    addPieces(code, variant, pieces, whole.join('').length, /:\s*$/.test(text));
    // Pastes cut long texts short ("Invalid Session ID found in SessionHeader" without its
    // ": Illegal Session"): the opening of a long literal text is still the platform's own.
    const prefix = pieces.length === 1 ? openingOf(pieces[0] as string) : undefined;
    if (prefix !== undefined) addPieces(code, variant, [prefix]);
  };

  for (const entry of entries) {
    byName.set(entry.code, entry);
    for (const alias of entry.aliases) byName.set(alias, entry);
    for (const m of entry.messages) addMessage(entry.code, undefined, m);
    for (const v of entry.variants) for (const m of v.messages) addMessage(entry.code, v.id, m);
    // A code's own name in words ("unable to lock row") counts as a phrase when it is specific:
    // three words or more, a commonly hit code (a full entry), and not from a family whose names
    // are generic ("invalid request", "internal server error").
    const spoken = humanise(entry.code);
    const names =
      GENERIC_NAME_FAMILIES.has(entry.family) || entry.depth !== 'full' || spoken.split(' ').length < 3 ? [] : [spoken];
    for (const p of entry.phrases) {
      if (!isAscii(p)) japanesePhrases.push({ text: withoutWhitespace(p.toLowerCase()), code: entry.code });
    }
    for (const p of [...entry.phrases.filter(isAscii), ...names]) {
      const key = squash(p);
      // Phrases shorter than this match inside ordinary words ("gone", "timeout" in "timeouts").
      if (key.length >= 8 && !phrases.has(key)) phrases.set(key, entry.code);
    }
    // fuse.js cost grows with the corpus: it only sees the hand-written phrases.
    for (const p of entry.phrases.filter(isAscii)) fuzzyDocs.push({ code: entry.code, phrase: p.toLowerCase() });
  }

  const byWord = new Map<string, PhraseDoc[]>();
  for (const doc of fuzzyDocs) {
    for (const word of words(doc.phrase)) {
      const list = byWord.get(word) ?? [];
      if (!list.includes(doc)) list.push(doc);
      byWord.set(word, list);
    }
  }
  const fuzzyPhrase = (fragment: string) => {
    const candidates = new Set<PhraseDoc>();
    for (const word of words(fragment)) for (const doc of byWord.get(word) ?? []) candidates.add(doc);
    if (candidates.size === 0) return undefined;
    // ignoreLocation: the fragment may sit anywhere in a phrase; threshold 0.3 keeps only close
    // spellings ("query time out" ~ "query timeout"), which is all prose matching needs.
    const fuse = new Fuse([...candidates], {
      keys: ['phrase'],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
    });
    const best = fuse.search(fragment, { limit: 1 })[0];
    return best === undefined ? undefined : { code: best.item.code, score: best.score ?? 1 };
  };
  const anchors = messages.map((m) => m.pieces[m.anchor] as string);
  const phraseKeys = [...phrases.keys()];
  return {
    entries,
    fuzzyPhrase,
    byName,
    messages,
    messageAutomaton: new AhoCorasick(anchors, {
      groups: messages.map((m) => `${m.code} ${m.variant ?? ''}`),
      minCut: CUT_MIN,
    }),
    nonAsciiMessages: anchors.flatMap((a, i) => (isAscii(a) ? [] : [i])),
    phrases,
    phraseAutomaton: new AhoCorasick(phraseKeys),
    phraseCodes: phraseKeys.map((k) => phrases.get(k) as string),
    japanesePhrases,
  };
}

/**
 * A quote selected by hand often loses its first letter ("nternal Salesforce Error: 1234-5678"):
 * a long opening piece that starts with a letter is matched from its second character. The
 * piece stays specific (at least 19 characters) and every full occurrence still contains it.
 */
const CUT_FIRST_LETTER_MIN = 20;
/** The length from which an opening piece may be one whose first letter was cut off. */
export const CUT_OPENING_MIN = CUT_FIRST_LETTER_MIN - 1;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
function uncutOpening(pieces: string[]): string[] {
  const first = pieces[0];
  if (first === undefined || first.length < CUT_FIRST_LETTER_MIN || !/^[a-z]/.test(first)) return pieces;
  return [first.slice(1), ...pieces.slice(1)];
}

/**
 * Lower-case literal pieces of a message, split at `*`. Quote marks at the edge of a piece are
 * dropped ("No such column '*' on entity '*'"): clients re-quote values, or cut the text right
 * after a value, so the quotes around a variable part must not decide the match.
 */
export function messagePieces(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .split('*')
    .map((p) =>
      p
        .trim()
        .replace(/^['"`]+|['"`]+$/g, '')
        .trim(),
    )
    .filter((p) => p.length > 0);
}

/**
 * A message that ends in a variable ("… duplicates value on record with id: *") is often quoted
 * without it, and the colon goes with it ("…on record with id"). The last piece's closing colon
 * is then optional. Only when earlier pieces keep the pattern specific: a single text ("Too many
 * SOQL queries: *") without its colon is the same words as prose about the limit.
 */
function withCutTail(pieces: string[], text: string): string[] {
  const last = pieces.at(-1);
  if (pieces.length < 2 || last === undefined || !/\*\s*$/.test(text) || !/.[:=]$/.test(last)) return pieces;
  return [...pieces.slice(0, -1), last.slice(0, -1).trimEnd()];
}

/** The shortest opening of a known text (white space not counted) that still names it when a
 * paste stops part-way through: "userhasn'tapprovedthisconsume" holds 29. Shorter openings
 * ("therequestedresource") are the start of ordinary sentences too. */
export const CUT_MIN = 24;

/** Long texts (40+ characters) also match by their first 60 % or so, cut at a word boundary. */
const CUT_TEXT_MIN = 40;
function openingOf(piece: string): string | undefined {
  if (piece.length < CUT_TEXT_MIN) return undefined;
  const cut = piece.indexOf(' ', Math.ceil(piece.length * 0.6));
  if (cut < 30 || cut > piece.length - 8) return undefined;
  return piece.slice(0, cut).replace(/[\s:;,.'"-]+$/, '');
}

/** Words of three letters or more that are not generic error words (those are in every phrase). */
const UNSPECIFIC = new Set([
  'error',
  'errors',
  'exception',
  'the',
  'and',
  'for',
  'not',
  'limit',
  'exceeded',
  'invalid',
  'failed',
]);
function words(text: string): string[] {
  return text.split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !UNSPECIFIC.has(w));
}

/** `UNABLE_TO_LOCK_ROW` → `unable to lock row`; `LIMIT_EXCEPTION_CPU_TIME` → `cpu time limit`. */
export function humanise(code: string): string {
  const limit = /^LIMIT_EXCEPTION_(.+)$/.exec(code);
  if (limit) return `${(limit[1] as string).replace(/_/g, ' ').toLowerCase()} limit`;
  return code
    .replace(/^System\./, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_.:-]+/g, ' ')
    .trim()
    .toLowerCase();
}
