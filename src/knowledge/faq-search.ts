import type { FaqEntry } from './types';

const QUESTION = /\?|^\s*(?:how|where|what|why|when|which|who|can|could|do|does|is|are|should|any)\b/i;

/**
 * Picks the FAQ entry a question is about, by the entry's keywords found in it. Seven entries and
 * a one-line question need no index; a keyword must match as a whole word or phrase.
 */
export function findFaq(faqs: readonly FaqEntry[], question: string): FaqEntry | undefined {
  if (!QUESTION.test(question)) return undefined;
  const text = ` ${question.toLowerCase().replace(/[^a-z0-9/-]+/g, ' ')} `;
  let best: { faq: FaqEntry; score: number } | undefined;
  for (const faq of faqs) {
    const score = faq.keywords.filter((k) => text.includes(` ${k.toLowerCase()} `)).length;
    if (score > 0 && (best === undefined || score > best.score)) best = { faq, score };
  }
  return best?.faq;
}
