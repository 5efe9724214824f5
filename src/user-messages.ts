/**
 * Every sentence the bot says to people, in one place, so tone stays consistent and wording can
 * be reviewed (or translated) without reading handlers.
 */
export const MSG = {
  /** Sentences the builders and handlers used to write inline. */
  inline: {
    noOrgLinked: 'No Salesforce org is linked to this app, so I cannot read its limits.',
    snapshotGone: 'That snapshot is no longer available; run /sflimits again.',
    checkingLimits: (org: string) => `:hourglass_flowing_sand: Checking the limits of \`${org}\`…`,
    caseSecretsMasked: ':lock: Secrets found in the input were masked before this was saved or posted.',
    caseReadyToPaste: 'Ready to paste into Salesforce Help (*Help → Contact Support → Create a case*):',
    orgIdForms: (id18: string, id15: string) => `Org ID: ${id18} (18-character form of ${id15})`,
    modalSecretsMasked:
      ':lock: I found secrets (tokens, passwords or session IDs) in what you entered and masked them before saving. Rotate those credentials.',
    escalationNowPosted: (caseId: string, channel: string | undefined) =>
      `Your escalation ${caseId} has now been posted${channel ? ` to <#${channel}>` : ''}.`,
    homeStorageTrouble:
      ':warning: My database is not answering right now; diagnoses still work, history may be missing.',
    snapshotLag: (stamp: string, age: string) =>
      `Snapshot ${stamp}${age}. Salesforce updates these figures asynchronously: they can be up to about 5 minutes behind.`,
    notInApi:
      'Not visible through the API: the monthly API entitlement (*Setup → Company Information*, "API Request Limit per Month") and the per-app breakdown (*Setup → System Overview → API Usage*, or the "API Usage Last 7 Days" report).',
    muteConfirm: (limit: string, org: string) =>
      `No more alerts for ${limit} of ${org} in this channel, until someone unmutes it in App Home.`,
    modalIntro:
      'Secrets (session IDs, tokens, passwords) are masked before anything is saved or posted. The case goes to the escalation channel and to you as a DM, ready to paste into Salesforce Help.',
    orgIdHint: 'Setup → Company Information → Salesforce.com Organization ID (15 or 18 characters).',
    instanceHint:
      'Optional: Setup → Company Information → Instance. I check status.salesforce.com for it before the case goes out.',
    responseBodyHint: 'The full error response, as the client received it.',
    otherInfoHint: 'The response body, client logs, the SOQL.',
  },
  /** Why a /sflimits check (or the limits behind an answer) could not be shown, and what to do. */
  limitsProblem: {
    unknownOrg: (org: string) => `No org named "${org}" is configured.`,
    unknownOrgFix: (orgs: string) => `Configured orgs: ${orgs}. Usage: /sflimits [org] [filter|all] [refresh].`,
    unexpected: 'The limits check failed unexpectedly.',
    unexpectedFix: 'Try again in a moment; if it keeps failing, an admin can look at the bot logs.',
    timeoutFix:
      "Try again shortly with `/sflimits refresh`, and check https://status.salesforce.com for the org's instance.",
    networkFix:
      "Check the org URL in the bot's configuration (SF_INSTANCE_URL / SF_LOGIN_URL), DNS and any proxy between the bot and Salesforce.",
    serverError: (status: number) => `Salesforce answered HTTP ${status}, even after retrying.`,
    serverErrorFix:
      "This is on Salesforce's side and usually temporary: try again in a few minutes and check https://status.salesforce.com.",
    httpError: (status: number) => `Salesforce answered HTTP ${status}.`,
    httpErrorFix: "Check the org URL and SF_API_VERSION in the bot's configuration.",
    authFailed: (code: string | undefined, title: string | undefined) =>
      `Could not log in to the org${code ? ` (${code}${title ? `: ${title}` : ''})` : ''}.`,
    authFix: "Check the org's credentials in the bot's configuration (SF_* variables).",
    noPermission: (codeAndTitle: string) => `Salesforce refused to show limits (${codeAndTitle}).`,
    noPermissionFix:
      'The integration user needs the "API Enabled" and "View Setup and Configuration" permissions (storage limits also need "Manage Users"). Add them with a permission set, then try again.',
    requestLimit: (title: string) => `Salesforce refused the call: REQUEST_LIMIT_EXCEEDED${title}.`,
    requestLimitFix:
      "The org's API allocation (or its concurrency limit) is exhausted, so even /limits is refused. Wait for usage to roll off; Setup → System Overview shows who is using it.",
    invalidSession: 'The session is invalid and a new one did not help (INVALID_SESSION_ID).',
    invalidSessionFix:
      "The configured access token has expired or was revoked: renew the org's credentials (SF_ACCESS_TOKEN, or the OAuth settings).",
    notFound: 'Salesforce says the limits resource does not exist (NOT_FOUND).',
    notFoundFix: 'Check SF_API_VERSION: the org may not support that version yet.',
    refused: (codeAndTitle: string | undefined) =>
      `Salesforce refused the call${codeAndTitle === undefined ? '' : `: ${codeAndTitle}`}.`,
    refusedFix: 'Try again later; if it persists, escalate with the error code.',
  },
  secretWarning: (kinds: string) =>
    `:warning: Your message contains what looks like a credential (${kinds}). Delete the message, then rotate the credential: anyone in this channel may already have copied it. I never repeat or store it.`,
  cooldownPointer: (link: string, code: string) =>
    `Same error as answered here a moment ago (\`${code}\`): ${link}. I'm not repeating the full answer to keep the channel quiet.`,
  cooldownPointerToPaste: (link: string, code: string) =>
    `Same error as pasted here a moment ago (\`${code}\`): ${link}. My answer is in that message's thread; I'm not repeating it to keep the channel quiet.`,
  notAnError:
    "I didn't recognise a Salesforce API error in that message. If it is one, paste the full response body, SOAP fault or stack trace (secrets masked) and I'll take another look.",
  mentionHelp:
    "Mention me in a thread to diagnose its first message, paste an error in a channel I am in, or use the message shortcut *Diagnose this error* on any message. `/sflimits` shows the linked org's limits.",
  postedToThread: 'Posted the diagnosis in the thread.',
  credentialInMessage:
    ':warning: That message contains a credential. Ask the poster to delete it and rotate the credential.',
  pasteExpired: 'That answer is too old for this button; run *Diagnose this error* on the message again.',
  feedbackThanks: (vote: 'up' | 'down') =>
    vote === 'up'
      ? 'Thanks, noted: this answer helped.'
      : "Thanks, noted: this answer didn't help. *Escalate to Salesforce Support* collects what Support needs in one go.",
  storageTrouble:
    ':warning: My database is unavailable right now, so this paste was not saved and the buttons below may not work until it is back.',
  threadParentUnavailable:
    "I can't read this thread's first message right now (Slack limits how often apps may read history). Use the *Diagnose this error* shortcut on that message (⋮ → Diagnose this error), or paste the error here and mention me.",
  somethingWentWrong: 'Something went wrong on my side and I could not finish that. Please try again in a moment.',
  notAllowed: 'You are not on the list of people allowed to do that here. Ask an admin of this app.',
  notChannelMember: 'Only members of that channel can change its settings.',
  channelModeSaved: (channel: string, mode: string, bots: boolean) =>
    `Settings for <#${channel}>: mode *${mode}*${bots ? ', answering other bots too' : ', ignoring other bots'}.`,
  channelModeExplained:
    '*auto*: answer every pasted error. *mentions*: answer only when mentioned. *off*: stay silent (shortcuts still work).',
  settingsUsage:
    'Usage: `/sfassist mode auto|mentions|off`, `/sfassist bots on|off`, `/sfassist status`, `/sfassist reload` (admins) or `/sfassist help`.',
  reloaded: (entries: number, files: number) => `Knowledge base reloaded: ${entries} entries from ${files} files.`,
  reloadFailed: (problem: string) => `Knowledge base not reloaded; the current one stays in use. Problem: ${problem}`,
  // Limits watch (alerts in the watch channel, their buttons, /sflimits trend and who).
  watchOpened: (limit: string, org: string, percent: string, level: string) =>
    `${limit} in ${org} is at ${percent}: ${level}.`,
  watchProjected: (limit: string, org: string, inAbout: string) =>
    `${limit} in ${org} is on course to run out in ${inAbout}.`,
  watchProjection: (limit: string, inAbout: string, when: string) =>
    `At this rate ${limit} runs out in ${inAbout}, around ${when}.`,
  watchConfidence: (confidence: string, samples: number, span: string) =>
    `Confidence: ${confidence} (${samples} snapshots over ${span}); it ignores calls ageing out of the rolling 24-hour window, so it errs early.`,
  watchWorse: (limit: string, level: string, percent: string) => `Worse: ${limit} is now ${level} at ${percent}.`,
  watchBackUnder: (limit: string, percent: string) =>
    `${limit} is back under the band at ${percent}; resolved if it stays there at the next check.`,
  watchResolved: (limit: string, org: string, percent: string, peak: string) =>
    `Resolved: ${limit} in ${org} is back under the band at ${percent} (worst: ${peak}).`,
  watchAcknowledged: (user: string, when: string) => `Acknowledged by <@${user}> at ${when}.`,
  watchSnoozed: (user: string, until: string) => `Snoozed by <@${user}> until ${until}: no thread replies until then.`,
  watchMuted: (user: string) =>
    `Muted in this channel by <@${user}>: no alerts for this limit here until someone unmutes it in App Home.`,
  watchFooter: (minutes: string, warn: number, critical: number) =>
    `Checked every ${minutes} · bands ${warn} % and ${critical} % · Salesforce's figures can lag by about 5 minutes.`,
  watchGone: 'That alert is no longer in my database, so the button cannot change it.',
  trendUsage: 'Usage: `/sflimits trend [org] [limit] [24h|7d]`, e.g. `/sflimits trend DailyApiRequests 7d`.',
  trendWorking: (limit: string, org: string) => `:hourglass_flowing_sand: Drawing the trend of ${limit} in ${org}…`,
  trendTooFew: (limit: string, org: string, count: number) =>
    `Not enough history for a trend of ${limit} in ${org} yet (${count} snapshot${count === 1 ? '' : 's'} in that window). Snapshots are stored on every /sflimits and, with the limits watch on, every interval.`,
  trendUnknownLimit: (limit: string, org: string) =>
    `No limit called ${limit} in the stored snapshots of ${org}. Try DailyApiRequests, or /sflimits ${org} all for every name.`,
  trendPosted: (limit: string) => `Posted the trend of ${limit} in this channel.`,
  trendNotInChannel: "I can't post the chart here: invite me to this channel first (/invite), then try again.",
  trendUploadFailed: (reason: string) => `Slack refused the chart upload (${reason}).`,
  whoTitle: (org: string) => `Top API consumers in ${org}`,
  whoWindow: (when: string, source: string) =>
    `${when}, from the ${source}; only calls that count against the daily limit (COUNTS_AGAINST_API_LIMIT).`,
  whoLine: (rank: number, app: string, user: string, calls: string, share: string) =>
    `${rank}. ${app} · ${user}: ${calls} calls (${share})`,
  whoOwn: 'this bot',
  whoTotals: (counted: string, rows: string) =>
    `${counted} counted calls in ${rows} log rows. Composite requests are logged as their parent only; app IDs starting 888 are Salesforce's own.`,
  whoNone: 'No calls that count against the limit in that log.',
  whoNoAccess: (org: string, code: string) =>
    `I can't read who used the API in ${org}${code}: neither the ApiTotalUsageEventLog object nor EventLogFile is readable by the integration user.`,
  whoNoAccessFix:
    'Give the integration user the "View Event Log Files" permission (with "API Enabled"). Enterprise, Unlimited and Performance editions include the daily ApiTotalUsage log for free; Event Monitoring adds the ApiTotalUsageEventLog object.',
  whoNoFile: (org: string) => `There is no daily ApiTotalUsage log file in ${org} yet.`,
  whoNoFileFix:
    'Salesforce builds it the day after, for the previous UTC day; check that event log file generation is on in Setup → Event Monitoring Settings. Setup → System Overview shows the API total meanwhile.',
  whoFailed: (org: string, reason: string) => `Could not read the API usage log of ${org}: ${reason}.`,
  whoWorking: (org: string) => `:hourglass_flowing_sand: Looking up yesterday's API consumers in ${org}…`,
  /** The diagnosis reply: what this paste says first, the background behind "More detail". */
  answer: {
    saysHeading: '*What this paste says*',
    fields: (list: string) => `*Fields:* ${list}`,
    object: (name: string) => `*Object:* ${name}`,
    record: (id: string) => `*Record:* ${id}`,
    queryAt: (where: string) => `*In the query:* ${where}`,
    queryRowColumn: (row: number, column: number) => `row ${row}, column ${column}`,
    queryToken: (token: string) => `at \`${token}\``,
    apexTrigger: (trigger: string, event: string | undefined) =>
      `*Trigger:* \`${trigger}\`${event === undefined ? '' : ` (${event})`}`,
    apexFrame: (frame: string) => `*Line:* \`${frame}\``,
    innerCause: (code: string, message: string | undefined) =>
      `*Inner cause:* \`${code}\`${message === undefined ? '' : ` — ${message}`}`,
    wrappedIn: (code: string) => `*Reported inside:* \`${code}\``,
    apiUsageHeader: (used: string, max: string, percent: string) =>
      `*Sforce-Limit-Info:* ${used} of ${max} daily API requests used (${percent} %)`,
    failedRows: (n: number) => `*Failed rows:* ${n}`,
    toDoHeading: '*What to do*',
    retry: (verdict: string, detail: string) => `*Retry:* ${verdict}. ${detail}`,
    retryOwn: (advice: string) => `*Retry:* ${advice}`,
    retrySchedule: (schedule: string) => `Retry ${schedule}`,
    meaningHeading: '*What it means*',
    undocumented: '_Salesforce does not document this code further._',
    causesHeading: '*Likely causes*',
    fixesHeading: '*Everything that can fix it*',
    limitHeading: '*Limit*',
    docsHeading: '*Documentation*',
    othersHeading: 'Also in this paste:',
    alternativesHeading: '*Other possible matches*',
    request: (request: string) => `Request: ${request}`,
    apiVersion: (version: string) => `API v${version}`,
    requestIds: (ids: string) => `Request IDs: ${ids}`,
    bulkJobs: (ids: string) => `Bulk job/batch: ${ids}`,
    org: (id: string) => `Org ${id}`,
    instance: (name: string) => `Instance ${name}`,
    clientTool: (name: string) => `Via ${name}`,
    moreDetail: 'More detail',
    lessDetail: 'Less',
    escalate: 'Escalate to Salesforce Support',
    escalateAnyway: 'Escalate anyway (Support will ask for a fix first)',
    escalateSecondary:
      'Escalation: this error comes from the request, data, configuration or credentials, so Salesforce Support will ask for that to be fixed first. Escalate when the fixes above do not apply, or the error stays after them.',
    postInThread: 'Post in thread',
    checkLimits: 'Check org limits',
    helpful: '👍 Helpful',
    notHelpful: '👎 Not helpful',
  },
  /** What the org's live limits say about a limit error in a paste. */
  liveLimits: {
    pending: (org: string) =>
      `:hourglass_flowing_sand: Checking the live limits of \`${org}\` to tell which limit this is…`,
    atLimit: (key: string, percent: string, used: string, max: string, reset: string) =>
      `:bar_chart: *${key}* is at ${percent} % (${used} of ${max}): ${reset}`,
    reset: {
      'rolling-24h': 'the rolling 24-hour allocation; it frees up as calls age out, so retrying now only fails again.',
      hourly: 'an hourly allocation; it frees up at the top of the hour.',
      monthly: 'a monthly entitlement; it resets at the start of the next month.',
      concurrent: 'a concurrency limit; it frees up as running requests finish.',
      storage: 'storage is full; retrying will not help until data is deleted or more storage is bought.',
    },
    concurrency: (percent: string, used: string, max: string) =>
      `:bar_chart: Daily usage is ${percent} % (DailyApiRequests ${used} of ${max}), so this is the concurrent long-running request limit (requests running 20 s or more at once): back off, retry, and run fewer slow calls in parallel.`,
    below: (key: string, percent: string, used: string, max: string) =>
      `:bar_chart: *${key}* is at ${percent} % now (${used} of ${max}); /limits can lag a few minutes behind the error.`,
    refused: (org: string) =>
      `:bar_chart: Even the limits check on \`${org}\` was refused with REQUEST_LIMIT_EXCEEDED: the org's daily API allocation is used up right now. It frees up as calls age out of the rolling 24 hours; Setup → System Overview shows who uses it.`,
    failed: (org: string) => `Could not read the live limits of \`${org}\` just now; \`/sflimits\` shows them.`,
    noOrg:
      'Which limit? The full message tells: "TotalRequests Limit exceeded" is the rolling 24-hour allocation (wait until calls age out); "ConcurrentRequests" or "ConcurrentPerOrgLongTxn" is the cap on requests running 20 s or more at once (back off and retry); the Connect API names its hourly per-user limit. Without the message, check DailyApiRequests in Setup → System Overview: near 100 % means the allocation.',
  },
} as const;
