import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isLanguageSetting, type Messages, messages } from '../../i18n';
import { changeChannelSettings, readChannelSettings, type SettingsChange } from '../../services/channel-settings';
import type { ChannelMode, ChannelSettings } from '../../store/types';
import { CHANNEL_MODES } from '../../store/types';
import type { Services } from '../services';

/**
 * `/sfassist mode auto|mentions|off`, `/sfassist bots on|off`, `/sfassist language auto|en|ja`,
 * `/sfassist status`, `/sfassist reload` (admins), `/sfassist help`. Acknowledged at once; the
 * reply follows, privately, in the language of the person who asked.
 */
export function onSettingsCommand(services: Services) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const [verb = 'help', arg = ''] = command.text.trim().toLowerCase().split(/\s+/);
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    const t = messages(await services.languages.forPerson(client, command.user_id));
    try {
      if (verb === 'status') {
        const s = await readChannelSettings(services, command.channel_id);
        await reply(`${saved(t, s)}\n${t.settings.channelModeExplained}\n${t.settings.languageExplained}`);
        return;
      }
      if (verb === 'reload') {
        if (!(await services.access.isAllowed(client, command.user_id, command.channel_id)))
          return void (await reply(t.common.notAllowed));
        const result = services.engines.reload();
        await reply(
          result.ok
            ? t.settings.reloaded(result.engine.knowledge.entries.length, result.engine.knowledge.families.length)
            : t.settings.reloadFailed(result.problem),
        );
        services.logger.info({ ok: result.ok, by: command.user_id }, 'knowledge reload requested');
        return;
      }
      let change: SettingsChange | undefined;
      if (verb === 'mode' && (CHANNEL_MODES as readonly string[]).includes(arg)) change = { mode: arg as ChannelMode };
      if (verb === 'bots' && (arg === 'on' || arg === 'off')) change = { allowBots: arg === 'on' };
      if ((verb === 'language' || verb === 'lang') && isLanguageSetting(arg)) change = { language: arg };
      if (change === undefined) {
        await reply(`${t.settings.usage}\n${t.settings.channelModeExplained}\n${t.settings.languageExplained}`);
        return;
      }
      const result = await changeChannelSettings(services, client, command.user_id, command.channel_id, change);
      if (!result.ok)
        return void (await reply(result.reason === 'not-allowed' ? t.common.notAllowed : t.common.notChannelMember));
      await reply(saved(t, result.settings));
    } catch (err) {
      services.logger.error({ err }, '/sfassist failed');
      await reply(t.common.somethingWentWrong).catch(() => {});
    }
  };
}

function saved(t: Messages, s: ChannelSettings): string {
  return t.settings.channelModeSaved(s.channelId, s.mode, s.allowBots, t.settings.languageNames[s.language]);
}
