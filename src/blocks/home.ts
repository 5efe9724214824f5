import { LANGUAGE_SETTINGS, type Lang, type LanguageSetting, type Messages, messages } from '../i18n';
import type { FamilyInfo } from '../knowledge/types';
import type { LimitRow } from '../salesforce/limits';
import { ACTIONS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import type {
  EscalationRecord,
  KnowledgeGapSummary,
  WatchEpisodeRecord,
  WatchLevel,
  WatchSilenceRecord,
} from '../store/types';
import { rowText } from './limits';
import { type HomeView, type KnownBlock, LIMITS } from './types';

export interface HomeWatchOrg {
  readonly org: string;
  /** Undefined when the org is not watched. */
  readonly channelId: string | undefined;
  readonly intervalSeconds: number;
  readonly episodes: readonly WatchEpisodeRecord[];
  readonly silences: readonly WatchSilenceRecord[];
  /** DailyApiRequests over the last 24 h, one character an hour; undefined without snapshots. */
  readonly sparkline: string | undefined;
  readonly latestPercent: number | undefined;
}

export interface HomeModel {
  readonly families: readonly FamilyInfo[];
  readonly entries: number;
  readonly org:
    | { readonly name: string; readonly takenAt: number | undefined; readonly headline: readonly LimitRow[] }
    | undefined;
  readonly escalations: readonly EscalationRecord[];
  /** Per linked org: the limits watch's state and a DailyApiRequests sparkline. */
  readonly watch?: readonly HomeWatchOrg[] | undefined;
  readonly storageTrouble: boolean;
  /** Salesforce errors answered without an entry in the last 30 days; undefined for people who
   * may not administer the bot (the allow-list), and for the bot without storage. */
  readonly gaps?: readonly KnowledgeGapSummary[] | undefined;
  /** The language App Home is shown in, and the person's own setting behind it. */
  readonly lang: Lang;
  readonly languageSetting: LanguageSetting;
}

/** App Home: what the bot does, how to use it, your language, its knowledge, the org's limits, your escalations. */
export function buildHome(model: HomeModel): HomeView {
  const t = messages(model.lang);
  const h = t.home;
  const languageOption = (setting: LanguageSetting) => ({
    text: { type: 'plain_text' as const, text: h.myLanguageLabels[setting] },
    value: setting,
  });
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'home_title', text: { type: 'plain_text', text: h.title } },
    section('home_intro', h.intro),
    section('home_howto', h.howTo),
    {
      type: 'actions',
      block_id: 'home_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.openChannelSettings,
          text: { type: 'plain_text', text: h.channelSettings },
        },
        {
          type: 'button',
          action_id: ACTIONS.escalate,
          text: { type: 'plain_text', text: h.escalate },
          value: '{}',
        },
        { type: 'button', action_id: ACTIONS.refreshHome, text: { type: 'plain_text', text: h.refresh } },
      ],
    },
    {
      type: 'section',
      block_id: 'home_language',
      text: { type: 'mrkdwn', text: h.languageNow(h.myLanguageLabels[model.languageSetting]) },
      accessory: {
        type: 'static_select',
        action_id: ACTIONS.homeLanguage,
        placeholder: { type: 'plain_text', text: h.myLanguage },
        options: LANGUAGE_SETTINGS.map(languageOption),
        initial_option: languageOption(model.languageSetting),
      },
    },
    { type: 'divider', block_id: 'home_div1' },
    section(
      'home_kb',
      h.knowledge(model.entries, model.families.map((f) => `\`${escapeMrkdwn(f.family)}\` ${f.size}`).join(' · ')),
    ),
    { type: 'divider', block_id: 'home_div2' },
    section('home_org', orgText(t, model.org)),
    ...watchBlocks(t, model.watch ?? []),
    { type: 'divider', block_id: 'home_div3' },
    section('home_escalations', escalationsText(t, model.escalations)),
    ...(model.gaps === undefined ? [] : [section('home_gaps', gapsText(t, model.gaps))]),
  ];
  if (model.storageTrouble) {
    blocks.push({
      type: 'context',
      block_id: 'home_storage',
      elements: [{ type: 'mrkdwn', text: h.storageTrouble }],
    });
  }
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

function section(blockId: string, text: string): KnownBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

/** `<!date^…>`: Slack shows it in the reader's own time zone and language. */
function slackDate(at: number, format: string): string {
  return `<!date^${Math.floor(at / 1000)}^${format}|${new Date(at).toISOString()}>`;
}

function orgText(t: Messages, org: HomeModel['org']): string {
  if (org === undefined) return t.home.noOrg;
  const name = escapeMrkdwn(org.name);
  if (org.takenAt === undefined) return t.home.noSnapshot(name);
  // The same row as /sflimits shows, so "not available" and over-consumption read the same here.
  const rows = org.headline.map((r) => rowText(r, t)).join('\n');
  return t.home.orgSnapshot(name, slackDate(org.takenAt, '{date_short_pretty} {time}'), rows);
}

/** Per org: where alerts go, what is open, snoozed or muted (with Unmute), and the sparkline. */
function watchBlocks(t: Messages, orgs: readonly HomeWatchOrg[]): KnownBlock[] {
  const h = t.home;
  const blocks: KnownBlock[] = [];
  orgs.slice(0, 10).forEach((w, i) => {
    const org = `\`${escapeMrkdwn(w.org)}\``;
    const lines: string[] = [];
    if (w.channelId === undefined) {
      lines.push(h.watchOff(org));
    } else {
      lines.push(h.watchOn(org, w.channelId, t.common.interval(w.intervalSeconds)));
      if (w.episodes.length === 0) lines.push(h.noOpenAlerts);
      for (const e of w.episodes.slice(0, 10)) {
        const percent = (e.detail as { percent?: unknown } | null)?.percent;
        lines.push(
          h.openAlert(
            `\`${escapeMrkdwn(e.limitKey)}\``,
            t.watch.levels[e.level as WatchLevel] ?? e.level,
            typeof percent === 'number' ? percent.toFixed(0) : undefined,
            e.ackedBy,
          ),
        );
      }
      for (const s of w.silences.filter((x) => x.kind === 'snooze').slice(0, 10)) {
        const until = s.until === undefined ? undefined : slackDate(s.until, '{date_short_pretty} {time}');
        lines.push(h.snoozed(`\`${escapeMrkdwn(s.limitKey)}\``, until, s.byUser));
      }
    }
    if (w.sparkline !== undefined) {
      lines.push(h.sparkline(w.sparkline, w.latestPercent === undefined ? undefined : w.latestPercent.toFixed(0)));
    }
    blocks.push(section(`home_watch_${i}`, lines.join('\n')));
    w.silences
      .filter((s) => s.kind === 'mute')
      .slice(0, 5)
      .forEach((s, j) => {
        blocks.push({
          type: 'section',
          block_id: `home_mute_${i}_${j}`,
          text: {
            type: 'mrkdwn',
            text: clip(h.muted(s.channelId, `\`${escapeMrkdwn(s.limitKey)}\``, s.byUser), LIMITS.sectionText),
          },
          accessory: {
            type: 'button',
            action_id: ACTIONS.watchUnmute,
            text: { type: 'plain_text', text: h.unmute },
            value: `${s.channelId}|${s.org}|${s.limitKey}`.slice(0, LIMITS.buttonValue),
          },
        });
      });
  });
  return blocks;
}

function escalationsText(t: Messages, escalations: readonly EscalationRecord[]): string {
  const h = t.home;
  if (escalations.length === 0) return h.noEscalations;
  const lines = escalations.map((e) => {
    const data = (e.caseData ?? {}) as { code?: unknown; title?: unknown };
    const what = typeof data.code === 'string' ? `\`${escapeMrkdwn(data.code)}\`` : h.escalationCase;
    const title = typeof data.title === 'string' ? ` ${escapeMrkdwn(clip(data.title, 80))}` : '';
    const status = e.status === 'delivered' ? h.delivered : h.pendingDelivery;
    return `• ${slackDate(e.createdAt, '{date_short} {time}')} ${what}${title} — ${status}`;
  });
  return `${h.escalationsHeading}\n${lines.join('\n')}`;
}

/** The most frequent errors the knowledge base could not explain, for whoever maintains it. */
function gapsText(t: Messages, gaps: readonly KnowledgeGapSummary[]): string {
  const h = t.home;
  if (gaps.length === 0) return h.noGaps;
  const lines = gaps
    .slice(0, 8)
    .map((g) => h.gapLine(`\`${escapeMrkdwn(clip(g.code, 80))}\``, g.count, slackDate(g.lastSeen, '{date_short}')));
  return `${h.gapsHeading}\n${lines.join('\n')}\n${h.gapsHint}`;
}
