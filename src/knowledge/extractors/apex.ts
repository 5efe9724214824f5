import type { Signal } from '../diagnosis';
import type { KnowledgeIndex } from '../index-builder';
import { APEX_EXCEPTION, CODE_MENTION, CODE_ON_ERROR_LINE, MESSAGE_MEDIUM, MESSAGE_SHORT } from '../weights';
import { adjustForLine } from './cues';
import { messageHeads } from './message-heads';
import type { Extractor } from './types';

/**
 * Apex runtime exceptions as they appear in API responses, debug logs, test results and the
 * "Apex script unhandled exception" e-mail: `System.NullPointerException: Attempt to…`,
 * `caused by: System.QueryException: …`, `ConnectApi.RateLimitException`.
 */
// Not \b at the start: Markdown italics glue an underscore to the type (`_System.XException: …_`),
// and an underscore is a word character.
const APEX_TYPE = /(?<![A-Za-z0-9.])((?:System|ConnectApi)\.[A-Z][A-Za-z]+)\b/g;
const EXCEPTION_LINE_AFTER = /^\s*:/;
const EXCEPTION_LINE_BEFORE = /(?:caused by|exception|error|threw|throws|thrown|an?)\s*:?\s*$/i;

/**
 * Apex words every transport failure of a callout "IO Exception: …" (PKIX path building failed,
 * Read timed out, Unable to tunnel through proxy), often pasted without the exception type. Java
 * writes `java.io.IOException:` and gRPC `io exception`, and the message index ignores white space
 * and case, so this spelling is read here: capitals, one space, a colon, nothing dotted before it.
 * The wording is short, so it counts only in a paste that shows Salesforce (needsContext).
 */
const CALLOUT_IO = /(?<![\w.])IO Exception: (?=\S)/g;
const CALLOUT_EXCEPTION = 'System.CalloutException';

/**
 * An Apex runtime exception written without its namespace, as people copy it from a page or a
 * debug log ("JSONException: Expected List<…> but found {"): a System exception's own name, not
 * dotted onto a package (Java's `org.json.JSONException`), leading a line or a "caused by:". Java
 * and Android have exceptions of the same names, so it counts only in a paste that shows Salesforce.
 */
const BARE_SYSTEM_TYPE = /(?:^|\bcaused by: )[ \t]*([A-Z][A-Za-z]*Exception): (?=\S)/gm;

export const extractApexExceptions: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  if (doc.text.includes('IO Exception: ') && index.byName.has(CALLOUT_EXCEPTION)) {
    const io = new RegExp(CALLOUT_IO.source, 'g');
    for (let m = io.exec(doc.text); m !== null && signals.length < 3; m = io.exec(doc.text)) {
      signals.push({
        code: CALLOUT_EXCEPTION,
        kind: 'message',
        strength: adjustForLine(doc, m.index, MESSAGE_SHORT, true),
        index: m.index,
        needsContext: true,
      });
    }
  }
  const re = new RegExp(APEX_TYPE.source, 'g');
  for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
    const entry = index.byName.get(m[1] as string);
    if (entry === undefined) continue;
    const end = m.index + m[0].length;
    const after = doc.text.slice(end, end + 3);
    const before = doc.text.slice(Math.max(0, m.index - 20), m.index);
    const base = EXCEPTION_LINE_AFTER.test(after)
      ? APEX_EXCEPTION
      : EXCEPTION_LINE_BEFORE.test(before)
        ? CODE_ON_ERROR_LINE
        : CODE_MENTION;
    signals.push({
      code: entry.code,
      kind: 'exception',
      strength: adjustForLine(doc, m.index, base, base < APEX_EXCEPTION),
      index: m.index,
      end,
    });
    if (base === APEX_EXCEPTION) {
      const child = countlessChildMessage(index, entry.code, doc.lower, end);
      if (child !== undefined) {
        signals.push({ ...child, strength: adjustForLine(doc, child.index, MESSAGE_MEDIUM, true) });
      }
    }
    if (signals.length > 200) break;
  }
  if (doc.text.includes('Exception: ')) {
    const bare = new RegExp(BARE_SYSTEM_TYPE.source, 'gm');
    for (let m = bare.exec(doc.text); m !== null && signals.length < 210; m = bare.exec(doc.text)) {
      const entry = index.byName.get(`System.${m[1] as string}`);
      // A carrier (DmlException) names no cause of its own: without its frame it is no answer.
      if (entry === undefined || entry.wrapper === true) continue;
      const at = m.index + m[0].indexOf(m[1] as string);
      signals.push({
        code: entry.code,
        kind: 'exception',
        strength: adjustForLine(doc, at, CODE_ON_ERROR_LINE, true),
        index: at,
        end: at + (m[1] as string).length,
        needsContext: true,
      });
    }
  }
  return signals;
};

/**
 * A limit's text loses its count when it is quoted in a title or a sentence ("…hitting the
 * System.LimitException: Too many SOQL queries."). Right after the type, the words of a more
 * specific entry's "<words>: *" text, ending there, name that entry: the type says it is the
 * platform's exception, so the words alone are not a loose phrase here.
 */
function countlessChildMessage(
  index: KnowledgeIndex,
  general: string,
  lower: string,
  typeEnd: number,
): Pick<Signal, 'code' | 'kind' | 'index'> | undefined {
  const after = /^\s*:\s*/.exec(lower.slice(typeEnd, typeEnd + 8));
  if (after === null) return undefined;
  const start = typeEnd + after[0].length;
  for (const { code, words } of messageHeads(index).bySpecialized.get(general) ?? []) {
    if (lower.startsWith(words, start) && !/[\w:]/.test(lower.charAt(start + words.length))) {
      return { code, kind: 'message', index: start };
    }
  }
  return undefined;
}
