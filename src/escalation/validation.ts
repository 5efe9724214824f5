import { z } from 'zod';
import type { Messages } from '../i18n';
import { ESCALATION_FIELDS as F } from '../slack/ids';
import { API_TYPES, BODY_MAX, type FieldSet, HTTP_METHODS } from './fields';
import type { EscalationDraft } from './model';
import { checkOrgId } from './org-id';

/** Slack's view.state.values: block_id → action_id → element state. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/** Reads every known field out of a submitted (or switched) view. */
export function readDraft(values: StateValues): EscalationDraft {
  const v = (ids: { block: string; action: string }) => values[ids.block]?.[ids.action];
  const str = (ids: { block: string; action: string }) => {
    const s = v(ids)?.value;
    return typeof s === 'string' && s.trim() !== '' ? s : undefined;
  };
  const selected = (ids: { block: string; action: string }) => {
    const o = v(ids)?.selected_option as { value?: unknown } | null | undefined;
    return typeof o?.value === 'string' ? o.value : undefined;
  };
  const time = (ids: { block: string; action: string }) => {
    const t = v(ids)?.selected_date_time;
    return typeof t === 'number' ? t : undefined;
  };
  return {
    orgId: str(F.orgId),
    username: str(F.username),
    apiType: selected(F.apiType) as EscalationDraft['apiType'],
    instance: str(F.instance),
    requestTime: time(F.requestTime),
    method: selected(F.method),
    url: str(F.url),
    requestBody: str(F.requestBody),
    responseBody: str(F.responseBody),
    windowStart: time(F.windowStart),
    windowEnd: time(F.windowEnd),
    frequency: str(F.frequency),
    clientTool: str(F.clientTool),
    processing: str(F.processing),
    extra: str(F.extra),
  };
}

/** Files the person attached in the modal. */
export function readAttachments(values: StateValues): Array<{ name: string; permalink: string | undefined }> {
  const files = values[F.attachments.block]?.[F.attachments.action]?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((f) => {
    const file = f as { name?: unknown; title?: unknown; permalink?: unknown };
    const name = typeof file.name === 'string' ? file.name : typeof file.title === 'string' ? file.title : undefined;
    return name === undefined
      ? []
      : [{ name, permalink: typeof file.permalink === 'string' ? file.permalink : undefined }];
  });
}

/** How far in the future a time may be, for clock differences between Slack clients and us. */
const FUTURE_SKEW_SECONDS = 5 * 60;

function schemaFor(set: FieldSet, nowSeconds: number, t: Messages) {
  const v = t.escalation.validation;
  const what = v.what;
  const required = (name: string) => ({
    error: (issue: { input: unknown }) => (issue.input === undefined ? v.required(name) : undefined),
  });
  const notFuture = (name: string) =>
    z.number(required(name)).refine((time) => time <= nowSeconds + FUTURE_SKEW_SECONDS, { error: v.future(name) });
  const body = (name: string) => z.string().max(BODY_MAX, { error: v.bodyTooLong(name, BODY_MAX) });
  const common = {
    orgId: z.string(required(what.orgId)).superRefine((value, ctx) => {
      const check = checkOrgId(value, t);
      if (!check.ok) ctx.addIssue({ code: 'custom', message: check.problem });
    }),
    username: z.email({
      error: (i) => (i.input === undefined ? v.required(what.username) : v.usernameShape),
    }),
    apiType: z.enum(API_TYPES, required(what.apiType)),
    instance: z
      .string()
      .regex(/^[A-Za-z]{2,4}\d{1,4}[A-Za-z]?$/, { error: v.instanceShape })
      .optional(),
  };
  if (set === 'request') {
    return z.object({
      ...common,
      requestTime: notFuture(what.requestTime),
      method: z.enum(HTTP_METHODS, required(what.method)),
      url: z.httpUrl({
        error: (i) => (i.input === undefined ? v.required(what.url) : v.urlShape),
      }),
      requestBody: body(what.requestBody).optional(),
      responseBody: z.string(required(what.responseBody)).max(BODY_MAX, {
        error: v.bodyTooLong(what.responseBody, BODY_MAX),
      }),
    });
  }
  return z
    .object({
      ...common,
      windowStart: notFuture(what.windowStart),
      windowEnd: notFuture(what.windowEnd),
      frequency: z
        .string(required(what.frequency))
        .trim()
        .min(1, { error: v.required(what.frequency) }),
      clientTool: z
        .string(required(what.clientTool))
        .trim()
        .min(1, { error: v.required(what.clientTool) }),
      processing: z
        .string(required(what.processing))
        .trim()
        .min(1, { error: v.required(what.processing) }),
      extra: body(what.extra).optional(),
    })
    .refine((d) => d.windowEnd >= d.windowStart, {
      error: v.windowOrder,
      path: ['windowEnd'],
    });
}

export type ValidatedDraft = Required<Pick<EscalationDraft, 'orgId' | 'username' | 'apiType'>> & EscalationDraft;

export type ValidationResult =
  | { readonly ok: true; readonly draft: ValidatedDraft; readonly orgId15: string; readonly orgId18: string }
  | { readonly ok: false; readonly errors: Record<string, string> };

/**
 * Validates one field set. Errors are keyed by the input block, for `response_action: 'errors'`,
 * and worded in the submitter's language.
 */
export function validateDraft(set: FieldSet, draft: EscalationDraft, nowMs: number, t: Messages): ValidationResult {
  const parsed = schemaFor(set, Math.floor(nowMs / 1000), t).safeParse(draft);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof typeof F;
      const block = F[field]?.block;
      if (block !== undefined && errors[block] === undefined) errors[block] = issue.message;
    }
    if (Object.keys(errors).length === 0) errors[F.orgId.block] = t.escalation.validation.checkForm;
    return { ok: false, errors };
  }
  const check = checkOrgId(draft.orgId as string, t);
  if (!check.ok) return { ok: false, errors: { [F.orgId.block]: check.problem } };
  return {
    ok: true,
    draft: { ...draft, username: (draft.username as string).toLowerCase() } as ValidatedDraft,
    orgId15: check.id15,
    orgId18: check.id18,
  };
}
