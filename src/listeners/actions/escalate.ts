import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { messages } from '../../i18n';
import type { Services } from '../services';
import { parseRefs } from './refs';

/** "Escalate to Salesforce Support" on a diagnosis (or in App Home): opens the prefilled modal. */
export function onEscalateButton(services: Services) {
  return async ({
    action,
    body,
    ack,
    client,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>) => {
    await ack();
    try {
      const { pasteId } = parseRefs(action.value);
      const paste = pasteId === undefined ? undefined : await services.answerer.paste(pasteId).catch(() => undefined);
      await services.escalation.open(
        client,
        body.trigger_id,
        body.user.id,
        paste === undefined ? { kind: 'blank' } : { kind: 'paste', paste },
      );
    } catch (err) {
      services.logger.error({ err }, 'could not open the escalation modal');
      const t = messages(await services.languages.forPerson(client, body.user.id));
      await respond({ response_type: 'ephemeral', replace_original: false, text: t.common.somethingWentWrong }).catch(
        () => {},
      );
    }
  };
}

/** The field-set radio at the top of the modal. */
export function onFieldSetChange(services: Services) {
  return async ({ body, action, ack, client }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    await ack();
    const view = body.view;
    const selected = (action as { selected_option?: { value?: string } }).selected_option?.value;
    if (view === undefined || selected === undefined) return;
    try {
      await services.escalation.switchSet(client, view as never, selected);
    } catch (err) {
      services.logger.error({ err }, 'could not switch the escalation field set');
    }
  };
}
