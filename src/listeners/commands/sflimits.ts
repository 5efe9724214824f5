import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { buildLimitsProblem } from '../../blocks/limits';
import { type Lang, messages } from '../../i18n';
import type { Services } from '../services';

/**
 * `/sflimits [org] [filter|all] [refresh]`. Acknowledged at once with "checking…" (Slack allows
 * 3 seconds; Salesforce may take longer), then the answer replaces it, privately.
 */
export function onLimitsCommand(services: Services) {
  return async ({ command, ack, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs) => {
    const limits = services.limits;
    // Private answers, so in the asker's language (cached after their first answer or App Home).
    const lang = await services.languages.forPerson(client, command.user_id);
    const t = messages(lang);
    if (limits === undefined) {
      await ack({
        response_type: 'ephemeral',
        ...buildLimitsProblem(undefined, t.limits.noOrgLinked, t.limits.noOrgLinkedFix),
      });
      return;
    }
    const words = command.text
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    const sub = words[0]?.toLowerCase();
    if (sub === 'trend' || sub === 'who') {
      await onLimitsSubcommand(services, sub, words.slice(1), lang, { command, ack, respond, client });
      return;
    }
    const request = limits.parse(command.text);
    const org = request.org ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
    await ack({ response_type: 'ephemeral', text: t.limits.checking(org) });
    try {
      if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
        await respond({ response_type: 'ephemeral', replace_original: true, text: t.common.notAllowed });
        return;
      }
      const payload = await limits.check({ ...request, org }, command.user_id, lang);
      await respond({ response_type: 'ephemeral', replace_original: true, ...payload });
    } catch (err) {
      services.logger.error({ err }, '/sflimits failed');
      await respond({ response_type: 'ephemeral', replace_original: true, text: t.common.somethingWentWrong }).catch(
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
  lang: Lang,
  {
    command,
    ack,
    respond,
    client,
  }: Pick<AllMiddlewareArgs & SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond' | 'client'>,
): Promise<void> {
  const { trend, who, limits } = services;
  if (trend === undefined || who === undefined || limits === undefined) return;
  const t = messages(lang);
  const reply = (text: string) => respond({ response_type: 'ephemeral', replace_original: true, text });
  if (sub === 'trend') {
    const req = trend.parse(words);
    const org = req.org ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
    await ack({ response_type: 'ephemeral', text: t.trend.working(req.limit ?? 'DailyApiRequests', org) });
    try {
      if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
        await reply(t.common.notAllowed);
        return;
      }
      // The chart's comment goes to the channel: its language, or the asker's.
      const publicLang = await services.languages.forPublic(client, command.channel_id, command.user_id);
      await reply(await trend.post(org, req, command.channel_id, client, { reply: lang, comment: publicLang }));
    } catch (err) {
      services.logger.error({ err }, '/sflimits trend failed');
      await reply(t.common.somethingWentWrong).catch(() => {});
    }
    return;
  }
  const named = limits.orgNames.find((n) => n.toLowerCase() === words[0]?.toLowerCase());
  const org = named ?? (await services.limits?.defaultOrgFor(command.channel_id)) ?? '';
  await ack({ response_type: 'ephemeral', text: t.who.working(org) });
  try {
    if (!(await services.access.isAllowed(client, command.user_id, command.channel_id))) {
      await reply(t.common.notAllowed);
      return;
    }
    await respond({ response_type: 'ephemeral', replace_original: true, ...(await who.answer(org, lang)) });
  } catch (err) {
    services.logger.error({ err }, '/sflimits who failed');
    await reply(t.common.somethingWentWrong).catch(() => {});
  }
}
