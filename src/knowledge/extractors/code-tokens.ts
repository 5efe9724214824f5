import type { Signal } from '../diagnosis';
import type { KnowledgeIndex } from '../index-builder';
import type { KnowledgeEntry } from '../types';
import { CODE_MENTION, CODE_ON_ERROR_LINE, CODE_WITH_MESSAGE } from '../weights';
import { adjustForLine } from './cues';
import { namedAsStatusEnum } from './http-status';
import type { Extractor } from './types';

/**
 * Finds known code names anywhere in the text: `UNABLE_TO_LOCK_ROW`, `invalid_grant`,
 * `InvalidBatch`, `C-1033`, `SALESFORCE:CONNECTIVITY`, `Faraday::ResourceNotFound`,
 * `sfdc.platform.eventbus.…`. How much a hit counts depends on what surrounds it: a code
 * followed by its message is a report; a code alone in a sentence is only a mention.
 */
const TOKEN =
  /\b(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+(?:_[a-z]+)+|C-\d{4}|SALESFORCE:[A-Z_]+|sfdc\.platform\.eventbus(?:\.[a-z0-9_]+)+|[A-Z][A-Za-z0-9]+(?:::[A-Z][A-Za-z0-9]+)+|[A-Z][a-z0-9]+(?:_[A-Z][a-z0-9]*){2,}|[A-Za-z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[A-Z]{5,20})\b/g;

/** `CODE: message`, `CODE, message`, `CODE : message` (Bulk), `CODE - ErrorId` */
const FOLLOWED_BY_MESSAGE = /^(?:\s{0,2}[:,](?!:)|\s{1,2}-\s|'?\s*\]?\s*:\s)/;
/** `error: CODE`, `first error: CODE`, `errorCode=CODE`, `sf:CODE`, `[CODE`, `Error #0: CODE` */
const PRECEDED_BY_ERROR_LABEL =
  /(?:error|errors|exception|fault|status|code|errorcode|statuscode|exceptioncode|faultcode|first error|error #\d+)\s*[:=]\s*['"`([{]*\s*(?:sf:)?$|\bsf:$|^\s*\[$|\b(?:returns?|returned|returning|got|gets|getting|receive[sd]?|receiving|throws?|threw|shows?|showing|showed)\s+(?:an?\s+|the\s+)?(?:following\s+)?(?:message|error|exception|code|response)?\s*[:-]?\s*['"`(*_]*$/;
const ERROR_WORDS = /error|exception|fault|fail|unable|denied|invalid|refused|rejected|exceeded|エラー|例外|失敗/i;
/** "errors worth trapping (for example, INVALID_SESSION_ID as…)": a name given as an example is a mention. */
const GIVEN_AS_EXAMPLE = /\b(?:for example|for instance|e\.g\.|i\.e\.|such as)[,:]?\s*[`'"(]?$/;

/** A code named as the outcome that was expected, not the one that came ("expected X", "instead of X"). */
const NAMED_AS_EXPECTED = /(?:\bexpected|\binstead of(?: the| an?)?)\s*["'`“]?$/i;

export const extractCodeTokens: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  const re = new RegExp(TOKEN.source, 'g');
  for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
    const token = m[0];
    let start = m.index;
    let entry = lookup(index, token);
    // Only an upper-case snake name can be a known code mistyped; CamelCase and lower-case words,
    // which long logs hold by the thousand, skip both look-ups below.
    if (entry === undefined && UPPER_SNAKE.test(token)) {
      // "FIELD INTEGRITY_EXCEPTION": a space typed for the first underscore.
      const split = SPLIT_FIRST_WORD.exec(doc.text.slice(Math.max(0, start - 30), start));
      const joined = split === null ? undefined : index.byName.get(`${split[1]}_${token}`);
      if (joined !== undefined && split !== null) {
        entry = joined;
        start -= split[0].length;
      } else entry = misspelt(index, token);
    }
    if (entry === undefined || !isScannable(token, entry)) continue;
    // "…instead of the expected 'REQUIRED_FIELD_MISSING' error": what should have happened.
    if (NAMED_AS_EXPECTED.test(doc.text.slice(Math.max(0, start - 40), start))) continue;
    // `HTTPStatus.INTERNAL_SERVER_ERROR`, `HttpStatus.NOT_FOUND`: an HTTP status under its enum
    // name, not the Salesforce code spelled the same (http-status.ts reads it as the status).
    if (namedAsStatusEnum(doc.text, start)) continue;
    const end = m.index + token.length;
    const strength = strengthAt(doc.text, doc.lower, start, end);
    // A short single upper-case word (FORBIDDEN, CONFLICT) is an ordinary word unless it leads
    // its message; long ones (INVALIDJOBSTATE) are not English.
    if (/^[A-Z]+$/.test(token) && token.length < 10 && entry.family !== 'network' && strength < CODE_WITH_MESSAGE)
      continue;
    signals.push({ code: entry.code, kind: 'code', strength, index: start, end });
    if (signals.length > 500) break;
  }
  return signals.map((s) => ({
    ...s,
    strength: adjustForLine(doc, s.index, s.strength, s.strength < CODE_WITH_MESSAGE),
  }));
};

/**
 * Exact names first. People also write the Bulk codes with a lower-case first letter
 * (`invalidSessionId`), and clients cut long Pub/Sub trailers short
 * (`sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupte`): both still resolve.
 */
function lookup(index: KnowledgeIndex, token: string): KnowledgeEntry | undefined {
  const exact = index.byName.get(token);
  if (exact !== undefined) return exact;
  if (/^[a-z][a-z0-9]+[A-Z]/.test(token) && token.length >= 12) {
    return index.byName.get(`${token.charAt(0).toUpperCase()}${token.slice(1)}`);
  }
  // A long code typed in lower case ("insufficient_access_on_cross_reference_entity") is still
  // that code: no other name has three underscores and that length.
  if (/^[a-z0-9]+(?:_[a-z0-9]+){3,}$/.test(token) && token.length >= 20) {
    return index.byName.get(token.toUpperCase());
  }
  // People retype a code in title case ("the Inactive_Owner_Or_User error"); three or more
  // capitalised words joined by underscores are no ordinary identifier, so the code is meant.
  if (/^[A-Z][a-z0-9]+(?:_[A-Z][a-z0-9]*){2,}$/.test(token) && token.length >= 15) {
    return index.byName.get(token.toUpperCase());
  }
  // The sf CLI upper-cases OAuth error values ("INVALID_GRANT - token exchange failed"); no
  // Salesforce status code is spelled like one, so the lower-case value is meant.
  if (/^[A-Z]+(?:_[A-Z]+)+$/.test(token)) {
    const oauth = index.byName.get(token.toLowerCase());
    if (oauth?.family === 'oauth') return oauth;
  }
  if (token.startsWith('sfdc.platform.eventbus.') && token.length >= 40) {
    return index.entries.find((e) => e.code.startsWith(token));
  }
  return undefined;
}

/** A whole token in Salesforce's code spelling: upper-case words joined by underscores. */
export const UPPER_SNAKE = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;

/** The upper-case word right before a token, one space apart ("FIELD " before "INTEGRITY_EXCEPTION"). */
const SPLIT_FIRST_WORD = /\b([A-Z][A-Z0-9]{2,}) $/;

/** Long codes only: a short one is one letter away from too many other names and words. */
const MISSPELT_MIN_LENGTH = 15;
const deletionIndexes = new WeakMap<KnowledgeIndex, Map<string, KnowledgeEntry | null>>();

/**
 * A long upper-snake code typed with one letter wrong, missing, doubled or extra
 * (`FIELD_INTRGRITY_EXCEPTION`), when exactly one known code is that close. Symmetric deletion:
 * every code and every token is stored with each single letter removed, so two names one edit
 * apart share a key. A key two codes share is ambiguous (null) and matches nothing.
 */
export function misspelt(index: KnowledgeIndex, token: string): KnowledgeEntry | undefined {
  if (token.length < MISSPELT_MIN_LENGTH || !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}$/.test(token)) return undefined;
  const deletions = deletionIndexOf(index);
  let found: KnowledgeEntry | undefined;
  for (const key of withOneDeleted(token)) {
    const entry = deletions.get(key);
    if (entry === null) return undefined;
    if (entry === undefined) continue;
    if (found !== undefined && found !== entry) return undefined;
    found = entry;
  }
  return found;
}

function deletionIndexOf(index: KnowledgeIndex): Map<string, KnowledgeEntry | null> {
  const cached = deletionIndexes.get(index);
  if (cached !== undefined) return cached;
  const map = new Map<string, KnowledgeEntry | null>();
  for (const [name, entry] of index.byName) {
    if (name.length < MISSPELT_MIN_LENGTH - 1 || !UPPER_SNAKE.test(name)) continue;
    for (const key of withOneDeleted(name)) {
      const seen = map.get(key);
      map.set(key, seen === undefined || seen === entry ? entry : null);
    }
  }
  deletionIndexes.set(index, map);
  return map;
}

/** The name itself and the name with each single character removed. */
function withOneDeleted(name: string): string[] {
  const keys = [name];
  for (let i = 0; i < name.length; i++) keys.push(name.slice(0, i) + name.slice(i + 1));
  return keys;
}

/**
 * Short CamelCase names (`Timeout`, `NotFound`, `Unknown`) are ordinary words: they count
 * only inside error fields, which the structured extractor reads. Longer ones are distinctive.
 */
function isScannable(token: string, entry: KnowledgeEntry): boolean {
  if (/^[A-Z][a-z]/.test(token) && !token.includes('::')) {
    return token.length >= 12 || entry.family === 'bulk' || entry.family === 'metadata';
  }
  if (/^E[A-Z]+$/.test(token)) return entry.family === 'network';
  return true;
}

/** A list of code names ("X, Y and Z"): the comma leads to the next name, not to a message. */
const NEXT_IS_A_CODE = /^\s{0,2},\s*[`'"]?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/;
/** The name used as a name: "the DUPLICATES_DETECTED error code", "X enum value", "X constant". */
const NAMED_AS_IDENTIFIER = /^[`'"]?\s+(?:error |status |exception |fault )?(?:code|enum|value|constant|name)s?\b/i;

function strengthAt(text: string, lower: string, start: number, end: number): number {
  const after = text.slice(end, end + 6);
  const before = lower.slice(Math.max(0, start - 32), start);
  // Only a space (or a closing quote and a space) can lead to "error code", "enum value"…
  const next = text.charCodeAt(end);
  if ((next === 32 || next === 96 || next === 39 || next === 34) && NAMED_AS_IDENTIFIER.test(text.slice(end, end + 40)))
    return CODE_MENTION;
  if (
    (FOLLOWED_BY_MESSAGE.test(after) && !(after.includes(',') && NEXT_IS_A_CODE.test(text.slice(end, end + 60)))) ||
    PRECEDED_BY_ERROR_LABEL.test(before)
  )
    return CODE_WITH_MESSAGE;
  if (GIVEN_AS_EXAMPLE.test(before)) return CODE_MENTION;
  if (inQuestion(text, end)) return CODE_MENTION;
  const line = lineAround(text, start, end);
  return ERROR_WORDS.test(line) ? CODE_ON_ERROR_LINE : CODE_MENTION;
}

/** "Is the catch for UNABLE_TO_LOCK_ROW unnecessary?": a name in a question is asked about. A
 * question that reports ("why do I get X?") gets its lift from the report cue on the line. */
function inQuestion(text: string, end: number): boolean {
  const rest = text.slice(end, end + 200);
  const stop = rest.search(/[.!?。]|\n/);
  return stop !== -1 && rest.charAt(stop) === '?';
}

/** The line around a token with the token itself removed (codes contain EXCEPTION, INVALID…). */
function lineAround(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 200);
  const nl = text.indexOf('\n', end);
  const lineEnd = Math.min(nl === -1 ? text.length : nl, end + 200);
  return `${text.slice(lineStart, start)} ${text.slice(end, lineEnd)}`;
}
