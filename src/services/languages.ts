import type { webApi } from '@slack/bolt';
import {
  chooseAnswerLanguage,
  choosePersonalLanguage,
  type Lang,
  type LanguageSetting,
  looksJapanese,
} from '../i18n/lang';
import type { AppLogger } from '../logger';
import type { UserProfile, UserProfiles } from '../slack/user-profiles';
import type { Store } from '../store';

type WebClient = webApi.WebClient;

/** How long an answer may wait for a person's Slack locale before it goes out in what is known. */
const LOCALE_BUDGET_MS = 1_500;

/**
 * Which language to speak, to whom. A thread reply follows the channel's setting, then the
 * poster's own choice, then a paste written in Japanese, then the poster's Slack locale. What
 * only one person sees (a modal, App Home, a private reply) follows that person. Storage or Slack
 * trouble never blocks an answer: it falls back to what is known, and to English.
 */
export class Languages {
  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly profiles: UserProfiles;
      readonly logger: AppLogger;
    },
  ) {}

  /** The language of a public answer to a paste. The channel's setting is passed in when already read. */
  async forAnswer(
    client: WebClient,
    input: { readonly channel: LanguageSetting; readonly userId: string | undefined; readonly text: string },
  ): Promise<Lang> {
    if (input.channel !== 'auto') return input.channel;
    const user = input.userId === undefined ? 'auto' : await this.userSetting(input.userId);
    // Only ask Slack when nothing cheaper decides.
    const needsLocale = user === 'auto' && input.userId !== undefined && !looksJapanese(input.text);
    const profile: UserProfile =
      needsLocale && input.userId !== undefined ? await this.profile(client, input.userId) : {};
    return chooseAnswerLanguage({ channel: input.channel, user, locale: profile.locale, text: input.text });
  }

  /** Something a person posts for the whole channel (Share in channel, Post in thread). */
  async forPublic(client: WebClient, channelId: string | undefined, userId: string): Promise<Lang> {
    const channel = channelId === undefined ? 'auto' : await this.channelSetting(channelId);
    return this.forAnswer(client, { channel, userId, text: '' });
  }

  /** The language of something only this person sees. */
  async forPerson(client: WebClient, userId: string): Promise<Lang> {
    const user = await this.userSetting(userId);
    if (user !== 'auto') return user;
    return choosePersonalLanguage({ user, locale: (await this.profile(client, userId)).locale });
  }

  /** A channel's language for what the bot posts there on its own (limits-watch alerts). */
  async forChannel(channelId: string): Promise<Lang> {
    const setting = await this.channelSetting(channelId);
    return setting === 'auto' ? 'en' : setting;
  }

  /** The channel's setting, `auto` when the store cannot say. */
  async channelSetting(channelId: string): Promise<LanguageSetting> {
    return this.deps.store
      .getChannelSettings(channelId)
      .then((s) => s.language)
      .catch(() => 'auto' as const);
  }

  userSetting(userId: string): Promise<LanguageSetting> {
    return this.deps.store.getUserLanguage(userId).catch(() => 'auto' as const);
  }

  async setUserSetting(userId: string, language: LanguageSetting, at: number): Promise<void> {
    await this.deps.store.setUserLanguage(userId, language, at);
  }

  private profile(client: WebClient, userId: string): Promise<UserProfile> {
    return this.deps.profiles.get(client, userId, LOCALE_BUDGET_MS);
  }
}
