import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isLang, isLanguageSetting, messages } from '../../i18n';
import { changeChannelSettings } from '../../services/channel-settings';
import { CHANNEL_SETTINGS_INPUTS as I } from '../../slack/ids';
import type { ChannelMode } from '../../store/types';
import { CHANNEL_MODES } from '../../store/types';
import type { Services } from '../services';
import { publishHome } from '../shared/home';

/** Saves the channel settings modal; refusals are shown on the channel field. */
export function onChannelSettingsSubmit(services: Services) {
  return async ({ ack, view, body, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const values = view.state.values;
    const channelId = values[I.channel.block]?.[I.channel.action]?.selected_conversation ?? undefined;
    const mode = values[I.mode.block]?.[I.mode.action]?.selected_option?.value;
    const language = values[I.language.block]?.[I.language.action]?.selected_option?.value;
    const allowBots = (values[I.bots.block]?.[I.bots.action]?.selected_options ?? []).length > 0;
    const t = messages(isLang(view.private_metadata) ? view.private_metadata : 'en');
    if (channelId === undefined || channelId === null) {
      await ack({ response_action: 'errors', errors: { [I.channel.block]: t.settings.pickChannel } });
      return;
    }
    if (mode === undefined || !(CHANNEL_MODES as readonly string[]).includes(mode)) {
      await ack({ response_action: 'errors', errors: { [I.mode.block]: t.settings.pickMode } });
      return;
    }
    try {
      const result = await changeChannelSettings(services, client, body.user.id, channelId, {
        mode: mode as ChannelMode,
        allowBots,
        ...(isLanguageSetting(language) ? { language } : {}),
      });
      if (!result.ok) {
        await ack({
          response_action: 'errors',
          errors: {
            [I.channel.block]: result.reason === 'not-allowed' ? t.common.notAllowed : t.common.notChannelMember,
          },
        });
        return;
      }
      await ack();
      await publishHome(services, client, body.user.id).catch((err: unknown) =>
        services.logger.warn({ err }, 'could not refresh App Home'),
      );
    } catch (err) {
      services.logger.error({ err }, 'channel settings failed');
      await ack({ response_action: 'errors', errors: { [I.channel.block]: t.common.somethingWentWrong } });
    }
  };
}
