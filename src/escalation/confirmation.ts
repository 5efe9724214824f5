import type { KnownBlock, ModalView } from '../blocks/types';
import { clip, escapeMrkdwn, link } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { shortId } from './case-text';
import type { TrustStatus } from './model';

export interface ConfirmationModel {
  readonly caseId: string;
  readonly state: 'saving' | 'delivered' | 'pending' | 'duplicate';
  readonly channelId: string | undefined;
  readonly orgId18: string;
  readonly orgId15: string;
  readonly masked: boolean;
  readonly trust: TrustStatus | undefined;
  readonly error: string | undefined;
}

/** The modal after "Create case": saved, where it went, Salesforce's status, what was masked. */
export function buildConfirmationView(m: ConfirmationModel): ModalView {
  const id = shortId(m.caseId);
  const where = m.channelId ? `<#${m.channelId}>` : 'the escalation channel';
  const headline =
    m.state === 'saving'
      ? `:floppy_disk: Case *${id}* is saved. Checking Salesforce's status and delivering it…`
      : m.state === 'delivered'
        ? `:white_check_mark: Case *${id}* is saved${m.channelId ? ` and posted to ${where}` : ''}. I sent you a DM with the text to paste into Salesforce Help.`
        : m.state === 'duplicate'
          ? `:white_check_mark: This form was already submitted as case *${id}*; nothing was created twice.`
          : `:hourglass_flowing_sand: Case *${id}* is saved, but posting to ${where} failed (${escapeMrkdwn(m.error ?? 'unknown error')}). It stays queued and I retry automatically; you'll get a DM when it goes out.`;
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'conf_headline', text: { type: 'mrkdwn', text: clip(headline, 3000) } },
  ];
  if (m.orgId15 !== m.orgId18 || m.orgId18.length === 18) {
    blocks.push({
      type: 'context',
      block_id: 'conf_org',
      elements: [{ type: 'mrkdwn', text: MSG.inline.orgIdForms(m.orgId18, m.orgId15) }],
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
    const advice =
      m.trust.state === 'incident' || m.trust.state === 'maintenance'
        ? ' Support will ask about this first: the error may clear when it ends.'
        : '';
    blocks.push({
      type: 'section',
      block_id: 'conf_trust',
      text: {
        type: 'mrkdwn',
        text: clip(
          `${emoji} *Salesforce status:* ${escapeMrkdwn(m.trust.summary)}${advice} ${m.trust.links.map((u) => link(u, 'details')).join(' ')}`,
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
          text: MSG.inline.modalSecretsMasked,
        },
      ],
    });
  }
  return {
    type: 'modal',
    callback_id: 'escalation_confirmation',
    title: { type: 'plain_text', text: 'Escalation' },
    close: { type: 'plain_text', text: 'Done' },
    blocks,
  };
}
