import { AhoCorasick, type CutHit } from '../../src/knowledge/aho-corasick';
import { humanise, squash } from '../../src/knowledge/index-builder';
import { MAX_ANALYSED_CHARS, normalise } from '../../src/knowledge/normalise';
import { retryAdvice, retrySchedule } from '../../src/knowledge/retry';

describe('normalise', () => {
  it('undoes Slack escaping and link markup', () => {
    const { text } = normalise(
      '&lt;faultcode&gt;sf:X&lt;/faultcode&gt; &amp; see <https://help.salesforce.com/x|the article> or <mailto:a@b.com|a@b.com>',
    );
    expect(text).toBe('<faultcode>sf:X</faultcode> & see https://help.salesforce.com/x or a@b.com');
  });

  it('blanks code fences and quote markers without moving text', () => {
    const input = '> quoted line\n```\nINVALID_FIELD: x\n```';
    const { text } = normalise(input);
    expect(text).not.toContain('```');
    expect(text).toContain('quoted line');
    expect(text.indexOf('INVALID_FIELD')).toBeGreaterThan(0);
  });

  it('remembers diff fences as code', () => {
    const n = normalise('before\n```diff\n- case "X":\n```\nafter');
    expect(n.codeRanges).toHaveLength(1);
    const [start, end] = n.codeRanges[0] as readonly [number, number];
    expect(n.text.slice(start, end)).toContain('case "X"');
  });

  it('replaces control characters and keeps lower-case offsets aligned', () => {
    const { text, lower } = normalise('A\u0000B\u0007C İstanbul');
    expect(text.startsWith('A B C')).toBe(true);
    expect(lower.length).toBe(text.length);
  });

  it('decodes escaped non-ASCII text (a JSON log of a Japanese org) and keeps escaped ASCII', () => {
    const { text } = normalise(
      '{"msg": "\\u53d6\\u5f15\\u5148 ID: \\u4e0d\\u6b63", "q": "\\u0022x\\u0022", "e": "\\ud83d\\ude00"}',
    );
    expect(text).toContain('取引先 ID: 不正');
    expect(text).toContain('\\u0022x\\u0022');
    expect(text).toContain('😀');
  });

  it('caps huge input, keeping its head and tail', () => {
    const big = `HEAD ${'x'.repeat(200_000)} TAIL`;
    const n = normalise(big);
    expect(n.truncated).toBe(true);
    expect(n.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS + 5);
    expect(n.text.startsWith('HEAD')).toBe(true);
    expect(n.text.endsWith('TAIL')).toBe(true);
  });
});

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping ones included', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers']);
    const hits = ac
      .search('ushers')
      .map((h) => `${h.pattern}@${h.start}`)
      .sort();
    expect(hits).toEqual(['0@2', '1@1', '3@2'].sort());
  });

  it('leaves white space out of a match: wrapped, glued after a full stop, or spaced differently', () => {
    const ac = new AhoCorasick(['work pending. please commit', '上のdml操作']);
    expect(ac.search('you have uncommitted work pending.please commit or').map((h) => h.pattern)).toEqual([0]);
    expect(ac.search('x work\n  pending.  please commit').map((h) => h.start)).toEqual([2]);
    expect(ac.search('設定オブジェクト上の dml 操作')).toEqual([]); // non-ASCII patterns are matched elsewhere
  });

  describe('openings a paste cut short', () => {
    const patterns = ['session expired or invalid', 'unable to obtain exclusive access', 'unable to lock row'];
    const ac = new AhoCorasick(patterns, { groups: ['A', 'B', 'C'], minCut: 8 });
    const cutsIn = (text: string) => {
      const cuts: CutHit[] = [];
      ac.search(text, undefined, cuts);
      return cuts.map((c) => `${c.pattern}@${c.start}+${c.length}`);
    };

    it('reports a pattern the text stops inside: at its end, at a line end, before an ellipsis', () => {
      expect(cutsIn('got: session expired or inv')).toEqual(['0@5+19']);
      expect(cutsIn('title: session expired or\n\n### body')).toEqual(['0@7+16']);
      expect(cutsIn('x session expired or inva… and more')).toEqual(['0@2+20']);
      expect(cutsIn('x session expired or inva... and more')).toEqual(['0@2+20']);
    });

    it('does not report a pattern that carries on over the line end, or is there whole', () => {
      expect(cutsIn('session expired\n or invalid')).toEqual([]);
      expect(cutsIn('session expired or invalid')).toEqual([]);
    });

    it('does not report an opening shared by two groups, or shorter than the minimum', () => {
      expect(cutsIn('it said unable to ')).toEqual([]); // "unableto" opens B and C: names neither
      expect(cutsIn('it said unable to obt')).toEqual(['1@8+11']);
      expect(cutsIn('the session')).toEqual([]);
    });

    it('reports no cut openings from an automaton built without cut options', () => {
      const none: CutHit[] = [];
      new AhoCorasick(patterns).search('got: session expired or inv', undefined, none);
      expect(none).toEqual([]);
    });
  });

  it('stops at the hit limit on adversarial input', () => {
    const ac = new AhoCorasick(['aa']);
    expect(ac.search('a'.repeat(10_000), 100)).toHaveLength(100);
  });
});

describe('names and advice', () => {
  it('turns codes into words', () => {
    expect(humanise('UNABLE_TO_LOCK_ROW')).toBe('unable to lock row');
    expect(humanise('LIMIT_EXCEPTION_CPU_TIME')).toBe('cpu time limit');
    expect(humanise('System.NullPointerException')).toBe('null pointer exception');
    expect(squash('Query Time-Out!')).toBe('querytimeout');
  });

  it.each(['en', 'ja'] as const)('has distinct advice for every retry policy (%s)', (lang) => {
    const advice = (['transient', 'wait', 'reauth', 'fix', 'retry-once'] as const).map((p) => retryAdvice(p, lang));
    expect(new Set(advice).size).toBe(5);
    expect(retryAdvice('transient', lang)).toMatch(lang === 'en' ? /backoff/ : /バックオフ/);
  });

  it('words every English schedule to follow "Retry" (answers print "Retry <schedule>")', () => {
    // "Retry get a new access token" and "Retry resume when usage…" were printed before.
    for (const policy of ['transient', 'wait', 'reauth', 'retry-once'] as const) {
      const schedule = retrySchedule(policy, 'en');
      expect(schedule).toBeDefined();
      expect(`Retry ${schedule}`).toMatch(/^Retry (?:after|once|when|with)\b/);
    }
    expect(retrySchedule('fix', 'en')).toBeUndefined();
  });
});
