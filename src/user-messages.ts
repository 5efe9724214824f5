/**
 * Every sentence the bot says to people, in one place, so tone stays consistent and wording can
 * be reviewed (or translated) without reading handlers.
 */
export const MSG = {
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
} as const;
