import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { messages } from '../../i18n';
import type { SnoozeChoice } from '../../services/limits-watch';
import { WATCH_SNOOZE } from '../../slack/ids';
import type { Services } from '../services';
import { publishHome } from '../shared/home';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Acknowledge and Mute on an alert: record who, redraw the alert in place. */
export function onWatchButton(services: Services, what: 'acknowledge' | 'mute') {
  return async ({ action, body, ack, respond, client }: ButtonArgs) => {
    await ack();
    const watch = services.watch;
    if (watch === undefined) return;
    const t = messages(await services.languages.forPerson(client, body.user.id));
    try {
      const id = action.value ?? '';
      const done =
        what === 'acknowledge'
          ? await watch.acknowledge(id, body.user.id, client)
          : await watch.mute(id, body.user.id, client);
      if (!done) await respond({ response_type: 'ephemeral', replace_original: false, text: t.watch.gone });
    } catch (err) {
      services.logger.error({ err, what }, 'limits watch button failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

export function onWatchSnooze(services: Services) {
  return async ({
    action,
    body,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>) => {
    await ack();
    const watch = services.watch;
    if (watch === undefined) return;
    const t = messages(await services.languages.forPerson(client, body.user.id));
    try {
      const [choice, id] = (action.selected_option?.value ?? '').split('|');
      const valid = Object.values(WATCH_SNOOZE) as string[];
      if (choice === undefined || id === undefined || !valid.includes(choice)) return;
      if (!(await watch.snooze(id, choice as SnoozeChoice, body.user.id, client)))
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.watch.gone });
    } catch (err) {
      services.logger.error({ err }, 'limits watch snooze failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/** "Who is using it?": the `/sflimits who` answer, in the alert's thread. */
export function onWatchWho(services: Services) {
  return async ({ action, body, ack, respond, client }: ButtonArgs) => {
    await ack();
    const { watch, who } = services;
    if (watch === undefined || who === undefined) return;
    const t = messages(await services.languages.forPerson(client, body.user.id));
    try {
      const episode = await watch.getEpisode(action.value ?? '');
      if (episode === undefined || episode.messageTs === undefined) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.watch.gone });
        return;
      }
      if (!(await services.access.isAllowed(client, body.user.id, episode.channelId))) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.notAllowed });
        return;
      }
      // Posted in the alert's thread, so in the watch channel's language, like the alert.
      const answer = await who.answer(episode.org, await services.languages.forChannel(episode.channelId));
      await client.chat.postMessage({ channel: episode.channelId, thread_ts: episode.messageTs, ...answer });
    } catch (err) {
      services.logger.error({ err }, 'limits watch "who" failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/** Unmute in App Home: value is `channel|org|limit`. */
export function onWatchUnmute(services: Services) {
  return async ({ action, body, ack, client }: ButtonArgs) => {
    await ack();
    const watch = services.watch;
    if (watch === undefined) return;
    try {
      const [channelId, org, limitKey] = (action.value ?? '').split('|');
      if (channelId === undefined || org === undefined || limitKey === undefined) return;
      await watch.unmute(channelId, org, limitKey);
      await publishHome(services, client, body.user.id);
    } catch (err) {
      services.logger.error({ err }, 'limits watch unmute failed');
    }
  };
}
