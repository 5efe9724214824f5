import { CONTEXT_FULL_TEXT, extractContext } from './context';
import type { DiagnoseOptions, Diagnosis, ErrorContext, Match, Signal } from './diagnosis';
import { extractApexExceptions } from './extractors/apex';
import { extractClientFaults } from './extractors/client-faults';
import { extractCodeTokens } from './extractors/code-tokens';
import { namesCodeFirstHand, namesCodeInRuntimeTrace, pastedAsReceived } from './extractors/cues';
import { extractErrorIds } from './extractors/error-id';
import { extractHttpStatuses } from './extractors/http-status';
import { extractMessages } from './extractors/messages';
import { extractPackageInstallCompile } from './extractors/package-install';
import { extractProse } from './extractors/prose';
import { extractStructured } from './extractors/structured';
import type { Extractor } from './extractors/types';
import { extractUnlisted } from './extractors/unlisted';
import { type GateParams, probability } from './gate';
import { FITTED_GATE } from './gate-params';
import type { KnowledgeIndex } from './index-builder';
import { analysedWindow, normalise } from './normalise';
import { rankSignals } from './rank';
import {
  countWords,
  MAX_MIN_WORDS,
  type ReportFeatures,
  type ReportModel,
  reportCheckJudges,
  reportFeatures,
  reportProbabilityOf,
} from './report-check';
import { createScanDoc, type ScanDoc, type ScanOptions } from './scan-doc';
import { findSecrets, maskSecrets } from './secrets';

export type Diagnose = (text: string, options?: DiagnoseOptions) => Diagnosis;

/** At most this many characters (": ", " - ") between a written code and its message. */
const MESSAGE_GAP = 4;
/** How far before a lead-in the client's name for the same error may stand ("Error (Name): "). */
const LEAD_IN_NAME = 40;
/** How far one message's own wording runs on after the piece that found it. */
const MESSAGE_RUN = 120;

/** Around a known error in a long paste, how far to look for its HTTP status. */
const HTTP_AROUND = 4_000;

/** Secrets are reported for at most this much of the input (the warning to the poster). */
const MAX_SECRET_SCAN = 1_000_000;

const CODE_EXTRACTORS: readonly Extractor[] = [
  extractStructured,
  extractCodeTokens,
  extractApexExceptions,
  extractClientFaults,
  extractMessages,
  extractErrorIds,
  extractPackageInstallCompile,
  extractProse,
  extractUnlisted,
];

/** The localised message texts a scan needs to tell Salesforce's own words from the poster's. */
function scanOptionsFor(index: KnowledgeIndex): ScanOptions {
  return {
    localisedTexts: index.nonAsciiMessages.flatMap((i) => {
      const m = index.messages[i];
      const text = m?.pieces[m.anchor];
      const compact = m?.compactPieces[m.anchor];
      return text === undefined || compact === undefined || compact.length === 0 ? [] : [{ text, compact }];
    }),
  };
}

/**
 * Builds the pure `diagnose(text)` function over an index. No I/O, no Slack, no network.
 * `gate` decides and calibrates (gate.ts); cross-validation passes each fold's own fit.
 * `reportCheck`, when given, may withhold the gate's answer on a text that reads as an
 * explanation (report-check.ts); without it the rules decide alone.
 */
export function createDiagnose(
  index: KnowledgeIndex,
  gate: GateParams = FITTED_GATE,
  reportCheck?: ReportModel,
): Diagnose {
  // "INVALID_NEW_PASSWORD: Your password must…" is a code and its message, not a key and a value.
  const finder = { isErrorCode: (name: string) => index.byName.has(name) };
  const calibrate = (m: Match): Match => ({ ...m, confidence: probability(gate, m.score) });
  const scanOptions = scanOptionsFor(index);
  return (input: string, options: DiagnoseOptions = {}): Diagnosis => {
    const raw = typeof input === 'string' ? input : String(input ?? '');
    // Secrets are masked before any extractor sees the text, so none can leak into the context.
    const window = analysedWindow(raw);
    const windowSecrets = findSecrets(window.text, finder);
    const maskedText = maskSecrets(window.text, windowSecrets);
    const secrets = window.truncated ? findSecrets(raw.slice(0, MAX_SECRET_SCAN), finder) : windowSecrets;
    const norm = normalise(maskedText);
    const doc = createScanDoc(norm, scanOptions);

    if (norm.text.trim().length === 0) return emptyDiagnosis(window.truncated, secrets, maskedText);
    const signals: Signal[] = [];
    for (const extract of CODE_EXTRACTORS) signals.push(...extract({ doc, index }));
    const codeSignals = leadInsGiveWay(
      messagesOfTheirObjectsCode(messagesOfTheirOwnCode(signals, index), doc.text, index),
    );
    // HTTP statuses rank below every Salesforce code. In a long paste whose code is already
    // certain they can only add context, so only the stretch around the error is read for them.
    let focus: number | undefined;
    let range: [number, number] | undefined;
    let codeMatches: Match[] | undefined;
    if (doc.text.length > CONTEXT_FULL_TEXT) {
      codeMatches = rankSignals(codeSignals, index, doc, gate.threshold, options);
      const preliminary = codeMatches[0];
      if (preliminary !== undefined && preliminary.score >= gate.threshold) {
        focus = firstIndexOf(codeSignals, preliminary.code);
        if (focus !== undefined) range = [focus - HTTP_AROUND, focus + HTTP_AROUND];
      }
    }
    const http = extractHttpStatuses({ doc, index }, range);

    // Ranking is a pure function of the signals: with no HTTP signal added, the first ranking stands.
    const matches =
      codeMatches !== undefined && http.signals.length === 0
        ? codeMatches
        : rankSignals([...codeSignals, ...http.signals], index, doc, gate.threshold, options);
    const primary = matches[0];
    const score = primary?.score ?? 0;
    const rulesAnswer = score >= gate.threshold;
    let confidence = probability(gate, score);
    let withheld = false;
    // Only a text the rules would answer, seen rather than asked about, goes to the report check:
    // chat the rules leave alone never pays for it.
    if (
      rulesAnswer &&
      reportCheck !== undefined &&
      options.asked !== true &&
      reportCheckJudges(maskedText, reportCheck.minWords) &&
      !ownReportOf(index, doc, primary?.code)
    ) {
      const p = reportProbabilityOf(reportCheck, maskedText, doc, score);
      if (p < reportCheck.threshold) {
        withheld = true;
        confidence = Math.min(confidence, Math.round(p * 1000) / 1000);
      }
    }
    const isError = rulesAnswer && !withheld;
    const accepted = matches.filter((m) => m.score >= gate.threshold);
    return {
      isError,
      withheld,
      confidence,
      score,
      matches: matches.map(calibrate),
      // Context feeds the escalation modal; nobody escalates what was not recognised.
      context: isError
        ? extractContext({
            doc,
            primary,
            httpStatus: http.firstStatus,
            focus: focus ?? firstIndexOf(signals, primary?.code),
          })
        : { ...emptyContext(), httpStatus: http.firstStatus },
      secrets,
      maskedText,
      signature: isError
        ? accepted
            .map((m) => m.code)
            .sort()
            .join('+')
        : undefined,
      truncated: window.truncated,
    };
  };
}

function emptyContext(): ErrorContext {
  return {
    apiFamily: undefined,
    httpStatus: undefined,
    method: undefined,
    url: undefined,
    apiVersion: undefined,
    timestamps: [],
    requestIds: [],
    bulkJobIds: [],
    clientTool: undefined,
    orgId: undefined,
    username: undefined,
    instance: undefined,
  };
}

function emptyDiagnosis(truncated: boolean, secrets: Diagnosis['secrets'], maskedText: string): Diagnosis {
  return {
    isError: false,
    withheld: false,
    confidence: 0,
    score: 0,
    matches: [],
    context: emptyContext(),
    secrets,
    maskedText,
    signature: undefined,
    truncated,
  };
}

/**
 * What the report check reads for each text, computed as `diagnose` computes it, with the rules'
 * own decision: bench/fit-report-check.ts and cross-validation fit the check on these.
 */
export function createReportFeatureReader(
  index: KnowledgeIndex,
  gate: GateParams = FITTED_GATE,
): (text: string) => {
  readonly features: ReportFeatures;
  readonly rulesAnswer: boolean;
  readonly ownReport: boolean;
  readonly judged: boolean;
  readonly words: number;
} {
  const rulesOnly = createDiagnose(index, gate);
  const scanOptions = scanOptionsFor(index);
  return (text) => {
    const d = rulesOnly(text);
    const doc = createScanDoc(normalise(d.maskedText), scanOptions);
    return {
      features: reportFeatures(d.maskedText, doc, d.score),
      rulesAnswer: d.isError,
      ownReport: ownReportOf(index, doc, d.matches[0]?.code),
      // Language only: the fit chooses the length below which texts are not judged.
      judged: reportCheckJudges(d.maskedText, 0),
      words: countWords(d.maskedText, MAX_MIN_WORDS),
    };
  };
}

/**
 * The primary code written out on a line where the writer says they got it (cues.ts,
 * namesCodeFirstHand), or in a paste that carries a runtime's stack trace; or any code, read from
 * its message too, in a paste framed as received output: the sf CLI's error line or a bug
 * template's error section (pastedAsReceived). HTTP statuses are left
 * to the check: "we get a 400" names no Salesforce error, and a status number is spelled in too
 * many ways to find it again.
 */
function ownReportOf(index: KnowledgeIndex, doc: ScanDoc, code: string | undefined): boolean {
  if (code === undefined || index.byName.get(code)?.family === 'http') return false;
  return namesCodeFirstHand(doc, code) || namesCodeInRuntimeTrace(doc, code) || pastedAsReceived(doc);
}

/**
 * A message right after a code written out ("System.QueryException: unexpected token: …") is that
 * code's own wording, not evidence of the code the same words usually come with (MALFORMED_QUERY).
 * Such message signals are dropped, unless their code is a more specific form of the written one
 * ("REQUEST_LIMIT_EXCEEDED: ConcurrentPerOrgLongTxn Limit exceeded").
 */
function messagesOfTheirOwnCode(signals: readonly Signal[], index: KnowledgeIndex): Signal[] {
  // A client class that stands for an HTTP status (Faraday::ResourceNotFound = 404) has no
  // wording of its own: the Salesforce message after it names the error.
  const written = signals.filter((s) => s.end !== undefined && index.byName.get(s.code)?.family !== 'http');
  if (written.length === 0) return [...signals];
  const owned = signals.filter((s) => {
    if (s.kind !== 'message') return false;
    const at = s.from ?? s.index;
    const owner = written.find(
      (w) => w.code !== s.code && (w.end as number) <= at && at - (w.end as number) <= MESSAGE_GAP,
    );
    return owner !== undefined && !(index.byName.get(s.code)?.specializes.includes(owner.code) ?? false);
  });
  if (owned.length === 0) return [...signals];
  // The rest of the same wording goes with it ("… is not supported. If you are attempting to use a
  // custom object, be sure to append the '__c' …" is one message in two known pieces).
  const continues = (s: Signal) =>
    s.kind === 'message' &&
    owned.some((o) => o.code === s.code && s.index > o.index && s.index - o.index <= MESSAGE_RUN);
  return signals.filter((s) => !owned.includes(s) && !continues(s));
}

/** How far apart the message and the code field of one error object may be
 * (`{"message": …, "statusCode": …}`). */
const OBJECT_SPAN = 400;

/**
 * One error object's code field names what its message is: in `{"message": "Name ID: id value of
 * incorrect type: 001…", "statusCode": "FIELD_INTEGRITY_EXCEPTION"}` the text is that code's
 * wording, not MALFORMED_ID's, which the same words usually come with. Within one object (one
 * pair of braces around both), a message of another code gives way to the field, unless the
 * field only wraps the real cause (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY) or the message names a
 * more specific form of it ("REQUEST_LIMIT_EXCEEDED" with "ConcurrentPerOrgLongTxn Limit exceeded").
 */
function messagesOfTheirObjectsCode(signals: readonly Signal[], text: string, index: KnowledgeIndex): Signal[] {
  const fields = signals.filter((s) => s.kind === 'structured' && index.byName.get(s.code)?.wrapper !== true);
  if (fields.length === 0) return [...signals];
  // Inside one pair of braces: an opening one before both, a closing one after, none between.
  const sameObject = (a: number, b: number) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    if (to - from > OBJECT_SPAN || /[{}]/.test(text.slice(from, to))) return false;
    const open = text.lastIndexOf('{', from);
    const close = text.indexOf('}', to);
    return open !== -1 && from - open <= OBJECT_SPAN && !text.slice(open + 1, from).includes('}') && close !== -1;
  };
  return signals.filter(
    (s) =>
      s.kind !== 'message' ||
      !fields.some(
        (f) =>
          f.code !== s.code &&
          sameObject(s.from ?? s.index, f.index) &&
          !(index.byName.get(s.code)?.specializes.includes(f.code) ?? false),
      ),
  );
}

/**
 * A message that introduces its cause ("Error authenticating with the refresh token due to:
 * invalid client credentials") only says that something failed; the code or message right
 * after it is what failed. The lead-in gives way to it.
 */
function leadInsGiveWay(signals: readonly Signal[]): Signal[] {
  const givingWay = signals.filter((s) => {
    const end = s.leadInEnd;
    return (
      end !== undefined && signals.some((o) => o.code !== s.code && o.index >= end - 1 && o.index - end <= MESSAGE_GAP)
    );
  });
  if (givingWay.length === 0) return [...signals];
  // The lead-in's cut-short opening matched at the same place gives way with it, and so does the
  // error name a client prints just before it ("Error (InvalidClientCredentials): Invalid client
  // credentials. … due to: ip restricted").
  return signals.filter(
    (s) =>
      !givingWay.some(
        (g) => g.code === s.code && s.kind === 'message' && s.index <= g.index && g.index - s.index <= LEAD_IN_NAME,
      ),
  );
}

function firstIndexOf(signals: readonly Signal[], code: string | undefined): number | undefined {
  let first: number | undefined;
  for (const s of signals) if (s.code === code && (first === undefined || s.index < first)) first = s.index;
  return first;
}
