import type { Signal } from '../diagnosis';
import { MESSAGE_LONG } from '../weights';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * A package install (or upgrade) compiles the package's Apex against the subscriber org. When a
 * static SOQL query in it no longer compiles there (a field the org has encrypted cannot be
 * filtered, sorted or grouped; a field or object the org lacks), the install fails with the
 * query's parse position, `ERROR at Row:1:Column:44 field 'LastName' can not be grouped…`, under
 * the class's name. The message is INVALID_FIELD's or MALFORMED_QUERY's, but nothing ran a query:
 * the labelling convention (rule 9) and the fix both make it an Apex compile failure, which then
 * ranks first because APEX_COMPILE_ERROR specializes those codes.
 */
const SOQL_POSITION = /\bERROR at Row:\s?\d+:\s?Column:\s?\d+/i;
const INSTALL = /\binstall(?:s|ed|ing|ation)?\b/i;
const PACKAGE_OR_UPGRADE = /\bpackage\b|\bupgrad(?:e|ed|es|ing)\b/i;
/** The same message from a query that ran: a QueryException, or an API call's error field. */
const RAN_A_QUERY = /QueryException|errorCode|exceptionCode|faultcode|\bINVALID_FIELD\b|\bMALFORMED_QUERY\b/;

export const extractPackageInstallCompile: Extractor = ({ doc }) => {
  // Cheap test first: most messages hold no SOQL parse position.
  if (!doc.lower.includes('error at row')) return [];
  const position = SOQL_POSITION.exec(doc.text);
  if (position === null || !INSTALL.test(doc.text) || !PACKAGE_OR_UPGRADE.test(doc.text)) return [];
  if (RAN_A_QUERY.test(doc.text)) return [];
  const signal: Signal = {
    code: 'APEX_COMPILE_ERROR',
    kind: 'message',
    strength: adjustForLine(doc, position.index, MESSAGE_LONG, true),
    index: position.index,
  };
  return [signal];
};
