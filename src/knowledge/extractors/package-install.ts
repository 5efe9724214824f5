import type { Signal } from '../diagnosis';
import { MESSAGE_LONG } from '../weights';
import { adjustForLine } from './cues';
import type { ExtractInput, Extractor } from './types';

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
/**
 * Salesforce's install-failure notice: `Error Number: 90945798-26744 (-1917862329)` then
 * `Problem:` and a numbered list. A problem the compiler raised names the class or trigger it is
 * in before the compiler's wording, `ConvertAttachmentsToFilesTrigger: Invalid type: …`, so such a
 * line makes the list compile problems, whatever runtime exception the same words belong to
 * elsewhere. Other install problems (a missing feature, a picklist value) have no such line.
 */
const INSTALL_PROBLEMS = /\bError Number:\s*-?\d+-\d+\s*\(-?\d+\)\s*\n\s*(?<heading>Problems?:)/;
const PROBLEM_IN_A_CLASS =
  /^[ \t]*[A-Za-z]\w*:[ \t]*(?:Invalid type|Variable does not exist|Method does not exist|Dependent class is invalid|Implementation restriction|unexpected token|Illegal assignment|Invalid field|No such column|Field does not exist|Compile Error|line \d+, column \d+)/im;
const INSTALL = /\binstall(?:s|ed|ing|ation)?\b/i;
const PACKAGE_OR_UPGRADE = /\bpackage\b|\bupgrad(?:e|ed|es|ing)\b/i;
/** The same message from a query that ran: a QueryException, or an API call's error field. */
const RAN_A_QUERY = /QueryException|errorCode|exceptionCode|faultcode|\bINVALID_FIELD\b|\bMALFORMED_QUERY\b/;

export const extractPackageInstallCompile: Extractor = ({ doc }) => {
  if (doc.text.includes('Error Number')) {
    const problems = INSTALL_PROBLEMS.exec(doc.text);
    const listStart = problems === null ? -1 : problems.index + problems[0].length;
    if (problems !== null && PROBLEM_IN_A_CLASS.test(doc.text.slice(listStart))) {
      if (RAN_A_QUERY.test(doc.text)) return [];
      // The signal sits on the "Problem:" heading.
      return [compileFailureAt(doc, listStart - (problems.groups?.heading ?? '').length)];
    }
  }
  const aboutAnInstall = INSTALL.test(doc.text);
  // Without the notice (the CLI's or a tool's list of install problems, "fflib_Test: Invalid type:
  // OrderItem"), a class's compile problem in a text about an install is the same failure.
  if (aboutAnInstall) {
    const inAClass = PROBLEM_IN_A_CLASS.exec(doc.text);
    if (inAClass !== null && !RAN_A_QUERY.test(doc.text)) return [compileFailureAt(doc, inAClass.index)];
  }
  // Cheap test first: most messages hold no SOQL parse position.
  if (!doc.lower.includes('error at row')) return [];
  const position = SOQL_POSITION.exec(doc.text);
  if (position === null || !aboutAnInstall || !PACKAGE_OR_UPGRADE.test(doc.text)) return [];
  if (RAN_A_QUERY.test(doc.text)) return [];
  return [compileFailureAt(doc, position.index)];
};

function compileFailureAt(doc: ExtractInput['doc'], at: number): Signal {
  return {
    code: 'APEX_COMPILE_ERROR',
    kind: 'message',
    strength: adjustForLine(doc, at, MESSAGE_LONG, true),
    index: at,
  };
}
