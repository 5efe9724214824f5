import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { MSG } from '../../user-messages';
import type { Services } from '../services';

/** "Create case": validated, stored first, then delivered; errors show on their fields. */
export function onEscalationSubmit(services: Services) {
  return async ({ ack, view, body, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    let acked = false;
    const once = async (response?: Record<string, unknown>) => {
      acked = true;
      await ack(response as never);
    };
    try {
      await services.escalation.submit(once, client, body.user.id, view as never);
    } catch (err) {
      services.logger.error({ err }, 'escalation submission failed');
      // Storage failed before anything was saved: keep the modal open so nothing typed is lost.
      if (!acked)
        await ack({
          response_action: 'errors',
          errors: { esc_org_id: `${MSG.somethingWentWrong} Your input is still here.` },
        });
    }
  };
}
