/**
 * Aho–Corasick automaton over lower-case literal patterns. One pass over the text finds every
 * occurrence of every pattern, so the cost per message is linear in the message length no
 * matter how many known message texts the knowledge base holds (a loop of `includes` calls
 * would multiply the two).
 */
export interface PatternHit {
  /** Index of the pattern in the list given to the constructor. */
  readonly pattern: number;
  /** Offset of the first character of the occurrence. */
  readonly start: number;
}

export class AhoCorasick {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each node, including those reached through failure links. */
  private readonly output: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, id) => {
      if (pattern.length === 0) return;
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let next = this.goto[node]?.get(c);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.output.push([]);
          this.goto[node]?.set(c, next);
        }
        node = next;
      }
      this.output[node]?.push(id);
    });
    this.buildFailureLinks();
  }

  private buildFailureLinks(): void {
    const queue: number[] = [];
    for (const child of this.goto[0]?.values() ?? []) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head] as number;
      for (const [c, child] of this.goto[node] ?? []) {
        queue.push(child);
        let f = this.fail[node] as number;
        while (f !== 0 && !this.goto[f]?.has(c)) f = this.fail[f] as number;
        const target = this.goto[f]?.get(c);
        const link = target !== undefined && target !== child ? target : 0;
        this.fail[child] = link;
        const inherited = this.output[link];
        if (inherited && inherited.length > 0) this.output[child]?.push(...inherited);
      }
    }
  }

  /** Every occurrence in `text` (which must already be lower-case), at most `maxHits`. */
  search(text: string, maxHits = 2_000): PatternHit[] {
    const hits: PatternHit[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = this.goto[node]?.get(c);
      while (next === undefined && node !== 0) {
        node = this.fail[node] as number;
        next = this.goto[node]?.get(c);
      }
      node = next ?? 0;
      const out = this.output[node];
      if (out !== undefined && out.length > 0) {
        for (const pattern of out) {
          hits.push({ pattern, start: i + 1 - (this.lengths[pattern] as number) });
          // A bounded result keeps adversarial input (one pattern repeated 40,000 times) linear.
          if (hits.length >= maxHits) return hits;
        }
      }
    }
    return hits;
  }
}
