import type { Lang } from '../i18n';
import type { FaqEntry } from '../knowledge/types';
import { clip, docLabel, link } from '../slack/mrkdwn';
import { LIMITS, type MessagePayload } from './types';

/** An FAQ answer: the question, our answer (already Slack mrkdwn), and its sources. */
export function buildFaqMessage(entry: FaqEntry, lang: Lang): MessagePayload {
  const faq = lang === 'ja' && entry.ja !== undefined ? { ...entry, ...entry.ja } : entry;
  return {
    text: clip(faq.question, LIMITS.fallbackText),
    blocks: [
      {
        type: 'section',
        block_id: 'faq_question',
        // Spaces around the asterisks: Slack does not format bold touching Japanese characters.
        text: { type: 'mrkdwn', text: clip(` *${faq.question}* `, LIMITS.sectionText) },
      },
      { type: 'section', block_id: 'faq_answer', text: { type: 'mrkdwn', text: clip(faq.answer, LIMITS.sectionText) } },
      {
        type: 'context',
        block_id: 'faq_links',
        elements: faq.links
          .slice(0, LIMITS.contextElements)
          .map((u) => ({ type: 'mrkdwn' as const, text: link(u, docLabel(u)) })),
      },
    ],
  };
}
