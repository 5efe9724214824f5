import type { KnownBlock, ModalView } from '../blocks/types';
import { ESCALATION_FIELDS as F, VIEWS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import { MSG } from '../user-messages';
import { API_TYPES, BODY_MAX, FIELD_SET_LABELS, FIELD_SETS, type FieldSet, HTTP_METHODS } from './fields';
import type { EscalationDraft, ModalMeta } from './model';

export interface ModalModel {
  readonly meta: ModalMeta;
  readonly draft: EscalationDraft;
  readonly diagnosisTitle: string | undefined;
}

const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const option = (value: string, label = value) => ({ text: text(label), value });

/**
 * The escalation modal. The person picks a field set at the top (a radio in an actions block,
 * so switching fires at once and the handler swaps the fields with views.update).
 */
export function buildEscalationModal(m: ModalModel): ModalView {
  const { meta, draft } = m;
  const tz = meta.tzLabel ?? meta.tz;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'esc_intro',
      text: {
        type: 'mrkdwn',
        text: clip(
          `Salesforce Support asks for these details. I filled in what I could read from the error${
            meta.code !== undefined
              ? ` (\`${escapeMrkdwn(meta.code)}\`${m.diagnosisTitle ? ` — ${escapeMrkdwn(m.diagnosisTitle)}` : ''})`
              : ''
          }; check them and complete the rest.`,
          3000,
        ),
      },
    },
    {
      type: 'actions',
      block_id: F.fieldSet.block,
      elements: [
        {
          type: 'radio_buttons',
          action_id: F.fieldSet.action,
          options: FIELD_SETS.map((s) => option(s, FIELD_SET_LABELS[s])),
          initial_option: option(meta.set, FIELD_SET_LABELS[meta.set]),
        },
      ],
    },
    plainInput(F.orgId, 'Organization ID', draft.orgId, {
      placeholder: '00D…',
      min: 15,
      max: 18,
      hint: MSG.inline.orgIdHint,
    }),
    {
      type: 'input',
      block_id: F.username.block,
      label: text('API user (username)'),
      hint: text('The Salesforce username the integration logs in as.'),
      element: {
        type: 'email_text_input',
        action_id: F.username.action,
        placeholder: text('integration@acme.com'),
        ...(draft.username ? { initial_value: draft.username } : {}),
      },
    },
    {
      type: 'input',
      block_id: F.apiType.block,
      label: text('API type'),
      element: {
        type: 'static_select',
        action_id: F.apiType.action,
        options: API_TYPES.map((t) => option(t)),
        ...(draft.apiType ? { initial_option: option(draft.apiType) } : {}),
      },
    },
    plainInput(F.instance, 'Salesforce instance', draft.instance, {
      optional: true,
      placeholder: 'NA139, EU48, USA654S…',
      max: 20,
      hint: MSG.inline.instanceHint,
    }),
    ...(meta.set === 'request' ? requestFields(draft, tz) : recentFields(draft, tz)),
    {
      type: 'input',
      block_id: F.attachments.block,
      optional: true,
      label: text('Longer bodies, logs or screenshots'),
      hint: text(`Text fields hold ${BODY_MAX.toLocaleString('en-US')} characters. Attach anything longer as a file.`),
      element: { type: 'file_input', action_id: F.attachments.action, max_files: 5 },
    },
    {
      type: 'context',
      block_id: 'esc_privacy',
      elements: [
        {
          type: 'mrkdwn',
          text: MSG.inline.modalIntro,
        },
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.escalation,
    title: text('Escalate to SF Support'),
    submit: text('Create case'),
    close: text('Cancel'),
    private_metadata: clip(JSON.stringify(meta), 3000),
    blocks,
  };
}

function requestFields(d: EscalationDraft, tz: string | undefined): KnownBlock[] {
  return [
    dateTimeInput(F.requestTime, 'Request date and time', d.requestTime, tz),
    {
      type: 'input',
      block_id: F.method.block,
      label: text('HTTP method'),
      element: {
        type: 'static_select',
        action_id: F.method.action,
        options: HTTP_METHODS.map((mth) => option(mth)),
        ...(d.method && (HTTP_METHODS as readonly string[]).includes(d.method)
          ? { initial_option: option(d.method) }
          : {}),
      },
    },
    {
      type: 'input',
      block_id: F.url.block,
      label: text('Request URL'),
      element: {
        type: 'url_text_input',
        action_id: F.url.action,
        placeholder: text('https://yourdomain.my.salesforce.com/services/data/v66.0/…'),
        ...(d.url ? { initial_value: clip(d.url, 3000) } : {}),
      },
    },
    plainInput(F.requestBody, 'Request body', d.requestBody, { optional: true, multiline: true, max: BODY_MAX }),
    plainInput(F.responseBody, 'Response body', d.responseBody, {
      multiline: true,
      max: BODY_MAX,
      hint: MSG.inline.responseBodyHint,
    }),
  ];
}

function recentFields(d: EscalationDraft, tz: string | undefined): KnownBlock[] {
  return [
    dateTimeInput(F.windowStart, 'Errors seen from', d.windowStart, tz),
    dateTimeInput(F.windowEnd, 'Errors seen until', d.windowEnd, tz),
    plainInput(F.frequency, 'How often', d.frequency, { placeholder: '8 of 10 requests in 3 minutes', max: 300 }),
    plainInput(F.clientTool, 'Client tool', d.clientTool, {
      placeholder: 'Data Loader 62.0, another Salesforce org, a custom Java client…',
      max: 300,
    }),
    plainInput(F.processing, 'What was being processed', d.processing, {
      placeholder: 'The SOAP method such as query(), or the REST endpoint URL',
      max: 1000,
    }),
    plainInput(F.extra, 'Anything else that helps', d.extra, {
      optional: true,
      multiline: true,
      max: BODY_MAX,
      hint: MSG.inline.otherInfoHint,
    }),
  ];
}

function plainInput(
  ids: { readonly block: string; readonly action: string },
  label: string,
  value: string | undefined,
  o: { optional?: boolean; multiline?: boolean; placeholder?: string; min?: number; max: number; hint?: string },
): KnownBlock {
  return {
    type: 'input',
    block_id: ids.block,
    label: text(label),
    ...(o.optional ? { optional: true } : {}),
    ...(o.hint ? { hint: text(o.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: ids.action,
      ...(o.multiline ? { multiline: true } : {}),
      ...(o.placeholder ? { placeholder: text(o.placeholder) } : {}),
      ...(o.min ? { min_length: o.min } : {}),
      max_length: o.max,
      ...(value ? { initial_value: clip(value, o.max) } : {}),
    },
  };
}

function dateTimeInput(
  ids: { readonly block: string; readonly action: string },
  label: string,
  value: number | undefined,
  tz: string | undefined,
): KnownBlock {
  return {
    type: 'input',
    block_id: ids.block,
    label: text(label),
    hint: text(
      tz === undefined
        ? 'In your Slack time zone; the case also records UTC.'
        : `In your Slack time zone (${clip(tz, 60)}); the case also records UTC.`,
    ),
    element: {
      type: 'datetimepicker',
      action_id: ids.action,
      ...(value !== undefined ? { initial_date_time: Math.floor(value) } : {}),
    },
  };
}

export type { FieldSet };
