import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../i18n';
import { ACTIONS } from '../../slack/ids';
import type { Vote } from '../../store/types';
import type { Services } from '../services';

/** 👍/👎 under an answer, recorded per knowledge entry (one vote per person per answer). */
export function onFeedback(services: Services) {
  return async ({
    action,
    body,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const t = messages(await services.languages.forPerson(client, body.user.id));
    const vote: Vote = action.action_id === ACTIONS.feedbackUp ? 'up' : 'down';
    const code = action.value;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    if (code === undefined || channelId === undefined || messageTs === undefined) return;
    try {
      await services.answerer.recordFeedback({
        code,
        vote,
        userId: body.user.id,
        channelId,
        messageTs,
        createdAt: services.clock(),
      });
      services.logger.info({ code, vote }, 'feedback recorded');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.chat.feedbackThanks(vote) });
    } catch (err) {
      services.logger.error({ err, code }, 'could not record feedback');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}
