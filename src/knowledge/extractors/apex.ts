import type { Signal } from '../diagnosis';
import { APEX_EXCEPTION, CODE_MENTION, CODE_ON_ERROR_LINE } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * Apex runtime exceptions as they appear in API responses, debug logs, test results and the
 * "Apex script unhandled exception" e-mail: `System.NullPointerException: Attempt to…`,
 * `caused by: System.QueryException: …`, `ConnectApi.RateLimitException`.
 */
const APEX_TYPE = /\b((?:System|ConnectApi)\.[A-Z][A-Za-z]+)\b/g;
const EXCEPTION_LINE_AFTER = /^\s*:/;
const EXCEPTION_LINE_BEFORE = /(?:caused by|exception|error|threw|throws|thrown|an?)\s*:?\s*$/i;

export const extractApexExceptions: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
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
    if (signals.length > 200) break;
  }
  return signals;
};
