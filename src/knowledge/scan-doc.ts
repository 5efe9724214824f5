import { withoutWhitespace } from './aho-corasick';
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
    // A line of a diff pasted without a diff fence: "+        "status": 400,".
    String.raw`^[+-](?: {2,}|\t)\S|^[+-]\s*[{}[\]"]`,
    String.raw`\bcatch\s*\(`,
    String.raw`^\s*\/\/\s`,
    String.raw`^\s*(?:\|\||&&)\s*[\w.!]+\(|\bstring\.Equals\(|\.equals(?:IgnoreCase)?\(\s*["']`,
    String.raw`\bcase\s+['"]`,
    // Strict equality, not the sf CLI's section headings ("=== Component Failures [1]").
    String.raw`^(?!\s*=== \S)[^\n]*===|!==|==\s*['"]|\S\s*=>\s*\{|\)\s*\{\s*$|[(){}][^\n]*;\s*$`,
    String.raw`\b(?:expect|assert\w*)\s*\(|\.reply\s*\(|\.toBe\w*\(`,
    // A SQL or SOQL predicate on a stored message ("and sf_message like 'unable to obtain
    // exclusive access%'"): a query that looks for the text, not the text being received.
    String.raw`^\s*(?:where|and|or)\s+[\w.]+\s+(?:not\s+)?i?like\s+['"]`,
  ].join('|'),
);

/** "…the error that shows up", "…that I get": what came up for the writer, not a definition. */
const SHOWS_UP = String.raw`(?! (?:shows|showed|comes|came|pops|popped) up\b| (?:i|we) (?:get|got|see|saw|receive|received|keep)\b)`;

/**
 * Talking about errors rather than reporting one. Words must stand as prose (spaces around
 * them), so identifiers in stack traces (`promise.catch.e`, `handleRequest`) do not count.
 */
const DISCUSSION_LINE_PATTERNS: readonly string[] = [
  // Words about handling errors in code, proposals and explanations.
  String.raw`(?:^|[\s(])(?:handles?|handled|handling)(?=[,;:!?)]|\.(?:\s|$)|$|\s+(?:(?:the|this|that|these|those|such|an?|any|all|every|each|some|our|my|your|their|its|both|specific|certain|more|other|different)\s+)?(?:[\w.'"\x60-]+\s+){0,2}?(?:errors?|exceptions?|failures?|faults?|codes?|status(?:es)?|cases?|responses?|retries|rate limits?|limits?|expir\w*|refresh\w*|automatically|programmatically|gracefully|properly|correctly|separately|differently|it|them|this|that|['"\x60]?[a-z]{3,}_[a-z_]+)\b)|\b(?:error|exception|fault|retry) handling\b`,
  // "handle" counts above when it is about errors ("handle these errors", "is not handled."), not
  // "I can successfully handle the required number of accounts".
  String.raw`(?:^|[\s(])(?:detects?|detected|rescue|refer(?:s|red)? to|typed errors?|retr(?:y|ies|ying) (?:on|when|for|if)|catch(?:es|ing)?|should (?:we|i|it)|proposal|propose[sd]?|would be (?:nice|great)|feature request|needs? to (?:support|handle)|add(?:s|ed|ing)? (?:a |the )?(?:check|handling|support)|map(?:s|ped|ping)? (?:\S+ ){0,3}?(?:to|onto|into)|means that|normally means|usually means|documentation|docs say|reasons? for|(?:might|may|could) (?:also )?explain)(?=[\s,;:!?)]|\.(?:\s|$)|$)`,
  // Hypotheticals: "it will get 403", "would return", "may throw".
  String.raw`\b(?:it|this|that|they|you|salesforce|the (?:api|server|org|connector|client|call|request)) (?:will|would|might|may|could|can|should) (?:get|return|throw|receive|raise|fail|respond|reply)\b`,
  // Docs and explanations of when an error happens: "can occur", "When X, Y is returned",
  // "After the limits have been exceeded, the following error is thrown".
  String.raw`\b(?:can|may|might|could|will|would) (?:occur|happen)\b|\b(?:when(?:ever)?|after|once) (?!i\b|we\b)[^.\n]{3,160}\b(?:is|are) (?:returned|thrown|raised|reported)\b|\bin the event that\b`,
  // User stories and write-ups about errors: "As a developer, I need…", "In this text I write about".
  String.raw`\bas an? (?:developer|user|admin|administrator|integrator)\b|\bin this (?:text|post|article|pr|pull request|change|guide)\b|\bi (?:thought of|would like to|want to) add(?:ing)?\b`,
  // Definitions: "ECONNRESET is the error thrown when…". Not what came up for the writer
  // ("Invalid login is the error that shows up"): SHOWS_UP above.
  String.raw`\b(?:is|are) (?:the|an?) (?:error|exception|status|code) (?:thrown|returned|raised|used|that${SHOWS_UP}|when|for)\b`,
  // Negations about what a system does: "does not issue 403::Unknown client".
  String.raw`\b(?:does|do|did)(?: not|n't) (?:issue|return|send|throw|raise|emit)\b`,
  // Citations and reference prose: "(see https://…)", "is reported by Salesforce as". Not cURL's own
  // pointer to its error list, which every Guzzle failure carries ("cURL error 6: … (see https://curl.haxx.se/libcurl/…)").
  String.raw`\(see https?:(?!\/\/curl\.(?:haxx\.)?se\/libcurl)|\b(?:is|are) reported (?:by|as|using)\b|\b(?:per|according to) the (?:docs|documentation)\b`,
  // Pull-request and changelog titles: "Automatically retry X errors", "Map DUPLICATE_VALUE to …",
  // "Fix System.QueryException: unexpected token".
  // With a ticket or conventional-commit prefix too: "SALTO-7409: Handle …", "fix(bulk): retry …".
  String.raw`^\s*(?:[-*]\s+)?[_*~]*(?:[A-Z][A-Z0-9]+-\d+(?:\s*[-:–])?\s+|[a-z]+(?:\([\w-]*\))?!?:\s+)?(?:automatically\s+)?(?:retry|retries|handle|handles|catch|catches|map|maps|support|supports|raise|raises|expose|exposes|surface|surfaces|parse|parses|detect|detects|increase|increases|suppress|suppresses|ignore|ignores|avoid|avoids|fix|fixes|prevent|prevents)\s`,
  // Proposals, fixes, examples, analysis and announcements about an error, not a report of one.
  // The generic reader ("you can easily run into this error if…"), hypotheticals ("let's say",
  // "or similar"), examples of a kind ("an error message like"), lists of what may happen.
  String.raw`\byou can (?:easily |also |quickly )?(?:run into|encounter|come across)\b`,
  // The reader addressed in general: "When you see X, move the query out of the loop" (not "when you get a chance").
  String.raw`\b(?:when|whenever|if) you(?:'re| are)? (?:see|get|receive|hit|encounter|run into|come across|seeing|getting|receiving|hitting|encountering|running into)\b(?! a chance)`,
  // What an error generally is: "the "Unable to lock row" error is usually…".
  String.raw`\b(?:error|exception|code|message)s?["'”]? (?:is|are) (?:usually|typically|often|normally|generally|mostly|commonly)\b`,
  // Labels of tips and FAQs: "FAQ: Why do I get X?", "Tip: …".
  String.raw`^[ \t]*(?:[-*][ \t]*)?(?:\*\*)?(?:faq|tip|pro tip|hint|best practice)s?(?:\*\*)?[ \t]*[:：]`,
  // The reader told what they will see: "While assembling your reports you receive this error
  // message:"; and a docstring's "Raised when the request is malformed".
  String.raw`\byou (?:receive|get|see|encounter) (?:this|the following|the|an?) (?:error|exception|message)\b|^[ \t]*(?:raised|thrown|returned) (?:when|if)\b`,
  // Advice: "To fix 'Too many SOQL queries: 101', move the query out of the loop", a talk's
  // "Why your integration gets X". (An example of a code, "for example InvalidBatch : …", is
  // FOR_EXAMPLE_CODE below, where case matters.)
  String.raw`^\s*to (?:fix|resolve|avoid|prevent|solve)\b[^,\n]{3,120},\s*(?:move|use|add|check|make|set|remove|increase|reduce|query|bulkify|enable|grant|ask|wrap|call|run|go|open|update|change|create|assign|give)\b|\bwhy (?:your|you)\b(?! think)`,
  // A knowledge article's "This issue occurs when a user attempts…" (not "when I run the batch").
  String.raw`\bthis (?:issue|error|problem|behaviou?r) (?:occurs|happens|appears|arises) (?:when|if) (?!i\b|we\b|my\b|our\b)`,
  // A general condition, then what the system does: "When the API Enabled permission is missing,
  // Salesforce returns the following error message:"; and what a call "can also get".
  String.raw`^\s*(?:when|if|whenever) (?!i\b|we\b|my\b|our\b)[^,\n]{3,120}, (?:salesforce|the (?:api|server|platform|org)) (?:returns|throws|raises|responds|sends|gives|shows|displays|will)\b|\b(?:can|could|may|might) also (?:get|return|throw|fail with|produce|cause)\b`,
  // A blog's "chances are you've seen the X error".
  String.raw`\bchances are (?:that )?you\b`,
  // Tests that fake an error: "the suite mocks a response like …".
  String.raw`\bmock(?:s|ed|ing)? (?:an? |the )?(?:\w+ )?(?:responses?|errors?|exceptions?|callouts?|failures?)\b`,
  String.raw`\blet'?s say\b|\bsuppose (?:that|you|we)\b|\bimagine\b|\(or similar\)|\berror (?:messages? )?like\b(?<!\b(?:gives?|gave|giving|got|get|gets|getting|throws?|threw|shows?|showed|returns?|returned)(?: \w+){0,2} error (?:messages? )?like)|\bpossible (?:\w+ )?(?:errors|error codes|error messages|exceptions|failures)\b|\ball (?:the )?(?:errors|exceptions|failures) (?:with|of|that)\b|\b(?:are|is) (?:suppressed|ignored|swallowed)\b`,
  // What generally happens, for anyone: "it is possible to run into X", "is a common issue",
  // "this typically occurs when", "usually you get this error when", "the following error will
  // be displayed", "the payload always contains", a change that prevents or fixes an error.
  String.raw`\b(?:it is|it's) possible to (?:run into|get|hit|see|encounter|receive)\b|\bis a (?:very )?common (?:issue|problem|error|cause)\b|\b(?:this|it|which) (?:typically|usually|often|commonly|generally|normally) (?:occurs|happens|means|indicates)\b|\b(?:usually|typically|normally|generally) you (?:get|see|will get|hit)\b|\byou (?:usually|typically|normally|generally) (?:get|see|hit)\b|\bwill be (?:displayed|shown|returned|thrown|raised|logged)\b|\b(?:always|usually|typically|normally) (?:contains|includes|looks like)\b`,
  String.raw`\bto (?:prevent|avoid|stop|fix|reduce|suppress|retry on|work around) (?:[\w'"\`-]+\s+){0,4}?[\w'"\`-]*(?:errors?|exceptions?|failures?)\b|\b(?:fixed|fixes|fix)\b[^.\n]{0,40}\bdue to\b`,
  // What a design keeps from happening ("ensures that the service does not fail because of an X
  // error"); what a step leads to, for anyone ("skipping this step will result in a X").
  String.raw`\b(?:does not|doesn't|do not|don't|will not|won't|never) fail (?:because of|due to)\b|\b(?:will|would) result in (?:an? |the )?["'\`]?(?:[\w.]*(?:Exception|Error)\b|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`,
  // "If the schema is not correct, you will get an error message with…".
  String.raw`\bif\b[^.\n]{3,120},\s*you(?:'ll| will| would)\s+(?:\w+\s+)?(?:get|receive|see|hit)\b`,
  String.raw`\bthe following (?:error|exception|message)s? (?:will be|would be|is then|are then) (?:thrown|returned|displayed|shown|raised|logged)\b|\b(?:a|the) (?:most )?common (?:causes?|reasons?)\b|\berrors? similar to\b|\bin your (?:code|org|trigger|class)\b|\bgenerally,? when you\b`,
  // A definition: "C-9999 is a server error that the CLI is simply reporting".
  String.raw`\b(?:is|are) (?:the|an?) (?:[\w-]+ ){0,2}(?:error|exception|status|code)s? (?:thrown|returned|raised|used|(?:that|which)${SHOWS_UP}|when|for)\b`,
  // Any call of a kind, not this one: "a REST API call that fails with this error returns…".
  String.raw`\b(?:an?|any|every|each)\s+(?:[\w-]+\s+){0,4}?(?:call|request|response|query|job|batch|update|insert|login)s?\s+(?:that|which)\s+(?:fails?|returns?|throws?|hits?|gets?)\b`,
  // Explaining the error in the general voice: "This error message is generated from…".
  String.raw`\bthis (?:error|exception)(?: message)? (?:is (?:generated|caused|related|raised|thrown|returned|triggered)|means|indicates|occurs|happens)\b`,
  // "errors like X" offers examples, unless something gave them: "it gives different errors like:"
  // (the look-behind sits after the words, so it runs only where they matched). A help article's
  // "Users may encounter X when:" and "…might not work and show the following exception:" speak of
  // anyone, not of the writer; "Look at the error reported by…" answers someone, and so does advice
  // with its promise ("re-authorize, that will take care of the X error").
  String.raw`\b(?:can|could|should|shall) we\b|\bthe fix (?:was|is)\b|\bknown/allowed\b|\bworkaround for\b|\bhypothes[ie]s\b|\berrors? like\b(?<!\b(?:gives?|gave|giving|got|get|gets|getting|throws?|threw|shows?|showed|returns?|returned)(?: \w+){0,2} errors? like)|\byou (?:may|might|will|could|can) (?:see|get|hit)\b|\b(?:users|customers|admins|administrators|developers|people) (?:may|might|can|could) (?:encounter|see|get|receive|hit|run into|experience|notice)\b|\b(?:may|might|could) (?:[\w-]+ ){0,6}?(?:show|reveal|throw|return|display|raise) the following (?:error|exception|message)s?\b|\b(?:will|would|should|that'll|it'll) (?:take care of|fix|solve|resolve|get rid of|clear) (?:the|this|that|your|those) (?:[\w'"-]+ ){0,4}?(?:errors?|exceptions?)\b|\blook(?:ing)? at the error\b|\bseems (?:like )?the (?:issue|problem)\b|\bthanks for (?:opening|reporting)\b|\bcan you confirm\b|\bmanifests\b|\bis (?:known|being investigated)\b`,
  // A quoted message as the subject of a sentence about it: '"Apex CPU time limit exceeded" doesn't
  // imply a bug', '"Unable to lock row" means another process…'.
  String.raw`^[ \t]*["“'][^"”'\n]{3,120}["”']\s+(?:(?:doesn't|does not|don't|do not)\s+(?:necessarily\s+)?|(?:usually|typically|normally|generally|simply|just|only)\s+)?(?:imply|implies|mean|means|indicate|indicates|signal|signals)\b`,
  // An explanation in a conditional about someone else: "If the value did not propagate, … fails with X".
  String.raw`(?:^|[.:]\s+)If (?!I\b|we\b|i\b|you\b)[^,\n]{3,120},`,
  // Japanese notes giving an example error ("エラー例", "例えば") rather than reporting one.
  'エラー例|例えば|発生することがあ|場合があります|ことがあります|とは[、,]|について(?:説明|解説|まとめ)|対処法|原因と対処|を意味します|が返されます|を返します',
  // Code that handles an error, described: "to identify a ForceException", "to detect these errors".
  String.raw`\bto (?:identify|detect|recogni[sz]e|handle|catch|distinguish|classify|surface|expose|translate|map) (?:(?:an?|the|this|that|these|those|such|all|any|specific)\s+)?(?:[\w'-]+\s+){0,3}?\S*(?:error|exception|fault|code|response|failure)s?\b`,
  // A condition about any caller, not something that happened: "if an API call returns X".
  String.raw`\b(?:(?:if|whenever|unless|in case)\s+(?:an?|the|any|some|every)|when\s+(?:an?|any|some|every))\s+(?:[\w-]+\s+){0,3}?(?:returns?|fails?|throws?|responds?|raises?|errors? out|experiences?|encounters?|hits?|gets?|receives?|runs? into)\b`,
  // The same condition with the system as its subject, in the present tense: "When Salesforce
  // returns invalid_grant, the client does not map it". Told as it happened, it is past: "when
  // Salesforce returned X, our job stopped".
  String.raw`\b(?:when|whenever|if|unless|in case)\s+(?:salesforce|sfdc|the (?:[\w/.-]+ )?(?:api|server|platform|endpoint|org))\s+(?:returns|throws|raises|responds with|sends back|gives)\b`,
  // Talk about code lists: "the StatusCode enum does not have X", "X, which is a standard
  // Salesforce error, is not listed in this class".
  String.raw`\benum(?:eration)?s?\b|\b(?:is|are) (?:not|n't) (?:listed|included|defined|declared|present|handled) in (?:this|the|that|our|your) (?:class|enum|list|file|mapping|map|table)\b|\bwhich is a (?:standard|known|documented) (?:salesforce )?(?:error|exception|code|status)\b`,
  // Proposals and plans: "we could add a retryOn option", "you should catch X", "I will implement a
  // filter when the errorCode is X".
  String.raw`\b(?:we|you|i|one) (?:could|should|might|can|will) (?!not\b|n't|only\b)(?:also )?(?:add|use|make|have|expose|introduce|implement|support|retry|handle|catch|check|return|throw|map|consider|provide|offer|allow|treat)\b`,
  // What a system does in general, and when: "Salesforce returns X when the token has expired",
  // "The Bulk API returns InvalidBatch when…", "the error X occurs when two transactions…", "jobs
  // can fail with X if…". Not "Salesforce throws below error when doing a query call:", which
  // announces the paste under it.
  String.raw`\b(?:salesforce|the (?:[\w/.-]+ )?(?:api|server|platform|endpoint|org)|this (?:call|method|endpoint|api))\s+(?:returns|throws|raises|responds with|sends|gives)\s+(?!(?:the |an? )?(?:below|following|this|these)\b)[^.\n]{0,80}?\b(?:when|if|whenever|once)\s+(?!i\b|we\b|my\b|our\b)`,
  String.raw`\b(?:error|exception|code|fault)\b[^.\n]{0,120}?\b(?:occurs|happens|comes|arises|is thrown|is raised|is returned)\s+(?:when|if|whenever|on|in|for)\s+(?!i\b|we\b|my\b|our\b|i'm\b|we're\b|my\b)`,
  // The reader addressed in general in other European languages, as "you may get X" above:
  // Italian "ti sarà capitato di ricevere l'errore", "potresti ricevere"; Spanish "es posible que
  // veas"; Portuguese "você pode receber"; French "vous pourriez voir".
  String.raw`\bti sar[àa] capitato\b|\bpotresti (?:ricevere|ottenere|vedere|incontrare)\b|\bes posible que (?:veas|recibas|obtengas|encuentres)\b|\bvoc[êe] (?:pode|poder[áa]) (?:receber|ver|encontrar|obter)\b|\bvous (?:pourriez|pouvez|risquez de) (?:recevoir|voir|rencontrer|obtenir)\b`,
  // The reader told what they will get: "It will give you System.DmlException: …".
  String.raw`\b(?:it|this|salesforce|the (?:system|platform|api))\s+will\s+(?:give|throw|show|return)\s+you\b`,
  String.raw`\b(?:can|may|might|could) (?:fail|error out|throw|raise|return|respond|occur)\b`,
  String.raw`\b(?:errors?|exceptions?|failures?) (?:that|which) (?:can |may |might )?(?:occur|happen|appear)s?\b`,
  // How a kind of error arrives, and what code does with it: "X errors, which are returned with a
  // 403 status", "… instead of treating them like an expired session" (a change description).
  String.raw`\b(?:errors?|exceptions?|faults?),? (?:that|which) (?:are|is) (?:returned|thrown|raised|reported|sent) (?:with|as|by)\b|\binstead of (?:treating|handling|reporting|returning|throwing|raising|mapping) (?:them|it|these|those|this|that|the)\b`,
  // Documentation cited, and problems solved: "the docs list X", "switching to serial fixed the X errors".
  String.raw`\b(?:the )?docs? (?:list|lists|mention|mentions|describe|describes|state|states)\b`,
  // General questions and remarks on an API's behaviour: "Is it common to see X errors when…",
  // "the JSON returned for an invalid session is …; ideally these would be the same".
  '\\bis (?:it|this) (?:common|normal|possible|expected|usual)\\b|\\bunder what circumstances\\b|\\b(?:is|are) returned as\\b|\\bideally\\b|\\bwould be (?:the same|consistent|better|more helpful)\\b',
  // Behaviour for any case, not this one: "the JSON returned for an invalid session is …".
  '\\b(?:returned|thrown|raised|sent) (?:for|when|on|if) (?:an?|any|every)\\b',
  String.raw`\b(?:fixed|solved|resolved|got rid of|eliminated|avoids|avoided|prevents|prevented)\s+(?:(?:the|these|those|our|this|that|all|most)\s+)?[\`'"]?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`,
  // A code defined by when it is used ("TransactionSecurityDeveloperError is used when customer
  // policies hit …"), and what a setup can lead to ("This can cause the HTTP 414 error"): both
  // speak of any case, not of one that happened.
  String.raw`\b[\w.]+(?:Error|Exception|Fault|Block|_[A-Z0-9]+)[\`'"]? (?:is|are) (?:used|returned|thrown|raised|sent) (?:when|if|for)\b|\b(?:can|may|might|could) (?:cause|lead to|trigger) (?:an?|the)\b`,
];
/**
 * The patterns above in eight expressions rather than one. V8 takes about 150 ms to prepare one
 * expression of 10,000 characters the first time it runs, which a one-shot CLI call pays in full;
 * eight smaller ones take less than half of that, and a line is tested as fast. A line talks about
 * errors when any of them matches, as it did when they were one alternation.
 */
const DISCUSSION_LINES: readonly RegExp[] = inGroups(DISCUSSION_LINE_PATTERNS, 8).map(
  (group) => new RegExp(group.join('|'), 'i'),
);

function inGroups<T>(items: readonly T[], groups: number): T[][] {
  const size = Math.ceil(items.length / groups);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * "the stateMessage holds the reason, for example InvalidBatch : …": an example of a code or a
 * camel-case name. Case matters here, so it is a pattern of its own (DISCUSSION_LINES ignore case,
 * under which "for example, john@acme.com" inside Salesforce's own messages would count).
 */
const FOR_EXAMPLE_CODE = /\b[Ff]or (?:example|instance),? (?=\S*[A-Z][A-Z_]{3,}|\S*[A-Z][a-z]+[A-Z]\w* ?:)/;

/**
 * A change that adds a code to a list or a rule: "Added INVALID_QUERY_FILTER_OPERATOR to the
 * non-transient errors", "adds `UNABLE_TO_LOCK_ROW` as retryable" (a PR or changelog line). Case
 * matters for the same reason: "added my_field to the query" is what someone did before an error.
 */
const ADDS_CODE =
  /\b[Aa]dd(?:s|ed|ing)?\s+[`'"]?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[`'"]?\s+(?:to|as|into|in|exclude|handling|support|mapping|check)\b/;

/** Talk about errors, the case-insensitive patterns and the case-sensitive ones together. */
function talksAboutErrors(text: string): boolean {
  return DISCUSSION_LINES.some((re) => re.test(text)) || FOR_EXAMPLE_CODE.test(text) || ADDS_CODE.test(text);
}

/**
 * A checklist that says the code was NOT received ("- [ ] I got this error back from
 * Salesforce", restforce's issue template) turns every bare mention into design talk.
 */
const NOT_RECEIVED = /\[ \][^\n]{0,20}\b(?:i|we) (?:got|get|received|receive) (?:this|the) error\b/i;
const RESCUE_TICKED = /\[[xX]\][^\n]{0,40}\brescue\b/;

/** Pull-request and release-note templates describe a change to code, not an error someone hit
 * (a release note's "Fixed Issues" or "Bug fixes" section among them); so does a PR that opens
 * with a bare "## What" or "## Why" heading (a bug report's reads "What happened"), and one that
 * says what its code does from now on ("we now print the error messages from the server"; a
 * report says what it gets: "we now get", "it now throws"). "This PR" followed by a link is a
 * report pointing at someone else's change ("a test method added in this PR: https://…"). */
const DESCRIBES_CHANGE =
  /^[\s_*]*release notes?[\s_*]*:|^#{1,4}\s*(?:description of (?:the )?change|changes(?: in this (?:version|release))?|what does this pr do|release notes?|changelog|qa steps)\b|^#{1,4}[ \t]*(?:what|why)[ \t]*\n|^changes in this (?:version|release)\b|^[ \t]*#{0,4}[ \t]*(?:fixed issues|resolved issues|bug fixes)[ \t]*$|^[ \t]*(?:[-*][ \t]*)?add(?:s|ed)? (?:a |the )?known issues?\b|\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?) #\d+\b|\bthis (?:pr|pull request)\b(?![ \t]*:?[ \t]*https?:\/\/)|\bwe now (?:print|show|display|surface|return|throw|log|include|propagate|emit|raise)s?\b/im;

/** A change description that says its authors met the error first: "for B2B LWR store we got
 * this error:", "We've been seeing some INVALID_TYPE errors when using this query". */
const CHANGE_AFTER_OWN_ERROR =
  /\b(?:we|i)(?: have|'ve)? (?:got|were getting|been getting|been seeing|were seeing|saw|hit|ran into|encountered) (?:this|the following|some|an?|the same)\b[^.\n]{0,40}\b(?:error|exception)s?\b/i;

/**
 * Japanese articles, help pages and study notes explain errors: in the present tense ("…際に
 * 出力されます"), with examples ("失敗例", "例:", "以下のようなエラー"), reference layouts
 * ("エラー内容", "発生原因") and rhetorical questions to the reader ("…経験はありませんか?").
 * A Japanese report says what happened ("…が出ました", "…で失敗します") or asks for help with it
 * ("対処法を教えてください"); cues.ts lets such a first-hand report outweigh these markers.
 */
const JAPANESE_ARTICLE = new RegExp(
  [
    'この記事|本記事|(?:この|次の|以下の)例では|解決策|対処法|対処方法|対策|回避する|解説|NG ?例|OK ?例|症状|エラーは、|遭遇した場合',
    // Explaining when an error appears: "…際に出力されます", "…場合に発生します", "発生する可能性がある".
    // "…を超えたときに表示されます": when it appears, in general (a report says "表示されました").
    '際に(?:発生|出力|表示|返)|場合に(?:発生|出力|表示)|(?:とき|時)に(?:発生|出力|表示|返)(?:し|され)ます|可能性があ|ことがある',
    // Advice and risks, not occurrences: "これで…エラーは回避可能です", "…エラーが発生してしまう危険".
    '回避(?:可能|でき(?:ます|る))|(?:発生|出)(?:する|してしまう)(?:危険|恐れ|おそれ|リスク)',
    // A help page's list of related articles: "関連情報:", "関連記事".
    String.raw`(?:^|\n)[ \t]*(?:[-*•■][ \t]*)?関連(?:情報|記事|リンク)[ \t]*[:：]?[ \t]*(?:\n|$)`,
    // Examples and typical cases: "失敗例", "例:", "典型的な", "よくある", "以下のようなエラー".
    String.raw`失敗例|エラー例|(?:^|\n)[ \t]*(?:【)?例(?:】)?[ \t]*[:：]|典型的|代表的|よくあ(?:る|って|りま)|よく(?:耳に|見かけ|目に)|のような(?:エラー|メッセージ)`,
    // Addressing the reader: "…経験はありませんか?", "どう対応すべきか", "…について書く";
    // conditions: "…が返ってきた場合、", "…場合がある"; trying an error out: "意図的に起こしてみます".
    // "…という経験は、多くの開発者が一度は直面する悪夢ではないでしょうか", "…まで完了したとします":
    // what many meet in general, or a case supposed for the reader.
    '多くの(?:開発者|方|人|ユーザー|エンジニア)が|ではないでしょうか|(?<!よう)とします[。、]|' +
      '経験(?:は|が)?ありませんか|ことを示しています|事を示しています|読み取れます|ありませんか[?？]|すべきか|について(?:書|紹介)|(?:た|る)場合[、,は]|場合がある|意図的に|起こしてみ|試してみま|ましょう',
    // What always or generally happens: "下記のエラーが発生します", "…をかけると、…が発生します",
    // "必ず…エラーが返ってきます", "…場合に、エラーが表示されます"; a sample's behaviour, shown to the
    // reader: "以下のコードはNullPointerExceptionが発生します".
    '(?:下記|以下|次)の(?:ような)?(?:エラー|例外|メッセージ)(?:が|は)(?:発生|表示|出力|返)(?:します|されます|する|される|ってきます|ります)|必ず[^。\n]{0,40}(?:エラー|例外)|場合[にはも]?、?[^。\n]{0,20}(?:発生|出力|表示)(?:します|されます)|(?:下記|以下|次)の(?:コード|サンプル|処理|例)(?:は|で|を実行すると)[^。\n]{0,80}(?:発生|出力|表示)(?:します|されます)',
    // Reference layout: "エラー内容", "発生原因", "原因:", "エラー説明"; sources: "抜粋", "リファレンス".
    // A line ending in エラー is a heading, unless it points at the paste below ("…で下記エラー").
    String.raw`参照してください|(?:次|以下)の例|サンプルを示|」は[^。\n]{0,40}(?:エラー|例外)です|[A-Za-z_]{6,}\s*は[、,]?[^。\n]{0,40}(?:エラー|例外)です|エラー内容|発生原因|エラー説明|(?:^|\n)[ \t]*原因[ \t]*[:：]|抜粋|リファレンス|紹介します|参考にして|について(?:説明|解説|まとめ|です)|(?<!(?:下記|以下|次)の?)(?:エラー(?:メッセージ)?|について)[ \t]*(?:\n|$)`,
  ].join('|'),
  // "NG 例" and friends are matched in the lower-cased text.
  'i',
);

/**
 * Docs, vendor FAQs and cheat sheets lay an error out with labelled explanation fields (Cause:,
 * Resolution:, Categoría:, Cosa sta succedendo:, 原因:, also in bold: **Cause**:), two or more of
 * them: a reference page, not a report.
 */
const EXPLANATION_LABEL =
  /^[ \t]*(?:#{1,4}[ \t]*)?(?:description|beskrivning|descrizione|descripci(?:ó|o)n|resolution|risoluzione|r(?:é|e)solution|l(?:ö|o)sning|resoluci(?:ó|o)n|symptoms?)[ \t]*$|^[ \t]*(?:#{1,4}[ \t]*)?(?:(?:common |possible |root )?causes?|solutions?|troubleshooting steps|how to fix(?: it)?)[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-*•][ \t]*|\d+\.[ \t]*)?\S+(?:[ \t]+\S+){5,}|^[ \t]*(?:[-*•][ \t]*)?(?:\*\*|__)?(?:cause|causes|root cause|resolution|solution|workaround|category|meaning|explanation|inherits|defined in|symptoms?|error message|applies to|what(?:'s| is) happening|troubleshooting(?: steps)?|how to fix|the fix|quick answer|why it matters|what it (?:likely |probably )?means|error (?:text|name)|categor[ií]a|causa|soluci[oó]n|qu[eé] est[aá] ocurriendo|soluzione|cosa sta succedendo|(?:procedura di )?risoluzione dei problemi|pasos para [^:\n]{1,40}|ursache|l[öo]sung|原因|対処(?:法|方法)?|解決(?:策|方法)|説明|エラー説明|エラー内容|エラーメッセージ|症状|発生原因|意味|カテゴリ|状況|トラブルシューティング(?:手順)?)(?:\*\*|__)?[ \t]*[:：]/gim;

/** A reference mapping: a code, then an arrow to what it means or what to do ("INVALID_SESSION_ID (401) → Re-authenticate"). Salesforce never prints an arrow. */
const CODE_ARROW_LINE = /^[^\n]{0,12}\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b[^\n]{0,30}?(?:→|->|=>)/gm;
/** A code alone on its line with a sentence about it on the next: a reference page's list. A bare
 * list of codes ("- DUPLICATE_VALUE\n- REQUIRED_FIELD_MISSING") is what someone got, not a reference. */
const CODE_WITH_DESCRIPTION =
  /^[ \t]*(?:[-*•][ \t]*)?`?[A-Z][A-Z0-9]*_[A-Z0-9_]+`?[ \t]*\n[ \t]*(?:[-*•][ \t]*)?[A-Z][a-z]+(?: \S+){3,}/gm;
/** A message catalogue (sfdx-core's messages/*.md): a heading that is only a name ("# INVALID_ID_FIELD",
 * "# RefreshTokenAuthError", "# C-9999"), then the sentence it stands for. */
const CATALOGUE_HEADING =
  /^#{1,4}[ \t]*(?:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z]-\d{3,5})[ \t]*\n(?:[ \t]*\n)?[ \t]*[A-Z][\w'’]*(?: \S+){3,}/gm;
/** A tutorial's steps: "Step 1: Read the error message" (words, not a command: "Step 1: sf org login"). */
const STEP_HEADING = /^[ \t]*(?:#{1,4}[ \t]*)?[Ss]tep \d+[ \t]*[:.][ \t]*[A-Z][a-z]+(?: [A-Za-z]+){2,}/gm;
/**
 * A line that gives an English text with its Japanese translation in brackets ("An unhandled fault
 * has occurred in this flow (このフローで未対応の障害が発生しました)"): a writer translating for the reader.
 * A paste shows the message in the one language the org speaks.
 */
const TRANSLATED_FOR_READER = /^[\x20-\x7e]{12,}[ \t]*[（(][^)）\n]*[\u3040-\u30ff][^)）\n]*[)）][ \t。.]*$/m;
/** Markdown front matter with a title: the source of a documentation page. */
const FRONT_MATTER = /^---\r?\n(?:[\w-]+:[^\n]*\r?\n){0,12}?title:[^\n]*\r?\n(?:[\w-]+:[^\n]*\r?\n){0,12}---/;

/** A changelog's version headings ("## 1.5.1", "### v2.0.0 (2024-03-01)"): two make a changelog,
 * which names the errors a release handles without reporting one. */
const RELEASE_HEADING = /^[ \t]*#{1,4}[ \t]*(?:\[?v?\d+\.\d+(?:\.\d+)?\]?)(?:[ \t]|$)/gm;

/** English write-ups about errors: "In this article", "Common errors", a title "How to Prevent X Errors". */
const ENGLISH_ARTICLE = new RegExp(
  [
    String.raw`^[ \t]*(?:#{1,4}[ \t]*)?(?:what (?:does|do) (?:this|these|the) (?:error|exception|message)s? mean|what (?:can |could )?causes? (?:this|these|the) (?:error|exception)s?|why (?:this|it) happens?|what happens|what the error means|scenario \d+)\b[^\n]{0,40}$`,
    String.raw`^[ \t]*(?:knowledge article number|publish(?:ed)? date|publiceringsdatum|data (?:di )?pubblicazione|date de publication|ver(?:ö|oe)ffentlichungsdatum|fecha de publicaci(?:ó|o)n|公開日)\b`,
    String.raw`\b(?:glossary|dictionary)\b[^\n]{0,60}$`,
    // Not a pointer to another page: "(as described in the final section of this article)", "Read this
    // article on the Hub to learn…", "Please refer to this article" sit in reports and notification e-mails.
    String.raw`\b(?<!\b(?:of|read|see|check|to) )(?:in|this) (?:article|guide|tutorial|blog post|cheat ?sheet)\b`,
    String.raw`\bcommon (?:[\w/-]+ ){0,3}(?:errors|error codes|issues and (?:fixes|solutions))\b`,
    // A blog's hook and title: "Have you ever encountered the frustrating X error?", "A Troubleshooting
    // Guide", "Let's break down the problem", "What is the maximum trigger depth exceeded exception in
    // salesforce?" (not "What is this error?", which a person asks about their own paste).
    String.raw`\b(?:have you ever|how often have you) (?:encountered|seen|run into|come across|hit|gotten|received|faced)\b|\btroubleshooting guide\b|\blet'?s break (?:down|it down|this down)\b`,
    String.raw`^[ \t]*(?:#{1,4}[ \t]*)?what (?:is|are) (?:the |an? )(?!this\b)[^\n?]{3,80}\b(?:error|exception)s?(?: in (?:salesforce|apex))?\?[ \t]*$`,
    String.raw`\ba common cause (?:for|of) this (?:error|exception)\b`,
    String.raw`\b(?:error|exception) (?:in salesforce )?occurs (?:when you|due to)\b`,
    // A vendor page listing the forms a failure takes: "… which may be presented as one of the following errors:".
    String.raw`\b(?:may|might|can|could) be (?:presented|shown|displayed|reported|surfaced) as\b|\bone of the following (?:errors|error messages|messages)\b`,
    String.raw`\bin this post,? (?:i|we)(?:'ll| will) (?:explain|show|walk|cover|look|describe|discuss)\b`,
    String.raw`\b(?:e-?mail|message|error|notification) that you (?:receive|get|see) (?:begins|starts|looks|reads|says|contains)\b`,
    String.raw`\bcommon [\w-]{1,30} (?:payloads|responses|messages)\b`,
    String.raw`^[ \t]*also seen as`,
    // A knowledge article's symptom paragraph: "Users may notice that when a chat is initiated, …",
    // "Users occasionally report that when they file an email …".
    String.raw`^[ \t]*(?:users|customers|admins|administrators) (?:may|might|occasionally|sometimes|often) (?:notice|encounter|experience|observe|see|receive|report)\b`,
    String.raw`\bin the (?:following )?example\b[^\n]{0,40}\bbelow\b`,
    String.raw`^#{1,4}\s*troubleshooting\b`,
    String.raw`^[ \t]*when you (?:receive|get|see|encounter|hit) (?:this|the|that) (?:[\w.]+ )?(?:error|exception|message)\b[^\n,]{0,30}?,[ \t]*(?:this|it) (?:means|indicates)\b`,
    String.raw`^[ \t]*(?:#{1,4}\s*)?how to (?:prevent|avoid|troubleshoot)\b[^?\n]*$`,
    String.raw`^[^\n]{0,40}\berror (?:status )?codes[ \t]*$`,
    String.raw`\ba common (?:issue|error|problem|mistake)\b[^.\n]{0,40}\b(?:encounter|run into|face|hit|see)\b`,
    String.raw`^[ \t]*(?:#{1,4}[ \t]*)?error handling[ \t]*$`,
    String.raw`^[ \t]*(?:#{1,4}[ \t]*)?(?:tl;? ?dr|key takeaways?)[ \t]*:?[ \t]*$`,
    String.raw`^[^\n]{0,30}\bwhat (?!(?:does |do )?(?:this|these|that|it)\b)(?:does |do )?[^\n?]{3,60} (?:actually |really )?means?\??[ \t]*$`,
    String.raw`^[ \t]*(?:options|choose \d+ answers?)[ \t]*:[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[1-9]|[a-d])[.)]`,
    String.raw`\bwhich (?:approach|solution|option|feature|tool)s? should (?:the|a|an) [\w ]{1,30} (?:recommend|use|choose)\b`,
    String.raw`^[ \t]*(?:#{1,4}[ \t]*)?examples? of (?:an? )?(?:error|errors|error response|failed request)\b`,
    String.raw`\bthis (?:error|exception) means (?:that )?you\b`,
    String.raw`\b(?:this|the|these|an?) (?:[\w.]+ )?(?:error|exception|status code|error code)s? (?:typically|usually|generally|commonly|normally|mostly) (?:means|indicates|occurs|happens|appears|is (?:returned|thrown|raised|triggered)) (?:when|if|because|whenever|during)\b`,
    String.raw`\bfor many (?:salesforce )?(?:developers|admins|administrators|users|teams), (?:encountering|hitting|seeing|getting)\b`,
    String.raw`\b(?:will|would) (?:return|throw|raise) (?:you )?(?:an? |the )?(?:error|exception)\b(?![ \t]*:)`,
  ].join('|'),
  'im',
);

/** A line that introduces an example: "例:", "Example:", "For example:", "Sample response:", or a
 * label with the example after it on the same line ("APIのエラーレスポンス例: [{…}]"). "The error
 * looks like:" and "… as follows:" introduce one only when the writer is not speaking of their own
 * setup or result ("We configured the tab as follows:" is followed by what happened to them), and
 * "such as:" only when nobody was getting them ("…getting errors such as:" shows one they got). */
const EXAMPLE_MARKER =
  /^[^\n]{0,40}(?:出力例|実行例|エラー例)[ \t]*[:：]?[ \t]*$|^[^\n]{0,40}(?:レスポンス例|エラー例|出力例|実行例|ログ例|メッセージ例|エラーメッセージの例)[ \t]*(?:[:：]|[–—-][ \t])|^[ \t]*(?:example|sample) (?:error|response|output|message|body|payload)[ \t]*[:：]|^[ \t]*(?:[-*•][ \t]*)?(?:【)?(?:例|エラー例|出力例|実行例|サンプル|例子|示例|错误例子|错误示例|范例|example(?: error| response| output| warning| message)?|for example|e\.g\.|sample(?: error| response| output| warning| message)?|ejemplo)(?:】)?[ \t]*[:：]?[ \t]*$|^[^\n]{0,200}\b(?:example (?:is|would be)|for example)[ \t]*[:：][ \t]*$|^(?![^\n]*\b(?:getting|got|seeing|saw|receiving|received|hitting)\b)[^\n]{0,200}\bsuch as[ \t]*[:：][ \t]*$|^(?![^\n]*\b(?:i|we|my|our)\b)[^\n]{0,200}\b(?:looks? like(?: this)?|like (?:this|so)|as follows|(?:an?|the) (?:[\w-]+ ){0,2}(?:message|error|exception|response|output)s? (?:like|similar to))[ \t]*[:：][ \t]*$/gim;

/** Docs pages' and READMEs' example introducers: "Following is a sample success response returned
 * by Salesforce:", "The following example shows the response for a subrequest that …:", "The
 * failure response … is of the following format:", "Error responses generally follow a consistent
 * JSON format:", a heading that names what it shows ("Example of a Problem Record DLO Payload"),
 * an AI tool's README offering a prompt to type ("Ask Claude Code:", "Example prompts:"), and a
 * reference page's "The error response … looks similar to the following." (not the writer's own
 * "my error looks like the following:").
 * Kept apart from EXAMPLE_MARKER and run only when one of their words is in the text: each scans
 * a line from its start, and long logs have hundreds of lines that hold none of them. */
const DOCS_EXAMPLE_MARKER =
  /^[^\n]{0,80}\b(?:sample|example) (?:\w+ )?(?:response|request|output|payload|body)s?\b[^\n]{0,80}[:：][ \t]*$|^[ \t]*(?:#{1,4}[ \t]*)?(?:an? )?(?:example|sample) of (?:an? |the )?[^\n]{0,60}\b(?:payload|response|request|output|body|error|message)s?[ \t]*[:：]?[ \t]*$|^[^\n]{0,40}\b(?:the following|this) (?:example|sample)s? (?:shows?|illustrates?|demonstrates?)\b[^\n]{0,160}[:：][ \t]*$|^[^\n]{0,160}\b(?:of|in) the following (?:format|form|structure|shape)[ \t]*[:：][ \t]*$|^[^\n]{0,160}\b(?:follows?|has|have|uses?) (?:an?|the) (?:[\w-]+ ){0,3}(?:format|structure|shape)[ \t]*[:：][ \t]*$|^[ \t]*(?:[-*•][ \t]*)?(?:#{1,4}[ \t]*)?(?:(?:ask|tell|prompt)[ \t]+(?:claude(?: code)?|chatgpt|copilot|cursor|gemini|(?:the|your) (?:assistant|agent|ai|bot))|try asking|(?:example|sample) (?:prompts?|questions?))[^\n]{0,30}[:：][ \t]*$|^(?![^\n]*\b(?:i|we|my|our|me|us)\b)[^\n]{0,200}\b(?:looks?|is|are|appears?) (?:similar to|like) the following[ \t]*[.:：][ \t]*$/gim;
const DOCS_EXAMPLE_WORDS = /\b(?:sample|example|the following|ask|tell|prompt|try asking|format|structure|shape)/i;

/** A printed exception ("RuntimeError: Unexpected error: {:Fault=>{…") is output, even when the
 * value it prints looks like source code (a Ruby hash, a JSON object); so is a method's printed
 * failure ("SFMobileSyncReactBridge.syncDown failed: {"status":"FAILED",…};"). */
const PRINTED_EXCEPTION =
  /^\s*(?:(?:[A-Z][\w$]*(?:\.|::))*[A-Z][\w$]*(?:Error|Exception|Fault)|[A-Z][\w$]*\.[a-z][\w$]* failed):\s/;

/** A line a program wrote: it starts with a timestamp (an Apex debug log's is 18:14:44:833), or
 * with a log level in brackets. */
const LOG_LINE =
  /^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\[?\d{2}:\d{2}:\d{2}(?:[.,]\d|:\d{3}\b)|\[(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL)\])/;

/** Salesforce's own wording around an error, which reads like talk but is the platform's: the
 * frame of a failed DML ("ConvertLead failed. First exception on row 0; first error:
 * DUPLICATES_DETECTED, Duplicates Detected", where "detected" is no one talking about detecting
 * errors) and the advice on the flow runtime's error screen ("… If the problem continues, get in
 * touch with your administrator with the error ID shown here", a conditional no writer made). */
const PLATFORM_WORDING =
  /\bfirst exception on row \d+[;,] first error: |\bIf the problem continues, get in touch with your administrator\b/i;

/** Signs of output captured from a real run: an Apex or Java stack frame, a timestamped log line,
 * an Apex debug log line ("18:02:11.512 (512000000)|EXCEPTION_THROWN|…"). */
const CAPTURED =
  /\b(?:Class|Trigger)\.[\w.]+: line \d+|^\s+at [\w.$<>]+\(|\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|^\d{2}:\d{2}:\d{2}\.\d{1,3} \(\d+\)\|[A-Z_]+\|/m;

/** A line that points at what comes next: "the following error", "shown below", "like this:", and
 * a line that ends on "like" before the block it means ("If you see a warning like"). */
const ANNOUNCES = /\b(?:following|below)\b|[:：]\s*$|\blike(?:\s+(?:this|so))?\s*$/i;
/** A paragraph that is one short title line, no sentence ("Error Message", "Error:"). */
const SHORT_HEADING = /^[ \t]*[#*]*[ \t]*[A-Za-z][\w ]{0,30}:?[*]*[ \t]*$/;
/** A bug report's reproduction-steps heading or lead-in ("**What are the Steps to Reproduce?**"),
 * or the issue template's "Describe the bug": what a sentence under it announces is what the
 * reporter met ("A flow error occurs when updating the contact's LastName:"). */
const BUG_REPORT_SECTION = /\b(?:steps to reproduce|to reproduce|reproduction steps|repro steps|describe the bug)\b/i;
/** The writer telling what they did ("I built the recipe according to the documentation (please see
 * below recipe)"): what that sentence points at is their own setup, not an example of an error. */
const WRITER_DID =
  /^\W*(?:i|we)\s+(?:built|ran|set up|made|wrote|got|tested|tried|configured|created|installed|followed|used|deployed|added|connected|upgraded|updated|enabled|changed|moved|called|started|imported|exported)\b/i;

/** An error told as a past event, not under a condition ("below error came up:", "the following
 * error occurred:"); docs announce what will or would appear ("If this occurs, the following error
 * is displayed"). */
const TOLD_IN_THE_PAST =
  /^(?!\W*(?:if|when|whenever|in case|once)\b)[^\n]*\b(?:came up|occurred|appeared|popped up|showed up|happened|was (?:thrown|returned|raised|displayed|shown|logged)|were (?:thrown|returned|logged))\b/i;

/**
 * Openings of texts about errors rather than reports of one: a PR or commit title ("Increases
 * the retry timeout…", "SALTO-7409: Handle …"), a hypothetical ("Let's say you want to…"), the
 * generic reader ("You can easily run into this error if…"), a list of what may happen.
 */
const OPENING_TALK = new RegExp(
  [
    String.raw`^\s*(?:[-*]\s+)?(?:[A-Z][A-Z0-9]+-\d+(?:\s*[-:–])?\s+|[a-z]+(?:\([\w-]*\))?!?:\s+)?(?:adds|increases|decreases|fixes|handles|retries|catches|maps|supports|raises|exposes|surfaces|parses|detects|suppresses|ignores|avoids|prevents|improves|updates|removes|bumps|reduces|introduces|implements|allows|ensures|makes|moves|refactors|treats|skips|wraps)\s+(?:the|a|an|all|this|these|support|\w+ing\b|[\w-]+\s+(?:errors?|exceptions?|handling|retr(?:y|ies)))`,
    String.raw`^\s*(?:[-*]\s+)?(?:[A-Z][A-Z0-9]+-\d+(?:\s*[-:–])?\s+|[a-z]+(?:\([\w-]*\))?!?:\s+)(?:handle|retry|catch|map|support|suppress|ignore|avoid|fix|add)\s`,
    String.raw`\blet'?s say\b|^\s*suppose\b|^\s*imagine\b|\byou can (?:easily |also |quickly )?(?:run into|encounter|come across)\b|\byou(?:'ve| have) (?:probably |likely |surely |undoubtedly )?(?:come across|run into|encountered)\b|^\s*this (?:change|pr|pull request|commit|patch)\b|\bpossible (?:\w+ )?(?:errors|error codes|error messages|exceptions|failures)\b`,
  ].join('|'),
  'i',
);

/**
 * A template, not an occurrence: a placeholder that names the kind of text that goes there
 * ("<Error description>", "[エラー内容]", "{error message}").
 */
export const TEMPLATE_PLACEHOLDER =
  /[<[{](?:error|exception)[ _-](?:description|message|details?|text)[>\]}]|\[(?:number|percent|count|object name|field name|record id)\][^\n]{0,80}\[(?:number|percent|count|object name|field name|record id)\]|[<[{［](?:エラー|例外)(?:内容|メッセージ|詳細|コード)[>\]}］]/i;

/** Failures of the client itself, not of Salesforce: a JavaScript or Python error, OpenSSL, Node, a
 * local file that is missing (a JWT key), the CLI's local git index for source tracking
 * (isomorphic-git, also by its own messages: "Could not find HEAD.", "SHA check failed", zlib's
 * "incorrect header check", which the CLI prints after "Metadata API request failed:"), or another
 * service's SDK error (AWS: "operation error Appflow: …, https response error StatusCode: 400";
 * Dialogflow's "Webhook call failed. Error: UNAVAILABLE, State: …", about the bot's own webhook). */
const CLIENT_SIDE_FAILURE =
  /\b(?:TypeError|ReferenceError|SyntaxError|RangeError)\b(?: \[ERR_\w+\])?:|\bERR_[A-Z][A-Z_]{3,}\b|\bPEM routines\b|\b(?:[Dd][Ss][Oo] [Ss]upport|DECODER|digital envelope) routines\b|\bcould not load the shared library\b|\bisomorphic-git\b|\bCould not find (?:HEAD|refs\/[\w/.-]+)\.|\bSHA check failed\b|\bincorrect header check\b|\berror:[0-9A-F]{8}:|\bCannot read propert(?:y|ies) of (?:undefined|null)\b|\bis not a function\b|\b(?:ValueError|KeyError|AttributeError|ModuleNotFoundError|ImportError):|\bPHP (?:Parse|Fatal) error\b|\bsyntax error, unexpected\b|\bENOENT: no such file or directory\b|\boperation error \w+: \w+, https response error StatusCode\b|\bWebhook call failed\. Error: [A-Z_]+, State: [A-Z_]+/;

/** Asking for help with one's own problem: "対処法を教えてください", "分かる方いますか". First-hand,
 * but it says nothing happened by itself (prose.ts leaves it out when a phrase needs that). */
export const JAPANESE_ASKING =
  '教えて(?:ください|下さい|いただ|頂)|ご教示|(?:分かる|わかる)方|助けてください|どうすれば(?:よい|良い|いい)';

/** "遭遇した" before a noun describes it ("実際に遭遇したエラーの一例", "遭遇した「X」の概要"): an
 * article's heading or framing, not the telling of what happened. */
const ENCOUNTERED_WHAT = '(?:「|『|エラー|例外|一例|事例|ケース|もの|内容|問題|経験)';

/** A Japanese first-hand report: the past or ongoing ("エラーが出ました", "…が発生しています"). */
export const JAPANESE_FIRST_HAND = new RegExp(
  [
    // Also as people type it in chat, without the い: "…が大量に出てます", "エラーになってます".
    // Not a risk or a generality: "…エラーが発生してしまう危険", "…出てしまうことがあります".
    '(?:出|発生し|表示され|失敗し|返され|返ってき|起き|落ち|な)(?:ました|ています|ていました|てしまいました|てしまう(?!危険|恐れ|おそれ|リスク|可能性|こと)|てしまい[、,]|てます|てました)',
    // "…という例外を受け取りました": received, told in the past.
    '受け取りました|受け取ってしまいました|受信しました',
    // "…が発生するようになってしまいました", "…に何度も遭遇してしまいました", "実際に遭遇した", "ハマった".
    // A failure dated in the writer's recent past: "今朝から INVALID_SESSION_ID が返ってきます".
    '(?:今朝|昨日|昨夜|今日|先週|先日|数日前|さっき)から[^。\n]{0,80}?(?:エラー|例外|失敗|返って|出て|出ます|発生|落ち|[A-Z_]{4,})',
    // "夜間バッチが止まりました", "ロック競合でエラー多発しています".
    `止まりました|止まって(?:しまいました|います|ます)|多発し(?:ています|てます|ました)|なってしまいました|なってしまった|遭遇し(?:ました|てしまいました|てしまった|た(?!場合|とき|時|際|ら|という|こと(?:が|は)?(?:あり|ある|な)|${ENCOUNTERED_WHAT}))|実際に(?:遭遇|出会|発生)(?!した${ENCOUNTERED_WHAT})|ハマった|ハマりました`,
    // What happened, mid-sentence: "エラーが発生して処理がされません", "エラーが発生したため".
    // Also the blog narrative's noun-ending past ("…というエラーが発生。"), which docs don't write,
    // and the writer's own try ("実行してみたところ、…").
    '(?:エラー|例外)が(?:発生|出現)[。！!]|[てで]みたところ|[てで]みると[、,\\s]',
    // A blog's own demonstration, told as its result: "期待通りに … 101になりました",
    // "実行すると … とエラーが表示されることが確認できます".
    '期待(?:通り|どおり)に?[^。\\n]{0,120}?(?:になりました|が(?:出|発生し)ました)|(?:エラー|例外)が(?:表示|発生|出力)されることが確認でき',
    '(?:エラー|例外)が(?:発生|出)(?:して(?!いる場合|いない|いる(?:事|こと)|しまう(?:危険|恐れ|おそれ|リスク|可能性|こと))|した(?!場合|とき|時|ら)|ており|し[、,](?=[^。]{0,200}?(?:ました|ています|ていました|てしまった|た(?:。|$))|[ \t]*$))',
    String.raw`(?:エラー|例外|ログ|メッセージ)[^\n。]{0,20}?(?:出|発生し|表示され|出力され)た(?:。|$|ので|けど|が、)`,
    // "…というエラーに悩まされた", "…エラーに出くわしました": what the writer went through.
    '困っています|頻発して|悩まされ(?:た|ました|ています)|(?<!よく)出くわし(?:た|ました)|引っかか(?:りました|ってしまいました|ってしまった|ってしまうことがありました)',
    // The colloquial present a person describes their own trouble in: "…というエラーが出ます",
    // "…でエラーになります", "…で失敗します" (documentation says 発生します, 表示されます, 返されます).
    '(?<!この|その|同じ)(?:エラー|例外)(?:が|に|と)(?:出ます|出る(?:。|$)|出てしまう|出てしまいます|なります|なる(?:。|$)|なってしまう|なってしまいます)',
    JAPANESE_ASKING,
    'で失敗し(?:ます|てい)|(?:して|されて|で|が出て)失敗する(?:。|$|ので)',
    // Stating one's situation before asking: "…が返ってくるのですが", "…で失敗するんですが".
    '(?:出る|出て|発生する|返ってくる|返される|表示される|なる|失敗する)(?:の|ん)(?:です|だ)(?:が|けど)',
  ].join('|'),
  'm',
);

/** Present-tense wording that reports in a question but also explains in documentation
 * ("…というエラーが発生します", "…と表示されます"): a report cue, but not a first-hand one. */
export const JAPANESE_REPORT = new RegExp(
  [
    '(?:という|の)(?:エラー|例外|メッセージ)(?:が|に)(?:発生し|表示され)(?:ます|る)',
    // The code itself, then the colloquial present: "トークン取得時に invalid_grant になります",
    // "INVALID_SESSION_ID が返ってきます" (docs say 返されます).
    String.raw`(?:[A-Z][A-Z_]{3,}|[a-z]+_[a-z_]+)(?:\s*[(（][^)）\n]{0,40}[)）])?\s*(?:が|に|と)(?:出ます|なります|なってしまいます|返ってきます|返ってくる)`,
    // Any pasted text, then the complaint form: "…Too many SOQL queries: 101 になってしまいます".
    String.raw`[\x21-\x7e」』]\s*(?:に|と)なってしまいます`,
  ].join('|'),
  'm',
);

export interface ScanDoc {
  readonly text: string;
  readonly lower: string;
  readonly truncated: boolean;
  lineKindAt(index: number): LineKind;
  lineAt(index: number): { readonly start: number; readonly end: number };
  /** Does the paste show anything that ties it to Salesforce (hosts, paths, tools, libraries)? */
  salesforceContext(): boolean;
  /** The paste says the error was not received (an unticked "I got this error" box) or is a
   * change description (a PR or release-notes template): mentions there are not reports. */
  saysNotReceived(): boolean;
  /** The paste is laid out as an explanation of errors (a Japanese article or study note, a
   * reference page with Cause:/Resolution: fields, an English how-to): its mentions are not
   * reports unless someone also reports an occurrence (cues.ts decides). */
  explainsErrors(): boolean;
  /** The offset lies in the paragraph after an example marker ("例:", "Example:"). */
  inExample(index: number): boolean;
  /** The paste shows the client itself failing (a JavaScript TypeError, OpenSSL, a Node error code). */
  clientSideFailure(): boolean;
  /** The text opens by talking about errors rather than reporting one (a PR title, a
   * hypothetical, "possible errors:"): without any report cue, the whole text is talk. */
  discusses(): boolean;
  /**
   * The line is written in Japanese (at least 30 % of its visible characters) by a person: not a
   * pasted body that carries a localised message ("'message': '列を絞り込む場合…'"), and not
   * Salesforce's own localised text (「…」処理失敗により、レコードを保存できません。).
   */
  writtenInJapanese(index: number): boolean;
  /** The line is Korean prose (at least 30 % Hangul once quoted spans are taken out). The bot
   * does not read Korean, so such a line names an error without saying it happened. */
  writtenInKorean(index: number): boolean;
  /** The text is Chinese prose: no kana or Hangul, and at least 30 % of its visible characters are
   * Han. Read for the whole text, since a Chinese article's error line is mostly the Latin message. */
  writtenInChinese(): boolean;
  /** The offset lies inside Salesforce's own localised wording ("…が試行されたときに発生しました"):
   * a verb there is the message's, not the poster's. */
  inSalesforceWording(index: number): boolean;
}

/** One of Salesforce's own localised texts, lower-case, as written and without white space (as the
 * message matchers compare it; the index derives both when it is built). */
export interface LocalisedText {
  readonly text: string;
  readonly compact: string;
}

/** Options from the knowledge base: Salesforce's own localised texts, which are pasted, not written. */
export interface ScanOptions {
  readonly localisedTexts?: readonly LocalisedText[];
}

/** Words, hosts, paths and names that only a Salesforce text holds. Among them, a project's
 * source paths ("force-app/…", "classes/Foo.cls") and a deploy's per-file failure line
 * ("Foo.cls(32,74):"): a compile message beside them ("Invalid type: Foo") is the org's; and an
 * Apex stack frame ("Class.LookupController.getValue: line 113, column 1"), so the message above
 * it ("invalid ID field: null") was raised in the org. */
const SALESFORCE_CONTEXT =
  /salesforce|sal(?:e|se)force|sfdc|force\.com|sforce|jsforce|restforce|pyforce|rforcecom|sfdx|\bsf (?:org|project|data|apex|deploy|auth|agent|package|sobject|schema|limits|community|lightning|cmdt)\b|\borg (?:list|display|open|create|delete|login)\b|\bscratch org|\bdev ?hub\b|visualforce|\.apexp\b|\bapex\b|soql|sosl|data ?loader|workbench|\/services\/(?:data|soap|async|oauth2|apexrest|meta)|\/tooling\/(?:query|sobjects|executeanonymous|runtests\w*|search|completions)\b|\brunTests(?:As|S)ynchronous\b|my\.site\.com|\/cometd\/\d{2}\.\d\b|\b40[13]::[a-z]|\bfirst exception on row \d+|["']\/(?:topic|event|data)\/\w|\breplayId\b|\bmulesoft\b|\bgack\b|exacttarget|marketingcloudapis\.com|\bfuel-?(?:rest|soap|auth)\b|\bET_Client\b|\bsfmc\b|marketing cloud|\bpardot\b|account engagement|fuelsdk|\bsobject|trailhead|["'<[]errorCode["'>\]]|\bexceptionCode\b|\bsf:[A-Z_]{4,}|\bpush ?topic|\b\w+__[cre]\b|\bsubscribe ?request\b|\bSystem\.Http(?:Response|Request)\b|\bERROR at Row:|\bcheck(?:Retrieve|Deploy)Status\b|\berrorStatusCode\b|\bmetadata api\b|\bcom\.sforce\.|\bForceException\b|\bSalesforce[A-Z]\w*(?:Error|Exception|Request|Session|ResourceNotFound|RefusedRequest)\b|\bSalesforceBulk\b|\bSf(?:dx)?Error\b|\bSF(?!TP)[A-Z]\w*(?:Error|Exception)\b|\benhanced domains?\b|\berror_http_[345]\d\d\b|\bsimple[-_]salesforce\b|\bbulk api\b|\bpub\/?sub api\b|\beventbus\b|\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?\b|\bsfdx?\b|\bplatform events?\b|\blwc\b|\baura components?\b|\blightning (?:web )?components?\b|\bexperience cloud\b|\bagentforce\b|(?:\b|SF)(?:smart|mobile) ?sync|\bsmartstore\b|\bweb ?service ?callouts?\b|\bHttpCalloutMock\b|\bnew Http\(\)|\bTest\.(?:startTest|setMock)\(|\bnamed credentials?\b|\bconnected apps?\b|\bexternal client apps?\b|\bforce-app\/|\b(?:classes|triggers)\/\w+\.(?:cls|trigger)\b|\b\w+\.(?:cls|trigger)\(\d+, ?\d+\)|\b(?:Class|Trigger)\.[\w.]+: line \d+, column \d+|\bAnonymousBlock: line \d+, column \d+|セールスフォース|接続アプリケーション|入力規則|権限セット|ガバナ制限|ログイン履歴|データローダ|組織 ?ID/i;

/** Kana: the cheap test for Japanese text before any Japanese pattern runs. */
export const KANA = /[\u3040-\u30ff]/;

/**
 * Salesforce's own frame around a message, in any language: "first error: MIXED_DML_OPERATION, …"
 * or a line opening with "System.QueryException: …". A localised message inside it was pasted,
 * not written (the line is lower-cased).
 */
const SALESFORCE_OUTPUT_FRAME = /\bfirst error: [a-z_]{4,}[,:]|^\s*system\.\w+exception: /;

/** How much of a paste's opening is read to tell an explanation from a report. */
const DISCOURSE_WINDOW = 12_000;
const JAPANESE_CHAR = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/g;

/** The text with Salesforce's own localised texts taken out: their wording is not the poster's. */
function withoutLocalised(lower: string, localised: readonly LocalisedText[]): string {
  let out = lower;
  for (const { text: t } of localised) if (out.includes(t)) out = out.split(t).join(' ');
  return out;
}

/** At least 30 % of the visible characters are Japanese (kana, kanji, full-width punctuation). */
export function isJapaneseProse(line: string): boolean {
  return KANA.test(line) && mostlyWrittenIn(line, JAPANESE_CHAR);
}

/** At least 30 % of the line's visible characters are of the script `chars` (a global pattern). */
function mostlyWrittenIn(line: string, chars: RegExp): boolean {
  const visible = line.replace(/\s+/g, '').length;
  const inScript = line.match(chars)?.length ?? 0;
  return visible > 0 && inScript / visible >= 0.3;
}

/** Hangul: the cheap test for Korean text. */
export const HANGUL = /[\uac00-\ud7a3]/;
const HANGUL_ALL = /[\uac00-\ud7a3]/g;
/**
 * Korean said in the past tense that an error occurred or came up to the writer: "에러가
 * 발생했습니다", "오류가 났어요", "예외가 떴습니다". A how-to's present tense ("발생합니다") is not it.
 */
// People often type 발생 했습니다 with a space, as if 하다 were a separate word.
export const KOREAN_REPORT = /(?:에러|오류|예외|error|exception)(?:가|이)?\s*(?:발생\s?했|났|떴|나왔|생겼)/i;

/** Han characters: the cheap test for Chinese text, and what its share is counted in. */
const HAN = /[\u4e00-\u9fff]/;
const HAN_ALL = /[\u4e00-\u9fff]/g;
/**
 * Chinese that says the error happened to the writer, or asks about their own: "我调用接口时报错",
 * "抛出了异常", "出现了以下错误", "今天导入数据时出现…", "收到…返回的错误", "返回以下错误", "遇到了以下错误"
 * (Chinese often leaves the writer out), "请问怎么解决". An article's "开发者可能会遇到以下错误" (developers
 * may meet these errors) and "系统会抛出…" (the system will throw) are not.
 */
export const CHINESE_REPORT =
  /我(?:们)?[^。！？\n]{0,40}?(?:遇到|碰到|收到|得到|出现|报错|抛出|失败|卡住)|报错|出错了|失败了|抛出了|出现了|收到[^。！？\n]{0,30}?(?:错误|异常)|(?:今天|昨天|刚才|最近|近期|近日|前几天|前两天|上周|今早)[^。！？\n]{0,40}?(?:出现|遇到|失败|报错)|持续失败|返回了?(?:以下|如下|这个)?(?:错误|异常)|提示了?(?:以下|如下)?(?:错误|异常)|(?<!可能|会)遇到了?(?:以下|如下|这个|这样的)(?:错误|异常|问题)|请问|怎么解决|如何解决|求助|帮我/;

function isKoreanProse(line: string): boolean {
  if (!HANGUL.test(line)) return false;
  // What is quoted or put in brackets is the error named; the sentence around it is what the line is.
  return mostlyWrittenIn(line.replace(/[“"「][^”"」\n]{1,300}[”"」]|\([^)\n]{1,300}\)/g, ''), HANGUL_ALL);
}

/** How many matches, up to `limit`; with `distinct`, a match repeated word for word (a code
 * repeated in a log) counts once. */
function countUpTo(pattern: RegExp, text: string, limit: number, distinct = false): number {
  const re = new RegExp(pattern.source, pattern.flags);
  const seen = distinct ? new Set<string>() : undefined;
  let n = 0;
  for (let m = re.exec(text); m !== null && n < limit; m = re.exec(text)) {
    if (seen === undefined) n++;
    else if (!seen.has(m[0].trim())) {
      seen.add(m[0].trim());
      n++;
    }
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return n;
}

export function createScanDoc(norm: NormalisedText, options: ScanOptions = {}): ScanDoc {
  const { text, lower } = norm;
  const localised = options.localisedTexts ?? [];
  let salesforce: boolean | undefined;
  let notReceived: boolean | undefined;
  let explains: boolean | undefined;
  let clientSide: boolean | undefined;
  let discusses: boolean | undefined;
  let examples: Array<readonly [number, number]> | undefined;
  // The paragraph after each example marker; blank lines right after the marker are skipped.
  const exampleRanges = () => {
    if (examples !== undefined) return examples;
    examples = [];
    const found = examples;
    const paragraphAfter = (start: number) => {
      const body = /^\s*\S/.exec(text.slice(start));
      const from = body === null ? text.length : start + body[0].length - 1;
      const blank = /\n[ \t]*\n/.exec(text.slice(from));
      found.push([start, blank === null ? text.length : from + blank.index]);
    };
    const head = text.length > DISCOURSE_WINDOW ? text.slice(0, DISCOURSE_WINDOW) : text;
    const paragraphsAfterMarkers = (marker: RegExp) => {
      const re = new RegExp(marker.source, marker.flags);
      for (let m = re.exec(head); m !== null && found.length < 20; m = re.exec(head)) {
        paragraphAfter(m.index + m[0].length);
        if (re.lastIndex === m.index) re.lastIndex++;
      }
    };
    paragraphsAfterMarkers(EXAMPLE_MARKER);
    if (DOCS_EXAMPLE_WORDS.test(head)) paragraphsAfterMarkers(DOCS_EXAMPLE_MARKER);
    // Talk that announces an error ("If this occurs, the following error will be displayed."):
    // what follows is the error it talks about, an example.
    // A captured trace or a timestamped log is what happened, not an illustration: left alone.
    for (
      let n = 0;
      n < lineStarts.length && (lineStarts[n] as number) < DISCOURSE_WINDOW && examples.length < 20;
      n++
    ) {
      // The cheap test first: most lines announce nothing, and the discussion test is a long pattern.
      const line = lineTextOf(n);
      const announced = ANNOUNCES.exec(line);
      if (announced === null || ownKind(n) !== 'discussion') continue;
      // Only the sentence that announces it decides: in "I configured it as the documentation
      // specifies, … but all queries fail with the error:" the talk is elsewhere on the line.
      const sentence = sentenceAround(line, announced.index);
      if (!talksAboutErrors(sentence) || WRITER_DID.test(sentence) || TOLD_IN_THE_PAST.test(sentence)) continue;
      // Under a bug report's description or reproduction steps, "you will see the following
      // error:" is what the reporter saw, not an illustration.
      if (BUG_REPORT_SECTION.test(text.slice(Math.max(0, (lineStarts[n] as number) - 2_000), lineStarts[n]))) continue;
      const end = bounds(n).end;
      const next = text.slice(end, end + 2_000);
      if (CAPTURED.test(next)) continue;
      paragraphAfter(end);
      // A knowledge article puts a heading between the announcement and the message ("you may
      // receive the following error :" / "Error Message" / the message): the example goes on
      // through the paragraph under that heading.
      const [headingFrom, headingTo] = found[found.length - 1] as readonly [number, number];
      if (SHORT_HEADING.test(text.slice(headingFrom, headingTo).trim())) paragraphAfter(headingTo);
    }
    return examples;
  };
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

  const lineTextOf = (n: number) => {
    const { start, end } = bounds(n);
    // Very long lines (minified JSON, one-line logs) are data, not source or prose.
    return end - start > 600 ? '' : text.slice(start, end);
  };
  const ownKinds = new Map<number, LineKind>();
  const ownKind = (n: number): LineKind => {
    const cached = ownKinds.get(n);
    if (cached !== undefined) return cached;
    const line = lineTextOf(n);
    const kind: LineKind = inDiff(bounds(n).start)
      ? 'code'
      : CODE_LINE.test(line) && !PRINTED_EXCEPTION.test(line)
        ? 'code'
        : // A log line ("2026-07-28 07:44:42 [queue.ERROR] …") is output, whatever its words say.
          !LOG_LINE.test(line) && !PLATFORM_WORDING.test(line) && talksAboutErrors(line)
          ? 'discussion'
          : 'plain';
    ownKinds.set(n, kind);
    return kind;
  };
  const japaneseLines = new Map<number, boolean>();
  let hasJapanese: boolean | undefined;
  let hasKorean: boolean | undefined;
  let chinese: boolean | undefined;

  return {
    text,
    lower,
    truncated: norm.truncated,
    // Read only when a signal needs them: most chat lines have none, and these are full passes.
    // Methods, not getters: getters in an object literal gave every document its own hidden
    // class, which young-generation GC kept alive with the whole text, so every document was
    // promoted and each scavenge took ~10 ms instead of ~1 (the 40k p99 in `npm run bench`).
    salesforceContext() {
      salesforce ??= SALESFORCE_CONTEXT.test(text);
      return salesforce;
    },
    saysNotReceived() {
      notReceived ??=
        (NOT_RECEIVED.test(text) && RESCUE_TICKED.test(text)) ||
        (DESCRIBES_CHANGE.test(text) && !CHANGE_AFTER_OWN_ERROR.test(text));
      return notReceived;
    },
    explainsErrors() {
      if (explains === undefined) {
        // An article or reference page shows what it is from its opening; a long log pasted
        // after a few lines of prose need not be read to its end for that.
        const head = text.length > DISCOURSE_WINDOW ? text.slice(0, DISCOURSE_WINDOW) : text;
        explains =
          (KANA.test(head) &&
            JAPANESE_ARTICLE.test(
              withoutLocalised(head.length === text.length ? lower : head.toLowerCase(), localised),
            )) ||
          countUpTo(EXPLANATION_LABEL, head, 2) >= 2 ||
          countUpTo(RELEASE_HEADING, head, 2) >= 2 ||
          countUpTo(CODE_ARROW_LINE, head, 2) >= 2 ||
          countUpTo(CODE_WITH_DESCRIPTION, head, 2, true) >= 2 ||
          countUpTo(STEP_HEADING, head, 2) >= 2 ||
          countUpTo(CATALOGUE_HEADING, head, 2) >= 2 ||
          FRONT_MATTER.test(head) ||
          ENGLISH_ARTICLE.test(head) ||
          TEMPLATE_PLACEHOLDER.test(head) ||
          (KANA.test(head) && TRANSLATED_FOR_READER.test(head));
      }
      return explains;
    },
    inExample: (index) => exampleRanges().some(([s, e]) => index >= s && index < e),
    clientSideFailure() {
      clientSide ??= CLIENT_SIDE_FAILURE.test(text);
      return clientSide;
    },
    discusses() {
      if (discusses === undefined) {
        // The opening decides: the first two lines with words on them.
        discusses = false;
        let seen = 0;
        for (let n = 0; n < lineStarts.length && seen < 2; n++) {
          const line = lineTextOf(n);
          if (!/[A-Za-z\u3040-\u30ff\u4e00-\u9fff]{2}/.test(line)) continue;
          seen++;
          if (OPENING_TALK.test(line)) discusses = true;
        }
      }
      return discusses;
    },
    writtenInJapanese(index) {
      hasJapanese ??= KANA.test(text);
      if (!hasJapanese) return false;
      const n = lineNumber(index);
      let written = japaneseLines.get(n);
      if (written === undefined) {
        const { start, end } = bounds(n);
        const line = lower.slice(start, Math.min(end, start + 2000));
        const compactLine = withoutWhitespace(line);
        // 「Apex CPU time limit exceeded」を起こす: what is quoted in Japanese brackets is the
        // error named; the sentence around it is what the line is.
        written =
          !SALESFORCE_OUTPUT_FRAME.test(line) &&
          !localised.some(({ compact }) => compactLine.includes(compact)) &&
          isJapaneseProse(line.replace(/「[^」\n]{1,300}」/g, '「」'));
        japaneseLines.set(n, written);
      }
      return written;
    },

    writtenInChinese() {
      chinese ??=
        HAN.test(text) &&
        !KANA.test(text) &&
        !HANGUL.test(text) &&
        mostlyWrittenIn(text.length > DISCOURSE_WINDOW ? text.slice(0, DISCOURSE_WINDOW) : text, HAN_ALL);
      return chinese;
    },

    writtenInKorean(index) {
      hasKorean ??= HANGUL.test(text);
      if (!hasKorean) return false;
      const { start, end } = bounds(lineNumber(index));
      return isKoreanProse(text.slice(start, Math.min(end, start + 2000)));
    },

    inSalesforceWording(index) {
      if (localised.length === 0) return false;
      const { start, end } = bounds(lineNumber(index));
      // Compared without white space, as the message matchers compare: 「上の DML 操作」 is
      // Salesforce's 「上のDML操作」. `origin[k]` is where the k-th visible character sits.
      const origin: number[] = [];
      let line = '';
      for (let i = start; i < end; i++) {
        const c = lower[i] as string;
        if (/\s/.test(c)) continue;
        origin.push(i);
        line += c;
      }
      for (const { compact: t } of localised) {
        for (let at = line.indexOf(t); at !== -1; at = line.indexOf(t, at + 1)) {
          const first = origin[at] as number;
          const last = origin[at + t.length - 1] as number;
          if (index >= first && index <= last) return true;
        }
      }
      return false;
    },

    lineAt: (index) => bounds(lineNumber(index)),
    lineKindAt(index) {
      const n = lineNumber(index);
      const kind = kindOf(n);
      // A line of prose can hold a report and a question about it ("…am constantly getting X.
      // Should I be calling this a different way?"): the sentence that names the error decides.
      if (kind !== 'discussion' || ownKind(n) !== 'discussion') return kind;
      const { start } = bounds(n);
      return talksAboutErrors(sentenceAround(lineTextOf(n), index - start)) ? 'discussion' : 'plain';
    },
  };

  function kindOf(n: number): LineKind {
    const cached = kinds.get(n);
    if (cached !== undefined) return cached;
    let kind = ownKind(n);
    // Commit messages and PR descriptions wrap sentences at ~72 characters: a line that finishes
    // the sentence of the line(s) before it ("…if an API call returns" / "X.") reads like them, and
    // so does a line whose sentence the next line(s) finish ("Update X to return INVALID_OPERATION
    // errors, which are" / "returned with a 403 …, instead of treating them like"). Only in
    // message-sized texts: a long paste is a log, and its lines are not wrapped prose.
    if (
      kind === 'plain' &&
      text.length <= WRAPPED_PROSE_MAX &&
      (sentenceReachesTalk(n, -1) || sentenceReachesTalk(n, 1))
    ) {
      kind = 'discussion';
    }
    kinds.set(n, kind);
    return kind;
  }

  /** Whether the sentence of line `n`, followed line by line backwards (-1) or forwards (1), reaches
   * a line of talk before a line of code or the sentence's end. */
  function sentenceReachesTalk(n: number, step: -1 | 1): boolean {
    for (let k = n, hops = 0; hops < MAX_WRAPPED_LINES; k += step, hops++) {
      const other = k + step;
      if (other < 0 || other >= lineStarts.length) return false;
      const [first, second] = step === -1 ? [other, k] : [k, other];
      if (!continuesSentence(lineTextOf(first), lineTextOf(second))) return false;
      // Forwards, only a line that plainly carries on a sentence (it starts in lower case): a line
      // of its own after a pasted message ("This is expected, it can happen if…") is not that message.
      if (step === 1 && !/^\s*[a-z]/.test(lineTextOf(second))) return false;
      const kind = ownKind(other);
      if (kind !== 'plain') return kind === 'discussion';
    }
    return false;
  }
}

/** A sentence ends at . ! ? before a space and a capital, a quote or a bracket, or at 。！？. */
const SENTENCE_END = /[.!?](?=\s+["'`([]?[A-Z])|[。！？]/g;

/** The sentence of `line` around offset `at`. */
function sentenceAround(line: string, at: number): string {
  let from = 0;
  let to = line.length;
  const re = SENTENCE_END;
  re.lastIndex = 0;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m.index < at) from = m.index + 1;
    else {
      to = m.index + 1;
      break;
    }
  }
  return line.slice(from, to).trim();
}

/** How many lines back a wrapped sentence is followed, in texts up to how many characters. */
const MAX_WRAPPED_LINES = 3;
const WRAPPED_PROSE_MAX = 8_000;

/** `line` carries on the sentence `previous` left open: prose without a closing mark before it. */
function continuesSentence(previous: string, line: string): boolean {
  if (line.length === 0 || line.length > 160 || previous.length > 600) return false;
  const prev = previous.trimEnd();
  // Prose of a few words, ending in a word or a comma, not in a colon, a full stop or a bracket.
  return /[A-Za-z0-9,`'"]$/.test(prev) && /\s\S+\s\S+\s\S+/.test(prev) && /^\s*[A-Za-z`'"]/.test(line);
}
