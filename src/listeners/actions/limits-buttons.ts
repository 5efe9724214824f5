import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { LimitsView } from '../../blocks/limits';
import { type Messages, messages } from '../../i18n';
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
    let t: Messages = messages('en');
    try {
      const lang = await services.languages.forPerson(client, body.user.id);
      t = messages(lang);
      if (limits === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.limits.noOrgForButton });
        return;
      }
      const channelId = body.channel?.id;
      if (!(await services.access.isAllowed(client, body.user.id, channelId))) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.notAllowed });
        return;
      }
      const org = (await services.limits?.defaultOrgFor(channelId)) ?? '';
      const payload = await limits.check(
        { org, view: 'compact', filter: undefined, refresh: false },
        body.user.id,
        lang,
      );
      await respond({ response_type: 'ephemeral', replace_original: false, ...payload });
    } catch (err) {
      services.logger.error({ err }, 'limits check from a diagnosis failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/** "Share in channel" under a private /sflimits answer: posts the same snapshot for everyone. */
export function onShareLimits(services: Services) {
  return async ({
    action,
    ack,
    respond,
    body,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    let t: Messages = messages('en');
    try {
      // Shared for everyone in the channel, so in the channel's language when it has one.
      const lang = await services.languages.forPublic(client, body.channel?.id, body.user.id);
      t = messages(lang);
      const { o, v, f } = JSON.parse(action.value ?? '{}') as { o?: string; v?: LimitsView; f?: string | null };
      const payload =
        o === undefined || services.limits === undefined
          ? undefined
          : await services.limits.renderLatest(o, v ?? 'compact', f ?? undefined, lang);
      if (payload === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.limits.snapshotGone });
        return;
      }
      await respond({ response_type: 'in_channel', replace_original: false, ...payload });
    } catch (err) {
      services.logger.error({ err }, 'sharing limits failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}
