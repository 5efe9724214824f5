import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { secretNote } from '../../blocks/secret-note';
import { type Messages, messages } from '../../i18n';
import type { IncomingMessage } from '../../services/answering';
import type { Services } from '../services';

/**
 * Message shortcut "Diagnose this error": works on any message, in threads and on old ones, and
 * answers only the person who asked, with a button to post the answer in the thread.
 */
export function onDiagnoseShortcut(services: Services) {
  return async ({
    shortcut,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    await ack();
    let t: Messages = messages('en');
    try {
      // Only the person who asked sees it: their language. "Post in thread" re-decides for the channel.
      const lang = await services.languages.forPerson(client, shortcut.user.id);
      t = messages(lang);
      const message = shortcut.message as unknown as Record<string, unknown>;
      const text = await services.answerer.fullText({
        text: typeof message.text === 'string' ? message.text : '',
        files: (Array.isArray(message.files) ? message.files : []) as IncomingMessage['files'],
      });
      const d = services.engines.current.diagnose(text, { asked: true });
      if (!d.isError) {
        await respond({ response_type: 'ephemeral', text: t.chat.notAnError });
        return;
      }
      const pasteId = await services.answerer.savePaste(
        {
          channelId: shortcut.channel.id,
          ts: shortcut.message.ts,
          threadTs: typeof message.thread_ts === 'string' ? message.thread_ts : undefined,
          userId: typeof message.user === 'string' ? message.user : undefined,
        },
        d,
      );
      const { payload, later } = await services.answerer.compose(d, pasteId, shortcut.channel.id, {
        ephemeral: true,
        lang,
      });
      const note = d.secrets.length > 0 ? secretNote(t) : [];
      await respond({ response_type: 'ephemeral', text: payload.text, blocks: [...payload.blocks, ...note] });
      // The live limits figure replaces the private answer when it arrives (response_url).
      if (later !== undefined) {
        const next = await later;
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: next.text,
          blocks: [...next.blocks, ...note],
        });
      }
    } catch (err) {
      services.logger.error({ err }, 'diagnose shortcut failed');
      await respond({ response_type: 'ephemeral', text: t.common.somethingWentWrong }).catch(() => {});
    }
  };
}
