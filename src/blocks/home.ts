import type { FamilyInfo } from '../knowledge/types';
import type { LimitRow } from '../salesforce/limits';
import { ACTIONS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import type { EscalationRecord } from '../store/types';
import { rowText } from './limits';
import { type HomeView, type KnownBlock, LIMITS } from './types';

export interface HomeModel {
  readonly families: readonly FamilyInfo[];
  readonly entries: number;
  readonly org:
    | { readonly name: string; readonly takenAt: number | undefined; readonly headline: readonly LimitRow[] }
    | undefined;
  readonly escalations: readonly EscalationRecord[];
  readonly escalationEnabled: boolean;
  readonly storageTrouble: boolean;
}

/** App Home: what the bot does, how to use it, its knowledge, the org's last limits, your escalations. */
export function buildHome(model: HomeModel): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'home_title', text: { type: 'plain_text', text: 'Salesforce API Assistant' } },
    section(
      'home_intro',
      'I explain Salesforce API errors pasted in channels I am in: what the error means, likely causes, what to do, whether to retry, and the official documentation. I stay quiet on ordinary chat.',
    ),
    section(
      'home_howto',
      [
        '*How to use me*',
        '• Paste an error (REST body, SOAP fault, Bulk job error, OAuth error, Apex exception, CLI output or stack trace) in a channel I am in: I answer in the thread.',
        '• On any message, including old ones and thread replies: *⋯ → Diagnose this error* answers you privately.',
        '• Mention me in a thread to diagnose its first message, or ask me a question such as "where do I see API usage?".',
        "• `/sflimits [org] [filter|all] [refresh]` shows the linked org's live limits.",
        '• `/sfassist mode auto|mentions|off` sets how chatty I am in a channel; `/sfassist bots on|off` whether I answer other bots.',
        '• *Escalate to Salesforce Support* collects exactly what Support asks for and hands over a complete case.',
      ].join('\n'),
    ),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.openChannelSettings,
          text: { type: 'plain_text', text: 'Channel settings' },
        },
        ...(model.escalationEnabled
          ? [
              {
                type: 'button' as const,
                action_id: ACTIONS.escalate,
                text: { type: 'plain_text' as const, text: 'Escalate to Salesforce Support' },
                value: '{}',
              },
            ]
          : []),
        { type: 'button', action_id: ACTIONS.refreshHome, text: { type: 'plain_text', text: 'Refresh' } },
      ],
    },
    { type: 'divider', block_id: 'home_div1' },
    section(
      'home_kb',
      `*Knowledge base*: ${model.entries} entries\n${model.families
        .map((f) => `\`${escapeMrkdwn(f.family)}\` ${f.size}`)
        .join(' · ')}`,
    ),
    { type: 'divider', block_id: 'home_div2' },
    section('home_org', orgText(model.org)),
    { type: 'divider', block_id: 'home_div3' },
    section('home_escalations', escalationsText(model.escalations)),
  ];
  if (model.storageTrouble) {
    blocks.push({
      type: 'context',
      block_id: 'home_storage',
      elements: [
        {
          type: 'mrkdwn',
          text: ':warning: My database is not answering right now; diagnoses still work, history may be missing.',
        },
      ],
    });
  }
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function orgText(org: HomeModel['org']): string {
  if (org === undefined)
    return '*Linked org*: none configured. Set `SF_INSTANCE_URL` and `SF_ACCESS_TOKEN` (or an OAuth mode) to enable `/sflimits`.';
  if (org.takenAt === undefined)
    return `*Linked org*: \`${escapeMrkdwn(org.name)}\`. No limits snapshot yet: run \`/sflimits\`.`;
  // The same row as /sflimits shows, so "not available" and over-consumption read the same here.
  const rows = org.headline.map(rowText).join('\n');
  return `*Linked org*: \`${escapeMrkdwn(org.name)}\` · last limits snapshot <!date^${Math.floor(org.takenAt / 1000)}^{date_short_pretty} {time}|${new Date(org.takenAt).toISOString()}>\n${rows}`;
}

function escalationsText(escalations: readonly EscalationRecord[]): string {
  if (escalations.length === 0) return '*Your recent escalations*: none yet.';
  const lines = escalations.map((e) => {
    const data = (e.caseData ?? {}) as { code?: unknown; title?: unknown };
    const what = typeof data.code === 'string' ? `\`${escapeMrkdwn(data.code)}\`` : 'case';
    const title = typeof data.title === 'string' ? ` ${escapeMrkdwn(clip(data.title, 80))}` : '';
    const status = e.status === 'delivered' ? ':white_check_mark: delivered' : ':hourglass: pending delivery';
    return `• <!date^${Math.floor(e.createdAt / 1000)}^{date_short} {time}|${new Date(e.createdAt).toISOString()}> ${what}${title} — ${status}`;
  });
  return `*Your recent escalations*\n${lines.join('\n')}`;
}
