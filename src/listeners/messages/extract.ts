import type { IncomingMessage } from '../../services/answering';
import type { SlackFile } from '../../services/snippets';

/**
 * Turns a Slack `message` event of any relevant subtype into one shape. Returns undefined for
 * subtypes that carry no new text (deletions, joins, the bot's own edits).
 */
export function incomingFromEvent(
  event: Record<string, unknown>,
  eventId: string | undefined,
  self: { readonly botUserId: string | undefined; readonly botId: string | undefined },
): IncomingMessage | undefined {
  const subtype = typeof event.subtype === 'string' ? event.subtype : undefined;
  let message: Record<string, unknown> = event;
  let edited = false;
  if (subtype === 'message_changed') {
    if (!isRecord(event.message)) return undefined;
    message = event.message;
    edited = true;
    // Unfurls and our own chat.update calls also arrive as message_changed.
    if (isRecord(event.previous_message) && event.previous_message.text === message.text) return undefined;
  } else if (
    subtype !== undefined &&
    !['file_share', 'bot_message', 'thread_broadcast', 'me_message'].includes(subtype)
  ) {
    return undefined;
  }
  const channelId = str(event.channel);
  const ts = str(message.ts);
  if (channelId === undefined || ts === undefined) return undefined;
  const userId = str(message.user);
  const botId = str(message.bot_id);
  if ((self.botUserId !== undefined && userId === self.botUserId) || (self.botId !== undefined && botId === self.botId))
    return undefined;
  return {
    eventId,
    channelId,
    ts,
    threadTs: str(message.thread_ts),
    userId,
    botId,
    text: str(message.text) ?? '',
    files: Array.isArray(message.files) ? (message.files.filter(isRecord) as SlackFile[]) : [],
    edited,
    requested: false,
  };
}

/** A message that mentions the bot is answered by the app_mention listener, not twice. */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}>`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
