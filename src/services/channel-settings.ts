import type { webApi } from '@slack/bolt';
import type { LanguageSetting } from '../i18n/lang';
import type { Store } from '../store';
import type { ChannelMode, ChannelSettings } from '../store/types';
import type { AccessControl } from './access';

type WebClient = webApi.WebClient;

export type SettingsChange = {
  readonly mode?: ChannelMode;
  readonly allowBots?: boolean;
  readonly language?: LanguageSetting;
};

export type SettingsResult =
  | { readonly ok: true; readonly settings: ChannelSettings }
  | { readonly ok: false; readonly reason: 'not-allowed' | 'not-member' };

/** At most this many members are read to check membership (large channels page through). */
const MEMBER_PAGES = 20;

/**
 * Changes a channel's mode or bot policy. Only a member of the channel may, and when an
 * allow-list is configured, only someone on it.
 */
/** A channel's settings (defaults when never set). */
export function readChannelSettings(deps: { readonly store: Store }, channelId: string): Promise<ChannelSettings> {
  return deps.store.getChannelSettings(channelId);
}

export async function changeChannelSettings(
  deps: { readonly store: Store; readonly access: AccessControl; readonly clock: () => number },
  client: WebClient,
  userId: string,
  channelId: string,
  change: SettingsChange,
): Promise<SettingsResult> {
  if (!(await deps.access.isAllowed(client, userId, channelId))) return { ok: false, reason: 'not-allowed' };
  if (!(await isChannelMember(client, channelId, userId))) return { ok: false, reason: 'not-member' };
  const current = await deps.store.getChannelSettings(channelId);
  const settings: ChannelSettings = {
    channelId,
    mode: change.mode ?? current.mode,
    allowBots: change.allowBots ?? current.allowBots,
    language: change.language ?? current.language,
    defaultOrg: current.defaultOrg,
    updatedBy: userId,
    updatedAt: deps.clock(),
  };
  await deps.store.setChannelSettings(settings);
  return { ok: true, settings };
}

export async function isChannelMember(client: WebClient, channelId: string, userId: string): Promise<boolean> {
  // A direct message or group DM with the bot: whoever can write in it is a member.
  if (channelId.startsWith('D')) return true;
  let cursor: string | undefined;
  for (let page = 0; page < MEMBER_PAGES; page++) {
    const res = await client.conversations.members({ channel: channelId, limit: 1000, ...(cursor ? { cursor } : {}) });
    if (res.members?.includes(userId)) return true;
    cursor = res.response_metadata?.next_cursor || undefined;
    if (cursor === undefined) return false;
  }
  return false;
}
