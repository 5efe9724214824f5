import type { NormalisedText } from './normalise';

/**
 * How a line reads. Extractors cap their confidence on `code` and `discussion` lines, so a
 * code snippet or a design remark that merely names an error code is not taken as a report.
 */
export type LineKind = 'code' | 'discussion' | 'plain';

/** Source-code syntax: declarations, control flow, assertions, comparisons, statement ends. */
const CODE_LINE = new RegExp(
  [
    String.raw`^\s*[-+]?\s*(?:export\s+)?(?:const|let|var)\s+[\w{[]`,
    String.raw`^\s*[-+]?\s*(?:async\s+)?function\b`,
    String.raw`^\s*[-+]?\s*def\s+\w+\s*[(:]`,
    String.raw`^\s*[-+]?\s*class\s+[A-Z]\w*`,
    String.raw`^\s*[-+]?\s*import\s+(?:[\w*{},\s]+\s+from\b|[\w.]+;)`,
    String.raw`^\s*[-+]?\s*(?:if|elsif|elif|while|switch|for)\s*\(`,
    String.raw`^\s*[-+]?\s*(?:if|elsif|elif|unless)\s+[\w.]+\s*(?:==|!=|\bin\b|\.)`,
    String.raw`^\s*[-+]?\s*(?:except|rescue)\b`,
    String.raw`^\s*[-+]?\s*raise\s+[A-Z]\w*(?:\(|\s*$)`,
    String.raw`^\s*[-+]?\s*(?:public|private|protected|static|global)\s+[\w<>,\s]*\(`,
    String.raw`^\s*[-+]?\s*(?:return|throw)\s+new\s`,
    String.raw`^\s*@@\s`,
    String.raw`\bcatch\s*\(`,
    String.raw`\bcase\s+['"]`,
    String.raw`===|!==|==\s*['"]|=>\s*\{|\)\s*\{\s*$|;\s*$`,
    String.raw`\b(?:expect|assert\w*)\s*\(|\.reply\s*\(|\.toBe\w*\(`,
  ].join('|'),
);

/**
 * Talking about errors rather than reporting one. Words must stand as prose (spaces around
 * them), so identifiers in stack traces (`promise.catch.e`, `handleRequest`) do not count.
 */
const DISCUSSION_LINE =
  /(?:^|[\s(])(?:detects?|detected|handles?|handled|handling|rescue|refer(?:s|red)? to|typed error|catch(?:es|ing)?|should (?:we|i|it)|proposal|propose[sd]?|would be (?:nice|great)|feature request|add(?:s|ed|ing)? (?:a |the )?(?:check|handling|support)|maps? (?:to|the)|mapping|for example|e\.g\.|such as|means that|normally means|usually means|documentation|docs say)(?=[\s,;:!?)]|\.(?:\s|$)|$)/i;

/**
 * A checklist that says the code was NOT received ("- [ ] I got this error back from
 * Salesforce", restforce's issue template) turns every bare mention into design talk.
 */
const NOT_RECEIVED = /\[ \][^\n]{0,20}\b(?:i|we) (?:got|get|received|receive) (?:this|the) error\b/i;

export interface ScanDoc {
  readonly text: string;
  readonly lower: string;
  readonly truncated: boolean;
  lineKindAt(index: number): LineKind;
  lineAt(index: number): { readonly start: number; readonly end: number };
  /** Does the paste show anything that ties it to Salesforce (hosts, paths, tools, libraries)? */
  readonly salesforceContext: boolean;
  /** The paste says outright that the error was not received (an unticked "I got this error" box). */
  readonly saysNotReceived: boolean;
  /** `lower` with every run of white space folded to one space, and where each character came from.
   * Message texts wrap across lines in e-mails and logs; matching them here ignores the wrapping. */
  flat(): { readonly text: string; readonly origin: Int32Array };
}

const SALESFORCE_CONTEXT =
  /salesforce|sfdc|force\.com|sforce|jsforce|restforce|pyforce|rforcecom|sfdx|\bsf (?:org|project|data|apex|deploy|auth)\b|\borg (?:list|display|open|create|delete|login)\b|\bscratch org|\bdev ?hub\b|visualforce|\bapex\b|soql|sosl|data ?loader|workbench|\/services\/(?:data|soap|async|oauth2|apexrest|meta)|my\.site\.com|\bcometd\b|\bmulesoft\b|\bsobject|trailhead/i;

export function createScanDoc(norm: NormalisedText): ScanDoc {
  const { text, lower } = norm;
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const kinds = new Map<number, LineKind>();
  // Lines inside a ```diff / ```patch fence are code whatever they look like.
  const inDiff = (index: number) => norm.codeRanges.some(([s, e]) => index >= s && index < e);

  const lineNumber = (index: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const bounds = (n: number) => {
    const start = lineStarts[n] as number;
    const next = lineStarts[n + 1];
    return { start, end: next === undefined ? text.length : next - 1 };
  };

  let flat: { text: string; origin: Int32Array } | undefined;
  return {
    text,
    lower,
    truncated: norm.truncated,
    salesforceContext: SALESFORCE_CONTEXT.test(text),
    saysNotReceived: NOT_RECEIVED.test(text),
    flat() {
      flat ??= foldWhitespace(lower);
      return flat;
    },
    lineAt: (index) => bounds(lineNumber(index)),
    lineKindAt(index) {
      const n = lineNumber(index);
      const cached = kinds.get(n);
      if (cached !== undefined) return cached;
      const { start, end } = bounds(n);
      // Very long lines (minified JSON, one-line logs) are data, not source or prose.
      const line = end - start > 600 ? '' : text.slice(start, end);
      const kind: LineKind = inDiff(start)
        ? 'code'
        : CODE_LINE.test(line)
          ? 'code'
          : DISCUSSION_LINE.test(line)
            ? 'discussion'
            : 'plain';
      kinds.set(n, kind);
      return kind;
    },
  };
}

function foldWhitespace(lower: string): { text: string; origin: Int32Array } {
  const origin = new Int32Array(lower.length);
  let out = '';
  let n = 0;
  let chunkStart = 0;
  let inSpace = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (space && inSpace) {
      // Flush the run before this extra space and skip the space itself.
      out += lower.slice(chunkStart, i);
      chunkStart = i + 1;
      continue;
    }
    inSpace = space;
    origin[n++] = i;
  }
  out += lower.slice(chunkStart);
  return { text: out.replace(/[\n\t\r]/g, ' '), origin: origin.subarray(0, n) };
}
