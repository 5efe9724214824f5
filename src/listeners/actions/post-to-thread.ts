import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Messages, messages } from '../../i18n';
import type { Services } from '../services';
import { parseRefs } from './refs';

/** "Post in thread" under a private (shortcut) answer: share the answer where the error is. */
export function onPostToThread(services: Services) {
  return async ({
    action,
    ack,
    respond,
    client,
    body,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const mine: Messages = messages(await services.languages.forPerson(client, body.user.id));
    try {
      const { pasteId } = parseRefs(action.value);
      const paste = pasteId === undefined ? undefined : await services.answerer.paste(pasteId);
      if (paste?.channelId === undefined || paste.messageTs === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: mine.chat.pasteExpired });
        return;
      }
      // Someone chose to post it, after asking for it privately.
      const d = services.engines.current.diagnose(paste.maskedText, { asked: true });
      if (!d.isError) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: mine.chat.notAnError });
        return;
      }
      // Now everyone in the thread reads it: the channel's language, else the one who posts it.
      const lang = await services.languages.forPublic(client, paste.channelId, body.user.id);
      const { payload, later } = await services.answerer.compose(d, paste.id, paste.channelId, { lang });
      const threadTs = paste.threadTs ?? paste.messageTs;
      const posted = await client.chat.postMessage({
        channel: paste.channelId,
        thread_ts: threadTs,
        ...payload,
        unfurl_links: false,
      });
      if (posted.ts !== undefined && later !== undefined) {
        const ts = posted.ts;
        void later
          .then((next) => client.chat.update({ channel: paste.channelId as string, ts, ...next }))
          .catch((err: unknown) => services.logger.warn({ err }, 'could not add the live limits to an answer'));
      }
      if (posted.ts !== undefined && d.signature !== undefined) {
        await services.answerer
          .recordReply({
            channelId: paste.channelId,
            messageTs: paste.messageTs,
            replyTs: posted.ts,
            threadTs,
            signature: d.signature,
            createdAt: services.clock(),
          })
          .catch((err: unknown) => services.logger.debug({ err }, 'storage trouble saving a reply'));
      }
      await respond({ response_type: 'ephemeral', replace_original: true, text: mine.chat.postedToThread });
    } catch (err) {
      const notIn = (err as { data?: { error?: string } }).data?.error === 'not_in_channel';
      services.logger.warn({ err }, 'could not post the answer in the thread');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: notIn ? mine.chat.notInChannel : mine.common.somethingWentWrong,
      }).catch(() => {});
    }
  };
}
