import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildChannelSettingsModal } from '../../blocks/channel-settings';
import type { Services } from '../services';
import { publishHome } from '../shared/home';

export function onOpenChannelSettings(services: Services) {
  return async ({ body, ack, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: buildChannelSettingsModal() });
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
