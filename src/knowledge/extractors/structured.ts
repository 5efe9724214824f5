import type { Signal } from '../diagnosis';
import type { KnowledgeIndex } from '../index-builder';
import type { KnowledgeEntry } from '../types';
import { MESSAGE_LONG, STRUCTURED } from '../weights';
import { upperSnake } from './client-faults';
import { UPPER_SNAKE } from './code-tokens';
import { adjustForLine } from './cues';
import type { Extractor } from './types';

/**
 * Reads codes out of error fields, whatever the serialisation:
 *  - REST JSON `"errorCode": "X"`, collections `"statusCode": "X"`, sf CLI JSON `"name": "X"`;
 *  - Python/JS/Ruby reprs `{'errorCode': u'X'}`, `errorCode: 'X'`, WSC `exceptionCode='X'`, an
 *    NSDictionary's `errorCode = "X";`, and
 *    parsed-XML hashes whose values are lists (`"exceptionCode"=>["InvalidSessionId"]`);
 *  - PHP print_r `[errorCode] => X`;
 *  - XML `<errorCode>X</errorCode>`, SOAP `<faultcode>sf:X</faultcode>`, Bulk `<exceptionCode>X`;
 *  - the iOS Mobile SDK's `NSLocalizedFailureReason=X`;
 *  - executeAnonymous's `compileProblem`, which is APEX_COMPILE_ERROR, and a deploy result's
 *    `componentFailures` with an Error problem, which is DeployFailed;
 *  - OAuth JSON `"error": "invalid_grant"` and URL-encoded `error=invalid_grant&error_description=…`
 *    (authorize-endpoint values are upper case: `error=OAUTH_APP_BLOCKED`).
 * Every pattern is a single linear regex; nothing here parses JSON (deep nesting cannot hurt).
 */
// errorStatusCode: the Metadata API's retrieve and deploy results ("errorStatusCode":"LIMIT_EXCEEDED").
const KEYS = 'errorCode|statusCode|errorStatusCode|exceptionCode|faultcode|faultCode|error|name|code|errorType|type';
// A body nested as a string in another JSON document escapes its quotes (`"error":"{\"errorCode\":
// \"NOT_FOUND\"}"`, the Mobile SDK's bridge errors), so a backslash may come before each quote.
const QUOTED = new RegExp(
  String.raw`\b(${KEYS})\b\\?['"]?\s*(?:=>|:|=)\s*\[?\s*u?\\?['"]([A-Za-z0-9_.:-]{2,120})\\?['"]`,
  'g',
);
const PHP = new RegExp(String.raw`\[(${KEYS})\]\s*=>\s*([A-Za-z0-9_.:-]{2,120})`, 'g');
const XML = /<(?:[a-zA-Z0-9]+:)?(errorCode|statusCode|exceptionCode|faultcode|code)>\s*([A-Za-z0-9_.:-]{2,120})\s*</g;
const URL_ENCODED = /(?:^|[?#&\s])error=([A-Za-z_]{3,60})(?=&|\s|$)/gm;
/** The Mobile SDK for iOS puts the REST errorCode in its NSError's failure reason (and the HTTP
 * status in the error's Code): `UserInfo=0x… {NSLocalizedFailureReason=POST_BODY_PARSE_ERROR, …}`. */
const NS_FAILURE_REASON = /\bNSLocalizedFailureReason\s*=\s*([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

/**
 * A deploy result's failed component, printed by a client (jsforce, simple-salesforce, a CI log):
 * `componentFailures: { … problem: '…', problemType: 'Error' … }`. A warning (`problemType:
 * 'Warning'`) fails nothing.
 */
const COMPONENT_FAILURE = /\bcomponentFailures\b[\s\S]{0,1500}?\bproblemType\b\\?['"]?\s*(?:=>|:|=)\s*\\?['"]?Error\b/;
/**
 * One failed component's DeployMessage printed on a line of its own, without the result around it:
 * `fileName:labels/CustomLabels.labels, fullName:CustomLabels, problem:Error parsing file: …,
 * problemType:Error, success:false` (a tool's log), or WSC's `problem='…' problemType='Error'`.
 */
const DEPLOY_MESSAGE_FAILURE =
  /\bproblem\b\\?['"]?\s*(?:=>|:|=)[^\n]{1,400}?\bproblemType\b\\?['"]?\s*(?:=>|:|=)\s*\\?['"]?Error\b/;

/**
 * Anonymous Apex that did not compile: executeAnonymous's result carries the compiler's text in
 * `compileProblem` (SOAP `<compileProblem>`, the Tooling REST JSON, a client's printed result,
 * a job's "Anonymous Apex Error:" line). A successful run leaves it null or empty.
 */
const COMPILE_PROBLEM =
  /\bcompileProblem\b(?:>|\\?['"]?\s*(?:=>|:|=)\s*\\?['"]?)[ \t]*(?!(?:null|None|nil|undefined)\b)[A-Za-z]/;

/**
 * restforce's issue template for an unmapped code: "Restforce doesn't have a definition for the
 * error code `GONE`." with a box "I got this error back from Salesforce". Ticked, the code is a
 * REST errorCode the poster received, however plain the word ("GONE"); unticked (the other box
 * says they only tried to rescue it), it proves nothing and the other extractors decide.
 */
const RESTFORCE_UNMAPPED = /doesn't have a definition for the error code `\s*([A-Za-z][A-Za-z0-9_]{2,80})\s*`/;
const RESTFORCE_RECEIVED = /-\s*\[[xX]\]\s*I got this error back from Salesforce/;

/**
 * A row of the CLI's deploy and push result tables: the state `Error`, then the component's
 * project path (`force-app/…`, the default package directory, or `src/…` in a Metadata API
 * project; back slashes on Windows), then the problem. It shows the deployment failed even when
 * the table's heading ("Component Failures", "Push Errors") was left out of the paste.
 */
const DEPLOY_ERROR_ROW = /^[ \t│|]*Error[ \t│|]{2,}(?:force-app|src)[\\/]\S+[ \t│|]{2,}\S/m;
/** The same table under its own header ("Type  Name  Problem", "TYPE  PROJECT PATH  PROBLEM"), whose
 * rows name the component rather than its path; pasted into GitHub it becomes `Type | Name | Problem`. */
const DEPLOY_TABLE_HEADER =
  /^[ \t│|]*Type[ \t│|]{2,}(?:Name|Full ?Name|Project ?Path)[ \t│|]{2,}(?:Line[^\n]{0,20}?[ \t│|]{2,})?Problem\b/im;
const DEPLOY_TABLE_ERROR_ROW = /^[ \t│|]*Error[ \t│|]{2,}\S[^\n]*?[ \t│|]{2,}\S/m;
/** The sf CLI's "Component Failures [N]" table has no State column: its rows start with the
 * component's type (`Audience │ Default_E-Bikes │ Audience needs at least one criteria.`), and
 * every row is a failure, so a row under the header is enough. A "Warnings" table with the same
 * columns fails nothing. */
const DEPLOY_TABLE_ANY_ROW = /^[ \t│|]*[A-Za-z][\w.-]*[ \t│|]{2,}\S[^\n]*?[ \t│|]{2,}\S/m;
const WARNINGS_HEADING = /warning/i;
/**
 * CumulusCI prints each failed component of a deploy or package install as `Update of
 * InstalledPackage npsp: Error: …` or `Update of MatchingRule Lead.Rule: Error on line 3, col 20:
 * …` (its action, the type and name, the problem type, the place, Salesforce's message).
 */
const CUMULUSCI_FAILED_COMPONENT =
  /\b(?:Update|Create|Delete|Deploy) of [A-Za-z]\w* [^\n]{1,200}?: Error(?: on line \d+, col \d+)?: \S/;
/**
 * The Metadata API's own failure line, as the Ant migration tool, `force:mdapi:deploy` and
 * CumulusCI print it under "All Component Failures:": the component's file in its metadata folder,
 * its full name in brackets, then the problem (`1.  workflows/Account.workflow (Account.Task_1) --
 * Error: Not in package.xml`). File names may hold spaces (`layouts/Account-Account Layout.layout`).
 */
const METADATA_COMPONENT_FAILURE =
  /^[ \t]*(?:\d+\.[ \t]+)?[a-z][A-Za-z]*\/[^\n()]{1,200}?\.[A-Za-z-]+(?:[ \t]+\([^)\n]{1,160}\))?[ \t]+--[ \t]+Error:[ \t]+\S/m;

/** Keys whose value is an error code by definition; `name`/`code`/`type` only when the value is a known code. */
const ERROR_KEYS = new Set([
  'errorCode',
  'statusCode',
  'errorStatusCode',
  'exceptionCode',
  'faultcode',
  'faultCode',
  'error',
  'errorType',
]);

export const extractStructured: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  const add = (key: string, rawValue: string, at: number) => {
    const entry = resolve(index, rawValue);
    if (entry === undefined) return;
    if (!ERROR_KEYS.has(key) && entry.family === 'http') return;
    // `error` is every API's field name: it proves an OAuth code or a Salesforce-style
    // UPPER_SNAKE code, not a bare word such as "Unknown" (the CLI's placeholder).
    if (key === 'error' && entry.family !== 'oauth' && !UPPER_SNAKE.test(rawValue)) return;
    signals.push({ code: entry.code, kind: 'structured', strength: STRUCTURED, index: at });
  };
  for (const re of [QUOTED, PHP, XML]) {
    const scan = new RegExp(re.source, 'g');
    for (let m = scan.exec(doc.text); m !== null; m = scan.exec(doc.text)) {
      add(m[1] as string, m[2] as string, m.index);
      if (signals.length > 200) break;
    }
  }
  if (doc.text.includes("doesn't have a definition for the error code")) {
    const unmapped = RESTFORCE_UNMAPPED.exec(doc.text);
    if (unmapped !== null && RESTFORCE_RECEIVED.test(doc.text)) {
      // Posters also write restforce's class name for the code (`InvalidMarkup` for INVALID_MARKUP).
      const named = unmapped[1] as string;
      add('errorCode', /^[A-Z][a-z]+[A-Z]/.test(named) ? upperSnake(named) : named, unmapped.index);
    }
  }
  const deployFailure = deployFailureAt(doc.text);
  if (deployFailure !== undefined) add('errorCode', 'DeployFailed', deployFailure);
  // The Metadata API's failure line names no code: it is read as DeployFailed's message, so the
  // answer quotes the problem it shows ("Not in package.xml").
  const componentProblem = doc.text.includes('-- Error:') ? METADATA_COMPONENT_FAILURE.exec(doc.text) : null;
  if (componentProblem !== null && index.byName.has('DeployFailed')) {
    signals.push({
      code: 'DeployFailed',
      kind: 'message',
      strength: MESSAGE_LONG,
      index: componentProblem.index + componentProblem[0].length - 1,
    });
  }
  if (doc.text.includes('NSLocalizedFailureReason')) {
    const ns = new RegExp(NS_FAILURE_REASON.source, 'g');
    for (let m = ns.exec(doc.text); m !== null; m = ns.exec(doc.text)) add('errorCode', m[1] as string, m.index);
  }
  if (doc.text.includes('problemType')) {
    const failure = COMPONENT_FAILURE.exec(doc.text) ?? DEPLOY_MESSAGE_FAILURE.exec(doc.text);
    if (failure !== null) add('errorCode', 'DeployFailed', failure.index);
  }
  if (doc.text.includes('compileProblem')) {
    const problem = COMPILE_PROBLEM.exec(doc.text);
    if (problem !== null) add('errorCode', 'APEX_COMPILE_ERROR', problem.index);
  }
  const enc = new RegExp(URL_ENCODED.source, 'gm');
  for (let m = enc.exec(doc.text); m !== null; m = enc.exec(doc.text)) add('error', m[1] as string, m.index);
  return signals.map((s) => ({ ...s, strength: adjustForLine(doc, s.index, s.strength, false) }));
};

/** Where a deploy's result shows a failed component: a CLI table's row, or CumulusCI's line. */
function deployFailureAt(text: string): number | undefined {
  const hasErrorWord = text.includes('Error ');
  const hasProblemWord = text.includes('Problem');
  if (hasErrorWord) {
    const row = DEPLOY_ERROR_ROW.exec(text);
    if (row !== null) return row.index;
  }
  // The table's header is read once, for its `Error` rows and for the rows of a table without a State column.
  const header = hasErrorWord || hasProblemWord ? DEPLOY_TABLE_HEADER.exec(text) : null;
  if (header !== null) {
    const errorRow = hasErrorWord ? DEPLOY_TABLE_ERROR_ROW.exec(text) : null;
    if (errorRow !== null) return errorRow.index;
    if (hasProblemWord && !WARNINGS_HEADING.test(linesBefore(text, header.index, 2))) {
      const rows = text.slice(header.index + header[0].length);
      const headerEnd = rows.indexOf('\n');
      if (headerEnd >= 0 && DEPLOY_TABLE_ANY_ROW.test(rows.slice(headerEnd + 1, headerEnd + 2000))) return header.index;
    }
  }
  if (text.includes(': Error')) {
    const failure = CUMULUSCI_FAILED_COMPONENT.exec(text);
    if (failure !== null) return failure.index;
  }
  return undefined;
}

/** The `count` lines before `at` (a table's heading sits just above its header). */
function linesBefore(text: string, at: number, count: number): string {
  let start = at;
  for (let n = 0; n <= count && start > 0; n++) start = text.lastIndexOf('\n', start - 2) + 1;
  return text.slice(start, at);
}

/** `sf:INVALID_LOGIN` → INVALID_LOGIN; `fns:X` likewise. */
function resolve(index: KnowledgeIndex, raw: string): KnowledgeEntry | undefined {
  const direct = index.byName.get(raw);
  if (direct !== undefined) return direct;
  const colon = raw.lastIndexOf(':');
  return colon > 0 && raw[colon - 1] !== ':' ? index.byName.get(raw.slice(colon + 1)) : undefined;
}
