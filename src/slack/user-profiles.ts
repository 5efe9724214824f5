import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../logger';

/** What the bot needs to know about a person: where they are and which language Slack shows them. */
export interface UserProfile {
  /** IANA zone, e.g. `Asia/Tokyo`. */
  readonly tz?: string | undefined;
  /** "Japan Standard Time, Asia/Tokyo". */
  readonly tzLabel?: string | undefined;
  /** Slack's locale, e.g. `ja-JP`. */
  readonly locale?: string | undefined;
}

interface Cached {
  readonly profile: UserProfile;
  readonly until: number;
}

/** A person's profile rarely changes; a failed lookup is retried soon. */
const KEEP_MS = 6 * 3_600_000;
const KEEP_FAILURE_MS = 60_000;
/** Bounded so the cache cannot grow with the workspace. */
const MAX_USERS = 10_000;

/**
 * `users.info` with `include_locale=true`, cached per person. One call gives both the time zone
 * (escalation times) and the locale (the answer's language), so the two never cost two calls.
 * Lookups are bounded in time: a modal must open within a trigger's 3 seconds and an answer
 * should not wait on a slow Slack, so after `budgetMs` the caller gets what is known (often
 * nothing) and the lookup finishes in the background for next time.
 */
export class UserProfiles {
  private readonly cache = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<UserProfile>>();

  constructor(
    private readonly logger: AppLogger,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(client: webApi.WebClient, userId: string, budgetMs: number): Promise<UserProfile> {
    const cached = this.cache.get(userId);
    if (cached !== undefined && cached.until > this.clock()) return cached.profile;
    const lookup = this.inFlight.get(userId) ?? this.lookup(client, userId);
    const timeout = new Promise<UserProfile>((resolve) => setTimeout(() => resolve({}), budgetMs).unref());
    return Promise.race([lookup, timeout]);
  }

  private lookup(client: webApi.WebClient, userId: string): Promise<UserProfile> {
    const lookup = client.users
      .info({ user: userId, include_locale: true })
      .then((res) => {
        const user = res.user;
        const profile: UserProfile = {
          ...(user?.tz ? { tz: user.tz } : {}),
          ...(user?.tz_label ? { tzLabel: `${user.tz_label}, ${user.tz}` } : {}),
          ...(user?.locale ? { locale: user.locale } : {}),
        };
        this.remember(userId, profile, KEEP_MS);
        return profile;
      })
      .catch((err: unknown) => {
        this.logger.warn({ err, user: userId }, 'users.info failed; carrying on without the time zone and locale');
        this.remember(userId, {}, KEEP_FAILURE_MS);
        return {};
      })
      .finally(() => this.inFlight.delete(userId));
    this.inFlight.set(userId, lookup);
    return lookup;
  }

  private remember(userId: string, profile: UserProfile, forMs: number): void {
    if (this.cache.size >= MAX_USERS) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(userId, { profile, until: this.clock() + forMs });
  }
}
