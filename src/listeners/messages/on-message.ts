import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../services';
import { incomingFromEvent, mentionsBot } from './extract';

/** Every message in a channel the bot is in: new, edited, snippet or from another bot. */
export function onMessage(services: Services) {
  return async ({ event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>) => {
    const msg = incomingFromEvent(event as unknown as Record<string, unknown>, body.event_id, {
      botUserId: context.botUserId,
      botId: context.botId,
    });
    if (msg === undefined || mentionsBot(msg.text, context.botUserId)) return;
    try {
      await services.answerer.onMessage(client, msg);
    } catch (err) {
      services.logger.error({ err, channel: msg.channelId }, 'could not answer a message');
    }
  };
}
