import type { AllMiddlewareArgs, SlackEventMiddlewareArgs, webApi } from '@slack/bolt';
import { buildHome, type HomeModel } from '../../blocks/home';
import { parseLimits, sortByUsage } from '../../salesforce/limits';
import type { Services } from '../../services';
import type { EscalationRecord } from '../../store/types';

export function onAppHomeOpened(services: Services) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(services, client, event.user);
    } catch (err) {
      services.logger.error({ err }, 'could not publish App Home');
    }
  };
}

/** Builds the Home model from the engine and the store; storage trouble shows, it does not fail. */
export async function publishHome(services: Services, client: webApi.WebClient, userId: string): Promise<void> {
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
  const escalations = await safe(() => services.store.recentEscalations(5, userId), [] as EscalationRecord[]);
  const view = buildHome({
    families: engine.knowledge.families.filter((f) => f.family !== 'faq'),
    entries: engine.knowledge.entries.length,
    org,
    escalations,
    escalationEnabled: services.escalation.enabled,
    storageTrouble,
  });
  await client.views.publish({ user_id: userId, view });
}
