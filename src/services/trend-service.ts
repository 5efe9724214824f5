import type { webApi } from '@slack/bolt';
import { renderPng } from '../chart/render';
import { type TrendInput, trendSvg } from '../chart/trend-chart';
import { type Lang, messages } from '../i18n';
import type { AppLogger } from '../logger';
import { filterLimits, parseLimits, type Thresholds } from '../salesforce/limits';
import type { Store } from '../store';
import { projectExhaustion, projectionRules } from '../watch/projection';
import { aboutDuration, duration, zonedTime } from '../watch/time';
import { usagePoints } from './limits-watch';
import { uploadFile } from './slack-upload';

export interface TrendRequest {
  readonly org: string | undefined;
  readonly limit: string | undefined;
  readonly window: '24h' | '7d';
}

export interface TrendServiceDeps {
  readonly store: Store;
  readonly orgNames: readonly string[];
  readonly thresholds: Thresholds;
  readonly timezone: string;
  readonly horizonMs: number;
  /** The watch interval (sets the projection's gates), even when the watch is off. */
  readonly intervalMs: number;
  readonly clock: () => number;
  readonly logger: AppLogger;
}

const WINDOW_MS = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 } as const;

/** `/sflimits trend`: a PNG of one limit's stored snapshots, uploaded into the channel. */
export class TrendService {
  constructor(private readonly deps: TrendServiceDeps) {}

  /** `[org] [limit] [24h|7d]` in any order; the limit defaults to DailyApiRequests, the window to 24 h. */
  parse(words: readonly string[]): TrendRequest {
    let org: string | undefined;
    let window: TrendRequest['window'] = '24h';
    const rest: string[] = [];
    for (const w of words) {
      const lower = w.toLowerCase();
      const match = this.deps.orgNames.find((n) => n.toLowerCase() === lower);
      if (org === undefined && match !== undefined) org = match;
      else if (lower === '24h' || lower === '7d') window = lower;
      else rest.push(w);
    }
    return { org, limit: rest.length === 0 ? undefined : rest.join(' '), window };
  }

  /**
   * Draws and uploads; resolves with what to tell the person who asked, in their language. The
   * comment posted with the chart is in the channel's. Never throws.
   */
  async post(
    org: string,
    req: TrendRequest,
    channelId: string,
    client: webApi.WebClient,
    langs: { readonly reply: Lang; readonly comment: Lang },
  ): Promise<string> {
    const t = messages(langs.reply).trend;
    const now = this.deps.clock();
    const from = now - WINDOW_MS[req.window];
    const snapshots = await this.deps.store.limitsSnapshotsSince(org, from);
    const latest = snapshots.at(-1);
    const rows = latest === undefined ? [] : parseLimits(latest.raw, this.deps.thresholds);
    const wanted = req.limit ?? 'DailyApiRequests';
    const key =
      rows.find((r) => r.key.toLowerCase() === wanted.toLowerCase())?.key ?? filterLimits(rows, wanted)[0]?.key;
    if (latest !== undefined && key === undefined) return t.unknownLimit(wanted, org);
    const points = usagePoints(snapshots, key ?? wanted, this.deps.thresholds);
    if (points.length < 2) return t.tooFew(key ?? wanted, org, points.length);
    const input = this.chartInput(org, key ?? wanted, req.window, points, from, now);
    const { svg } = trendSvg(input);
    const { png } = renderPng(svg);
    try {
      await uploadFile(client, {
        channelId,
        filename: `${org}-${key}-${req.window}.png`,
        title: input.title,
        bytes: png,
        initialComment: this.comment(org, key ?? wanted, req.window, points, now, langs.comment),
      });
      return t.posted(key ?? wanted);
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      this.deps.logger.warn({ err, org, code }, '/sflimits trend upload failed');
      if (code === 'not_in_channel' || code === 'channel_not_found') return t.notInChannel;
      return t.uploadFailed(code ?? 'no answer');
    }
  }

  /**
   * The message posted with the chart, in the channel's language. The chart itself is drawn in
   * English: its font (DejaVu Sans, bundled so a bare machine draws the same chart) has no
   * Japanese glyphs, and limit names and numbers read the same in both languages.
   */
  private comment(
    org: string,
    key: string,
    window: TrendRequest['window'],
    points: TrendInput['points'],
    now: number,
    lang: Lang,
  ): string {
    const m = messages(lang);
    const projection = projectExhaustion(points, now, projectionRules(this.deps.intervalMs));
    const note =
      projection.kind === 'projection' && projection.msLeft > 0
        ? m.trend.projection(
            duration(projection.msLeft, m),
            zonedTime(projection.exhaustAt, this.deps.timezone, now, lang),
            m.watch.confidenceLevels[projection.confidence],
          )
        : m.trend.noProjection;
    const last = points.at(-1);
    const percent = last === undefined || last.max === 0 ? '' : `${((last.used / last.max) * 100).toFixed(0)}% · `;
    return m.trend.comment(key, org, window, `${percent}${note}`);
  }

  /** What the chart shows: the window, the bands, and the projection when its gates pass. */
  chartInput(
    org: string,
    key: string,
    window: TrendRequest['window'],
    points: TrendInput['points'],
    from: number,
    now: number,
  ): TrendInput {
    const last = points.at(-1);
    const projection = projectExhaustion(points, now, projectionRules(this.deps.intervalMs));
    let line: TrendInput['projection'];
    let note = 'no projection (not rising, or too little history)';
    if (projection.kind === 'projection' && last !== undefined && projection.msLeft > 0) {
      // Drawn up to exhaustion, or cut at the horizon.
      const endAt = Math.min(projection.exhaustAt, now + this.deps.horizonMs);
      line = { endAt, endUsed: last.used + (projection.ratePerHour * (endAt - last.at)) / 3_600_000 };
      note = `runs out in ${aboutDuration(projection.msLeft)} at this rate, around ${zonedTime(projection.exhaustAt, this.deps.timezone, now)} · confidence ${projection.confidence}`;
    }
    const percent = last === undefined || last.max === 0 ? '' : `${((last.used / last.max) * 100).toFixed(0)}% used · `;
    return {
      title: `${key} in ${org}, last ${window === '24h' ? '24 hours' : '7 days'}`,
      subtitle: `${percent}${note} · times ${this.deps.timezone}`,
      points,
      from,
      to: now,
      warnPercent: this.deps.thresholds.warnPercent,
      criticalPercent: this.deps.thresholds.criticalPercent,
      projection: line,
      timezone: this.deps.timezone,
    };
  }
}
