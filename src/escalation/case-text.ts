import type { KnownBlock, MessagePayload } from '../blocks/types';
import { type Lang, type Messages, messages } from '../i18n';
import { clip, docLabel, escapeMrkdwn, link } from '../slack/mrkdwn';
import type { EscalationCase } from './model';
import { trustSummary } from './trust';

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

/**
 * The case as labelled lines, in Salesforce Support's order: the field names of the two lists in
 * Salesforce's API troubleshooting article (Help 005093643), in the case's language.
 */
export function caseLines(c: EscalationCase, t: Messages): Array<[string, string]> {
  const f = t.caseText.fields;
  const lines: Array<[string, string | undefined]> = [
    [f.orgId, c.orgId18 === c.orgId15 ? c.orgId18 : t.caseText.orgId15(c.orgId18, c.orgId15)],
    [f.username, c.username],
    [f.apiType, t.escalation.apiTypes[c.apiType]],
    [f.instance, c.instance],
  ];
  if (c.set === 'request') {
    lines.push(
      [f.requestTime, c.requestTime],
      [f.request, [c.method, c.url].filter(Boolean).join(' ')],
      [f.requestBody, c.requestBody],
      [f.responseBody, c.responseBody],
    );
  } else {
    lines.push(
      [f.windowStart, c.windowStart],
      [f.windowEnd, c.windowEnd],
      [f.frequency, c.frequency],
      [f.clientTool, c.clientTool],
      [f.processing, c.processing],
      [f.extra, c.extra],
    );
  }
  if (c.attachments.length > 0) lines.push([f.attachments, c.attachments.map((a) => a.permalink ?? a.name).join(', ')]);
  return lines.filter((l): l is [string, string] => l[1] !== undefined && l[1] !== '');
}

/** The language a stored case is written in (cases from before languages existed are English). */
export function caseLang(c: EscalationCase): Lang {
  return c.lang ?? 'en';
}

/** Plain text for Salesforce Help's case form: subject line, then the description. */
export function helpFormText(c: EscalationCase, t: Messages = messages(caseLang(c))): string {
  const x = t.caseText;
  const parts = [
    x.subjectLine(x.subject(c.code, c.orgId18, t.escalation.apiTypes[c.apiType])),
    '',
    x.type(t.escalation.fieldSets[c.set]),
    ...caseLines(c, t).map(([k, v]) => (v.includes('\n') ? `${k}:\n${v}` : `${k}: ${v}`)),
  ];
  if (c.code !== undefined) {
    parts.push('', x.diagnosis(c.code, c.title));
    if (c.meaning) parts.push(c.meaning);
    if (c.docs.length > 0) parts.push(x.documentation(c.docs.join(' ')));
  }
  if (c.trust !== undefined) parts.push('', x.trustAtSubmission(trustSummary(c.trust, t)));
  parts.push('', x.submitted(c.submittedAt, c.timeZone));
  return parts.join('\n');
}

/**
 * The case summary posted to the escalation channel and sent to the submitter. The DM also gets
 * the plain-text block for Salesforce Help (split into sections of at most 3,000 characters).
 */
export function buildCaseMessage(
  c: EscalationCase,
  caseId: string,
  options: { readonly forSubmitter: boolean; readonly lang?: Lang },
): MessagePayload {
  const t = messages(options.lang ?? caseLang(c));
  const x = t.caseText;
  const diagnosis = c.code ? `\`${escapeMrkdwn(c.code)}\`${c.title ? ` ${escapeMrkdwn(c.title)}` : ''}` : '';
  const heading = `${x.heading(escapeMrkdwn(shortId(caseId)), diagnosis)}\n${x.setAndSubmitter(t.escalation.fieldSets[c.set], c.submittedBy)}`;
  const blocks: KnownBlock[] = [
    { type: 'section', block_id: 'case_heading', text: { type: 'mrkdwn', text: clip(heading, 3000) } },
  ];
  if (c.trust !== undefined) {
    const links = c.trust.links.map((u) => link(u, x.statusLink)).join(' ');
    blocks.push({
      type: 'section',
      block_id: 'case_trust',
      text: {
        type: 'mrkdwn',
        text: clip(
          x.trustStatus(TRUST_EMOJI[c.trust.state] ?? '', escapeMrkdwn(trustSummary(c.trust, t)), links),
          3000,
        ),
      },
    });
  }
  const fields = caseLines(c, t).map(([k, v]) => `*${k}:* ${escapeMrkdwn(v.length > 300 ? `${v.slice(0, 300)}…` : v)}`);
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
      elements: [{ type: 'mrkdwn', text: x.secretsMasked }],
    });
  }
  if (options.forSubmitter) {
    blocks.push({
      type: 'section',
      block_id: 'case_help_intro',
      text: { type: 'mrkdwn', text: x.readyToPaste },
    });
    chunks(helpFormText(c, t), CHUNK - 10)
      .slice(0, 30)
      .forEach((text, i) => {
        blocks.push({
          type: 'section',
          block_id: `case_help_${i}`,
          text: { type: 'mrkdwn', text: `\`\`\`${text.replace(/```/g, "'''")}\`\`\`` },
        });
      });
  }
  const text = x.fallback(shortId(caseId), c.code, c.orgId18);
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
