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
    String.raw`^\s*\/\/\s`,
    String.raw`^\s*(?:\|\||&&)\s*[\w.!]+\(|\bstring\.Equals\(|\.equals(?:IgnoreCase)?\(\s*["']`,
    String.raw`\bcase\s+['"]`,
    String.raw`===|!==|==\s*['"]|\S\s*=>\s*\{|\)\s*\{\s*$|[(){}][^\n]*;\s*$`,
    String.raw`\b(?:expect|assert\w*)\s*\(|\.reply\s*\(|\.toBe\w*\(`,
  ].join('|'),
);

/**
 * Talking about errors rather than reporting one. Words must stand as prose (spaces around
 * them), so identifiers in stack traces (`promise.catch.e`, `handleRequest`) do not count.
 */
const DISCUSSION_LINE = new RegExp(
  [
    // Words about handling errors in code, proposals and explanations.
    String.raw`(?:^|[\s(])(?:detects?|detected|handles?|handled|handling|rescue|refer(?:s|red)? to|typed errors?|retr(?:y|ies|ying) (?:on|when|for|if)|catch(?:es|ing)?|should (?:we|i|it)|proposal|propose[sd]?|would be (?:nice|great)|feature request|needs? to (?:support|handle)|add(?:s|ed|ing)? (?:a |the )?(?:check|handling|support)|map(?:s|ped|ping)?|means that|normally means|usually means|documentation|docs say|reasons? for|(?:might|may|could) (?:also )?explain)(?=[\s,;:!?)]|\.(?:\s|$)|$)`,
    // Hypotheticals: "it will get 403", "would return", "may throw".
    String.raw`\b(?:it|this|that|they|you|salesforce|the (?:api|server|org|connector|client|call|request)) (?:will|would|might|may|could|can|should) (?:get|return|throw|receive|raise|fail|respond|reply)\b`,
    // Docs and explanations of when an error happens: "can occur", "When X, Y is returned".
    String.raw`\b(?:can|may|might|could|will|would) (?:occur|happen)\b|\bwhen(?:ever)? (?!i\b|we\b)[^.\n]{3,160}\b(?:is|are) (?:returned|thrown|raised|reported)\b|\bin the event that\b`,
    // User stories and write-ups about errors: "As a developer, I need…", "In this text I write about".
    String.raw`\bas an? (?:developer|user|admin|administrator|integrator)\b|\bin this (?:text|post|article|pr|pull request|change|guide)\b|\bi (?:thought of|would like to|want to) add(?:ing)?\b`,
    // Definitions: "ECONNRESET is the error thrown when…".
    String.raw`\b(?:is|are) (?:the|an?) (?:error|exception|status|code) (?:thrown|returned|raised|used|that|when|for)\b`,
    // Negations about what a system does: "does not issue 403::Unknown client".
    String.raw`\b(?:does|do|did)(?: not|n't) (?:issue|return|send|throw|raise|emit)\b`,
    // Citations and reference prose: "(see https://…)", "is reported by Salesforce as".
    String.raw`\(see https?:|\b(?:is|are) reported (?:by|as|using)\b|\b(?:per|according to) the (?:docs|documentation)\b`,
    // Pull-request and changelog titles: "Automatically retry X errors", "Map DUPLICATE_VALUE to …".
    String.raw`^\s*(?:[-*]\s+)?(?:automatically\s+)?(?:retry|retries|handle|handles|catch|catches|map|maps|support|supports|raise|raises|expose|exposes|surface|surfaces|parse|parses|detect|detects)\s`,
    // Proposals, fixes, examples, analysis and announcements about an error, not a report of one.
    String.raw`\b(?:can|could|should|shall) we\b|\bthe fix (?:was|is)\b|\bknown/allowed\b|\bworkaround for\b|\bhypothes[ie]s\b|\berrors? like\b|\byou (?:may|might|will|could|can) (?:see|get|hit)\b|\blooking at the error\b|\bseems (?:like )?the (?:issue|problem)\b|\bthanks for (?:opening|reporting)\b|\bcan you confirm\b|\bmanifests\b|\bis (?:known|being investigated)\b`,
    // An explanation in a conditional about someone else: "If the value did not propagate, … fails with X".
    String.raw`(?:^|[.:]\s+)If (?!I\b|we\b|i\b|you\b)[^,\n]{3,120},`,
    // Japanese notes giving an example error ("エラー例", "例えば") rather than reporting one.
    'エラー例|例えば|発生することがあ|場合があります|ことがあります|とは[、,]|について(?:説明|解説|まとめ)|対処法|原因と対処|を意味します|が返されます|を返します',
  ].join('|'),
  'i',
);

/**
 * A checklist that says the code was NOT received ("- [ ] I got this error back from
 * Salesforce", restforce's issue template) turns every bare mention into design talk.
 */
const NOT_RECEIVED = /\[ \][^\n]{0,20}\b(?:i|we) (?:got|get|received|receive) (?:this|the) error\b/i;
const RESCUE_TICKED = /\[[xX]\][^\n]{0,40}\brescue\b/;

/** Pull-request and release-note templates describe a change to code, not an error someone hit. */
const DESCRIBES_CHANGE =
  /^#{1,4}\s*(?:description of (?:the )?change|changes(?: in this (?:version|release))?|what does this pr do|release notes?|changelog|qa steps)\b|^changes in this (?:version|release)\b/im;

/**
 * Japanese articles and study notes explain errors in the present tense ("…際に発生します",
 * "解決策", "この記事"), with NG/OK examples; a Japanese report says what happened, in the past
 * ("…が出ました", "…で失敗しました"). An article without any such report names no occurrence.
 */
const JAPANESE_ARTICLE =
  /この記事|本記事|解決策|対処法|対策|回避する|解説|NG ?例|OK ?例|症状|際に発生します|エラーは、|遭遇した場合|してください/;
const JAPANESE_REPORT =
  /(?:出|発生し|表示され|失敗し|返され|な)(?:ました|ています)|で失敗します|というエラーが出ます|困っています/;

export interface ScanDoc {
  readonly text: string;
  readonly lower: string;
  readonly truncated: boolean;
  lineKindAt(index: number): LineKind;
  lineAt(index: number): { readonly start: number; readonly end: number };
  /** Does the paste show anything that ties it to Salesforce (hosts, paths, tools, libraries)? */
  readonly salesforceContext: boolean;
  /** The paste says the error was not received (an unticked "I got this error" box) or is a
   * change description (a PR or release-notes template): mentions there are not reports. */
  readonly saysNotReceived: boolean;
}

const SALESFORCE_CONTEXT =
  /salesforce|sfdc|force\.com|sforce|jsforce|restforce|pyforce|rforcecom|sfdx|\bsf (?:org|project|data|apex|deploy|auth)\b|\borg (?:list|display|open|create|delete|login)\b|\bscratch org|\bdev ?hub\b|visualforce|\bapex\b|soql|sosl|data ?loader|workbench|\/services\/(?:data|soap|async|oauth2|apexrest|meta)|my\.site\.com|\bcometd\b|\/meta\/(?:handshake|connect|subscribe)\b|\breplayId\b|\bmulesoft\b|\bsobject|trailhead|["'<[]errorCode["'>\]]|\bexceptionCode\b|\bsf:[A-Z_]{4,}|\bpush ?topic|\b\w+__[cre]\b|\bpub ?sub\b|\bsubscribe ?request\b|\bSystem\.Http(?:Response|Request)\b|\bERROR at Row:|\bcom\.sforce\.|\bForceException\b|\bSalesforce[A-Z]\w*(?:Error|Exception|Request|Session|ResourceNotFound|RefusedRequest)\b|\bSalesforceBulk\b|\bsimple[-_]salesforce\b|\bbulk api\b|\bpub\/?sub api\b|\beventbus\b|\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?\b|\bsfdx?\b|セールスフォース|接続アプリケーション|入力規則|権限セット|ガバナ制限|ログイン履歴|データローダ|組織 ?ID/i;

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

  return {
    text,
    lower,
    truncated: norm.truncated,
    salesforceContext: SALESFORCE_CONTEXT.test(text),
    saysNotReceived:
      (NOT_RECEIVED.test(text) && RESCUE_TICKED.test(text)) ||
      DESCRIBES_CHANGE.test(text) ||
      (JAPANESE_ARTICLE.test(text) && !JAPANESE_REPORT.test(text)),

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
