import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { changeChannelSettings, readChannelSettings, type SettingsChange } from '../../services/channel-settings';
import type { ChannelMode } from '../../store/types';
import { CHANNEL_MODES } from '../../store/types';
import { MSG } from '../../user-messages';
import type { Services } from '../services';

/**
 * `/sfassist mode auto|mentions|off`, `/sfassist bots on|off`, `/sfassist status`,
 * `/sfassist reload` (admins), `/sfassist help`. Acknowledged at once; the reply follows.
 */
export function onSettingsCommand(services: Services) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    await ack();
    const [verb = 'help', arg = ''] = command.text.trim().toLowerCase().split(/\s+/);
    const reply = (text: string) => respond({ response_type: 'ephemeral', text });
    try {
      if (verb === 'status') {
        const s = await readChannelSettings(services, command.channel_id);
        await reply(`${MSG.channelModeSaved(command.channel_id, s.mode, s.allowBots)}\n${MSG.channelModeExplained}`);
        return;
      }
      if (verb === 'reload') {
        if (!(await services.access.isAllowed(client, command.user_id, command.channel_id)))
          return void (await reply(MSG.notAllowed));
        const result = services.engines.reload();
        await reply(
          result.ok
            ? MSG.reloaded(result.engine.knowledge.entries.length, result.engine.knowledge.families.length)
            : MSG.reloadFailed(result.problem),
        );
        services.logger.info({ ok: result.ok, by: command.user_id }, 'knowledge reload requested');
        return;
      }
      let change: SettingsChange | undefined;
      if (verb === 'mode' && (CHANNEL_MODES as readonly string[]).includes(arg)) change = { mode: arg as ChannelMode };
      if (verb === 'bots' && (arg === 'on' || arg === 'off')) change = { allowBots: arg === 'on' };
      if (change === undefined) {
        await reply(`${MSG.settingsUsage}\n${MSG.channelModeExplained}`);
        return;
      }
      const result = await changeChannelSettings(services, client, command.user_id, command.channel_id, change);
      if (!result.ok)
        return void (await reply(result.reason === 'not-allowed' ? MSG.notAllowed : MSG.notChannelMember));
      await reply(MSG.channelModeSaved(command.channel_id, result.settings.mode, result.settings.allowBots));
    } catch (err) {
      services.logger.error({ err }, '/sfassist failed');
      await reply(MSG.somethingWentWrong).catch(() => {});
    }
  };
}
