import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildChannelSettingsModal } from '../../blocks/channel-settings';
import { isLanguageSetting } from '../../i18n';
import type { Services } from '../services';
import { publishHome } from '../shared/home';

export function onOpenChannelSettings(services: Services) {
  return async ({ body, ack, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    try {
      const lang = await services.languages.forPerson(client, body.user.id);
      await client.views.open({ trigger_id: body.trigger_id, view: buildChannelSettingsModal(lang) });
    } catch (err) {
      services.logger.error({ err }, 'could not open channel settings');
    }
  };
}

export function onRefreshHome(services: Services) {
  return async ({ body, ack, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    await publishHome(services, client, body.user.id).catch((err: unknown) =>
      services.logger.error({ err }, 'could not refresh App Home'),
    );
  };
}

/** "My language" in App Home: stores the person's choice and redraws App Home in it. */
export function onHomeLanguage(services: Services) {
  return async ({ body, ack, client, action }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const value = action.type === 'static_select' ? action.selected_option?.value : undefined;
    if (!isLanguageSetting(value)) return;
    try {
      await services.languages.setUserSetting(body.user.id, value, services.clock());
      await publishHome(services, client, body.user.id);
    } catch (err) {
      services.logger.error({ err }, 'could not save the language choice');
    }
  };
}
