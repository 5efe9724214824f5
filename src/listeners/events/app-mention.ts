import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildFaqMessage } from '../../blocks/faq';
import { findFaq } from '../../knowledge/faq-search';
import type { Services } from '../../services';
import type { IncomingMessage } from '../../services/answering';
import { MSG } from '../../user-messages';

/**
 * "@assistant" in a message. If the message itself holds an error, answer it. In a thread with
 * no error in the mention, diagnose the thread's first message. A question gets an FAQ answer.
 * Mentions are explicit requests: they work in every channel mode and skip the cooldown.
 */
export function onAppMention(services: Services) {
  return async ({ event, body, client, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const channelId = event.channel;
    const threadTs = event.thread_ts;
    const own = (event.text ?? '').replace(/<@[A-Z0-9]+>/g, ' ').trim();
    const base: Omit<IncomingMessage, 'ts' | 'threadTs' | 'text' | 'files' | 'userId' | 'botId'> = {
      eventId: body.event_id,
      channelId,
      edited: false,
      requested: true,
    };
    try {
      const engine = services.engines.current;
      if (engine.diagnose(own).isError) {
        await services.answerer.onMessage(client, {
          ...base,
          ts: event.ts,
          threadTs,
          text: own,
          files: [],
          userId: event.user,
          botId: undefined,
        });
        return;
      }
      if (threadTs !== undefined && threadTs !== event.ts) {
        const parent = await client.conversations.replies({
          channel: channelId,
          ts: threadTs,
          limit: 1,
          inclusive: true,
        });
        const first = parent.messages?.[0];
        if (first?.text !== undefined || first?.files !== undefined) {
          const outcome = await services.answerer.onMessage(client, {
            ...base,
            ts: threadTs,
            threadTs,
            text: first?.text ?? '',
            files: (first?.files ?? []) as IncomingMessage['files'],
            userId: event.user,
            botId: first?.bot_id,
          });
          if (outcome !== 'not-an-error') return;
        }
      }
      const faq = findFaq(engine.knowledge.faqs, own);
      const reply =
        faq !== undefined ? buildFaqMessage(faq) : { text: own.length > 0 ? MSG.notAnError : MSG.mentionHelp };
      await client.chat.postMessage({
        channel: channelId,
        thread_ts: threadTs ?? event.ts,
        ...reply,
        unfurl_links: false,
      });
    } catch (err) {
      services.logger.error({ err, channel: channelId, bot: context.botUserId }, 'could not answer a mention');
    }
  };
}
