/**
 * Aho–Corasick automaton over lower-case literal patterns. One pass over the text finds every
 * occurrence of every pattern, so the cost per message is linear in the message length no
 * matter how many known message texts the knowledge base holds (a loop of `includes` calls
 * would multiply the two).
 *
 * The automaton is compiled to a full transition table over ASCII (one array read per input
 * character); any other character resets to the start. White space is not part of a match:
 * a message wrapped across lines in an e-mail or log, glued after a full stop
 * ("pending.Please commit") or spaced differently ("上の DML 操作" / "上のDML操作") still matches.
 */
export interface PatternHit {
  /** Index of the pattern in the list given to the constructor. */
  readonly pattern: number;
  /** Offset of the first character of the occurrence in the searched text. */
  readonly start: number;
}

/** A pattern's opening that a paste cut short: the text stops (end of text, end of a line that
 * does not carry on the same pattern, or an ellipsis) part-way through the pattern. */
export interface CutHit {
  readonly pattern: number;
  readonly start: number;
  /** How many characters of the pattern (white space not counted) the text still holds. */
  readonly length: number;
}

/** Reporting cut openings: patterns in one group are one meaning (a code), so an opening shared
 * only by patterns of one group still names it; `minCut` is the shortest opening worth naming. */
export interface CutOptions {
  readonly groups: readonly string[];
  readonly minCut: number;
}

const NEWLINE = 10;
const DOT = 46;
const ELLIPSIS = 0x2026;
/** The trie state's opening is shared by patterns of several groups: it names nothing. */
const SHARED = -2;

const ALPHABET = 128;
const SPACE = 32;

export class AhoCorasick {
  private readonly delta: Int32Array;
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly output: ReadonlyArray<readonly number[]>;
  /** 1 where a state has output: the hot loop reads a byte instead of an array's length. */
  private readonly accepting: Uint8Array;
  private readonly lengths: readonly number[];
  /** Characters from the root to each state: the opening of a pattern the state stands for. */
  private readonly depth: Uint16Array;
  /** Per state at `minCut` depth or deeper: the one pattern (of its group) passing through it,
   * SHARED, or -1. Filled only when cut openings are asked for; all -1 otherwise. */
  private readonly prefixOwner: Int32Array;
  private readonly minCut: number;

  constructor(patterns: readonly string[], cuts?: CutOptions) {
    const clean = patterns.map(withoutWhitespace);
    this.lengths = clean.map((p) => p.length);
    this.minCut = cuts?.minCut ?? 0;
    const trie: Array<Map<number, number>> = [new Map()];
    const output: number[][] = [[]];
    const depth: number[] = [0];
    const owner: number[] = [-1];
    clean.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        if (c >= ALPHABET) return; // non-ASCII patterns cannot match an ASCII-only automaton
        let next = trie[state]?.get(c);
        if (next === undefined) {
          next = trie.length;
          trie.push(new Map());
          output.push([]);
          depth.push(i + 1);
          owner.push(-1);
          trie[state]?.set(c, next);
        }
        state = next;
        if (cuts !== undefined && i + 1 >= cuts.minCut) {
          const held = owner[state] as number;
          if (held === -1) owner[state] = id;
          else if (held !== SHARED && cuts.groups[held] !== cuts.groups[id]) owner[state] = SHARED;
        }
      }
      if (pattern.length > 0) output[state]?.push(id);
    });

    // Breadth-first: each state's row is its own edges, falling back to its failure state's row.
    const delta = new Int32Array(trie.length * ALPHABET);
    const fail = new Int32Array(trie.length);
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const child = trie[0]?.get(c) ?? 0;
      delta[c] = child;
      if (child !== 0) queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      const f = fail[state] as number;
      const inherited = output[f];
      if (inherited !== undefined && inherited.length > 0) output[state]?.push(...inherited);
      for (let c = 0; c < ALPHABET; c++) {
        const child = trie[state]?.get(c);
        if (child === undefined) {
          delta[state * ALPHABET + c] = delta[f * ALPHABET + c] as number;
        } else {
          delta[state * ALPHABET + c] = child;
          fail[child] = delta[f * ALPHABET + c] as number;
          queue.push(child);
        }
      }
    }
    this.delta = delta;
    this.output = output;
    this.accepting = Uint8Array.from(output, (o) => (o.length > 0 ? 1 : 0));
    this.depth = Uint16Array.from(depth);
    this.prefixOwner = Int32Array.from(owner);
  }

  /** Characters in pattern `i` once white space is removed: an occurrence's span is `start` plus this. */
  patternLength(i: number): number {
    return this.lengths[i] ?? 0;
  }

  /**
   * Every occurrence in `text` (which must already be lower-case), at most `maxHits`. With
   * `cuts` (and cut options given to the constructor), also the openings of patterns the text
   * stops part-way through, at most `MAX_CUTS`.
   */
  search(text: string, maxHits = 2_000, cuts?: CutHit[]): PatternHit[] {
    const hits: PatternHit[] = [];
    const delta = this.delta;
    const accepting = this.accepting;
    const watchCuts = cuts !== undefined && this.minCut > 0;
    const depth = this.depth;
    const minCut = this.minCut;
    let state = 0;
    const n = text.length;
    // Cut points are rare and each test sits on a branch the character takes anyway (white
    // space, a dot, a non-ASCII character), so the loop does no extra work on ordinary text.
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c <= SPACE && (c === SPACE || c === NEWLINE || c === 9 || c === 13)) {
        if (c === NEWLINE && watchCuts && (depth[state] as number) >= minCut && this.stopsAtLineEnd(text, i, state)) {
          this.addCut(cuts, text, state, i);
        }
        continue;
      }
      if (c < ALPHABET) {
        if (c === DOT && watchCuts && (depth[state] as number) >= minCut && isEllipsis(text, i)) {
          this.addCut(cuts, text, state, i);
        }
        state = delta[state * ALPHABET + c] as number;
      } else {
        if (c === ELLIPSIS && watchCuts && (depth[state] as number) >= minCut) this.addCut(cuts, text, state, i);
        state = 0;
      }
      if (accepting[state] === 1) {
        for (const pattern of this.output[state] as readonly number[]) {
          hits.push({ pattern, start: foldedStart(text, i, this.lengths[pattern] as number) });
          // A bounded result keeps adversarial input (one pattern repeated 40,000 times) linear.
          if (hits.length >= maxHits) return hits;
        }
      }
    }
    if (watchCuts && (depth[state] as number) >= minCut) this.addCut(cuts, text, state, n);
    return hits;
  }

  /** A line ended inside a pattern's opening: a cut unless the next character the automaton
   * reads carries the same opening on (a message wrapped across lines). At the end of the text,
   * the end's own check records it. */
  private stopsAtLineEnd(text: string, newline: number, state: number): boolean {
    let j = newline + 1;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (j >= text.length) return false;
    const c = text.charCodeAt(j);
    const next = c < ALPHABET ? (this.delta[state * ALPHABET + c] as number) : 0;
    return (this.depth[next] as number) !== (this.depth[state] as number) + 1;
  }

  /** Records the opening held by `state`, which the text stops holding at `end`, when one
   * pattern group owns it and the text holds less than the whole pattern (a whole one is an
   * ordinary hit). Only runs at a cut, so the hot loop need not track where the last read was. */
  private addCut(cuts: CutHit[] | undefined, text: string, state: number, end: number): void {
    const pattern = this.prefixOwner[state] as number;
    const length = this.depth[state] as number;
    if (cuts === undefined || cuts.length >= MAX_CUTS || pattern < 0) return;
    if (length >= (this.lengths[pattern] as number)) return;
    let last = end - 1;
    while (last > 0 && isSpace(text.charCodeAt(last))) last--;
    const start = foldedStart(text, last, length);
    // Blank lines after one cut line each end in the same opening: one cut is enough.
    const previous = cuts.at(-1);
    if (previous !== undefined && previous.start === start && previous.pattern === pattern) return;
    cuts.push({ pattern, start, length });
  }
}

/** A long log can end many lines inside some opening; a handful is all a reply needs. */
const MAX_CUTS = 8;

function isEllipsis(text: string, i: number): boolean {
  return text.charCodeAt(i + 1) === DOT && text.charCodeAt(i + 2) === DOT;
}

/** Walks back from the last matched character over `length` characters as the automaton saw
 * them (white space skipped). Only runs on a hit, so the hot loop stays lean. */
function foldedStart(text: string, end: number, length: number): number {
  let i = end;
  let remaining = length - 1;
  while (remaining > 0 && i > 0) {
    i--;
    if (!isSpace(text.charCodeAt(i))) remaining--;
  }
  return i;
}

/** A pattern or text as the matchers compare it: white space carries no meaning in a message. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

function isSpace(c: number): boolean {
  return c === SPACE || c === 10 || c === 9 || c === 13;
}
