import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';

/**
 * The Japanese catalogue next to the English one: the same keys all the way down (the type
 * checks this at compile time; this also catches a key added to ja only), every text actually in
 * Japanese, and Slack's `*bold*` kept working where Japanese characters surround it.
 */

type Leaf = { readonly path: string; readonly en: unknown; readonly ja: unknown };

function leaves(a: unknown, b: unknown, path = ''): Leaf[] {
  if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys((b ?? {}) as object)]);
    return [...keys].flatMap((k) =>
      leaves((a as Record<string, unknown>)[k], (b as Record<string, unknown> | undefined)?.[k], `${path}.${k}`),
    );
  }
  return [{ path, en: a, ja: b }];
}

/** Sample arguments: one per parameter, strings that can stand for names, numbers or flags. */
function render(value: unknown, arity = 0): string {
  if (typeof value === 'function') return String((value as (...a: unknown[]) => unknown)(...sampleArgs(arity)));
  return String(value);
}
function sampleArgs(n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'ABC_DEF' : 3));
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** Texts that are the same in both languages: product names, codes, numbers. */
const SAME_IN_BOTH = new Set([
  '.common.number',
  '.answer.httpStatus',
  '.answer.apiVersion',
  '.who.day',
  '.home.title',
  '.escalation.apiTypes.REST',
  '.escalation.apiTypes.SOAP',
  '.escalation.apiTypes.Bulk',
  '.escalation.apiTypes.Bulk 2.0',
  '.escalation.apiTypes.Streaming/Pub-Sub',
  '.escalation.apiTypes.Metadata',
  '.escalation.apiTypes.Tooling',
  '.chat.secretKinds.jwt',
  '.settings.languageNames.ja',
]);

/** Slack's rule (as ../shared/tools/blockkit-preview.mjs implements it): `*` opens after a space
 * or ASCII punctuation and closes before one. Japanese punctuation does not count. */
const OPEN_OK = /[\s([{"'‘“>.,;:!?/\-`]/;
const CLOSE_OK = /[\s)\]}"'’”<.,;:!?/\-`]/;

function boldProblems(text: string): string[] {
  const problems: string[] = [];
  // Pairs of asterisks on one line, outside `code`.
  const outsideCode = text.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length));
  for (const m of outsideCode.matchAll(/\*([^*\n]+)\*/g)) {
    const before = outsideCode[m.index - 1];
    const after = outsideCode[m.index + m[0].length];
    if (before !== undefined && !OPEN_OK.test(before)) problems.push(`"${before}${m[0]}" does not open bold`);
    if (after !== undefined && !CLOSE_OK.test(after)) problems.push(`"${m[0]}${after}" does not close bold`);
  }
  return problems;
}

describe('the Japanese message catalogue', () => {
  const all = leaves(en, ja);

  it('has exactly the keys of the English one', () => {
    const missing = all.filter((l) => l.ja === undefined).map((l) => l.path);
    const extra = all.filter((l) => l.en === undefined).map((l) => l.path);
    expect(missing).toEqual([]);
    expect(extra).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  });

  it('gives every function the same parameters as its English twin', () => {
    const differ = all
      .filter((l) => typeof l.en === 'function' || typeof l.ja === 'function')
      .filter((l) => typeof l.en !== typeof l.ja || (l.en as () => void).length !== (l.ja as () => void).length)
      .map((l) => l.path);
    expect(differ).toEqual([]);
  });

  it('is written in Japanese, apart from names that are the same in both languages', () => {
    const english = all
      .filter((l) => !SAME_IN_BOTH.has(l.path))
      .filter((l) => {
        const arity = typeof l.en === 'function' ? (l.en as () => void).length : 0;
        return !JAPANESE.test(render(l.ja, arity));
      })
      .map((l) => `${l.path}: ${render(l.ja, typeof l.ja === 'function' ? (l.ja as () => void).length : 0)}`);
    expect(english).toEqual([]);
  });

  it('keeps *bold* formatting working next to Japanese characters', () => {
    const broken = all.flatMap((l) => {
      const arity = typeof l.ja === 'function' ? (l.ja as () => void).length : 0;
      return boldProblems(render(l.ja, arity)).map((p) => `${l.path}: ${p}`);
    });
    expect(broken).toEqual([]);
  });

  it('the bold check itself tells a working from a broken Japanese bold', () => {
    expect(boldProblems('これは *太字* です')).toEqual([]);
    expect(boldProblems('これは*太字*です')).toHaveLength(2);
    expect(boldProblems('*対処方法*')).toEqual([]);
  });
});
