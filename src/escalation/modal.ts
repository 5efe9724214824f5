import type { KnownBlock, ModalView } from '../blocks/types';
import { type Messages, messages } from '../i18n';
import { ESCALATION_FIELDS as F, VIEWS } from '../slack/ids';
import { clip, escapeMrkdwn } from '../slack/mrkdwn';
import { API_TYPES, BODY_MAX, FIELD_SETS, type FieldSet, HTTP_METHODS } from './fields';
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
  const t = messages(meta.lang ?? 'en');
  const e = t.escalation;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'esc_intro',
      text: {
        type: 'mrkdwn',
        text: clip(
          e.intro(
            meta.code !== undefined
              ? ` (\`${escapeMrkdwn(meta.code)}\`${m.diagnosisTitle ? ` — ${escapeMrkdwn(m.diagnosisTitle)}` : ''})`
              : '',
          ),
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
          options: FIELD_SETS.map((s) => option(s, e.fieldSets[s])),
          initial_option: option(meta.set, e.fieldSets[meta.set]),
        },
      ],
    },
    plainInput(F.orgId, e.orgId, draft.orgId, {
      placeholder: '00D…',
      min: 15,
      max: 18,
      hint: e.orgIdHint,
    }),
    {
      type: 'input',
      block_id: F.username.block,
      label: text(e.username),
      hint: text(e.usernameHint),
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
      label: text(e.apiType),
      element: {
        type: 'static_select',
        action_id: F.apiType.action,
        options: API_TYPES.map((type) => option(type, e.apiTypes[type])),
        ...(draft.apiType ? { initial_option: option(draft.apiType, e.apiTypes[draft.apiType]) } : {}),
      },
    },
    plainInput(F.instance, e.instance, draft.instance, {
      optional: true,
      placeholder: 'NA139, EU48, USA654S…',
      max: 20,
      hint: e.instanceHint,
    }),
    ...(meta.set === 'request' ? requestFields(t, draft, tz) : recentFields(t, draft, tz)),
    {
      type: 'input',
      block_id: F.attachments.block,
      optional: true,
      label: text(e.attachments),
      hint: text(e.attachmentsHint(t.common.number(BODY_MAX))),
      element: { type: 'file_input', action_id: F.attachments.action, max_files: 5 },
    },
    {
      type: 'context',
      block_id: 'esc_privacy',
      elements: [
        {
          type: 'mrkdwn',
          text: e.privacy,
        },
      ],
    },
  ];
  return {
    type: 'modal',
    callback_id: VIEWS.escalation,
    title: text(e.modalTitle),
    submit: text(e.submit),
    close: text(t.common.cancel),
    private_metadata: clip(JSON.stringify(meta), 3000),
    blocks,
  };
}

function requestFields(t: Messages, d: EscalationDraft, tz: string | undefined): KnownBlock[] {
  const e = t.escalation;
  return [
    dateTimeInput(t, F.requestTime, e.requestTime, d.requestTime, tz),
    {
      type: 'input',
      block_id: F.method.block,
      label: text(e.method),
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
      label: text(e.url),
      element: {
        type: 'url_text_input',
        action_id: F.url.action,
        placeholder: text('https://yourdomain.my.salesforce.com/services/data/v66.0/…'),
        ...(d.url ? { initial_value: clip(d.url, 3000) } : {}),
      },
    },
    plainInput(F.requestBody, e.requestBody, d.requestBody, { optional: true, multiline: true, max: BODY_MAX }),
    plainInput(F.responseBody, e.responseBody, d.responseBody, {
      multiline: true,
      max: BODY_MAX,
      hint: e.responseBodyHint,
    }),
  ];
}

function recentFields(t: Messages, d: EscalationDraft, tz: string | undefined): KnownBlock[] {
  const e = t.escalation;
  return [
    dateTimeInput(t, F.windowStart, e.windowStart, d.windowStart, tz),
    dateTimeInput(t, F.windowEnd, e.windowEnd, d.windowEnd, tz),
    plainInput(F.frequency, e.frequency, d.frequency, { placeholder: e.frequencyPlaceholder, max: 300 }),
    plainInput(F.clientTool, e.clientTool, d.clientTool, { placeholder: e.clientToolPlaceholder, max: 300 }),
    plainInput(F.processing, e.processing, d.processing, { placeholder: e.processingPlaceholder, max: 1000 }),
    plainInput(F.extra, e.extra, d.extra, {
      optional: true,
      multiline: true,
      max: BODY_MAX,
      hint: e.extraHint,
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
  t: Messages,
  ids: { readonly block: string; readonly action: string },
  label: string,
  value: number | undefined,
  tz: string | undefined,
): KnownBlock {
  return {
    type: 'input',
    block_id: ids.block,
    label: text(label),
    hint: text(t.escalation.timeHint(tz === undefined ? undefined : clip(tz, 60))),
    element: {
      type: 'datetimepicker',
      action_id: ids.action,
      ...(value !== undefined ? { initial_date_time: Math.floor(value) } : {}),
    },
  };
}

export type { FieldSet };
