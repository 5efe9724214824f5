import {
  CHINESE_REPORT,
  HANGUL,
  JAPANESE_FIRST_HAND,
  JAPANESE_REPORT,
  KANA,
  KOREAN_REPORT,
  type ScanDoc,
  TEMPLATE_PLACEHOLDER,
} from '../scan-doc';
import { CODE_LINE_CAP, DISCUSSION_LINE_CAP, REPORT_ELSEWHERE_BONUS, REPORT_SAME_LINE_BONUS } from '../weights';

/** "error", also as people misspell it when they type fast ("erorr", "eror", "errror"). */
const ERROR = '(?:errors?|erorrs?|erors?|errrors?|errorr)';

// Other people, named, in the past or the present progressive ("users are getting", "a customer
// got"); people in general ("customers receive this error when…") are a knowledge article. Not what
// is prevented or avoided ("to stop a client from receiving events").
const OTHERS_REPORT = String.raw`\b(?:users?|customers?|clients?|colleagues?|developers?|devs|engineers?|she|he|they|she's|he's|they're)\b[^.!?\n]{0,40}?\b(?<!\b(?:from|avoid|prevent|stop) )(?:got|received|saw|hit|encountered|ran into|getting|receiving|seeing|hitting|facing|encountering|experiencing|running into)\b`;
/** The writer: "I keep getting", "we received" (but not "I see that the change…", nor "how we can
 * get rid of it"), "we noticed failures in the sync", "we ended up with X", "I came across"; not
 * what might, will or should happen ("I should never hit that error"), nor what the reader did
 * ("I'm sure you've come across"). */
const WRITER_REPORTS: readonly string[] = [
  String.raw`\b(?:i|we|i'm|im|we're|i've|we've|i'd)\b(?:(?!\b(?:might|may|will|should|shall|must|you(?:'ve|'re|'ll)?)\b)[^.!?\n]){0,40}?\b(?:(?<!\bto )(?:get(?! rid\b)|gets|getting|got|receive|receives|receiving|received|(?:see|seeing|saw)(?!\s+(?:that|if|whether|how|why|where|what|which)\b)|hit|hitting|encounter(?:ed|ing)?|run(?:ning)? into|ran into|fac(?:e|ing)|experienc(?:e|es|ed|ing)|having|(?:came|come|coming|ran) across|stumbled (?:up)?on|bumped into)\b|(?:found|noticed|spotted|observed)\b[^.!?\n]{0,30}?\b(?:${ERROR}|exceptions?|failures?)|ended up (?:with|getting|hitting)\b)`,
  String.raw`\b(?:keeps?|kept) (?:getting|receiving|seeing|hitting|failing)\b`,
  // "…I've created a webhook to `/services/apexrest/…` and am only getting X": "am" speaks for the
  // writer however far back the "I" is.
  String.raw`\bam\s+(?:(?:only|still|now|also|just|constantly|continuously|always|currently|consistently|repeatedly)\s+)?(?:getting|receiving|seeing|hitting|facing|encountering|experiencing|running into)\b`,
  // "I met error", "we meet a heap size limit": how many people write "run into" in English; only with
  // an error or a limit in the next few words ("we met with the vendor" reports nothing).
  String.raw`\b(?:i|we)\s+(?:meet|meets|met|am meeting|are meeting)\s+(?:an?\s+|the\s+|this\s+|that\s+|these\s+|same\s+|following\s+)?(?:[\w.-]+\s+){0,4}?(?:${ERROR}|exceptions?|limits?)\b`,
  // "For now we have an issue that…", "I had a problem with the nightly load": trouble of the writer's own.
  String.raw`\b(?:i|we)\s+(?:have|had)\s+(?:an?\s+|this\s+|the\s+|some\s+|a\s+(?:strange|weird|big|serious)\s+)?(?:issue|problem|error)s?\b(?!\s*(?:handl|message|code|page|log|object|class|type))`,
  // Something of the writer's failed: "my REST call fails with", "our nightly sync threw", "my
  // upsert jobs result in row lock errors".
  String.raw`\b(?:my|our)\b[^.!?\n]{0,40}?\b(?:fails?|failed|failing|errors? out|errored(?: out)?|throws?|threw|returns?|returned|crash(?:es|ed)?|stopped|broke|result(?:s|ed)? in|(?:is|are|was|were|keeps?|kept) (?:hitting|exceeding|reaching))\b`,
  // "Why does Salesforce give me X", "the API threw us a 500".
  String.raw`\b(?:gives?|gave|giving|throws?|threw|returns?|returned|shows?|showed) (?:me|us)\b(?! (?:an? example|some|a hint|more|the option))`,
  // A sentence that starts with the verb: "Getting this error when I deploy", "Got the following",
  // also as a step of a bug report's reproduction list with what came back quoted ('5. Received "Error: …"').
  String.raw`(?:^(?:[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+)?|[.!?]\s+)(?:getting|got|receiving|received|seeing|hitting|facing|encountering)\s+(?:(?:this|the|an?|following|same|these|that|below)\b|["“'\`])`,
  // A bug report's "Actual result" section says what happened to the reporter.
  String.raw`^[ \t]*(?:#{1,4}[ \t]*|\*\*)?actual (?:result|results|behaviou?r|outcome)\b`,
];
/**
 * Someone saying that it happened to them: "I keep getting", "we received", "Getting this error
 * when…", "users are seeing", or in Japanese the past tense ("エラーが出ました"). Strong enough to
 * outweigh the layout of an explanation (an article, a reference page, an example paragraph).
 */
const FIRST_HAND_EN = new RegExp([OTHERS_REPORT, ...WRITER_REPORTS].join('|'), 'im');

/** An error event told without saying whom it happened to: "fails with", "returns an error". */
const EVENT_EN = new RegExp(
  [
    // "fails with", "errors out in batch apex with error X", "failed because".
    // Not in a relative clause about any call: "a REST API call that fails with this error returns…".
    String.raw`(?<!\b(?:that|which) )\b(?:fails?|failed|failing|errors? out|errored out|erroring)\b[^.!?\n]{0,40}?\b(?:with|because)\b`,
    // A status word with what was printed after it: "Batch job aborted: too many DML statements".
    String.raw`\b(?:failed|aborted|crashed|errored|died|stopped)[ \t]*:[ \t]*[A-Za-z]`,
    // "the batch blows up with X", "the sync died with", "crashes on".
    String.raw`\b(?:blows? up|blew up|crash(?:es|ed)?|dies|died|bombs? out|bombed out|chokes?|choked|aborts?|aborted)\b[^.!?\n]{0,30}?\b(?:with|on|because)\b`,
    String.raw`\b(?:returns|returned|returning|throws|threw|thrown|gives|gave|giving|shows|showed|showing)\b[^.!?\n]{0,30}?\b(?:${ERROR}|exception)`,
    // "bulk updates threw CalloutException on every record", "I ran the tests but throwing
    // System.NullPointerException": an exception type, told in the past or as it goes on.
    String.raw`\b(?:threw|throwing)\b[^!?\n]{0,40}?[a-z]exception\b`,
    // "Batch Apex encountered an error: Exceeded …": the colon quotes what was printed.
    String.raw`\bencountered (?:an? |the following )?(?:${ERROR}|exception)\s*:`,
    String.raw`\b${ERROR} (?:message |i get |we get )?(?:is|was|says|said|returned|received|reads)\b`,
    // "Invalid login is the error that shows up", "the error that popped up was …".
    String.raw`\b${ERROR} (?:that |which )?(?:shows|showed|comes|came|pops|popped) up\b`,
    String.raw`\bthe following (?:${ERROR}|exception|message)`,
    // "…but rather an error saying invalid client id": what was shown, in the writer's words.
    String.raw`\ban? (?:${ERROR}|message|pop-?up|alert|dialog)(?: message| box)? (?:saying|that says|stating)\b`,
    String.raw`\b(?:has been|have been|was|were) (?:received|returned|thrown)\b`,
  ].join('|'),
  'im',
);

/**
 * The cues as whole patterns (English and Japanese). The functions below test the English part
 * and, only when the text holds kana, the Japanese part (JAPANESE_FIRST_HAND, and the present
 * tense people report in, JAPANESE_REPORT: "…というエラーが出ます"): most chat is English, and
 * a smaller pattern is cheaper on every line.
 */
export const FIRST_HAND_CUE = new RegExp(`${FIRST_HAND_EN.source}|${JAPANESE_FIRST_HAND.source}`, 'im');
export const REPORT_CUE = new RegExp(
  `${FIRST_HAND_EN.source}|${EVENT_EN.source}|${JAPANESE_FIRST_HAND.source}|${JAPANESE_REPORT.source}`,
  'im',
);
const REPORT_EN = new RegExp(`${FIRST_HAND_EN.source}|${EVENT_EN.source}`, 'gim');
const FIRST_HAND_EN_ALL = new RegExp(FIRST_HAND_EN.source, 'gim');
const WRITER_REPORTS_ALL = new RegExp(WRITER_REPORTS.join('|'), 'gim');
const REPORT_JA = new RegExp(`${JAPANESE_FIRST_HAND.source}|${JAPANESE_REPORT.source}`, 'gm');
const FIRST_HAND_JA = new RegExp(JAPANESE_FIRST_HAND.source, 'gm');

/** Unticked checklist items ("- [ ] I got this error back") say the opposite of what they read. */
const UNTICKED = /\[ \]/;

export function lineText(doc: ScanDoc, index: number): string {
  return lineWindow(doc, index).text;
}

/** The line around `index`, and where `index` falls in it. A minified log line can be huge; the
 * cue only needs the neighbourhood, so a line over 600 characters is cut to 300 either side. */
function lineWindow(doc: ScanDoc, index: number): { readonly text: string; readonly at: number } {
  const { start, end } = doc.lineAt(index);
  const from = end - start > 600 ? Math.max(start, index - 300) : start;
  const to = end - start > 600 ? Math.min(end, index + 300) : end;
  return { text: doc.text.slice(from, to), at: index - from };
}

export function hasReportCue(text: string): boolean {
  if (UNTICKED.test(text)) return false;
  REPORT_EN.lastIndex = 0;
  if (REPORT_EN.test(text)) return true;
  REPORT_JA.lastIndex = 0;
  return KANA.test(text) && REPORT_JA.test(text);
}

/** A fact about a whole document, computed on first use: several signals ask, one pass answers. */
function perDocument(compute: (doc: ScanDoc) => boolean): (doc: ScanDoc) => boolean {
  const memo = new WeakMap<ScanDoc, boolean>();
  return (doc) => {
    let found = memo.get(doc);
    if (found === undefined) {
      found = compute(doc);
      memo.set(doc, found);
    }
    return found;
  };
}

/** Does any line (other than unticked checklist items) report an error? */
export const reportsSomewhere = perDocument(
  (doc) =>
    cueOnSomeLine(doc, REPORT_EN) ||
    (KANA.test(doc.text) && cueOnSomeLine(doc, REPORT_JA, { japanese: true })) ||
    (HANGUL.test(doc.text) && KOREAN_REPORT.test(doc.text)) ||
    (doc.writtenInChinese() && CHINESE_REPORT.test(doc.text)),
);

/** Does someone say, first-hand, that the error happened to them? */
export const reportsFirstHand = perDocument(
  (doc) =>
    cueOnSomeLine(doc, FIRST_HAND_EN_ALL) ||
    (KANA.test(doc.text) && cueOnSomeLine(doc, FIRST_HAND_JA, { japanese: true })),
);

/**
 * The same, not counting the example paragraphs themselves: a README's "Ask Claude Code:" followed
 * by "I'm getting UNABLE_TO_LOCK_ROW…" offers a prompt to type, it reports nothing.
 */
const reportsFirstHandOutsideExamples = perDocument(
  (doc) =>
    cueOnSomeLine(doc, FIRST_HAND_EN_ALL, { outsideExamples: true }) ||
    (KANA.test(doc.text) && cueOnSomeLine(doc, FIRST_HAND_JA, { japanese: true, outsideExamples: true })),
);

/**
 * The same, counting only what the writer says in their own voice: an article's question title
 * ("Why am I getting a Login Rate Exceeded error?"), a customer quoted in it ("…, we receive this
 * error"), what clients or users get in general, and a template's own wording ("…の書き込みが失敗しました:
 * [エラー内容]") are how knowledge articles and docs talk, so they cannot outweigh the article's layout.
 */
export const reportsFirstHandInOwnVoice = perDocument(
  (doc) =>
    cueOnSomeLine(doc, WRITER_REPORTS_ALL, { ownVoiceOnly: true }) ||
    (KANA.test(doc.text) &&
      !ARTICLE_SUMMARY_JA.test(doc.text) &&
      cueOnSomeLine(doc, FIRST_HAND_JA, { japanese: true, ownVoiceOnly: true })),
);

/** An article's summary box ("この記事で解決できること", "この記事でわかること"): what follows is the
 * article's problem statement, told for the reader, however colloquially ("…エラーが出てしまう。"). */
const ARTICLE_SUMMARY_JA = /この記事で(?:解決できる|わかる|分かる|学べる)こと/;

/**
 * `re` is one of the global patterns above, compiled once: each search resets lastIndex.
 * Japanese cues end in a verb ("発生しました"); when that verb is part of Salesforce's own
 * localised message, it is the message speaking, not the poster.
 */
interface CueScope {
  /** Japanese cues, whose verb may belong to Salesforce's own localised message. */
  readonly japanese?: boolean;
  /** Only what the writer says in their own voice (not asked, quoted, generalised or templated). */
  readonly ownVoiceOnly?: boolean;
  /** Not inside an example paragraph. */
  readonly outsideExamples?: boolean;
}

function cueOnSomeLine(doc: ScanDoc, re: RegExp, scope: CueScope = {}): boolean {
  const { japanese = false, ownVoiceOnly = false, outsideExamples = false } = scope;
  re.lastIndex = 0;
  for (let m = re.exec(doc.text); m !== null; m = re.exec(doc.text)) {
    const spokenByMessage =
      (japanese && doc.inSalesforceWording(m.index + m[0].length - 1)) || (outsideExamples && doc.inExample(m.index));
    const line = lineText(doc, m.index);
    const elsewhere =
      ownVoiceOnly &&
      (askedInSentence(doc, m.index) ||
        insideQuotes(doc, m.index) ||
        generalisedInSentence(doc, m.index) ||
        (japanese && articleVoiceInSentence(doc, m.index)) ||
        TEMPLATE_PLACEHOLDER.test(line));
    if (!spokenByMessage && !elsewhere && !UNTICKED.test(line)) return true;
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return false;
}

/**
 * The writer names the code on a line that says it happened to them ("We're getting
 * UNABLE_TO_LOCK_ROW errors when the calls overlap"), not in a question about it. Such a line is
 * a report whatever the rest of the text reads like, so the report check does not overrule it.
 */
export function namesCodeFirstHand(doc: ScanDoc, code: string): boolean {
  for (let at = doc.text.indexOf(code); at !== -1; at = doc.text.indexOf(code, at + code.length)) {
    if (hasFirstHandCue(lineText(doc, at)) && !askedInSentence(doc, at)) return true;
    if (leadInReports(doc, at) || pointsBackAtWhatCame(doc, at)) return true;
  }
  return false;
}

/**
 * A stack frame that points into someone's own files (`at new StatusCodeError (/Users/…/errors.js:32:15)`,
 * `at com.acme.Sync.run(Sync.java:88)`, `File "/srv/app/sync.py", line 12`): a runtime printed it.
 * A documentation page rarely shows one, a pasted failure usually does.
 */
const RUNTIME_FRAME =
  /^[ \t]*at (?:new |async )?[\w$.<>[\] ]{1,120} \((?:\/|[A-Za-z]:\\|file:\/\/)[^()\n]{1,300}:\d+:\d+\)|^[ \t]*at [\w$]+(?:\.[\w$<>]+){2,}\([\w$]+\.(?:java|kt|scala):\d+\)|^[ \t]*File "(?:\/|[A-Za-z]:\\)[^"\n]{1,300}", line \d+/m;

/** The code is written in a paste that carries a runtime's stack trace: the paste is output, not prose about it. */
export function namesCodeInRuntimeTrace(doc: ScanDoc, code: string): boolean {
  return doc.text.includes(code) && RUNTIME_FRAME.test(doc.text);
}

/** The sf CLI's own error line ("ERROR running force:data:tree:import:  We couldn't process…"):
 * the writer pasted what the command printed. Docs show the message, not the CLI's framing of it. */
const CLI_ERROR_LINE = /^[ \t]*ERROR running [\w:-]+:/m;
/** A bug-report template's section for the error ("## Error", "### Error messages", "## Actual result",
 * "### Stack trace") or for what went wrong ("### What happened?", "### Describe the bug", GitHub
 * issue forms' usual headings): what the reporter writes or pastes under it is what they got. */
const ERROR_SECTION_HEADING =
  /^#{2,6}[ \t]*(?:error(?: messages?)?|actual (?:result|behaviou?r)s?|error output|error logs?|logs?|stack ?traces?|what happened\??|describe the bug|bug description|current behaviou?r|observed behaviou?r)[ \t]*$/im;
/** The text frames its error as received output: the CLI's error line, or a bug template's error section. */
export function pastedAsReceived(doc: ScanDoc): boolean {
  return CLI_ERROR_LINE.test(doc.text) || ERROR_SECTION_HEADING.test(doc.text);
}

/** "When I leave the field blank, the error is:": the writer's own action, then what came back. */
const WHEN_I_THEN_THE_ERROR =
  /\b(?:when|whenever|every time)\s+(?:i|we)\b[^.!?\n]{3,120},\s*(?:the|this|that)\s+(?:error|response|result|message)\s+(?:is|was)\s*:\s*$/i;
/** "Here's a response the API returned:": what a service sent back, told in the past. Docs write
 * "returned by Salesforce" or "is returned", not "the API returned:". */
const SERVICE_RETURNED =
  /\b(?:the|our|my)\s+(?:api|server|endpoint|service|call|request|org|instance|salesforce)\s+(?:returned|sent back|responded with)\s*:\s*$/i;
/** "The error for the call to `Query()` was `insert response err: INVALID_SESSION_ID: …`": the line
 * opens by pointing at what came back, in the past; docs say what the error *is*. */
const THE_ERROR_WAS =
  /^\W*(?:the|my|our)\s+(?:error|response|result|exception|output)\b[^.!?\n]{0,80}?\bwas(?:\s*[:`"'“]|\s{2,}|\s*$)/i;
const HYPOTHETICAL_LEAD_IN = /^\W*(?:(?:as an example|for example|for instance|say),?\s+)?if\b/i;
/** A line that only frames the paste: it opens or closes a code block, quotes nothing, or is an
 * issue template's heading over it ("##### Error message"). */
const FRAMING_LINE = /^\s*(?:```\w*|>|#{2,6}[ \t][^\n]{0,40})?\s*$/;
/** A line of the paste itself (a JSON field, a bracket, an exception line, a stack frame): the
 * lead-in is above the whole paste, however many lines it has. */
const PASTE_LINE = /^\s*(?:["'{}[\]<(]|[A-Za-z_$][\w$.]*(?:Exception|Error|Fault)\b|[A-Z][A-Z0-9_]{3,}\b|at\s)/;
/** How far above the code a lead-in may be: a short paste, not a whole log. */
const LEAD_IN_LINES = 10;

/**
 * The paste is introduced by the writer's own lead-in ("I get this error:", "When I leave the
 * field blank, the error is:") on the line before it: the paste is what happened to them.
 */
function leadInReports(doc: ScanDoc, index: number): boolean {
  let end = doc.lineAt(index).start - 1;
  for (let step = 0; step < LEAD_IN_LINES && end > 0; step++) {
    const { start } = doc.lineAt(end - 1);
    const line = doc.text.slice(start, end);
    end = start - 1;
    if (FRAMING_LINE.test(line) || PASTE_LINE.test(line)) continue;
    // "If we then read the response stream, we find this:" walks the reader through an example.
    if (!/:\s*$/.test(line) || UNTICKED.test(line) || HYPOTHETICAL_LEAD_IN.test(line)) return false;
    return (
      !doc.inExample(index) &&
      (hasFirstHandCue(line) || WHEN_I_THEN_THE_ERROR.test(line) || SERVICE_RETURNED.test(line))
    );
  }
  return false;
}

/** The code's own line opens with "The error … was" and the code follows on it, not in an example. */
function pointsBackAtWhatCame(doc: ScanDoc, index: number): boolean {
  const { start } = doc.lineAt(index);
  const before = doc.text.slice(start, index);
  return THE_ERROR_WAS.test(before) && !doc.inExample(index);
}

/** The sentence around the offset is a question ("Why am I getting X?"). */
function askedInSentence(doc: ScanDoc, index: number): boolean {
  const { start, end } = doc.lineAt(index);
  return /[?？]\s*$/.test(sentenceOf(doc.text.slice(start, end), index - start));
}

/** "Generally speaking, we see this error when…": the writer's "we" is everyone's, an article's voice. */
const GENERALLY = /\b(?:generally|usually|typically|normally|commonly|in general|most of the time)\b/i;
function generalisedInSentence(doc: ScanDoc, index: number): boolean {
  // The words of the cue's sentence before the cue.
  const { start, end } = doc.lineAt(index);
  const line = doc.text.slice(start, end);
  const [from] = sentenceBounds(line, index - start);
  return GENERALLY.test(line.slice(from, index - start));
}

/**
 * A Japanese article speaks to its readers or of its writer in the third person ("…をみてみましょう",
 * "皆さんも遭遇したことがあるかと思います", "筆者が実際に遭遇した…", "…をご紹介します"): the
 * sentence tells a story for the reader, it does not report an error to be solved.
 */
const ARTICLE_VOICE_JA =
  /ましょう|皆さん|みなさん|筆者|紹介します|この(?:種|手)の|(?:状況|ケース|事象)が(?:頻発|多発)|多くの(?:開発者|方|人|ユーザー|エンジニア)|ではないでしょうか/;
function articleVoiceInSentence(doc: ScanDoc, index: number): boolean {
  const { start, end } = doc.lineAt(index);
  return ARTICLE_VOICE_JA.test(sentenceOf(doc.text.slice(start, end), index - start));
}

/** An odd number of double quotes before the offset on its line: the words are someone else's. */
function insideQuotes(doc: ScanDoc, index: number): boolean {
  const before = doc.text.slice(doc.lineAt(index).start, index);
  return (before.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** A first-hand cue in this piece of text ("we get", "I keep getting", "エラーが出ました"). */
export function hasFirstHandCue(text: string): boolean {
  if (UNTICKED.test(text)) return false;
  FIRST_HAND_EN_ALL.lastIndex = 0;
  if (FIRST_HAND_EN_ALL.test(text)) return true;
  FIRST_HAND_JA.lastIndex = 0;
  return KANA.test(text) && FIRST_HAND_JA.test(text);
}

/** "When(ever) X happens, we get Y": a condition, then what happened to the writer. */
const WHEN_THEN_WE =
  /\b(?:when|whenever|if|every time|each time)\b[^.!?\n]{3,160},\s*(?:i|we)(?:'ve| have)?\s+(?:always\s+|still\s+)?(?:get|got|see|saw|receive|received|hit|run into|ran into)\b/i;

/** A failure anchored in the writer's recent past: "since 9am every call fails with", "since the
 * upgrade it returns". Docs and proposals speak of no particular morning. */
const SINCE_THEN_FAILS =
  /\bsince (?:yesterday|today|this morning|last (?:night|week|\w+day)|\d{1,2}(?::\d{2})?\s?(?:am|pm)\b|the (?:\w+ ){0,2}(?:release|upgrade|update|deploy(?:ment)?|refresh|migration))\b[^.!?\n]{0,60}?\b(?:fails?|failing|failed|returns?|returning|get(?:s|ting)?|throws?|errors?)\b/i;

/** The sentence of `line` around offset `at` (. ! ? and 。 end sentences). */
function sentenceOf(line: string, at: number): string {
  const [from, to] = sentenceBounds(line, at);
  return line.slice(from, to);
}

/** Where the sentence of `line` around offset `at` starts and ends. */
function sentenceBounds(line: string, at: number): readonly [number, number] {
  const ends = /[.!?](?=\s)|[。！？]/g;
  let from = 0;
  for (let m = ends.exec(line); m !== null; m = ends.exec(line)) {
    if (m.index >= at) return [from, m.index + 1];
    from = m.index + 1;
  }
  return [from, line.length];
}

/** Applies the line's character (code, design talk) and report cues to a signal's strength. */
export function adjustForLine(doc: ScanDoc, index: number, strength: number, allowReportBonus: boolean): number {
  const kind = doc.lineKindAt(index);
  if (kind === 'code') return Math.min(strength, CODE_LINE_CAP);
  if (doc.saysNotReceived()) return Math.min(strength, DISCUSSION_LINE_CAP);
  // Explanations (an article, a reference page, an example paragraph) name errors without
  // reporting one, unless someone says it happened to them. A Japanese sentence that quotes an
  // error is a mention unless the paste reports it in some way ("…というエラーが出ます").
  if (doc.explainsErrors() && !reportsFirstHandInOwnVoice(doc)) return Math.min(strength, DISCUSSION_LINE_CAP);
  if (doc.inExample(index) && !reportsFirstHandOutsideExamples(doc)) return Math.min(strength, DISCUSSION_LINE_CAP);
  if (
    (doc.writtenInJapanese(index) || doc.writtenInKorean(index) || doc.writtenInChinese()) &&
    !reportsSomewhere(doc)
  ) {
    return Math.min(strength, DISCUSSION_LINE_CAP);
  }
  // Talk about errors (a PR title, a hypothetical, "possible errors:") with no one saying that
  // anything happened: the error it names, or shows, is an example.
  if (doc.discusses() && !reportsSomewhere(doc)) return Math.min(strength, DISCUSSION_LINE_CAP);
  let s = strength;
  if (allowReportBonus) {
    if (hasReportCue(lineText(doc, index))) s += REPORT_SAME_LINE_BONUS;
    else if (reportsSomewhere(doc)) s += REPORT_ELSEWHERE_BONUS;
  }
  // "Whenever an entity gets deleted, we get an error saying X": a general condition, then
  // what happened to the writer. The first-hand part makes the sentence a report, as does a
  // failure dated in the writer's recent past ("Error handling retries, but since 9am every call fails").
  if (kind === 'discussion') {
    const { text, at } = lineWindow(doc, index);
    const sentence = sentenceOf(text, at);
    if (!WHEN_THEN_WE.test(sentence) && !SINCE_THEN_FAILS.test(sentence)) return Math.min(s, DISCUSSION_LINE_CAP);
  }
  return Math.min(s, 0.99);
}
