import type { Answer, Explanation } from '../knowledge/answer';
import type { ErrorContext } from '../knowledge/diagnosis';
import { ACTIONS, DIAGNOSIS_BLOCKS as B } from '../slack/ids';
import { bullets, clip, docLabel, escapeMrkdwn, link } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { type Button, type KnownBlock, LIMITS, type MessagePayload } from './types';

/** Values carried by the answer's buttons: small, and never the pasted text itself. */
export interface AnswerRefs {
  /** ID of the stored (masked) paste, for "Escalate" and "Post to thread". */
  readonly pasteId: string | undefined;
}

export interface DiagnosisOptions {
  readonly refs: AnswerRefs;
  /** Ephemeral answers (message shortcut) get a "Post in thread" button instead of feedback. */
  readonly ephemeral?: boolean;
  /** Whether an org is linked, so "Check org limits" can do something. */
  readonly limitsAvailable?: boolean;
  /** The paste could not be stored: say so, since Escalate will start without it. */
  readonly storageTrouble?: boolean;
}

const RETRY_EMOJI: Record<string, string> = {
  transient: ':repeat:',
  wait: ':hourglass_flowing_sand:',
  reauth: ':key:',
  fix: ':wrench:',
  'retry-once': ':leftwards_arrow_with_hook:',
};

/** The answer in a thread: code and summary first, then meaning, causes, fixes, retry, docs. */
export function buildDiagnosisMessage(
  answer: Answer,
  context: ErrorContext,
  options: DiagnosisOptions,
): MessagePayload {
  const p = answer.primary;
  const blocks: KnownBlock[] = [
    section(B.summary, `*\`${escapeMrkdwn(p.code)}\`* — ${escapeMrkdwn(p.title)}`),
    {
      type: 'context',
      block_id: B.context,
      elements: [{ type: 'mrkdwn', text: clip(contextLine(p, context), LIMITS.sectionText) }],
    },
    section(
      B.meaning,
      `*What it means*\n${escapeMrkdwn(p.meaning)}${p.brief ? '\n_Salesforce does not document this code further._' : ''}`,
    ),
  ];
  if (p.causes.length > 0) blocks.push(section(B.causes, `*Likely causes*\n${bullets(p.causes)}`));
  if (p.fixes.length > 0) blocks.push(section(B.fixes, `*What to do*\n${bullets(p.fixes)}`));
  blocks.push(section(B.retry, retryText(p)));
  if (p.docs.length > 0) {
    blocks.push(
      section(
        B.docs,
        `*Documentation*\n${p.docs
          .slice(0, 4)
          .map((u) => `• ${link(u, docLabel(u))}`)
          .join('\n')}`,
      ),
    );
  }
  const others = othersText(answer);
  if (others !== undefined) blocks.push(section(B.others, others));
  const extracted = extractedText(context);
  if (extracted !== undefined)
    blocks.push({ type: 'context', block_id: B.extracted, elements: [{ type: 'mrkdwn', text: extracted }] });
  if (options.storageTrouble === true)
    blocks.push({ type: 'context', block_id: B.storage, elements: [{ type: 'mrkdwn', text: MSG.storageTrouble }] });
  blocks.push(actions(answer, options));
  return { text: fallbackText(answer), blocks };
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function contextLine(p: Explanation, context: ErrorContext): string {
  const parts = [`${p.family} · confidence ${Math.round(p.confidence * 100)}%`];
  if (context.apiFamily !== undefined) parts.push(`seen via ${context.apiFamily}`);
  if (context.httpStatus !== undefined) parts.push(`HTTP ${context.httpStatus}`);
  return parts.join(' · ');
}

function retryText(p: Explanation): string {
  const lines = [`*Retry?* ${RETRY_EMOJI[p.retry] ?? ''} ${escapeMrkdwn(p.retryAdvice)}`];
  if (p.limit !== undefined) lines.push(`*Limit hit:* ${escapeMrkdwn(p.limit)}`);
  return lines.join('\n');
}

function othersText(answer: Answer): string | undefined {
  const lines: string[] = [];
  if (answer.others.length > 0) {
    lines.push(
      `*Also in this paste*\n${answer.others.map((o) => `• \`${escapeMrkdwn(o.code)}\` — ${escapeMrkdwn(o.title)}`).join('\n')}`,
    );
  }
  if (answer.alternatives.length > 0) {
    lines.push(
      `*Other possible matches*\n${answer.alternatives
        .map((o) => `• \`${escapeMrkdwn(o.code)}\` — ${escapeMrkdwn(o.title)} (${Math.round(o.confidence * 100)}%)`)
        .join('\n')}`,
    );
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function extractedText(c: ErrorContext): string | undefined {
  const parts: string[] = [];
  if (c.method !== undefined || c.url !== undefined)
    parts.push(`Request: ${escapeMrkdwn([c.method, c.url].filter(Boolean).join(' '))}`);
  if (c.apiVersion !== undefined) parts.push(`API v${c.apiVersion}`);
  if (c.requestIds.length > 0) parts.push(`IDs: ${escapeMrkdwn(c.requestIds.slice(0, 3).join(', '))}`);
  if (c.orgId !== undefined) parts.push(`Org ${c.orgId}`);
  if (c.instance !== undefined) parts.push(`Instance ${c.instance}`);
  return parts.length === 0 ? undefined : clip(parts.join(' · '), LIMITS.sectionText);
}

function actions(answer: Answer, options: DiagnosisOptions): KnownBlock {
  const elements: Button[] = [];
  const refs = JSON.stringify({ p: options.refs.pasteId ?? null, c: answer.primary.code });
  if (options.ephemeral === true) {
    elements.push({
      type: 'button',
      action_id: ACTIONS.postToThread,
      text: plain('Post in thread'),
      style: 'primary',
      value: refs,
    });
  }
  if (answer.primary.orgLimit && options.limitsAvailable !== false) {
    elements.push({ type: 'button', action_id: ACTIONS.checkLimits, text: plain('Check org limits'), value: refs });
  }
  elements.push({
    type: 'button',
    action_id: ACTIONS.escalate,
    text: plain('Escalate to Salesforce Support'),
    value: refs,
  });
  if (options.ephemeral !== true) {
    elements.push({
      type: 'button',
      action_id: ACTIONS.feedbackUp,
      text: plain('👍 Helpful'),
      value: answer.primary.code,
    });
    elements.push({
      type: 'button',
      action_id: ACTIONS.feedbackDown,
      text: plain('👎 Not helpful'),
      value: answer.primary.code,
    });
  }
  return { type: 'actions', block_id: B.actions, elements };
}

function plain(text: string) {
  return { type: 'plain_text' as const, text: clip(text, LIMITS.buttonText), emoji: true };
}

/** Notification and screen-reader text: code, summary, and whether to retry. */
export function fallbackText(answer: Answer): string {
  const p = answer.primary;
  const more = answer.others.length > 0 ? ` (+${answer.others.length} more)` : '';
  return clip(`${p.code}: ${p.title}${more}. ${p.retryAdvice}`, LIMITS.fallbackText);
}

/** Short reply when the same error was answered in this channel moments ago. */
export function buildCooldownPointer(text: string): MessagePayload {
  return {
    text,
    blocks: [
      {
        type: 'context',
        block_id: 'diag_pointer',
        elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }],
      },
    ],
  };
}
