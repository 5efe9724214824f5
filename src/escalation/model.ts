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
  readonly summary: string;
  readonly links: readonly string[];
}

/** The validated case: what is stored, posted to the escalation channel and sent to the submitter. */
export interface EscalationCase {
  readonly set: FieldSet;
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
