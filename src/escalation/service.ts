import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { type Lang, messages } from '../i18n';
import { answerFor } from '../knowledge/answer';
import type { Diagnosis } from '../knowledge/diagnosis';
import type { EngineHolder } from '../knowledge/engine-holder';
import { redact } from '../knowledge/secrets';
import type { AppLogger } from '../logger';
import type { UserProfiles } from '../slack/user-profiles';
import type { Store } from '../store';
import type { PasteRecord } from '../store/types';
import { buildCaseMessage, caseLang, shortId } from './case-text';
import { buildConfirmationView } from './confirmation';
import type { CaseDelivery } from './delivery';
import { apiTypeFor, BODY_MAX, FIELD_SETS, type FieldSet } from './fields';
import { buildEscalationModal } from './modal';
import type { EscalationCase, EscalationDraft, ModalMeta } from './model';
import { readAttachments, readDraft, type StateValues, validateDraft } from './validation';

type WebClient = webApi.WebClient;

export interface EscalationDeps {
  readonly engines: EngineHolder;
  readonly store: Store;
  readonly delivery: CaseDelivery;
  readonly logger: AppLogger;
  readonly clock: () => number;
  readonly escalationChannelId: string | undefined;
  /** Org ID and username of the linked org, to prefill. */
  readonly linkedOrg: { readonly orgId: string | undefined; readonly username: string | undefined } | undefined;
  /** The submitter's time zone (and locale), from one cached users.info. */
  readonly profiles: UserProfiles;
  /** The language the submitter reads: their App Home choice, else their Slack locale. */
  readonly languageFor: (client: WebClient, userId: string) => Promise<Lang>;
}

/** Where the modal was opened from, and what it can be prefilled with. */
export type EscalationSource =
  | { readonly kind: 'blank' }
  | { readonly kind: 'paste'; readonly paste: PasteRecord }
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly channelId: string | undefined;
      readonly messageTs: string | undefined;
    };

/** users.info may be slow; the modal must open within the trigger's 3 seconds regardless. */
const PROFILE_BUDGET_MS = 800;

/**
 * The escalation flow: open a prefilled modal, switch field sets without losing input, validate,
 * store the case first, then deliver it and tell the submitter the outcome.
 */
export class EscalationService {
  constructor(private readonly deps: EscalationDeps) {}

  /** Opens the modal. Everything before views.open is fast (a store read, a bounded users.info). */
  async open(client: WebClient, triggerId: string, userId: string, source: EscalationSource): Promise<void> {
    // One cached users.info serves both; the language also reads the person's own choice.
    const [profile, lang] = await Promise.all([
      this.deps.profiles.get(client, userId, PROFILE_BUDGET_MS),
      this.deps.languageFor(client, userId),
    ]);
    const { draft, meta, title } = this.prefill(source, { tz: profile.tz, label: profile.tzLabel }, lang);
    await client.views.open({
      trigger_id: triggerId,
      view: buildEscalationModal({ meta, draft, diagnosisTitle: title }),
    });
  }

  prefill(
    source: EscalationSource,
    tz: { tz?: string | undefined; label?: string | undefined },
    lang: Lang = 'en',
  ): { draft: EscalationDraft; meta: ModalMeta; title: string | undefined } {
    const linked = this.deps.linkedOrg;
    const base: EscalationDraft = { orgId: linked?.orgId, username: linked?.username };
    const metaBase: ModalMeta = { set: 'request', lang, tz: tz.tz, tzLabel: tz.label };
    if (source.kind === 'blank') return { draft: base, meta: metaBase, title: undefined };
    // diagnose() masks with the same finder as the answer; every prefilled field comes from it.
    const d: Diagnosis = this.deps.engines.current.diagnose(
      source.kind === 'paste' ? source.paste.maskedText : source.text,
    );
    const answer = answerFor(d, lang);
    const messageTs = source.kind === 'paste' ? source.paste.messageTs : source.messageTs;
    const draft: EscalationDraft = {
      ...base,
      orgId: d.context.orgId ?? base.orgId,
      username: d.context.username ?? base.username,
      apiType: apiTypeFor(d.context.apiFamily),
      instance: d.context.instance?.toUpperCase(),
      method: d.context.method,
      url: d.context.url,
      clientTool: d.context.clientTool,
      responseBody: d.maskedText.slice(0, BODY_MAX),
      requestTime: messageTs === undefined ? undefined : Math.floor(Number(messageTs)),
    };
    const meta: ModalMeta = {
      ...metaBase,
      pasteId: source.kind === 'paste' ? source.paste.id : undefined,
      code: answer?.primary.code,
      channelId: source.kind === 'paste' ? source.paste.channelId : source.channelId,
      messageTs,
    };
    return { draft, meta, title: answer?.primary.title };
  }

  /** The field-set radio changed: keep what was typed in both sets and swap the fields. */
  async switchSet(
    client: WebClient,
    view: { id: string; hash: string; private_metadata: string; state: { values: StateValues } },
    set: string,
  ): Promise<void> {
    if (!(FIELD_SETS as readonly string[]).includes(set)) return;
    const meta = parseMeta(view.private_metadata);
    const saved = ((await this.deps.store.getDraft(view.id).catch(() => undefined)) ?? {}) as EscalationDraft;
    const current = readDraft(view.state.values);
    // What was typed is stored and sent back to Slack: mask it first, as the case will be.
    const merged = maskDraft(mergeDrafts(saved, current));
    await this.deps.store
      .saveDraft(view.id, merged, this.deps.clock())
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'could not keep the escalation draft'));
    const title = this.entryText(meta.code, meta.lang ?? 'en')?.title;
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: buildEscalationModal({ meta: { ...meta, set: set as FieldSet }, draft: merged, diagnosisTitle: title }),
    });
  }

  /**
   * Validates and stores the case, acknowledging within Slack's 3 seconds; delivery and the
   * submitter's DM follow, and the modal is updated with the outcome.
   */
  async submit(
    ack: (response?: Record<string, unknown>) => Promise<void>,
    client: WebClient,
    userId: string,
    view: { id: string; private_metadata: string; state: { values: StateValues } },
  ): Promise<void> {
    const meta = parseMeta(view.private_metadata);
    const lang = meta.lang ?? 'en';
    const now = this.deps.clock();
    const draft = readDraft(view.state.values);
    const result = validateDraft(meta.set, draft, now, messages(lang));
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    const built = this.buildCase(
      result.draft,
      result.orgId15,
      result.orgId18,
      meta,
      userId,
      readAttachments(view.state.values),
      now,
    );
    const stored = await this.deps.store.createEscalation({
      id: randomUUID(),
      submissionKey: view.id,
      userId,
      status: 'pending',
      caseData: built,
      attempts: 0,
      nextAttemptAt: now,
      lastError: undefined,
      channelMessageTs: undefined,
      createdAt: now,
      deliveredAt: undefined,
    });
    const confirmation = {
      caseId: stored.record.id,
      channelId: this.deps.escalationChannelId,
      orgId15: result.orgId15,
      orgId18: result.orgId18,
      masked: built.masked,
      trust: undefined,
      error: undefined,
      lang,
    };
    if (!stored.created) {
      await ack({ response_action: 'update', view: buildConfirmationView({ ...confirmation, state: 'duplicate' }) });
      return;
    }
    await ack({ response_action: 'update', view: buildConfirmationView({ ...confirmation, state: 'saving' }) });
    await this.deps.store.deleteDraft(view.id).catch(() => {});

    const outcome = await this.deps.delivery.deliver(stored.record);
    const state = outcome.delivered ? 'delivered' : 'pending';
    await this.tellSubmitter(client, stored.record.id, userId, outcome.case, state, outcome.error);
    await client.views
      .update({
        view_id: view.id,
        view: buildConfirmationView({ ...confirmation, state, trust: outcome.case.trust, error: outcome.error }),
      })
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'could not update the escalation confirmation'));
  }

  private buildCase(
    d: ReturnType<typeof validateDraft> extends infer R ? (R extends { ok: true; draft: infer D } ? D : never) : never,
    orgId15: string,
    orgId18: string,
    meta: ModalMeta,
    userId: string,
    attachments: Array<{ name: string; permalink: string | undefined }>,
    now: number,
  ): EscalationCase {
    let masked = false;
    const clean = (value: string | undefined) => {
      if (value === undefined) return undefined;
      const r = redact(value);
      if (r.findings.length > 0) masked = true;
      return r.text;
    };
    const tz = meta.tz ?? 'UTC';
    const lang = meta.lang ?? 'en';
    const when = (seconds: number | undefined) => (seconds === undefined ? undefined : formatTime(seconds, tz));
    const entry = meta.code === undefined ? undefined : this.deps.engines.current.index.byName.get(meta.code);
    const text = this.entryText(meta.code, lang);
    const c: EscalationCase = {
      set: meta.set,
      lang,
      orgId15,
      orgId18,
      username: clean(d.username) as string,
      apiType: d.apiType,
      instance: clean(d.instance)?.toUpperCase(),
      timeZone: tz,
      requestTime: meta.set === 'request' ? when(d.requestTime) : undefined,
      method: meta.set === 'request' ? clean(d.method) : undefined,
      url: meta.set === 'request' ? clean(d.url) : undefined,
      requestBody: meta.set === 'request' ? clean(d.requestBody) : undefined,
      responseBody: meta.set === 'request' ? clean(d.responseBody) : undefined,
      windowStart: meta.set === 'recent' ? when(d.windowStart) : undefined,
      windowEnd: meta.set === 'recent' ? when(d.windowEnd) : undefined,
      frequency: meta.set === 'recent' ? clean(d.frequency) : undefined,
      clientTool: meta.set === 'recent' ? clean(d.clientTool) : undefined,
      processing: meta.set === 'recent' ? clean(d.processing) : undefined,
      extra: meta.set === 'recent' ? clean(d.extra) : undefined,
      attachments: attachments.map((a) => ({ name: clean(a.name) as string, permalink: a.permalink })),
      code: meta.code,
      title: text?.title,
      meaning: text?.meaning,
      docs: entry?.docs ?? [],
      masked: false,
      submittedBy: userId,
      submittedAt: formatTime(Math.floor(now / 1000), tz),
      sourceChannelId: meta.channelId,
      sourceMessageTs: meta.messageTs,
      trust: undefined,
    };
    return { ...c, masked };
  }

  private async tellSubmitter(
    client: WebClient,
    caseId: string,
    userId: string,
    c: EscalationCase,
    state: 'delivered' | 'pending',
    error: string | undefined,
  ): Promise<void> {
    const e = messages(caseLang(c)).escalation;
    const where = this.deps.escalationChannelId ? `<#${this.deps.escalationChannelId}>` : e.theEscalationChannel;
    const outcome =
      state === 'delivered'
        ? e.dmDelivered(shortId(caseId), this.deps.escalationChannelId ? where : undefined)
        : e.dmPending(shortId(caseId), where, error ?? e.unknownError);
    const message = buildCaseMessage(c, caseId, { forSubmitter: true });
    try {
      await client.chat.postMessage({
        channel: userId,
        text: `${outcome} ${message.text}`,
        blocks: [
          { type: 'section', block_id: 'case_outcome', text: { type: 'mrkdwn', text: outcome } },
          ...message.blocks,
        ].slice(0, 50),
        unfurl_links: false,
      });
    } catch (err) {
      this.deps.logger.warn({ err, case: shortId(caseId) }, 'could not DM the submitter');
    }
  }

  /** An entry's title and meaning in the language of the case. */
  private entryText(code: string | undefined, lang: Lang): { title: string; meaning: string } | undefined {
    const entry = code === undefined ? undefined : this.deps.engines.current.index.byName.get(code);
    if (entry === undefined) return undefined;
    return lang === 'ja' && entry.ja !== undefined ? entry.ja : entry;
  }
}

function parseMeta(raw: string): ModalMeta {
  try {
    const m = JSON.parse(raw) as ModalMeta;
    return { ...m, set: (FIELD_SETS as readonly string[]).includes(m.set) ? m.set : 'request' };
  } catch {
    return { set: 'request' };
  }
}

/** The draft with every text field through the secret finder. */
export function maskDraft(draft: EscalationDraft): EscalationDraft {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(draft)) out[k] = typeof v === 'string' ? redact(v).text : v;
  return out as EscalationDraft;
}

/** Later input wins field by field; fields of the other set survive untouched. */
export function mergeDrafts(saved: EscalationDraft, current: EscalationDraft): EscalationDraft {
  const out: Record<string, unknown> = { ...saved };
  for (const [k, v] of Object.entries(current)) if (v !== undefined) out[k] = v;
  return out as EscalationDraft;
}

/** "2026-11-24 10:15 Europe/Paris (09:15 UTC)": the person's time zone and UTC, as Support needs. */
export function formatTime(seconds: number, timeZone: string): string {
  const date = new Date(seconds * 1000);
  let local: string;
  try {
    local = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(date);
  } catch {
    local = date.toISOString().replace('T', ' ').slice(0, 19);
    timeZone = 'UTC';
  }
  return `${local} ${timeZone} (${date.toISOString().replace('T', ' ').slice(0, 19)} UTC)`;
}
