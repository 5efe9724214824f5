import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isLang, type Lang, messages } from '../../i18n';
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
      if (!acked) {
        const t = messages(langOf(view.private_metadata));
        await ack({
          response_action: 'errors',
          errors: { esc_org_id: `${t.common.somethingWentWrong} ${t.escalation.inputKept}` },
        });
      }
    }
  };
}

/** The modal's language, kept in its private_metadata when it was opened. */
function langOf(privateMetadata: string): Lang {
  try {
    const lang = (JSON.parse(privateMetadata) as { lang?: unknown }).lang;
    return isLang(lang) ? lang : 'en';
  } catch {
    return 'en';
  }
}
