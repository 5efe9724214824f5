import type { DiagnoseOptions, Match, Signal, SignalKind } from './diagnosis';
import type { KnowledgeIndex } from './index-builder';
import type { ScanDoc } from './scan-doc';
import type { KnowledgeEntry } from './types';
import { CORROBORATION_BONUS, NO_SALESFORCE_CONTEXT_CAP } from './weights';

/**
 * Turns signals into ranked matches. Order, most important first:
 *  1. matches above the gate before those below it;
 *  2. the innermost cause before what wraps it: Salesforce codes and governor limits, then
 *     wrapper codes (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, PROCESSING_HALTED, InvalidBatch…),
 *     then plain Apex runtime exceptions, then bare HTTP statuses (convention 6 and 7 in
 *     ../shared/eval/README.md);
 *  3. deeper in a "caused by:" chain first;
 *  4. strong evidence before weak, then earlier in the text (the first error a log shows is
 *     usually the one that matters), then the higher confidence.
 * A code that `specializes` another found code always precedes it.
 */
export const MAX_MATCHES = 5;

/** RFC 6749 error values every OAuth server uses: on their own they do not prove Salesforce. */
const GENERIC_OAUTH = new Set([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  // Not in RFC 6749, but as plain a name: other OAuth servers send it too.
  'unknown_error',
]);
/** Names common to many APIs (gRPC NOT_FOUND, generic LIMIT_EXCEEDED …). */
const GENERIC_CODES = new Set([
  'NOT_FOUND',
  'FORBIDDEN',
  'BAD_REQUEST',
  'LIMIT_EXCEEDED',
  'UNKNOWN_ERROR',
  'INVALID_INPUT',
  // NetSuite, Zoho and others answer a bad login with the same name.
  'INVALID_LOGIN',
  // gRPC status names (Pub/Sub API): every gRPC service uses them.
  'INTERNAL',
  'UNAVAILABLE',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'INVALID_ARGUMENT',
]);

const KIND_RANK: Record<SignalKind, number> = {
  structured: 6,
  exception: 5,
  message: 4,
  code: 3,
  http: 2,
  prose: 1,
  fuzzy: 0,
};

interface Candidate {
  readonly entry: KnowledgeEntry;
  confidence: number;
  evidence: SignalKind;
  firstIndex: number;
  variant: string | undefined;
  kinds: Set<SignalKind>;
  /** Where the entry's message text starts in the paste, if a message signal found it. */
  messageAt: number | undefined;
  /** The same for a heading that ends its line ("All Component Failures:"): quoted back only when
   * no other message of the entry was found, since the line says nothing by itself. */
  headingAt: number | undefined;
  /** Lowest when every signal was capped for want of Salesforce context: corroboration cannot lift it. */
  ceiling: number;
  /** Every signal was a fallback (Signal.fallback): the entry ranks behind all the others. */
  fallbackOnly: boolean;
}

/** `threshold` is the gate's evidence score (gate.ts): matches at or above it rank first. Match
 * confidences here are still evidence scores; diagnose() calibrates them. */
export function rankSignals(
  signals: readonly Signal[],
  index: KnowledgeIndex,
  doc: ScanDoc,
  threshold: number,
  options: DiagnoseOptions = {},
): Match[] {
  const candidates = new Map<string, Candidate>();
  for (const signal of signals) {
    const entry = signal.unlisted === undefined ? index.byName.get(signal.code) : unlisted(index, signal);
    if (entry === undefined) continue;
    // A wrapper only says that something failed; when the paste shows the client itself failing
    // (a TypeError, an OpenSSL error) under it, nothing came back from Salesforce.
    // So is a name any API uses (gRPC's UNAVAILABLE, NOT_FOUND) beside another service's own failure
    // (Dialogflow's "Webhook call failed. Error: UNAVAILABLE").
    // A failure of the caller's own environment (a TLS trust store) is not an error Salesforce
    // returned: the labelled sets count it as the client's, like a Node.js error inside a CLI.
    // It is explained only when someone asks.
    const ceiling =
      (entry.clientEnvironment && options.asked !== true) ||
      needsSalesforceContext(entry, signal, doc) ||
      (((entry.wrapper && (entry.family === 'cli' || entry.family === 'metadata')) ||
        entry.family === 'http' ||
        GENERIC_CODES.has(entry.code)) &&
        doc.clientSideFailure())
        ? NO_SALESFORCE_CONTEXT_CAP
        : 0.99;
    const strength = Math.min(signal.strength, ceiling);
    const c = candidates.get(entry.code);
    if (c === undefined) {
      const created: Candidate = {
        entry,
        confidence: strength,
        evidence: signal.kind,
        firstIndex: signal.index,
        variant: signal.variant,
        kinds: new Set([signal.kind]),
        messageAt: undefined,
        headingAt: undefined,
        ceiling,
        fallbackOnly: signal.fallback === true,
      };
      noteMessageAt(created, signal, doc);
      candidates.set(entry.code, created);
      continue;
    }
    c.ceiling = Math.max(c.ceiling, ceiling);
    if (strength > c.confidence || (strength === c.confidence && KIND_RANK[signal.kind] > KIND_RANK[c.evidence])) {
      c.confidence = strength;
      c.evidence = signal.kind;
    }
    c.firstIndex = Math.min(c.firstIndex, signal.index);
    c.variant ??= signal.variant;
    c.kinds.add(signal.kind);
    c.fallbackOnly &&= signal.fallback === true;
    noteMessageAt(c, signal, doc);
  }

  const causedBy = causedByOffsets(doc.lower);
  const shownTypes = [...candidates.values()].filter(isShownApexType);
  const scored = [...candidates.values()].map((c) => {
    const confidence = Math.min(c.ceiling, c.confidence + CORROBORATION_BONUS * (c.kinds.size - 1));
    // A code read only from a shown type's own message ranks just behind that type.
    const owner = shownTypes.find((t) => isOwnMessageOf(c, t, doc.text));
    const tier =
      index.byName.get(c.entry.code) === undefined
        ? UNLISTED_TIER
        : c.fallbackOnly
          ? FALLBACK_TIER
          : tierOf(c.entry, c.kinds, c.variant);
    return {
      c,
      confidence: round(confidence),
      aboveGate: confidence >= threshold,
      tier: owner === undefined ? tier : Math.max(tier, tierOf(owner.entry, owner.kinds, owner.variant)) + 0.5,
      depth: countBefore(causedBy, c.firstIndex),
    };
  });
  scored.sort(
    (a, b) =>
      Number(b.aboveGate) - Number(a.aboveGate) ||
      a.tier - b.tier ||
      b.depth - a.depth ||
      strengthBucket(a.confidence) - strengthBucket(b.confidence) ||
      a.c.firstIndex - b.c.firstIndex ||
      b.confidence - a.confidence,
  );
  const ordered = applySpecializations(scored, (s) => s.c.entry);
  return ordered.slice(0, MAX_MATCHES).map(({ c, confidence }) => toMatch(c, confidence));
}

/** Where a message signal's whole message starts (a message found by a later piece says where
 * its first piece is). Other kinds of signal carry no message text. */
function messageStart(signal: Signal): number | undefined {
  return signal.kind === 'message' ? (signal.from ?? signal.index) : undefined;
}

/** Keeps the earliest message of the candidate, and apart from it the earliest heading. */
function noteMessageAt(c: Candidate, signal: Signal, doc: ScanDoc): void {
  const at = messageStart(signal);
  if (at === undefined) return;
  const end = signal.leadInEnd;
  if (end !== undefined && doc.text.slice(end, doc.lineAt(end).end).trim() === '') {
    if (c.headingAt === undefined || at < c.headingAt) c.headingAt = at;
  } else if (c.messageAt === undefined || at < c.messageAt) c.messageAt = at;
}

/** Kinds of evidence that show the code itself (a field, a written-out name, an exception type). */
const SHOWS_CODE: readonly SignalKind[] = ['structured', 'code', 'exception'];

function toMatch(c: Candidate, confidence: number): Match {
  const variant = c.variant === undefined ? undefined : c.entry.variants.find((v) => v.id === c.variant);
  return {
    code: c.entry.code,
    family: c.entry.family,
    title: variant?.title ?? c.entry.title,
    retry: variant?.retry ?? c.entry.retry,
    transient: variant === undefined ? c.entry.transient : variant.transient,
    confidence,
    score: confidence,
    evidence: c.evidence,
    variant: variant === undefined ? undefined : { id: variant.id, title: variant.title },
    entry: c.entry,
    messageOnlyAt: SHOWS_CODE.some((k) => c.kinds.has(k)) ? undefined : (c.messageAt ?? c.headingAt),
  };
}

/** The template entry under the code the paste shows: what was recognised, no invented meaning. */
function unlisted(index: KnowledgeIndex, signal: Signal): KnowledgeEntry | undefined {
  const template = index.byName.get(signal.unlisted as string);
  if (template === undefined) return undefined;
  return { ...template, code: signal.code, aliases: [], phrases: [], messages: [], variants: [], related: [] };
}

/**
 * Without any sign of Salesforce in the paste, generic evidence stays below the gate: a generic
 * name (NOT_FOUND, invalid_grant, ENOTFOUND, a bare status) or a short message text. A longer
 * Salesforce message, or an OAuth description only Salesforce uses, stands on its own.
 */
function needsSalesforceContext(entry: KnowledgeEntry, signal: Signal, doc: ScanDoc): boolean {
  if (doc.salesforceContext()) return false;
  const genericEntry =
    // A network failure's or a status's own variant is a Salesforce tool's or page's wording (the
    // sf CLI's "The org cannot be found", a site's "You must first log in or register before
    // accessing this page"), which counts by itself; the runtime's words (getaddrinfo ENOTFOUND)
    // and a bare status or reason phrase do not. Only message texts carry a variant.
    ((entry.family === 'network' || entry.family === 'http') && signal.variant === undefined) ||
    // Bayeux "402::Unknown client" and friends come from every CometD server, not only Salesforce's.
    entry.family === 'streaming' ||
    // A generic OAuth value counts with a description only Salesforce words that way (a variant,
    // or a message text of the entry: "grant type not supported").
    (entry.family === 'oauth' &&
      GENERIC_OAUTH.has(entry.code) &&
      signal.variant === undefined &&
      !(signal.kind === 'message' && signal.needsContext !== true)) ||
    // A generic code shown with a message text of its own that only Salesforce words that way
    // ("NOT_FOUND: The requested resource does not exist") counts without other signs.
    (GENERIC_CODES.has(entry.code) && !(signal.kind === 'message' && signal.needsContext !== true));
  return genericEntry || signal.needsContext === true;
}

/** A type or code the knowledge base doesn't list ranks after the Salesforce codes it may carry
 * (a managed package's exception wrapping INVALID_CROSS_REFERENCE_KEY), like a plain Apex exception. */
const UNLISTED_TIER = 2;
/** Evidence that only says an internal error happened ranks last, after HTTP statuses (tier 4):
 * Salesforce's whole error page is HTTP_500's own variant, which tells the page's id apart. */
const FALLBACK_TIER = 4.5;

/** A plain Apex runtime exception named in the paste ("System.NoAccessException: …"). */
function isShownApexType(c: Candidate): boolean {
  return c.entry.family === 'apex' && !c.entry.wrapper && /^System\./.test(c.entry.code) && c.kinds.has('exception');
}

/** How far into an exception's message its wording may still be matched (one sentence or two). */
const OWN_MESSAGE_REACH = 160;

/**
 * A code inferred only from message text on the line of a shown exception type, after it
 * ("System.NoAccessException: Insufficient Privileges: You do not have the level of access…"
 * reads as INSUFFICIENT_ACCESS too): that text is the exception's own message, so the type the
 * paste names is the answer (convention 5), not what its wording resembles. A code that
 * specializes the type (a LimitException's kind) is its precise name and keeps its place.
 */
function isOwnMessageOf(c: Candidate, type: Candidate, text: string): boolean {
  if (c === type || c.kinds.size !== 1 || !c.kinds.has('message')) return false;
  if (c.entry.specializes.includes(type.entry.code)) return false;
  const end = type.firstIndex + type.entry.code.length;
  return (
    c.firstIndex >= end && c.firstIndex - end <= OWN_MESSAGE_REACH && !text.slice(end, c.firstIndex).includes('\n')
  );
}

function tierOf(entry: KnowledgeEntry, kinds: ReadonlySet<SignalKind>, variantId: string | undefined): number {
  if (entry.family === 'http') return 4;
  if (variantId !== undefined && entry.variants.find((v) => v.id === variantId)?.wrapper === true) return 1;
  // A wrapper seen only through its message text ("execution of BeforeInsert caused by") was not
  // named by Salesforce in this paste: the exception it carries is the answer.
  if (entry.wrapper && kinds.size === 1 && kinds.has('message')) return 2.5;
  // A governor limit whose kind has no entry of its own ("System.LimitException: Regex too
  // complicated") is still a governor limit: it carries no StatusCode and ranks with the limits.
  if (entry.code === 'System.LimitException') return 0;
  // Apex carriers (System.DmlException) only say "a DML failed"; the StatusCode they carry is the answer.
  if (entry.family === 'apex' && /^(?:System|ConnectApi)\./.test(entry.code)) return entry.wrapper ? 3 : 2;
  return entry.wrapper ? 1 : 0;
}

/** Moves every item whose entry specializes another found entry in front of that one. */
function applySpecializations<T>(items: readonly T[], entryOf: (item: T) => KnowledgeEntry): T[] {
  const out = [...items];
  for (const item of items) {
    const specializes = entryOf(item).specializes;
    if (specializes.length === 0) continue;
    const general = out.findIndex((o) => specializes.includes(entryOf(o).code));
    const self = out.indexOf(item);
    if (general !== -1 && general < self) {
      out.splice(self, 1);
      out.splice(general, 0, item);
    }
  }
  return out;
}

function causedByOffsets(lower: string): number[] {
  const offsets: number[] = [];
  for (let i = lower.indexOf('caused by'); i !== -1 && offsets.length < 100; i = lower.indexOf('caused by', i + 9)) {
    offsets.push(i);
  }
  return offsets;
}

function countBefore(offsets: readonly number[], index: number): number {
  let n = 0;
  for (const o of offsets) if (o < index) n++;
  return n;
}

/** Strong evidence (a code with its message, a known text) before weaker; among strong, text order. */
function strengthBucket(confidence: number): number {
  return confidence >= 0.8 ? 0 : 1;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
