import type { AppLogger } from '../logger';
import { SalesforceError } from '../salesforce/client';
import { type LimitReading, readLimit, wantsLiveLimits } from '../salesforce/limit-reading';
import type { Store } from '../store';
import type { LimitsService } from './limits-service';

/** What an answer about a limit error can say about the org right now, and later. */
export interface LimitsNow {
  /** Shown in the first reply: a cached figure, "checking…", or the no-org explanation. */
  readonly reading: LimitReading | undefined;
  /** The figure once it arrives, when the first reply had to go out without it. */
  readonly later: Promise<LimitReading> | undefined;
}

export interface AnswerLimits {
  now(code: string, variant: string | undefined, channelId: string | undefined): Promise<LimitsNow>;
}

export interface AnswerLimitsDeps {
  readonly limits: LimitsService | undefined;
  readonly store: Store;
  readonly logger: AppLogger;
  /** The live figure must reach the answer within Slack's patience; after this it is given up. */
  readonly waitMs: number;
}

/**
 * Live limits for answers, through LimitsService: its cache and its sharing of concurrent calls
 * mean that any number of pasted limit errors cost at most one `/limits` call per org per
 * SF_LIMITS_CACHE_SECONDS.
 */
export function createAnswerLimits(deps: AnswerLimitsDeps): AnswerLimits {
  const { limits } = deps;
  const orgFor = async (channelId: string | undefined): Promise<string | undefined> => {
    if (limits === undefined) return undefined;
    if (channelId === undefined) return limits.defaultOrg;
    const settings = await deps.store.getChannelSettings(channelId).catch(() => undefined);
    return settings?.defaultOrg !== undefined && limits.orgNames.includes(settings.defaultOrg)
      ? settings.defaultOrg
      : limits.defaultOrg;
  };
  return {
    async now(code, variant, channelId) {
      if (!wantsLiveLimits(code)) return { reading: undefined, later: undefined };
      const org = await orgFor(channelId);
      if (limits === undefined || org === undefined) {
        // Without an org only the message can tell the REQUEST_LIMIT_EXCEEDED variants apart.
        const open = code === 'REQUEST_LIMIT_EXCEEDED' && variant === undefined;
        return { reading: open ? { kind: 'no-org' } : undefined, later: undefined };
      }
      const cached = limits.peek(org);
      if (cached !== undefined)
        return { reading: readLimit(org, code, variant, cached, limits.thresholds), later: undefined };
      const later = withTimeout(
        limits.usage(org).then(
          (result): LimitReading => readLimit(org, code, variant, result, limits.thresholds),
          (err: unknown): LimitReading => {
            deps.logger.warn({ err, org }, 'limits check for an answer failed');
            return err instanceof SalesforceError && err.details.sfCode === 'REQUEST_LIMIT_EXCEEDED'
              ? { kind: 'refused', org }
              : { kind: 'failed', org };
          },
        ),
        deps.waitMs,
        { kind: 'failed', org },
      );
      return { reading: { kind: 'pending', org }, later };
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
