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

const ALPHABET = 128;
const SPACE = 32;

export class AhoCorasick {
  private readonly delta: Int32Array;
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly output: ReadonlyArray<readonly number[]>;
  /** 1 where a state has output: the hot loop reads a byte instead of an array's length. */
  private readonly accepting: Uint8Array;
  private readonly lengths: readonly number[];

  constructor(patterns: readonly string[]) {
    const clean = patterns.map(withoutWhitespace);
    this.lengths = clean.map((p) => p.length);
    const trie: Array<Map<number, number>> = [new Map()];
    const output: number[][] = [[]];
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
          trie[state]?.set(c, next);
        }
        state = next;
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
  }

  /** Every occurrence in `text` (which must already be lower-case), at most `maxHits`. */
  search(text: string, maxHits = 2_000): PatternHit[] {
    const hits: PatternHit[] = [];
    const delta = this.delta;
    const accepting = this.accepting;
    let state = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c <= SPACE && (c === SPACE || c === 10 || c === 9 || c === 13)) continue;
      state = c < ALPHABET ? (delta[state * ALPHABET + c] as number) : 0;
      if (accepting[state] === 1) {
        for (const pattern of this.output[state] as readonly number[]) {
          hits.push({ pattern, start: foldedStart(text, i, this.lengths[pattern] as number) });
          // A bounded result keeps adversarial input (one pattern repeated 40,000 times) linear.
          if (hits.length >= maxHits) return hits;
        }
      }
    }
    return hits;
  }
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
