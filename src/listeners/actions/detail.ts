import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { secretNote } from '../../blocks/secret-note';
import { messages } from '../../i18n';
import { ACTIONS } from '../../slack/ids';
import type { Services } from '../services';
import { parseRefs } from './refs';

/**
 * "More detail" / "Less" under an answer: rebuilds it from the stored (masked) paste, expanded or
 * collapsed, in place. Thread answers are edited with chat.update; the private shortcut answer,
 * which chat.update cannot reach, is replaced through its response_url.
 */
export function onDetailToggle(services: Services) {
  return async ({
    action,
    body,
    ack,
    client,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    const expanded = action.action_id === ACTIONS.moreDetail;
    const ephemeral = body.container?.is_ephemeral === true;
    const refs = parseRefs(action.value);
    // The answer keeps its language when it grows or shrinks, whoever presses the button.
    const lang = refs.lang ?? (await services.languages.forPerson(client, body.user.id));
    const t = messages(lang);
    try {
      const { pasteId } = refs;
      const paste = pasteId === undefined ? undefined : await services.answerer.paste(pasteId).catch(() => undefined);
      const d = paste === undefined ? undefined : services.engines.current.diagnose(paste.maskedText, { asked: true });
      if (paste === undefined || d === undefined || !d.isError) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: t.chat.pasteExpired });
        return;
      }
      const composed = await services.answerer.compose(d, paste.id, paste.channelId ?? body.channel?.id, {
        expanded,
        ephemeral,
        lang,
      });
      const payload = composed.later === undefined ? composed.payload : await composed.later;
      if (ephemeral) {
        const note = paste.maskedText.includes('[redacted ') ? secretNote(t) : [];
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: payload.text,
          blocks: [...payload.blocks, ...note],
        });
        return;
      }
      const channel = body.channel?.id ?? body.container?.channel_id;
      const ts = body.message?.ts ?? body.container?.message_ts;
      if (channel === undefined || ts === undefined) return;
      await client.chat.update({ channel, ts, text: payload.text, blocks: payload.blocks });
    } catch (err) {
      services.logger.error({ err }, 'could not expand or collapse an answer');
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}
