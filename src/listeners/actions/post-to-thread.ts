import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { MSG } from '../../user-messages';
import type { Services } from '../services';
import { parseRefs } from './refs';

/** "Post in thread" under a private (shortcut) answer: share the answer where the error is. */
export function onPostToThread(services: Services) {
  return async ({
    action,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    try {
      const { pasteId } = parseRefs(action.value);
      const paste = pasteId === undefined ? undefined : await services.answerer.paste(pasteId);
      if (paste?.channelId === undefined || paste.messageTs === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: MSG.pasteExpired });
        return;
      }
      const d = services.engines.current.diagnose(paste.maskedText);
      if (!d.isError) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: MSG.notAnError });
        return;
      }
      const { payload, later } = await services.answerer.compose(d, paste.id, paste.channelId);
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
      await respond({ response_type: 'ephemeral', replace_original: true, text: MSG.postedToThread });
    } catch (err) {
      const notIn = (err as { data?: { error?: string } }).data?.error === 'not_in_channel';
      services.logger.warn({ err }, 'could not post the answer in the thread');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: notIn
          ? "I'm not a member of that channel. Invite me with `/invite @Salesforce API Assistant`, then try again."
          : MSG.somethingWentWrong,
      }).catch(() => {});
    }
  };
}
