import type { Signal } from '../diagnosis';
import type { KnowledgeIndex } from '../index-builder';
import type { ScanDoc } from '../scan-doc';
import { APEX_EXCEPTION, PROSE, UNLISTED_ERROR_CODE } from '../weights';
import { misspelt } from './code-tokens';
import { adjustForLine, hasFirstHandCue, hasReportCue, lineText } from './cues';
import type { Extractor } from './types';

/**
 * Salesforce errors the knowledge base has no entry for, recognised by their shape so the
 * answer can say what was seen (convention 13 and 14 of ../shared/eval/README.md):
 *  - custom Apex exception types, the org's or a managed package's
 *    (`ns.fflib_QueryFactory.InvalidFieldException: …`, `MyService.SyncException: …`), when the
 *    paste shows Apex around them (an Apex stack line, a System exception, a trigger);
 *  - REST `errorCode` values next to a `message`, in a paste that shows Salesforce;
 *  - the ErrorCode of Salesforce's single sign-on error page for an authentication provider.
 * Both are shown under the name the paste gives, with a template entry that invents nothing.
 */
export const UNLISTED_APEX = 'UNLISTED_APEX_EXCEPTION';
export const UNLISTED_REST = 'UNLISTED_REST_ERROR_CODE';
export const UNLISTED_CODE = 'UNLISTED_ERROR_CODE';
export const UNLISTED_SIGNUP = 'UNLISTED_SIGNUP_ERROR_CODE';
export const UNLISTED_SSO = 'UNLISTED_SSO_ERROR_CODE';

/**
 * The Dev Hub's signup service answers with numbered codes (C-1033, C-9999 have entries; the
 * validation failures are VR-0003 and the like, a snapshot's T-0004); the CLI prints any of them
 * in one sentence: "The request to create a scratch org failed with error code: C-1034." The
 * sentence itself is Salesforce's, so the code counts without other context.
 */
const SIGNUP_CODE = /\bscratch org failed with error code:?\s*([A-Z]{1,3}-\d{4})\b/gi;

/**
 * An error code written out by someone who got it: "Getting a OAUTH_EC_APP_NOT_FOUND error when
 * trying to connect", "we receive error FOO_BAR_BAZ". Long upper-case snake names only, next to
 * the word error, on a line that says it happened to them. Or what something failed with ("the
 * connection fails with `OAUTH_EC_APP_NOT_FOUND`"): that wording reports the event by itself.
 */
const SNAKE = '[A-Z][A-Z0-9]{1,}(?:_[A-Z0-9]{2,}){2,}';
const NAMED_CODE = new RegExp(
  [
    String.raw`\b(${SNAKE})\b(?=\s+(?:error|exception|fault|response)\b)`,
    String.raw`\b(?:error|exception|fault)(?:\s+code)?\s*[:=]?\s*["'\`]?(${SNAKE})\b`,
    String.raw`\b(?:fails?|failed|failing|errors? out|errored(?: out)?)\s+with\s+(?:an?\s+|the\s+)?["'\`]?(${SNAKE})\b`,
  ].join('|'),
  'g',
);

/** One to three dotted segments, then a capitalised class ending in Exception, then its message
 * (after a colon, or the tab or spaces an error log's list view puts before the next column); or
 * an undotted class with Apex's own message for a custom exception thrown without one
 * (`TwilioRestException: Script-thrown exception`); or the type an error record or its
 * notification e-mail files under "Error Type:" (NPSP's error log), with the message lines below. */
const CUSTOM_TYPE =
  /\b((?:[A-Za-z][A-Za-z0-9_]{0,39}\.){1,3}[A-Z][A-Za-z0-9_]*Exception)(?=\s*:\s*\S|(?:\t|[ \t]{2,})\S)|\b([A-Z][A-Za-z0-9_]*Exception)(?=\s*:\s*Script-thrown exception\b)|\bError Type:[ \t]*((?:[A-Za-z][A-Za-z0-9_]{0,39}\.){1,3}[A-Z][A-Za-z0-9_]*Exception)\b/g;
/** Salesforce's own namespaces are read by the Apex extractor, with their own entries. */
const PLATFORM_NAMESPACE = /^(?:System|ConnectApi|Database|Schema|Messaging|Auth|Process|Flow|Cache)\./;
/** Apex shown around it: a stack line, a System exception, a trigger event, or the position the
 * Developer Console's anonymous-Apex dialog puts before the exception (`Line: 12, Column: 1`). */
const APEX_AROUND =
  /\b(?:Class|Trigger)\.[\w.]+: line \d+, column \d+|\bAnonymousBlock: line \d+|(?:^|\n)\W{0,3}Line: \d+, Column: \d+\b|\bSystem\.[A-Z]\w*Exception\b|\bexecution of (?:Before|After)\w+|\bapex\b|\bvisualforce\b|\bmanaged package\b|\bYour solution provider has been notified\b|\bError is in expression '\{!|\bfflib_[A-Z]|\bScript-thrown exception\b/i;
/**
 * Salesforce's single sign-on error page for an authentication provider (an external OpenID
 * Connect or OAuth identity provider): `…/identity/sso/ui/AuthorizationError?ErrorCode=No_Endpoint_URL
 * &ErrorDescription=…`. The path is Salesforce's own, so the code counts without other context.
 */
const SSO_ERROR_PAGE =
  /\/identity\/sso\/ui\/AuthorizationError\?(?:[^\s&]*&)*?ErrorCode=([A-Za-z][A-Za-z0-9_]{2,60})\b/g;
const REST_CODE = /["']errorCode["']\s*:\s*["']([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)["']/g;
const SALESFORCE_WORDS =
  /salesforce|force\.com|\/services\/(?:data|apexrest)|sobject|soql|\b\w+__[cr]\b|jsforce|restforce|sfdx|\bsf (?:data|org|project)\b|\bagentforce\b/i;

export const extractUnlisted: Extractor = ({ doc, index }) => {
  const signals: Signal[] = [];
  if (doc.text.includes('Exception') && APEX_AROUND.test(doc.text)) {
    const re = new RegExp(CUSTOM_TYPE.source, 'g');
    for (let m = re.exec(doc.text); m !== null && signals.length < 10; m = re.exec(doc.text)) {
      const type = (m[1] ?? m[2] ?? m[3]) as string;
      // An undotted platform type (`DmlException: Script-thrown exception`) is System's, not the org's.
      if (PLATFORM_NAMESPACE.test(type) || index.byName.has(type) || index.byName.has(`System.${type}`)) continue;
      if (!looksLikeApexType(type)) continue;
      signals.push({
        code: type,
        kind: 'exception',
        strength: adjustForLine(doc, m.index, APEX_EXCEPTION, false),
        index: m.index,
        end: m.index + type.length,
        unlisted: UNLISTED_APEX,
      });
    }
  }
  // Salesforce's own wording around the code: it counts without other context.
  if (doc.lower.includes('scratch org failed with error code')) {
    pushWrittenCodes(doc, index, signals, SIGNUP_CODE, 'code', UNLISTED_SIGNUP, (c) => c.toUpperCase());
  }
  if (doc.text.includes('AuthorizationError?'))
    pushWrittenCodes(doc, index, signals, SSO_ERROR_PAGE, 'structured', UNLISTED_SSO);
  // Both scans below need Salesforce's words somewhere; one full pass, and only when asked.
  let salesforceWords: boolean | undefined;
  const aboutSalesforce = () => (salesforceWords ??= SALESFORCE_WORDS.test(doc.text));
  if (doc.text.includes('errorCode') && aboutSalesforce()) {
    const re = new RegExp(REST_CODE.source, 'g');
    for (let m = re.exec(doc.text); m !== null && signals.length < 20; m = re.exec(doc.text)) {
      const code = m[1] as string;
      if (index.byName.has(code)) continue;
      const around = doc.text.slice(Math.max(0, m.index - 400), m.index + m[0].length + 400);
      if (!/["']message["']\s*:/.test(around)) continue;
      signals.push({
        code,
        kind: 'structured',
        strength: adjustForLine(doc, m.index, UNLISTED_ERROR_CODE, false),
        index: m.index,
        unlisted: UNLISTED_REST,
      });
    }
  }
  // A named code has underscores: most chat lines have none and skip the full pass.
  if (doc.text.includes('_') && aboutSalesforce()) {
    const re = new RegExp(NAMED_CODE.source, 'g');
    for (let m = re.exec(doc.text); m !== null && signals.length < 20; m = re.exec(doc.text)) {
      const code = (m[1] ?? m[2] ?? m[3]) as string;
      const at = m.index + m[0].indexOf(code);
      if (index.byName.has(code) || code.length < 12 || signals.some((s) => s.code === code)) continue;
      // A known code with a typo is that code (the code extractor reads it), not a new one.
      if (misspelt(index, code) !== undefined) continue;
      const line = lineText(doc, at);
      if (!(m[3] === undefined ? hasFirstHandCue(line) : hasReportCue(line))) continue;
      signals.push({
        code,
        kind: 'code',
        strength: adjustForLine(doc, at, PROSE, true),
        index: at,
        end: at + code.length,
        unlisted: UNLISTED_CODE,
      });
    }
  }
  return signals;
};

/** Each code the pattern's first group captures that the knowledge base lacks, once, as an unlisted signal. */
function pushWrittenCodes(
  doc: ScanDoc,
  index: KnowledgeIndex,
  signals: Signal[],
  pattern: RegExp,
  kind: Signal['kind'],
  unlisted: string,
  spell: (written: string) => string = (written) => written,
): void {
  const re = new RegExp(pattern.source, pattern.flags);
  for (let m = re.exec(doc.text); m !== null && signals.length < 10; m = re.exec(doc.text)) {
    const written = m[1] as string;
    const code = spell(written);
    const at = m.index + m[0].length - written.length;
    if (index.byName.has(code) || signals.some((s) => s.code === code)) continue;
    signals.push({
      code,
      kind,
      strength: adjustForLine(doc, at, UNLISTED_ERROR_CODE, false),
      index: at,
      end: at + code.length,
      unlisted,
    });
  }
}

/**
 * Java and Python name exceptions by lower-case package paths (`java.lang.IllegalStateException`,
 * `org.apache.http.…`); an Apex type has at most a namespace before its class names. Apex class
 * names may start lower-case when they carry a prefix (`lbc.fflib_QueryFactory.…Exception`), but
 * they are never all lower-case the way package segments are.
 */
function looksLikeApexType(type: string): boolean {
  const segments = type.split('.');
  const packageLike = segments.map((s) => /^[a-z][a-z0-9_]*$/.test(s));
  const count = packageLike.filter(Boolean).length;
  return count === 0 || (count === 1 && packageLike[0] === true);
}
