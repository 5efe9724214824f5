import type { Signal } from '../diagnosis';
import { CLIENT_FAULT_CLASS } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * Salesforce's Java client (WSC, also inside Data Loader) throws one fault class per
 * ExceptionCode: `com.sforce.soap.partner.fault.InvalidQueryLocatorFault` is
 * INVALID_QUERY_LOCATOR. The class name is the code in CamelCase, so it resolves to the entry
 * only when that code exists; ApiFault and LoginFault name no code and resolve to nothing.
 */
const WSC_FAULT = /\bcom\.sforce\.soap\.[a-z]+\.fault\.([A-Z][A-Za-z]+?)Fault\b/g;

export const extractClientFaults: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  if (!doc.text.includes('com.sforce.')) return signals;
  const re = new RegExp(WSC_FAULT.source, 'g');
  for (let m = re.exec(doc.text); m !== null && signals.length < 20; m = re.exec(doc.text)) {
    const entry = index.byName.get(upperSnake(m[1] as string));
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
