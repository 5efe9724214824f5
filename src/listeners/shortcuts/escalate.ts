import type { AllMiddlewareArgs, GlobalShortcut, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../services';

/** Global shortcut: escalate without a message (prefilled with the linked org only). */
export function onEscalateGlobal(services: Services) {
  return async ({ shortcut, ack, client }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>) => {
    await ack();
    try {
      await services.escalation.open(client, shortcut.trigger_id, shortcut.user.id, { kind: 'blank' });
    } catch (err) {
      services.logger.error({ err }, 'could not open the escalation modal');
    }
  };
}

/** Message shortcut on any message: escalate it, prefilled from what the message shows. */
export function onEscalateMessage(services: Services) {
  return async ({ shortcut, ack, client }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    await ack();
    try {
      const message = shortcut.message as unknown as { text?: unknown };
      await services.escalation.open(client, shortcut.trigger_id, shortcut.user.id, {
        kind: 'text',
        text: typeof message.text === 'string' ? message.text : '',
        channelId: shortcut.channel.id,
        messageTs: shortcut.message.ts,
      });
    } catch (err) {
      services.logger.error({ err }, 'could not open the escalation modal');
    }
  };
}
