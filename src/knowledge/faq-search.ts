import type { FaqEntry } from './types';

const QUESTION = /\?|^\s*(?:how|where|what|why|when|which|who|can|could|do|does|is|are|should|any)\b/i;
/** Japanese questions rarely end in "?": the polite question endings and question words count too. */
const JA_QUESTION = /(?:ですか|ますか|でしょうか|のか|か[。\s]*$|教えて|どこ|なぜ|いつ|何時|どう|どの|どれ|何)/;
const NON_ASCII = /[^\x20-\x7e]/;

/**
 * Picks the FAQ entry a question is about, by the entry's keywords found in it. Seven entries and
 * a one-line question need no index. An English keyword must match as a whole word or phrase; a
 * Japanese keyword (from `faq.ja.keywords`, or any keyword with non-ASCII characters) matches as
 * a substring, because Japanese writes words without spaces.
 */
export function findFaq(faqs: readonly FaqEntry[], question: string): FaqEntry | undefined {
  // NFKC folds full-width "？", "ＡＰＩ" and half-width katakana into the forms the keywords use.
  const folded = question.normalize('NFKC').toLowerCase();
  if (!QUESTION.test(folded) && !JA_QUESTION.test(folded)) return undefined;
  const words = ` ${folded.replace(/[^a-z0-9/-]+/g, ' ')} `;
  const compact = folded.replace(/\s+/g, '');
  let best: { faq: FaqEntry; score: number } | undefined;
  for (const faq of faqs) {
    const keywords = [...faq.keywords, ...(faq.ja?.keywords ?? [])];
    const score = keywords.filter((k) => {
      const keyword = k.normalize('NFKC').toLowerCase();
      return NON_ASCII.test(keyword) ? compact.includes(keyword.replace(/\s+/g, '')) : words.includes(` ${keyword} `);
    }).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { faq, score };
  }
  return best?.faq;
}
