import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildLimitsProblem } from '../../blocks/limits';
import { MSG } from '../../user-messages';
import type { Services } from '../services';

/**
 * `/sflimits [org] [filter|all] [refresh]`. Acknowledged at once with "checking…" (Slack allows
 * 3 seconds; Salesforce may take longer), then the answer replaces it, privately.
 */
export function onLimitsCommand(services: Services) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    const limits = services.limits;
    if (limits === undefined) {
      await ack({
        response_type: 'ephemeral',
        ...buildLimitsProblem(
          undefined,
          'No Salesforce org is linked to this app.',
          'An admin can link one with SF_INSTANCE_URL and SF_ACCESS_TOKEN, or an OAuth mode (JWT bearer recommended); see the README.',
        ),
      });
      return;
    }
    const words = command.text
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    const sub = words[0]?.toLowerCase();
    if (sub === 'trend' || sub === 'who') {
      await onLimitsSubcommand(services, sub, words.slice(1), { command, ack, respond, client });
      return;
    }
    const request = limits.parse(command.text);
    const org = request.org ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
    await ack({ response_type: 'ephemeral', text: MSG.inline.checkingLimits(org) });
    try {
      if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
        await respond({ response_type: 'ephemeral', replace_original: true, text: MSG.notAllowed });
        return;
      }
      const payload = await limits.check({ ...request, org }, command.user_id);
      await respond({ response_type: 'ephemeral', replace_original: true, ...payload });
    } catch (err) {
      services.logger.error({ err }, '/sflimits failed');
      await respond({ response_type: 'ephemeral', replace_original: true, text: MSG.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/**
 * `/sflimits trend [org] [limit] [24h|7d]` (a chart uploaded into the channel) and
 * `/sflimits who [org]` (yesterday's top API consumers, privately).
 */
async function onLimitsSubcommand(
  services: Services,
  sub: 'trend' | 'who',
  words: string[],
  {
    command,
    ack,
    respond,
    client,
  }: Pick<AllMiddlewareArgs & SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond' | 'client'>,
): Promise<void> {
  const { trend, who, limits } = services;
  if (trend === undefined || who === undefined || limits === undefined) return;
  const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: true, text });
  if (sub === 'trend') {
    const req = trend.parse(words);
    const org = req.org ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
    await ack({ response_type: 'ephemeral', text: MSG.trendWorking(req.limit ?? 'DailyApiRequests', org) });
    try {
      if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
        await reply(MSG.notAllowed);
        return;
      }
      await reply(await trend.post(org, req, command.channel_id, client));
    } catch (err) {
      services.logger.error({ err }, '/sflimits trend failed');
      await reply(MSG.somethingWentWrong).catch(() => {});
    }
    return;
  }
  const named = limits.orgNames.find((n) => n.toLowerCase() === words[0]?.toLowerCase());
  const org = named ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
  await ack({ response_type: 'ephemeral', text: MSG.whoWorking(org) });
  try {
    if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
      await reply(MSG.notAllowed);
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: true, ...(await who.answer(org)) });
  } catch (err) {
    services.logger.error({ err }, '/sflimits who failed');
    await reply(MSG.somethingWentWrong).catch(() => {});
  }
}
