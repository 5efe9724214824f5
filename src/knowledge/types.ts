import type { EscalationAdvice, RetryPolicy, VariantSurface } from './schema';

/** How much an entry says: `full` has causes and fixes, `brief` only what the name indicates. */
export type EntryDepth = 'full' | 'basic' | 'brief';

export interface KnowledgeVariant {
  readonly id: string;
  readonly title: string;
  readonly messages: readonly string[];
  readonly meaning: string | undefined;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly retry: RetryPolicy;
  readonly transient: boolean | null;
  /** When this case's retry advice differs from its policy's general one. */
  readonly retryAdvice: string | undefined;
  /** When Support's usefulness differs from what the retry policy implies. */
  readonly escalation: EscalationAdvice | undefined;
  readonly limit: string | undefined;
  /** Only says that something inside failed: another code in the paste is the cause (rank.ts). */
  readonly wrapper: boolean;
  /** The API this case always comes through, when it is tied to one (overrides what the paste suggests). */
  readonly surface: VariantSurface | undefined;
  /** Japanese text from `knowledge/ja/`, when it has been written. */
  readonly ja?: JaVariantText | undefined;
}

/** Japanese text of an entry; the same field names as the English ones. */
export interface JaEntryText {
  readonly title: string;
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly retryAdvice: string | undefined;
  readonly limit: string | undefined;
}

/** Japanese text of a variant; `meaning` and the lists are there when the English variant has them. */
export interface JaVariantText {
  readonly title: string;
  readonly meaning: string | undefined;
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly retryAdvice: string | undefined;
  readonly limit: string | undefined;
}

export interface KnowledgeEntry {
  readonly code: string;
  readonly family: string;
  readonly file: string;
  readonly title: string;
  readonly meaning: string;
  readonly retry: RetryPolicy;
  /** `true` when repeating the same request later is expected to work, `null` when it depends. */
  readonly transient: boolean | null;
  /** When this code's retry advice differs from its policy's general one. */
  readonly retryAdvice: string | undefined;
  /** When Support's usefulness differs from what the retry policy implies (a DNS failure never
   * reached Salesforce, though retrying once is still worth it). */
  readonly escalation: EscalationAdvice | undefined;
  readonly http: number | undefined;
  readonly aliases: readonly string[];
  readonly phrases: readonly string[];
  readonly messages: readonly string[];
  readonly causes: readonly string[];
  readonly fixes: readonly string[];
  readonly limit: string | undefined;
  readonly docs: readonly string[];
  readonly depth: EntryDepth;
  readonly enums: readonly string[];
  readonly wrapper: boolean;
  /** A failure of the caller's own environment (its TLS trust store): the request never reached
   * Salesforce, so a paste of it alone gets no reply in a channel. */
  readonly clientEnvironment: boolean;
  /** Codes this one refines: when both are found, this one is the primary answer. */
  readonly specializes: readonly string[];
  readonly related: readonly string[];
  readonly variants: readonly KnowledgeVariant[];
  /** Japanese text from `knowledge/ja/`, when it has been written. */
  readonly ja?: JaEntryText | undefined;
}

export interface FaqEntry {
  readonly id: string;
  readonly question: string;
  readonly keywords: readonly string[];
  readonly answer: string;
  readonly links: readonly string[];
  /** Japanese question and answer from `knowledge/ja/faq.yml`, when written. */
  readonly ja?: JaFaqText | undefined;
}

export interface JaFaqText {
  readonly question: string;
  readonly answer: string;
  /** Japanese words a question would contain, matched as substrings (Japanese has no spaces). */
  readonly keywords: readonly string[];
}

export interface FamilyInfo {
  readonly family: string;
  readonly title: string;
  readonly file: string;
  readonly size: number;
}
