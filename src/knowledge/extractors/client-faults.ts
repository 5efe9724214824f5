import type { Signal } from '../diagnosis';
import { CLIENT_FAULT_CLASS } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * Salesforce's Java client (WSC, also inside Data Loader) throws one fault class per
 * ExceptionCode: `com.sforce.soap.partner.fault.InvalidQueryLocatorFault` is
 * INVALID_QUERY_LOCATOR. The class name is the code in CamelCase, so it resolves to the entry
 * only when that code exists; ApiFault and LoginFault name no code and resolve to nothing.
 * UnexpectedErrorFault is the fault type of codes no narrower fault covers: printed as
 * "UnexpectedErrorFault: null", it carried no exceptionCode WSC could read, and the error is
 * Salesforce's unexplained internal one. Printed with its exceptionCode, that code answers.
 */
const WSC_FAULT = /\bcom\.sforce\.soap\.[a-z]+\.fault\.([A-Z][A-Za-z]+?)Fault\b(: null\b)?/g;
const UNEXPECTED_ERROR_WITHOUT_CODE = 'UNKNOWN_EXCEPTION';

export const extractClientFaults: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  if (!doc.text.includes('com.sforce.')) return signals;
  const re = new RegExp(WSC_FAULT.source, 'g');
  for (let m = re.exec(doc.text); m !== null && signals.length < 20; m = re.exec(doc.text)) {
    const name =
      m[1] === 'UnexpectedError' && m[2] !== undefined ? UNEXPECTED_ERROR_WITHOUT_CODE : upperSnake(m[1] as string);
    const entry = index.byName.get(name);
    if (entry === undefined) continue;
    signals.push({
      code: entry.code,
      kind: 'exception',
      strength: adjustForLine(doc, m.index, CLIENT_FAULT_CLASS, false),
      index: m.index,
      end: m.index + m[0].length,
    });
  }
  return signals;
};

/** `InvalidQueryLocator` → `INVALID_QUERY_LOCATOR`. */
export function upperSnake(camel: string): string {
  return camel.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
