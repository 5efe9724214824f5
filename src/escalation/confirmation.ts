import type { KnownBlock, ModalView } from '../blocks/types';
import { type Lang, messages } from '../i18n';
import { clip, escapeMrkdwn, link } from '../slack/mrkdwn';
import { shortId } from './case-text';
import type { TrustStatus } from './model';
import { trustSummary } from './trust';

export interface ConfirmationModel {
  readonly caseId: string;
  readonly state: 'saving' | 'delivered' | 'pending' | 'duplicate';
  readonly channelId: string | undefined;
  readonly orgId18: string;
  readonly orgId15: string;
  readonly masked: boolean;
  readonly trust: TrustStatus | undefined;
  readonly error: string | undefined;
  readonly lang: Lang;
}

/** The modal after "Create case": saved, where it went, Salesforce's status, what was masked. */
export function buildConfirmationView(m: ConfirmationModel): ModalView {
  const t = messages(m.lang);
  const e = t.escalation;
  const id = shortId(m.caseId);
  const where = m.channelId ? `<#${m.channelId}>` : e.theEscalationChannel;
  const headline =
    m.state === 'saving'
      ? e.saving(id)
      : m.state === 'delivered'
        ? e.delivered(id, m.channelId ? where : undefined)
        : m.state === 'duplicate'
          ? e.duplicate(id)
          : e.pending(id, where, escapeMrkdwn(m.error ?? e.unknownError));
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'conf_headline', text: { type: 'mrkdwn', text: clip(headline, 3000) } },
  ];
  if (m.orgId15 !== m.orgId18 || m.orgId18.length === 18) {
    blocks.push({
      type: 'context',
      block_id: 'conf_org',
      elements: [{ type: 'mrkdwn', text: e.orgIdForms(m.orgId18, m.orgId15) }],
    });
  }
  if (m.trust !== undefined) {
    const emoji =
      m.trust.state === 'incident'
        ? ':red_circle:'
        : m.trust.state === 'maintenance'
          ? ':large_yellow_circle:'
          : m.trust.state === 'ok'
            ? ':large_green_circle:'
            : ':grey_question:';
    const advice = m.trust.state === 'incident' || m.trust.state === 'maintenance';
    blocks.push({
      type: 'section',
      block_id: 'conf_trust',
      text: {
        type: 'mrkdwn',
        text: clip(
          e.trustLine(
            emoji,
            escapeMrkdwn(trustSummary(m.trust, t)),
            advice,
            m.trust.links.map((u) => link(u, e.trustDetails)).join(' '),
          ),
          3000,
        ),
      },
    });
  }
  if (m.masked) {
    blocks.push({
      type: 'context',
      block_id: 'conf_masked',
      elements: [
        {
          type: 'mrkdwn',
          text: e.secretsMasked,
        },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: 'escalation_confirmation',
    title: { type: 'plain_text', text: e.confirmationTitle },
    close: { type: 'plain_text', text: t.common.done },
    blocks,
  };
}
