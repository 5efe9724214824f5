/**
 * Long pastes arrive as Slack snippets (file_share). Their text is downloaded with the bot token,
 * only from Slack's own file hosts (the token must never go anywhere else), with a size cap and a
 * timeout so one huge file cannot stall the bot.
 */
export interface SlackFile {
  readonly id?: string;
  readonly mode?: string;
  readonly filetype?: string;
  readonly mimetype?: string;
  readonly size?: number;
  readonly url_private?: string;
  readonly url_private_download?: string;
  readonly preview?: string;
}

const TEXT_TYPES =
  /^(?:text|json|xml|javascript|java|python|ruby|apex|csv|log|plain|markdown|html|shell|sql|yaml|typescript)$/;

export function isTextFile(file: SlackFile): boolean {
  return (
    file.mode === 'snippet' ||
    (file.filetype !== undefined && TEXT_TYPES.test(file.filetype)) ||
    (file.mimetype?.startsWith('text/') ?? false)
  );
}

export type SnippetFetcher = (file: SlackFile) => Promise<string | undefined>;

export function createSnippetFetcher(options: {
  readonly botToken: string;
  readonly apiUrl: string;
  readonly maxBytes: number;
  readonly timeoutMs?: number;
}): SnippetFetcher {
  const apiHost = new URL(options.apiUrl).hostname;
  const allowed = (host: string) =>
    host === apiHost || host === 'slack.com' || host.endsWith('.slack.com') || host.endsWith('.slack-edge.com');
  return async (file) => {
    if (!isTextFile(file)) return undefined;
    const url = file.url_private_download ?? file.url_private;
    if (url === undefined) return file.preview;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return file.preview;
    }
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && parsed.hostname === apiHost))
      return file.preview;
    if (!allowed(parsed.hostname)) return file.preview;
    const response = await fetch(parsed, {
      headers: { authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!response.ok || response.body === null) return file.preview;
    return readCapped(response.body, options.maxBytes);
  };
}

/** Reads at most `maxBytes` of a stream and cancels the rest. */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = maxBytes - total;
      const chunk = value.length > room ? value.subarray(0, room) : value;
      chunks.push(chunk);
      total += chunk.length;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
