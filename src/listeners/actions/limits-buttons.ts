import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { LimitsView } from '../../blocks/limits';
import { MSG } from '../../user-messages';
import type { Services } from '../services';

/** "Check org limits" under a diagnosis: the /sflimits flow for the channel's default org. */
export function onCheckLimits(services: Services) {
  return async ({
    body,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const limits = services.limits;
    if (limits === undefined) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: MSG.inline.noOrgLinked,
      });
      return;
    }
    try {
      const channelId = body.channel?.id;
      if (!(await services.access.isAllowed(client, body.user.id, channelId))) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: MSG.notAllowed });
        return;
      }
      const org = (await services.limits?.defaultOrgFor(channelId)) ?? '';
      const payload = await limits.check({ org, view: 'compact', filter: undefined, refresh: false }, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, ...payload });
    } catch (err) {
      services.logger.error({ err }, 'limits check from a diagnosis failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: MSG.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/** "Share in channel" under a private /sflimits answer: posts the same snapshot for everyone. */
export function onShareLimits(services: Services) {
  return async ({ action, ack, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    try {
      const { o, v, f } = JSON.parse(action.value ?? '{}') as { o?: string; v?: LimitsView; f?: string | null };
      const payload =
        o === undefined || services.limits === undefined
          ? undefined
          : await services.limits.renderLatest(o, v ?? 'compact', f ?? undefined);
      if (payload === undefined) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: MSG.inline.snapshotGone,
        });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...payload });
    } catch (err) {
      services.logger.error({ err }, 'sharing limits failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: MSG.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}
