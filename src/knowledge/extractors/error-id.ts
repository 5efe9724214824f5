import type { Signal } from '../diagnosis';
import { INTERNAL_ERROR_ID } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * Salesforce prints the id of an internal error in one shape: two numbers joined by a hyphen, then
 * a third, often negative, in brackets ("Error ID: 1408669048-1243 (-517054108)"). Error pages,
 * flow screens and API messages put it after "Error ID" or "ErrorId" whatever wording comes before
 * it, so the id names the internal error even when a reporter retells or cuts that wording. Only
 * after those words: an install e-mail's "Error Number" in the same shape belongs to a failure the
 * e-mail names itself. Flow screens and pages print the id under whatever failed, so a code or
 * exception the paste shows beside it is the answer, and the id names the error only alone.
 */
const ERROR_ID = /\berror ?id\b[:\s]{0,3}\d{5,11}-\d{1,8}\s?\(-?\d{1,11}\)/gi;
const INTERNAL_ERROR = 'UNKNOWN_EXCEPTION';
/** A log that repeats the id proves no more after a few sightings. */
const MAX_IDS = 3;

export const extractErrorIds: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  // Every channel message comes through here: a substring test on the lower-cased text, which the
  // scan has already made, skips the pattern for nearly all of them.
  if (!(doc.lower.includes('error id') || doc.lower.includes('errorid')) || !index.byName.has(INTERNAL_ERROR)) {
    return signals;
  }
  const re = new RegExp(ERROR_ID.source, 'gi');
  for (let m = re.exec(doc.text); m !== null && signals.length < MAX_IDS; m = re.exec(doc.text)) {
    signals.push({
      code: INTERNAL_ERROR,
      kind: 'message',
      strength: adjustForLine(doc, m.index, INTERNAL_ERROR_ID, true),
      index: m.index,
      fallback: true,
    });
  }
  return signals;
};
