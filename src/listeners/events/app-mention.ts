import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { buildFaqMessage } from '../../blocks/faq';
import { type Lang, messages } from '../../i18n';
import { findFaq } from '../../knowledge/faq-search';
import type { IncomingMessage } from '../../services/answering';
import type { Services } from '../services';

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
      if (engine.diagnose(own, { asked: true }).isError) {
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
        const parent = await threadParent(services, client, channelId, threadTs);
        if (parent === 'unavailable') {
          const t = messages(await answerLanguage(services, client, channelId, event.user, own));
          await client.chat.postMessage({
            channel: channelId,
            thread_ts: threadTs,
            text: t.chat.threadParentUnavailable,
          });
          return;
        }
        if (parent !== undefined) {
          const outcome = await services.answerer.onMessage(client, {
            ...base,
            ts: threadTs,
            threadTs,
            text: parent.text,
            files: parent.files,
            userId: event.user,
            botId: parent.botId,
          });
          if (outcome !== 'not-an-error') return;
        }
      }
      const faq = findFaq(engine.knowledge.faqs, own);
      const lang = await answerLanguage(services, client, channelId, event.user, own);
      const t = messages(lang);
      const reply =
        faq !== undefined
          ? buildFaqMessage(faq, lang)
          : { text: own.length > 0 ? t.chat.notAnError : t.chat.mentionHelp };
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

/** How long a mention waits for Slack's history API before saying it cannot read the thread. */
const HISTORY_TIMEOUT_MS = 4_000;

type Parent = { text: string; files: IncomingMessage['files']; botId: string | undefined };

/**
 * The thread's first message. A paste the bot has already seen is in the store (masked); only
 * otherwise is Slack's history API asked, which is limited to one call a minute for apps
 * outside the Marketplace, so a slow or refused answer is reported rather than waited out.
 */
async function threadParent(
  services: Services,
  client: AllMiddlewareArgs['client'],
  channelId: string,
  threadTs: string,
): Promise<Parent | undefined | 'unavailable'> {
  const saved = await services.answerer.pasteForThread(channelId, threadTs).catch(() => undefined);
  if (saved !== undefined) return { text: saved.maskedText, files: [], botId: undefined };
  try {
    const replies = await Promise.race([
      client.conversations.replies({ channel: channelId, ts: threadTs, limit: 1, inclusive: true }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('conversations.replies timed out')), HISTORY_TIMEOUT_MS).unref(),
      ),
    ]);
    const first = replies.messages?.[0];
    if (first === undefined || (first.text === undefined && first.files === undefined)) return undefined;
    return { text: first.text ?? '', files: (first.files ?? []) as IncomingMessage['files'], botId: first.bot_id };
  } catch (err) {
    services.logger.warn({ err, channel: channelId }, "could not read a thread's first message");
    return 'unavailable';
  }
}

/** A reply in the thread: the channel's language, else the person's (a Japanese question gets Japanese). */
async function answerLanguage(
  services: Services,
  client: AllMiddlewareArgs['client'],
  channelId: string,
  userId: string | undefined,
  text: string,
): Promise<Lang> {
  const channel = await services.languages.channelSetting(channelId);
  return services.languages.forAnswer(client, { channel, userId, text });
}
