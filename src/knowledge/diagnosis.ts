import type { RetryPolicy } from './schema';
import type { KnowledgeEntry, KnowledgeVariant } from './types';

/** The surface the pasted text shows, in the vocabulary of ../shared/eval/README.md. */
export type ApiFamily =
  | 'REST'
  | 'SOAP'
  | 'BULK'
  | 'BULK2'
  | 'OAUTH'
  | 'APEX'
  | 'METADATA'
  | 'CLI'
  | 'HTTP'
  | 'STREAMING'
  | 'PUBSUB'
  | 'OTHER';

/** How a code was found; the kinds differ in how much they prove. */
export type SignalKind =
  | 'structured' // a code in an error field: JSON errorCode, SOAP faultcode, Bulk exceptionCode, OAuth error
  | 'code' // a known code name in the text
  | 'message' // a known Salesforce message text
  | 'exception' // an Apex System.*Exception / LimitException line
  | 'http' // an HTTP status with no code
  | 'prose' // a person naming the error in a sentence ("I keep getting a query timeout")
  | 'fuzzy'; // a short fragment that is close to an entry's name

export interface Signal {
  readonly code: string;
  readonly kind: SignalKind;
  /** 0..1: how sure this one signal is that the text reports this error. */
  readonly strength: number;
  /** Offset in the normalised text, used to order wrapped errors. */
  readonly index: number;
  /** End of the code name, for signals that found one written out. */
  readonly end?: number | undefined;
  /** For a message matched by a later piece ("sObject type '*' is not supported" found by its
   * tail), where its first piece starts: what stands right before the whole message. */
  readonly from?: number | undefined;
  /** Variant of the entry told apart by its message, if one matched. */
  readonly variant?: string | undefined;
  /** Evidence too short to be Salesforce's alone ("socket hang up", "Invalid type:"): it counts
   * only when the paste also shows a sign of Salesforce. */
  readonly needsContext?: boolean | undefined;
  /** For a Salesforce error the knowledge base does not list (a custom Apex exception type, a new
   * errorCode): the template entry that says what was recognised, shown under `code`. */
  readonly unlisted?: string | undefined;
  /** For a message that introduces its cause ("Error authenticating with the refresh token due
   * to:"), where it ends: a code or message right after it is the cause, and ranks first. */
  readonly leadInEnd?: number | undefined;
  /** Evidence that names an error only when the paste shows no other (Salesforce's internal-error
   * id, which flow screens and pages print under whatever failed): it ranks after every code,
   * message, exception and HTTP status found. */
  readonly fallback?: boolean | undefined;
}

export interface Match {
  readonly code: string;
  readonly family: string;
  readonly title: string;
  readonly retry: RetryPolicy;
  readonly transient: boolean | null;
  /** Calibrated probability that the text reports this error (gate.ts). */
  readonly confidence: number;
  /** The uncalibrated evidence score the gate's threshold applies to. */
  readonly score: number;
  /** Which kind of evidence found it (the strongest one). */
  readonly evidence: SignalKind;
  readonly variant: { readonly id: string; readonly title: string } | undefined;
  readonly entry: KnowledgeEntry;
  /** When the paste shows the entry's message but not its code: where that message starts in the
   * normalised paste, so the answer can quote what the paste said (specifics.ts). */
  readonly messageOnlyAt?: number | undefined;
}

/** The knowledge variant a match was found under (its text, retry advice and surface), if any. */
export function matchedVariant(match: Match): KnowledgeVariant | undefined {
  const id = match.variant?.id;
  return id === undefined ? undefined : match.entry.variants.find((v) => v.id === id);
}

export type SecretKind =
  | 'session-id'
  | 'access-token'
  | 'refresh-token'
  | 'authorization-header'
  | 'password'
  | 'client-secret'
  | 'jwt'
  | 'private-key'
  | 'slack-token'
  | 'security-token';

export interface SecretFinding {
  readonly kind: SecretKind;
  /** Offsets in the text given to `diagnose`, so callers can mask the original. */
  readonly start: number;
  readonly end: number;
}

export interface ErrorContext {
  readonly apiFamily: ApiFamily | undefined;
  readonly httpStatus: number | undefined;
  readonly method: string | undefined;
  /** Endpoint URL with query-string secrets masked. */
  readonly url: string | undefined;
  readonly apiVersion: string | undefined;
  readonly timestamps: readonly string[];
  readonly requestIds: readonly string[];
  /** Bulk API job (750…) and batch (751…) IDs: not request IDs, but Support asks for them too. */
  readonly bulkJobIds: readonly string[];
  /** The client that printed the paste, when it names itself (Data Loader, jsforce, sf CLI…). */
  readonly clientTool: string | undefined;
  readonly orgId: string | undefined;
  readonly username: string | undefined;
  /** Salesforce instance (na37, cs52, usa123s) when the host names one: used for Trust status. */
  readonly instance: string | undefined;
}

export interface Diagnosis {
  /** The gate: is this a Salesforce API error the bot should answer? */
  readonly isError: boolean;
  /** Calibrated probability that the text reports its primary match (0 when nothing matched). */
  readonly confidence: number;
  /** The primary match's evidence score, before calibration (what the gate's threshold reads). */
  readonly score: number;
  /** Best first. Empty when nothing matched. */
  readonly matches: readonly Match[];
  readonly context: ErrorContext;
  readonly secrets: readonly SecretFinding[];
  /** The analysed text (all of it, or the head and tail of a huge paste) with every secret
   * replaced by a placeholder. Safe to show and store. */
  readonly maskedText: string;
  /** Stable key of the error (codes found), for per-channel cooldowns. */
  readonly signature: string | undefined;
  /** True when the input was longer than the analysis cap. */
  readonly truncated: boolean;
  /** The rules would answer, but the report check (report-check.ts) read the text as explaining
   * an error rather than reporting one, so `isError` is false. Never true when asked. */
  readonly withheld: boolean;
}

/** How the text came to be diagnosed. */
export interface DiagnoseOptions {
  /** Someone asked for this text to be explained (a mention, the message shortcut, a button), so
   * an error of the caller's own environment is worth explaining too; a paste that was merely
   * seen in a channel gets no reply for one, and the report check (which can only withhold an
   * answer) is not consulted. */
  readonly asked?: boolean;
}
