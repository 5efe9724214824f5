import type { Lang } from '../i18n';
import type { ApiType, FieldSet } from './fields';

/** What a person has typed (or we prefilled) in either field set. Kept across set switches. */
export interface EscalationDraft {
  readonly orgId?: string | undefined;
  readonly username?: string | undefined;
  readonly apiType?: ApiType | undefined;
  readonly instance?: string | undefined;
  /** Unix seconds. */
  readonly requestTime?: number | undefined;
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly requestBody?: string | undefined;
  readonly responseBody?: string | undefined;
  readonly windowStart?: number | undefined;
  readonly windowEnd?: number | undefined;
  readonly frequency?: string | undefined;
  readonly clientTool?: string | undefined;
  readonly processing?: string | undefined;
  readonly extra?: string | undefined;
}

/** Small facts that travel in the modal's private_metadata (at most 3,000 characters). */
export interface ModalMeta {
  readonly set: FieldSet;
  /** The language of the modal, its errors and the case text: the submitter's. */
  readonly lang?: Lang | undefined;
  readonly pasteId?: string | undefined;
  readonly code?: string | undefined;
  readonly tz?: string | undefined;
  readonly tzLabel?: string | undefined;
  readonly channelId?: string | undefined;
  readonly messageTs?: string | undefined;
}

export interface Attachment {
  readonly name: string;
  readonly permalink: string | undefined;
}

export interface TrustStatus {
  readonly state: 'ok' | 'incident' | 'maintenance' | 'unknown-instance' | 'unreachable' | 'not-checked';
  readonly instance: string | undefined;
  /** English, as stored with older cases; `trustSummary` says it in the reader's language. */
  readonly summary: string;
  /** The incident's title or the maintenance's name, as Salesforce gives it. */
  readonly detail?: string | undefined;
  /** The instance's status word when it reports trouble without a listed incident. */
  readonly status?: string | undefined;
  readonly links: readonly string[];
}

/** The validated case: what is stored, posted to the escalation channel and sent to the submitter. */
export interface EscalationCase {
  readonly set: FieldSet;
  /** The submitter's language: the DM and Salesforce Help's text are in it. Older cases: English. */
  readonly lang?: Lang | undefined;
  readonly orgId15: string;
  readonly orgId18: string;
  readonly username: string;
  readonly apiType: ApiType;
  readonly instance: string | undefined;
  readonly timeZone: string;
  readonly requestTime: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly requestBody: string | undefined;
  readonly responseBody: string | undefined;
  readonly windowStart: string | undefined;
  readonly windowEnd: string | undefined;
  readonly frequency: string | undefined;
  readonly clientTool: string | undefined;
  readonly processing: string | undefined;
  readonly extra: string | undefined;
  readonly attachments: readonly Attachment[];
  /** The diagnosis the bot gave, if the case came from one. */
  readonly code: string | undefined;
  readonly title: string | undefined;
  readonly meaning: string | undefined;
  readonly docs: readonly string[];
  /** True when secrets were found in the input and masked. */
  readonly masked: boolean;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly sourceChannelId: string | undefined;
  readonly sourceMessageTs: string | undefined;
  readonly trust: TrustStatus | undefined;
}
