import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../services';
import { publishHome } from '../shared/home';

export function onAppHomeOpened(services: Services) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    try {
      await publishHome(services, client, event.user);
    } catch (err) {
      services.logger.error({ err }, 'could not publish App Home');
    }
  };
}
