import type { HomeModel, HomeWatchOrg } from '../blocks/home';
import type { Config } from '../config';
import type { Lang, LanguageSetting } from '../i18n';
import type { EngineHolder } from '../knowledge/engine-holder';
import type { AppLogger } from '../logger';
import { parseLimits, sortByUsage } from '../salesforce/limits';
import type { Store } from '../store';
import type { EscalationRecord } from '../store/types';
import { sparkline } from '../watch/sparkline';
import type { LimitsService } from './limits-service';
import { type LimitsWatch, usagePoints } from './limits-watch';

/** App Home lists the unknown errors of this window. */
const GAP_WINDOW_MS = 30 * 86_400_000;

export interface HomeDeps {
  readonly engines: EngineHolder;
  readonly logger: AppLogger;
  readonly store: Store;
  readonly config: Config;
  readonly clock: () => number;
  readonly limits: LimitsService | undefined;
  readonly watch?: LimitsWatch | undefined;
}

/** What App Home shows a person, from the engine and the store; storage trouble shows, it does not fail. */
export async function homeModel(
  services: HomeDeps,
  userId: string,
  language: { readonly lang: Lang; readonly setting: LanguageSetting },
  showGaps = false,
): Promise<HomeModel> {
  const engine = services.engines.current;
  let storageTrouble = false;
  const safe = async <T>(fn: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      storageTrouble = true;
      services.logger.debug({ err }, 'storage trouble while building App Home');
      return fallback;
    }
  };
  let org: HomeModel['org'];
  if (services.limits !== undefined) {
    const name = services.limits.defaultOrg;
    const snapshot = await safe(() => services.store.latestLimitsSnapshot(name), undefined);
    const { warnPercent, criticalPercent } = services.config.salesforce;
    const rows = snapshot === undefined ? [] : parseLimits(snapshot.raw, { warnPercent, criticalPercent });
    const headline = sortByUsage(
      rows.filter((r) => ['DailyApiRequests', 'DailyBulkApiBatches', 'DataStorageMB', 'FileStorageMB'].includes(r.key)),
    );
    org = { name, takenAt: snapshot?.takenAt, headline };
  }
  const watch: HomeWatchOrg[] = [];
  if (services.limits !== undefined) {
    const now = services.clock();
    const { warnPercent, criticalPercent } = services.config.salesforce;
    for (const name of services.limits.orgNames) {
      const channelId = services.watch?.channelOf(name);
      const since = now - 24 * 3_600_000;
      const [episodes, silences, history] = await Promise.all([
        channelId === undefined ? [] : safe(() => services.store.openWatchEpisodes(name), []),
        channelId === undefined ? [] : safe(() => services.store.activeWatchSilences(now, name), []),
        safe(() => services.store.limitsSnapshotsSince(name, since), []),
      ]);
      const points = usagePoints(history, 'DailyApiRequests', { warnPercent, criticalPercent }).map((p) => ({
        at: p.at,
        percent: (p.used / p.max) * 100,
      }));
      watch.push({
        org: name,
        channelId,
        intervalSeconds: services.config.watch.intervalSeconds,
        episodes,
        silences,
        sparkline: points.length === 0 ? undefined : sparkline(points, since, now, 24),
        latestPercent: points.at(-1)?.percent,
      });
    }
  }
  const escalations = await safe(() => services.store.recentEscalations(5, userId), [] as EscalationRecord[]);
  const gaps = showGaps
    ? await safe(() => services.store.knowledgeGaps(services.clock() - GAP_WINDOW_MS, 8), [])
    : undefined;
  return {
    families: engine.knowledge.families.filter((f) => f.family !== 'faq'),
    entries: engine.knowledge.entries.length,
    org,
    escalations,
    watch,
    storageTrouble,
    gaps,
    lang: language.lang,
    languageSetting: language.setting,
  };
}
