/**
 * Every sentence the bot says to people, in English. `ja.ts` has the same keys in Japanese; its
 * type is this object's, so a key missing there is a compile error, and test/i18n checks that
 * every Japanese text is Japanese and keeps Slack's formatting working.
 *
 * Codes, limit names, Salesforce's own message texts and Setup labels in quotes stay as
 * Salesforce writes them, in both languages.
 */
export const en = {
  /** Words many surfaces share. */
  common: {
    cancel: 'Cancel',
    save: 'Save',
    done: 'Done',
    somethingWentWrong: 'Something went wrong on my side and I could not finish that. Please try again in a moment.',
    notAllowed: 'You are not on the list of people allowed to do that here. Ask an admin of this app.',
    notChannelMember: 'Only members of that channel can change its settings.',
    storageTrouble:
      ':warning: My database is unavailable right now, so this paste was not saved and the buttons below may not work until it is back.',
    /** A number as people read it here: 14,850. */
    number: (n: number) => n.toLocaleString('en-US'),
    /** "5 min", "30 s": how often something runs. */
    interval: (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`),
  },

  /** The thread reply to a paste and what goes with it. */
  chat: {
    secretWarning: (kinds: string) =>
      `:warning: Your message contains what looks like a credential (${kinds}). Delete the message, then rotate the credential: anyone in this channel may already have copied it. I never repeat or store it.`,
    secretKinds: {
      password: 'password',
      'client-secret': 'client secret',
      'security-token': 'security token',
      'refresh-token': 'refresh token',
      'access-token': 'access token',
      'session-id': 'session ID',
      'authorization-header': 'Authorization header',
      jwt: 'JWT',
      'private-key': 'private key',
      'slack-token': 'Slack token',
    },
    cooldownPointer: (link: string, code: string) =>
      `Same error as answered here a moment ago (\`${code}\`): ${link}. I'm not repeating the full answer to keep the channel quiet.`,
    cooldownPointerToPaste: (link: string, code: string) =>
      `Same error as pasted here a moment ago (\`${code}\`): ${link}. My answer is in that message's thread; I'm not repeating it to keep the channel quiet.`,
    notAnError:
      "I didn't recognise a Salesforce API error in that message. If it is one, paste the full response body, SOAP fault or stack trace (secrets masked) and I'll take another look.",
    mentionHelp:
      "Mention me in a thread to diagnose its first message, paste an error in a channel I am in, or use the message shortcut *Diagnose this error* on any message. `/sflimits` shows the linked org's limits.",
    postedToThread: 'Posted the diagnosis in the thread.',
    notInChannel:
      "I'm not a member of that channel. Invite me with `/invite @Salesforce API Assistant`, then try again.",
    credentialInMessage:
      ':warning: That message contains a credential. Ask the poster to delete it and rotate the credential.',
    pasteExpired: 'That answer is too old for this button; run *Diagnose this error* on the message again.',
    feedbackThanks: (vote: 'up' | 'down'): string =>
      vote === 'up'
        ? 'Thanks, noted: this answer helped.'
        : "Thanks, noted: this answer didn't help. *Escalate to Salesforce Support* collects what Support needs in one go.",
    threadParentUnavailable:
      "I can't read this thread's first message right now (Slack limits how often apps may read history). Use the *Diagnose this error* shortcut on that message (⋮ → Diagnose this error), or paste the error here and mention me.",
  },

  /** The diagnosis reply: what this paste says first, the background behind "More detail". */
  answer: {
    httpStatus: (status: number) => `(HTTP ${status})`,
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
    /** Notification text: code, title, what Salesforce said, whether to retry. */
    fallback: (code: string, title: string, more: number, said: string | undefined, retry: string) =>
      `${code}: ${title}${more > 0 ? ` (+${more} more)` : ''}.${said === undefined ? '' : ` "${said}"`} Retry: ${retry}`,
  },

  /** The CLI's readable output (`npm run cli -- diagnose`). */
  cli: {
    notRecognised: (confidence: string) => `No Salesforce API error recognised (confidence ${confidence}).`,
    closest: (code: string, confidence: string) => `Closest, below the threshold: ${code} (${confidence})`,
    withheld: (code: string) =>
      `${code} is named, but the text reads as explaining the error rather than reporting one, so the bot stays silent on it in a channel. Mention the bot or use *Diagnose this error* to have it explained.`,
    retry: (text: string) => `Retry: ${text}`,
    retrySchedule: (verdict: string, schedule: string) => `Retry: ${verdict}. Retry ${schedule}`,
    retryVerdict: (verdict: string, advice: string) => `Retry: ${verdict}. ${advice}`,
    whatToDo: 'What to do:',
    seenVia: (surface: string) => `Seen via ${surface} · `,
    confidence: (value: string) => `confidence ${value}`,
    meaning: (text: string) => `Meaning: ${text}`,
    limit: (text: string) => `Limit: ${text}`,
    causes: 'Likely causes:',
    fixes: 'Everything that can fix it:',
    documentation: 'Documentation:',
    others: (list: string) => `Also in this paste: ${list}`,
    context: 'Context:',
    secrets: (count: number, kinds: string) =>
      `Secrets found and masked: ${count} (${kinds}). Rotate them: a pasted credential is compromised.`,
    said: (message: string) => `Salesforce said: "${message}"`,
    fields: (list: string) => `Fields: ${list}`,
    object: (name: string) => `Object: ${name}`,
    record: (id: string) => `Record: ${id}`,
    failedRows: (n: number) => `Failed rows: ${n}`,
    queryAt: (where: string) => `In the query: ${where}`,
    rowColumn: (row: number, column: number) => `row ${row}, column ${column}`,
    token: (token: string) => `at ${token}`,
    trigger: (name: string, event: string | undefined) => `Trigger: ${name}${event === undefined ? '' : ` (${event})`}`,
    line: (frame: string) => `Line: ${frame}`,
    innerCause: (code: string, message: string | undefined) =>
      `Inner cause: ${code}${message === undefined ? '' : ` — ${message}`}`,
    reportedInside: (code: string) => `Reported inside: ${code}`,
    limitInfo: (used: number, max: number, percent: string) =>
      `Sforce-Limit-Info: ${used} of ${max} daily API requests used (${percent} %)`,
    apiFamily: (name: string) => `API family: ${name}`,
    httpStatus: (status: number) => `HTTP status: ${status}`,
    request: (request: string) => `Request: ${request}`,
    apiVersion: (version: string) => `API version: ${version}`,
    orgId: (id: string) => `Org ID: ${id}`,
    username: (name: string) => `Username: ${name}`,
    instance: (name: string) => `Instance: ${name}`,
    timestamps: (list: string) => `Timestamps: ${list}`,
    requestIds: (list: string) => `Request/error IDs: ${list}`,
    bulkJobs: (list: string) => `Bulk job/batch IDs: ${list}`,
    clientTool: (name: string) => `Client tool: ${name}`,
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

  /** `/sflimits` and the "Check org limits" and "Share in channel" buttons. */
  limits: {
    noOrgLinked: 'No Salesforce org is linked to this app.',
    noOrgLinkedFix:
      'An admin can link one with SF_INSTANCE_URL and SF_ACCESS_TOKEN, or an OAuth mode (JWT bearer recommended); see the README.',
    noOrgForButton: 'No Salesforce org is linked to this app, so I cannot read its limits.',
    snapshotGone: 'That snapshot is no longer available; run /sflimits again.',
    checking: (org: string) => `:hourglass_flowing_sand: Checking the limits of \`${org}\`…`,
    titleCompact: (org: string) =>
      `*Limits for \`${org}\`* — the ones that matter for API integrations (\`/sflimits ${org} all\` for every key)`,
    titleAll: (org: string) => `*All limits for \`${org}\`*`,
    titleFilter: (org: string, filter: string) => `*Limits for \`${org}\` matching "${filter}"*`,
    cachedAgo: (seconds: number) => ` (cached ${seconds} s ago)`,
    snapshotLag: (stamp: string, age: string) =>
      `Snapshot ${stamp}${age}. Salesforce updates these figures asynchronously: they can be up to about 5 minutes behind.`,
    headerFigure: (used: string, limit: string, percent: string) =>
      `*API requests, last 24 h (Sforce-Limit-Info header):* ${used} / ${limit}${percent}. This figure comes with every API response and is fresher than \`DailyApiRequests\`.`,
    noMatch: 'No limit name matches that filter.',
    noLimits: 'Salesforce returned no limits.',
    notInApi:
      'Not visible through the API: the monthly API entitlement (*Setup → Company Information*, "API Request Limit per Month") and the per-app breakdown (*Setup → System Overview → API Usage*, or the "API Usage Last 7 Days" report).',
    share: 'Share in channel',
    rowNotAvailable: (name: string) => `${name} not available in this org (Max 0)`,
    rowUnlimited: (name: string) => `${name} unlimited`,
    rowOver: (name: string, over: string, used: string, max: string, percent: string) =>
      `${name} *over by ${over}*: ${used} used of ${max} (${percent}%)`,
    rowUsed: (name: string, used: string, max: string, percent: string, left: string) =>
      `${name} ${used} / ${max} used (${percent}%) · ${left} left`,
    fallback: (org: string, worst: string | undefined) => `Limits for ${org}${worst === undefined ? '' : `: ${worst}`}`,
  },

  /** Why a /sflimits check (or the limits behind an answer) could not be shown, and what to do. */
  limitsProblem: {
    unknownOrg: (org: string) => `No org named "${org}" is configured.`,
    unknownOrgFix: (orgs: string) => `Configured orgs: ${orgs}. Usage: /sflimits [org] [filter|all] [refresh].`,
    unexpected: 'The limits check failed unexpectedly.',
    unexpectedFix: 'Try again in a moment; if it keeps failing, an admin can look at the bot logs.',
    timeout: 'Salesforce did not answer in time.',
    timeoutFix:
      "Try again shortly with `/sflimits refresh`, and check https://status.salesforce.com for the org's instance.",
    network: 'The bot could not reach the org.',
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
    refreshLimited: (seconds: number) =>
      `\`refresh\` is limited to once every ${seconds} s per person, to protect the org's API allocation; showing the cached snapshot.`,
  },

  /** The limits watch: alerts in the watch channel, their buttons and thread replies. */
  watch: {
    levels: {
      projected: 'projected to run out within the horizon',
      warning: 'warning band',
      critical: 'critical band',
      exhausted: 'exhausted',
    },
    /** "now in the critical band", "now exhausted". */
    worseState: {
      projected: 'projected to run out within the horizon',
      warning: 'in the warning band',
      critical: 'in the critical band',
      exhausted: 'exhausted',
    },
    usage: (used: string, max: string, left: string) => `${used} of ${max} used, ${left} left`,
    opened: (limit: string, org: string, percent: string, level: string) =>
      `${limit} in ${org} is at ${percent}: ${level}.`,
    openedHeadline: (limit: string, org: string, percent: string, level: string, usage: string) =>
      `*${limit}* in \`${org}\` is at *${percent}*: ${level} (${usage}).`,
    projected: (limit: string, org: string, inAbout: string) =>
      `${limit} in ${org} is on course to run out in ${inAbout}.`,
    projectedHeadline: (limit: string, org: string, percent: string, inAbout: string, usage: string) =>
      `*${limit}* in \`${org}\` is at *${percent}* and on course to run out in ${inAbout} (${usage}).`,
    projection: (limit: string, inAbout: string, when: string) =>
      `At this rate ${limit} runs out in ${inAbout}, around ${when}.`,
    confidenceLevels: { low: 'low', medium: 'medium', high: 'high' },
    confidence: (confidence: string, samples: number, span: string) =>
      `Confidence: ${confidence} (${samples} snapshots over ${span}); it ignores calls ageing out of the rolling 24-hour window, so it errs early.`,
    worse: (limit: string, state: string, percent: string) => `Worse: ${limit} is now ${state} at ${percent}.`,
    backUnder: (limit: string, percent: string) =>
      `${limit} is back under the band at ${percent}; resolved if it stays there at the next check.`,
    backUnderHeadline: (limit: string, org: string, text: string, usage: string) =>
      `*${limit}* in \`${org}\`: ${text} (${usage})`,
    resolved: (limit: string, org: string, percent: string, peak: string) =>
      `Resolved: ${limit} in ${org} is back under the band at ${percent} (worst: ${peak}).`,
    acknowledged: (user: string, when: string) => `Acknowledged by <@${user}> at ${when}.`,
    snoozed: (user: string, until: string) => `Snoozed by <@${user}> until ${until}: no thread replies until then.`,
    muted: (user: string) =>
      `Muted in this channel by <@${user}>: no alerts for this limit here until someone unmutes it in App Home.`,
    footer: (interval: string, warn: number, critical: number, snapshot: string) =>
      `Checked every ${interval} · bands ${warn} % and ${critical} % · Salesforce's figures can lag by about 5 minutes. Snapshot ${snapshot}.`,
    gone: 'That alert is no longer in my database, so the button cannot change it.',
    acknowledge: 'Acknowledge',
    snooze: 'Snooze',
    snooze1h: 'Snooze 1 h',
    snooze4h: 'Snooze 4 h',
    snoozeTomorrow: 'Snooze until tomorrow 08:00',
    mute: 'Mute this limit',
    muteConfirmTitle: 'Mute this limit?',
    muteConfirm: (limit: string, org: string) =>
      `No more alerts for ${limit} of ${org} in this channel, until someone unmutes it in App Home.`,
    muteConfirmButton: 'Mute',
    who: 'Who is using it?',
    /** Durations: "about 2 h 10 min". */
    lessThanAMinute: 'less than a minute',
    aboutMinutes: (m: number) => `about ${m} min`,
    aboutHours: (h: number) => `about ${h} h`,
    aboutHoursMinutes: (h: number, m: number) => `about ${h} h ${m} min`,
    aboutDays: (d: number) => `about ${d} days`,
    spanMinutes: (m: number) => `${m} min`,
    spanHours: (h: number, m: number) => (m === 0 ? `${h} h` : `${h} h ${m} min`),
  },

  /** `/sflimits trend`. */
  trend: {
    usage: 'Usage: `/sflimits trend [org] [limit] [24h|7d]`, e.g. `/sflimits trend DailyApiRequests 7d`.',
    working: (limit: string, org: string) => `:hourglass_flowing_sand: Drawing the trend of ${limit} in ${org}…`,
    tooFew: (limit: string, org: string, count: number) =>
      `Not enough history for a trend of ${limit} in ${org} yet (${count} snapshot${count === 1 ? '' : 's'} in that window). Snapshots are stored on every /sflimits and, with the limits watch on, every interval.`,
    unknownLimit: (limit: string, org: string) =>
      `No limit called ${limit} in the stored snapshots of ${org}. Try DailyApiRequests, or /sflimits ${org} all for every name.`,
    posted: (limit: string) => `Posted the trend of ${limit} in this channel.`,
    notInChannel: "I can't post the chart here: invite me to this channel first (/invite), then try again.",
    uploadFailed: (reason: string) => `Slack refused the chart upload (${reason}).`,
    comment: (limit: string, org: string, window: string, note: string) =>
      `Trend of ${limit} in ${org}, last ${window}: ${note}`,
    noProjection: 'no projection (not rising, or too little history)',
    projection: (inAbout: string, when: string, confidence: string) =>
      `at this rate it runs out in ${inAbout}, around ${when} (confidence ${confidence})`,
    unknownOrg: (org: string) => `No org named "${org}" is configured.`,
  },

  /** `/sflimits who`. */
  who: {
    title: (org: string) => `Top API consumers in ${org}`,
    yesterday: (date: string) => `yesterday, ${date} UTC`,
    day: (date: string) => `${date} UTC`,
    window: (when: string, source: string) =>
      `${when}, from the ${source}; only calls that count against the daily limit (COUNTS_AGAINST_API_LIMIT).`,
    line: (rank: number, app: string, user: string, calls: string, share: string) =>
      `${rank}. ${app} · ${user}: ${calls} calls (${share})`,
    own: 'this bot',
    totals: (counted: string, rows: string) =>
      `${counted} counted calls in ${rows} log rows. Composite requests are logged as their parent only; app IDs starting 888 are Salesforce's own.`,
    none: 'No calls that count against the limit in that log.',
    fallbackNone: (title: string, when: string) => `${title}, ${when}: none`,
    fallbackTop: (title: string, when: string, app: string, user: string, calls: string) =>
      `${title}, ${when}: ${app} · ${user}, ${calls} calls`,
    noAccess: (org: string, code: string) =>
      `I can't read who used the API in ${org}${code}: neither the ApiTotalUsageEventLog object nor EventLogFile is readable by the integration user.`,
    noAccessFix:
      'Give the integration user the "View Event Log Files" permission (with "API Enabled"). Enterprise, Unlimited and Performance editions include the daily ApiTotalUsage log for free; Event Monitoring adds the ApiTotalUsageEventLog object.',
    noFile: (org: string) => `There is no daily ApiTotalUsage log file in ${org} yet.`,
    noFileFix:
      'Salesforce builds it the day after, for the previous UTC day; check that event log file generation is on in Setup → Event Monitoring Settings. Setup → System Overview shows the API total meanwhile.',
    failed: (org: string, reason: string) => `Could not read the API usage log of ${org}: ${reason}.`,
    failedFix: 'Try again in a few minutes.',
    working: (org: string) => `:hourglass_flowing_sand: Looking up yesterday's API consumers in ${org}…`,
    sources: {
      'ApiTotalUsageEventLog object': 'ApiTotalUsageEventLog object (Event Monitoring)',
      'ApiTotalUsage event log': 'ApiTotalUsage event log',
    },
  },

  /** `/sfassist`, the channel settings modal and the language choice. */
  settings: {
    channelModeSaved: (channel: string, mode: string, bots: boolean, language: string) =>
      `Settings for <#${channel}>: mode *${mode}*${bots ? ', answering other bots too' : ', ignoring other bots'}, language *${language}*.`,
    channelModeExplained:
      '*auto*: answer every pasted error. *mentions*: answer only when mentioned. *off*: stay silent (shortcuts still work).',
    languageExplained:
      '*language*: `auto` answers each person in their Slack language (Japanese for a paste written in Japanese), `en` or `ja` answers everyone in this channel in that language.',
    usage:
      'Usage: `/sfassist mode auto|mentions|off`, `/sfassist bots on|off`, `/sfassist language auto|en|ja`, `/sfassist status`, `/sfassist reload` (admins) or `/sfassist help`.',
    reloaded: (entries: number, files: number) => `Knowledge base reloaded: ${entries} entries from ${files} files.`,
    reloadFailed: (problem: string) => `Knowledge base not reloaded; the current one stays in use. Problem: ${problem}`,
    languageNames: { auto: 'auto', en: 'English', ja: '日本語 (Japanese)' },
    modalTitle: 'Channel settings',
    channel: 'Channel',
    modeQuestion: 'When should I answer pasted errors?',
    modeLabels: {
      auto: 'auto: answer every pasted error',
      mentions: 'mentions: only when mentioned',
      off: 'off: stay silent',
    },
    bots: 'Bots',
    botsOption: 'Also answer errors posted by other bots',
    languageQuestion: 'Language of answers in this channel',
    languageLabels: {
      auto: "auto: each person's Slack language",
      en: 'English for everyone',
      ja: '日本語 for everyone (Japanese)',
    },
    pickChannel: 'Pick a channel.',
    pickMode: 'Pick a mode.',
    myLanguageSaved: (language: string) =>
      `Saved: I'll speak to you in ${language} (answers in channels with their own language setting follow the channel).`,
  },

  /** App Home. */
  home: {
    title: 'Salesforce API Assistant',
    intro:
      'I explain Salesforce API errors pasted in channels I am in: what the error means, likely causes, what to do, whether to retry, and the official documentation. I stay quiet on ordinary chat.',
    howTo: [
      '*How to use me*',
      '• Paste an error (REST body, SOAP fault, Bulk job error, OAuth error, Apex exception, CLI output or stack trace) in a channel I am in: I answer in the thread.',
      '• On any message, including old ones and thread replies: *⋯ → Diagnose this error* answers you privately.',
      '• Mention me in a thread to diagnose its first message, or ask me a question such as "where do I see API usage?".',
      "• `/sflimits [org] [filter|all] [refresh]` shows the linked org's live limits; `/sflimits trend` draws a chart, `/sflimits who` names yesterday's top API consumers.",
      '• `/sfassist mode auto|mentions|off` sets how chatty I am in a channel; `/sfassist language auto|en|ja` its language.',
      '• *Escalate to Salesforce Support* collects exactly what Support asks for and hands over a complete case.',
    ].join('\n'),
    channelSettings: 'Channel settings',
    escalate: 'Escalate to Salesforce Support',
    refresh: 'Refresh',
    myLanguage: 'My language',
    myLanguageLabels: {
      auto: 'Follow my Slack language',
      en: 'English',
      ja: '日本語 (Japanese)',
    },
    languageNow: (language: string) =>
      `*My language*: ${language}. Answers in channels set to a language follow the channel.`,
    knowledge: (entries: number, families: string) => `*Knowledge base*: ${entries} entries\n${families}`,
    noOrg:
      '*Linked org*: none configured. Set `SF_INSTANCE_URL` and `SF_ACCESS_TOKEN` (or an OAuth mode) to enable `/sflimits`.',
    noSnapshot: (org: string) => `*Linked org*: \`${org}\`. No limits snapshot yet: run \`/sflimits\`.`,
    orgSnapshot: (org: string, when: string, rows: string) =>
      `*Linked org*: \`${org}\` · last limits snapshot ${when}\n${rows}`,
    watchOff: (org: string) =>
      `*Limits watch for ${org}*: off. Set \`LIMITS_WATCH_CHANNEL_ID\` to get alerts before an allocation runs out.`,
    watchOn: (org: string, channel: string, every: string) =>
      `*Limits watch for ${org}*: alerts in <#${channel}>, checked every ${every}.`,
    noOpenAlerts: 'No open alerts.',
    openAlert: (limit: string, level: string, percent: string | undefined, ackedBy: string | undefined) =>
      `• Open: ${limit} ${level}${percent === undefined ? '' : ` at ${percent}%`}${ackedBy === undefined ? '' : `, acknowledged by <@${ackedBy}>`}`,
    snoozed: (limit: string, until: string | undefined, by: string) =>
      `• Snoozed: ${limit}${until === undefined ? '' : ` until ${until}`} by <@${by}>`,
    sparkline: (line: string, now: string | undefined) =>
      `\`DailyApiRequests\` last 24 h, hourly peak on a 0–100 % scale (text sparkline): \`${line}\`${now === undefined ? '' : ` now ${now}%`}`,
    muted: (channel: string, limit: string, by: string) => `• Muted in <#${channel}>: ${limit} by <@${by}>`,
    unmute: 'Unmute',
    noEscalations: '*Your recent escalations*: none yet.',
    escalationsHeading: '*Your recent escalations*',
    escalationCase: 'case',
    delivered: ':white_check_mark: delivered',
    pendingDelivery: ':hourglass: pending delivery',
    storageTrouble: ':warning: My database is not answering right now; diagnoses still work, history may be missing.',
    gapsHeading: '*Errors I could not explain (last 30 days)*',
    gapLine: (code: string, count: number, last: string) => `• ${code}: ${count}× (last ${last})`,
    gapsHint:
      '_Answered with what the paste shows; each is a candidate for a new knowledge entry (`npm run cli -- gaps` lists them with an excerpt)._',
    noGaps: '*Errors I could not explain (last 30 days)*: none.',
  },

  /** The escalation modal, its validation, the confirmation, and the case text. */
  escalation: {
    modalTitle: 'Escalate to SF Support',
    submit: 'Create case',
    intro: (diagnosis: string) =>
      `Salesforce Support asks for these details. I filled in what I could read from the error${diagnosis}; check them and complete the rest.`,
    fieldSets: { request: 'A failing request', recent: 'Errors that started recently' },
    orgId: 'Organization ID',
    orgIdHint: 'Setup → Company Information → Salesforce.com Organization ID (15 or 18 characters).',
    username: 'API user (username)',
    usernameHint: 'The Salesforce username the integration logs in as.',
    apiType: 'API type',
    apiTypes: {
      REST: 'REST',
      SOAP: 'SOAP',
      Bulk: 'Bulk',
      'Bulk 2.0': 'Bulk 2.0',
      'Streaming/Pub-Sub': 'Streaming/Pub-Sub',
      Metadata: 'Metadata',
      Tooling: 'Tooling',
      Other: 'Other',
    },
    instance: 'Salesforce instance',
    instanceHint:
      'Optional: Setup → Company Information → Instance. I check status.salesforce.com for it before the case goes out.',
    requestTime: 'Request date and time',
    method: 'HTTP method',
    url: 'Request URL',
    requestBody: 'Request body',
    responseBody: 'Response body',
    responseBodyHint: 'The full error response, as the client received it.',
    windowStart: 'Errors seen from',
    windowEnd: 'Errors seen until',
    frequency: 'How often',
    frequencyPlaceholder: '8 of 10 requests in 3 minutes',
    clientTool: 'Client tool',
    clientToolPlaceholder: 'Data Loader 62.0, another Salesforce org, a custom Java client…',
    processing: 'What was being processed',
    processingPlaceholder: 'The SOAP method such as query(), or the REST endpoint URL',
    extra: 'Anything else that helps',
    extraHint: 'The response body, client logs, the SOQL.',
    attachments: 'Longer bodies, logs or screenshots',
    attachmentsHint: (max: string) => `Text fields hold ${max} characters. Attach anything longer as a file.`,
    timeHint: (tz: string | undefined) =>
      tz === undefined
        ? 'In your Slack time zone; the case also records UTC.'
        : `In your Slack time zone (${tz}); the case also records UTC.`,
    privacy:
      'Secrets (session IDs, tokens, passwords) are masked before anything is saved or posted. The case goes to the escalation channel and to you as a DM, ready to paste into Salesforce Help.',
    validation: {
      required: (what: string) => `${what} is required.`,
      future: (what: string) => `${what} cannot be in the future.`,
      bodyTooLong: (what: string, max: number) =>
        `${what} holds at most ${max} characters here; attach the rest as a file.`,
      what: {
        orgId: 'The org ID',
        username: 'The username',
        apiType: 'The API type',
        requestTime: 'The request time',
        method: 'The HTTP method',
        url: 'The request URL',
        requestBody: 'The request body',
        responseBody: 'The response body',
        windowStart: 'The start of the window',
        windowEnd: 'The end of the window',
        frequency: 'How often the error happens',
        clientTool: 'The client tool',
        processing: 'What was being processed',
        extra: 'This field',
      },
      usernameShape: 'A Salesforce username looks like an e-mail address: name@company.com.',
      instanceShape: 'An instance looks like NA139, EU48 or USA654S.',
      urlShape: 'Enter the absolute URL, starting with https://.',
      windowOrder: 'The end of the window is before its start.',
      checkForm: 'Please check the form.',
      orgIdCharacters: 'An org ID has only letters and digits.',
      orgIdLength: (length: number) => `An org ID has 15 or 18 characters; this one has ${length}.`,
      orgIdPrefix: 'Org IDs start with 00D (Setup → Company Information → Salesforce.com Organization ID).',
      orgIdChecksum:
        'The last 3 characters do not match the first 15 (the checksum is wrong). Copy the ID again, or enter the 15-character form.',
    },
    confirmationTitle: 'Escalation',
    saving: (id: string) => `:floppy_disk: Case *${id}* is saved. Checking Salesforce's status and delivering it…`,
    delivered: (id: string, where: string | undefined) =>
      `:white_check_mark: Case *${id}* is saved${where === undefined ? '' : ` and posted to ${where}`}. I sent you a DM with the text to paste into Salesforce Help.`,
    duplicate: (id: string) =>
      `:white_check_mark: This form was already submitted as case *${id}*; nothing was created twice.`,
    pending: (id: string, where: string, error: string) =>
      `:hourglass_flowing_sand: Case *${id}* is saved, but posting to ${where} failed (${error}). It stays queued and I retry automatically; you'll get a DM when it goes out.`,
    theEscalationChannel: 'the escalation channel',
    unknownError: 'unknown error',
    inputKept: 'Your input is still here.',
    orgIdForms: (id18: string, id15: string) => `Org ID: ${id18} (18-character form of ${id15})`,
    trustLine: (emoji: string, summary: string, advice: boolean, links: string) =>
      `${emoji} *Salesforce status:* ${summary}${advice ? ' Support will ask about this first: the error may clear when it ends.' : ''} ${links}`,
    trustDetails: 'details',
    secretsMasked:
      ':lock: I found secrets (tokens, passwords or session IDs) in what you entered and masked them before saving. Rotate those credentials.',
    dmDelivered: (id: string, where: string | undefined) =>
      `Your escalation ${id} is saved${where === undefined ? '' : ` and posted to ${where}`}.`,
    dmPending: (id: string, where: string, error: string) =>
      `Your escalation ${id} is saved, but posting it to ${where} failed (${error}). It is queued and I retry automatically.`,
    nowPosted: (caseId: string, channel: string | undefined) =>
      `Your escalation ${caseId} has now been posted${channel ? ` to <#${channel}>` : ''}.`,
  },

  /** The case as Salesforce Support reads it: the two field lists of Help 005093643. */
  caseText: {
    fields: {
      orgId: 'Organization ID',
      username: 'API user',
      apiType: 'API type',
      instance: 'Instance',
      requestTime: 'Request date and time (with time zone)',
      request: 'Request URL and method',
      requestBody: 'Request body',
      responseBody: 'Response body',
      windowStart: 'Errors seen from',
      windowEnd: 'Errors seen until',
      frequency: 'Approximate frequency',
      clientTool: 'Client tool used',
      processing: 'What was being processed',
      extra: 'Other information',
      attachments: 'Attachments',
    },
    orgId15: (id18: string, id15: string) => `${id18} (15-character: ${id15})`,
    subject: (code: string | undefined, orgId: string, apiType: string) =>
      `API error${code === undefined ? '' : ` ${code}`} in org ${orgId} (${apiType})`,
    subjectLine: (subject: string) => `Subject: ${subject}`,
    type: (label: string) => `Type: ${label}`,
    diagnosis: (code: string, title: string | undefined) => `Diagnosis: ${code}${title ? ` (${title})` : ''}`,
    documentation: (urls: string) => `Documentation: ${urls}`,
    trustAtSubmission: (summary: string) => `Salesforce Trust status at submission: ${summary}`,
    submitted: (when: string, tz: string) => `Submitted ${when} (times in ${tz} and UTC).`,
    heading: (id: string, diagnosis: string) => `*Escalation ${id}*${diagnosis === '' ? '' : ` — ${diagnosis}`}`,
    setAndSubmitter: (set: string, user: string) => `${set} · submitted by <@${user}>`,
    trustStatus: (emoji: string, summary: string, links: string) => `${emoji} *Trust status:* ${summary} ${links}`,
    statusLink: 'status',
    secretsMasked: ':lock: Secrets found in the input were masked before this was saved or posted.',
    readyToPaste: 'Ready to paste into Salesforce Help (*Help → Contact Support → Create a case*):',
    fallback: (id: string, code: string | undefined, orgId: string) =>
      `Escalation ${id}${code === undefined ? '' : ` (${code})`} for org ${orgId}`,
  },

  /** Salesforce Trust's answer about the org's instance, attached to a case. */
  trust: {
    notChecked: 'Instance unknown, so status.salesforce.com was not checked.',
    unknownInstance: (instance: string) => `status.salesforce.com does not know an instance called ${instance}.`,
    unreachable: (instance: string) =>
      `Could not reach the Salesforce Trust status API for ${instance}; check status.salesforce.com by hand.`,
    incident: (instance: string, detail: string | undefined) =>
      `Active incident on ${instance}${detail === undefined ? '' : `: ${detail}`}.`,
    maintenance: (instance: string, detail: string | undefined) =>
      `Maintenance in progress on ${instance}${detail === undefined ? '' : `: ${detail}`}.`,
    degraded: (instance: string, status: string) => `${instance} reports status ${status}.`,
    ok: (instance: string) => `${instance} reports no incident or maintenance right now.`,
  },
};

/** The shape every language's catalogue has. */
export type Messages = typeof en;
