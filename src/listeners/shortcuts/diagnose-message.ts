import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { buildDiagnosisMessage } from '../../blocks/diagnosis';
import { answerFor } from '../../knowledge/answer';
import type { Services } from '../../services';
import type { IncomingMessage } from '../../services/answering';
import { MSG } from '../../user-messages';

/**
 * Message shortcut "Diagnose this error": works on any message, in threads and on old ones, and
 * answers only the person who asked, with a button to post the answer in the thread.
 */
export function onDiagnoseShortcut(services: Services) {
  return async ({ shortcut, ack, respond }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    await ack();
    try {
      const message = shortcut.message as unknown as Record<string, unknown>;
      const text = await services.answerer.fullText({
        text: typeof message.text === 'string' ? message.text : '',
        files: (Array.isArray(message.files) ? message.files : []) as IncomingMessage['files'],
      });
      const d = services.engines.current.diagnose(text);
      const answer = answerFor(d);
      if (answer === undefined) {
        await respond({ response_type: 'ephemeral', text: MSG.notAnError });
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
      const payload = buildDiagnosisMessage(answer, d.context, {
        refs: { pasteId },
        ephemeral: true,
        limitsAvailable: services.limits !== undefined,
        storageTrouble: pasteId === undefined,
      });
      const secretNote =
        d.secrets.length > 0
          ? [
              {
                type: 'context' as const,
                block_id: 'diag_secret_note',
                elements: [
                  {
                    type: 'mrkdwn' as const,
                    text: ':warning: That message contains a credential. Ask the poster to delete it and rotate the credential.',
                  },
                ],
              },
            ]
          : [];
      await respond({ response_type: 'ephemeral', text: payload.text, blocks: [...payload.blocks, ...secretNote] });
    } catch (err) {
      services.logger.error({ err }, 'diagnose shortcut failed');
      await respond({ response_type: 'ephemeral', text: MSG.somethingWentWrong }).catch(() => {});
    }
  };
}
