import type { KnownBlock, MessagePayload } from '../blocks/types';
import { clip, docLabel, escapeMrkdwn, link } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { FIELD_SET_LABELS } from './fields';
import type { EscalationCase } from './model';

const TRUST_EMOJI: Record<string, string> = {
  ok: ':large_green_circle:',
  incident: ':red_circle:',
  maintenance: ':large_yellow_circle:',
  'unknown-instance': ':white_circle:',
  unreachable: ':grey_question:',
  'not-checked': ':white_circle:',
};

/** Section text limit, leaving room for the ``` fence around plain text. */
const CHUNK = 2_900;

/** The case as labelled lines, in Salesforce Support's order. */
export function caseLines(c: EscalationCase): Array<[string, string]> {
  const lines: Array<[string, string | undefined]> = [
    ['Organization ID', c.orgId18 === c.orgId15 ? c.orgId18 : `${c.orgId18} (15-character: ${c.orgId15})`],
    ['API user', c.username],
    ['API type', c.apiType],
    ['Instance', c.instance],
  ];
  if (c.set === 'request') {
    lines.push(
      ['Request time', c.requestTime],
      ['Request', [c.method, c.url].filter(Boolean).join(' ')],
      ['Request body', c.requestBody],
      ['Response body', c.responseBody],
    );
  } else {
    lines.push(
      ['Errors seen from', c.windowStart],
      ['Errors seen until', c.windowEnd],
      ['Frequency', c.frequency],
      ['Client tool', c.clientTool],
      ['What was being processed', c.processing],
      ['More details', c.extra],
    );
  }
  if (c.attachments.length > 0) lines.push(['Attachments', c.attachments.map((a) => a.permalink ?? a.name).join(', ')]);
  return lines.filter((l): l is [string, string] => l[1] !== undefined && l[1] !== '');
}

/** Plain text for Salesforce Help's case form: subject line, then the description. */
export function helpFormText(c: EscalationCase): string {
  const subject = `API error${c.code ? ` ${c.code}` : ''} in org ${c.orgId18} (${c.apiType})`;
  const parts = [
    `Subject: ${subject}`,
    '',
    `Type: ${FIELD_SET_LABELS[c.set]}`,
    ...caseLines(c).map(([k, v]) => (v.includes('\n') ? `${k}:\n${v}` : `${k}: ${v}`)),
  ];
  if (c.code !== undefined) {
    parts.push('', `Diagnosis: ${c.code}${c.title ? ` (${c.title})` : ''}`);
    if (c.meaning) parts.push(c.meaning);
    if (c.docs.length > 0) parts.push(`Documentation: ${c.docs.join(' ')}`);
  }
  if (c.trust !== undefined) parts.push('', `Salesforce Trust status at submission: ${c.trust.summary}`);
  parts.push('', `Submitted ${c.submittedAt} (times in ${c.timeZone} and UTC).`);
  return parts.join('\n');
}

/**
 * The case summary posted to the escalation channel and sent to the submitter. The DM also gets
 * the plain-text block for Salesforce Help (split into sections of at most 3,000 characters).
 */
export function buildCaseMessage(
  c: EscalationCase,
  caseId: string,
  options: { readonly forSubmitter: boolean },
): MessagePayload {
  const heading = `*Escalation ${escapeMrkdwn(shortId(caseId))}*${c.code ? ` — \`${escapeMrkdwn(c.code)}\`${c.title ? ` ${escapeMrkdwn(c.title)}` : ''}` : ''}\n${FIELD_SET_LABELS[c.set]} · submitted by <@${c.submittedBy}>`;
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'case_heading', text: { type: 'mrkdwn', text: clip(heading, 3000) } },
  ];
  if (c.trust !== undefined) {
    const links = c.trust.links.map((u) => link(u, 'status')).join(' ');
    blocks.push({
      type: 'section',
      block_id: 'case_trust',
      text: {
        type: 'mrkdwn',
        text: clip(
          `${TRUST_EMOJI[c.trust.state] ?? ''} *Trust status:* ${escapeMrkdwn(c.trust.summary)} ${links}`,
          3000,
        ),
      },
    });
  }
  const fields = caseLines(c).map(([k, v]) => `*${k}:* ${escapeMrkdwn(v.length > 300 ? `${v.slice(0, 300)}…` : v)}`);
  chunks(fields.join('\n'), CHUNK).forEach((text, i) => {
    blocks.push({ type: 'section', block_id: `case_fields_${i}`, text: { type: 'mrkdwn', text } });
  });
  if (c.docs.length > 0) {
    blocks.push({
      type: 'context',
      block_id: 'case_docs',
      elements: c.docs.slice(0, 5).map((u) => ({ type: 'mrkdwn' as const, text: link(u, docLabel(u)) })),
    });
  }
  if (c.masked) {
    blocks.push({
      type: 'context',
      block_id: 'case_masked',
      elements: [{ type: 'mrkdwn', text: MSG.inline.caseSecretsMasked }],
    });
  }
  if (options.forSubmitter) {
    blocks.push({
      type: 'section',
      block_id: 'case_help_intro',
      text: { type: 'mrkdwn', text: MSG.inline.caseReadyToPaste },
    });
    chunks(helpFormText(c), CHUNK - 10)
      .slice(0, 30)
      .forEach((text, i) => {
        blocks.push({
          type: 'section',
          block_id: `case_help_${i}`,
          text: { type: 'mrkdwn', text: `\`\`\`${text.replace(/```/g, "'''")}\`\`\`` },
        });
      });
  }
  const text = `Escalation ${shortId(caseId)}${c.code ? ` (${c.code})` : ''} for org ${c.orgId18}`;
  return { text, blocks: blocks.slice(0, 50) };
}

export function shortId(id: string): string {
  return `ESC-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf('\n', size) > size / 2 ? rest.lastIndexOf('\n', size) : size;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest.length > 0) out.push(rest);
  return out;
}
