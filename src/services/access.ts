import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../logger';

type WebClient = webApi.WebClient;

export interface AllowList {
  readonly users: readonly string[];
  readonly usergroups: readonly string[];
  readonly channels: readonly string[];
}

/** How long a user group's member list is trusted before it is read again. */
const GROUP_CACHE_MS = 5 * 60_000;

/**
 * Who may run /sflimits and admin actions (channel modes, knowledge reload). With no list set,
 * everyone in the workspace may; once any list is set, a person must be named, be in a named
 * user group, or act in a named channel.
 */
export class AccessControl {
  private readonly groups = new Map<string, { members: Set<string>; at: number }>();

  constructor(
    private readonly allow: AllowList,
    private readonly logger: AppLogger,
    private readonly clock: () => number = Date.now,
  ) {}

  get open(): boolean {
    return this.allow.users.length === 0 && this.allow.usergroups.length === 0 && this.allow.channels.length === 0;
  }

  async isAllowed(client: WebClient, userId: string, channelId: string | undefined): Promise<boolean> {
    if (this.open) return true;
    if (this.allow.users.includes(userId)) return true;
    if (channelId !== undefined && this.allow.channels.includes(channelId)) return true;
    for (const group of this.allow.usergroups) {
      if ((await this.members(client, group)).has(userId)) return true;
    }
    return false;
  }

  private async members(client: WebClient, group: string): Promise<Set<string>> {
    const cached = this.groups.get(group);
    if (cached !== undefined && this.clock() - cached.at < GROUP_CACHE_MS) return cached.members;
    try {
      const res = await client.usergroups.users.list({ usergroup: group });
      const members = new Set(res.users ?? []);
      this.groups.set(group, { members, at: this.clock() });
      return members;
    } catch (err) {
      // Fail closed: an unreadable group grants nothing.
      this.logger.warn({ err, group }, 'could not read user group members');
      return cached?.members ?? new Set();
    }
  }
}
