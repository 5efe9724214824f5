/**
 * A local stand-in for Slack's Web API (and, on /trust/, Salesforce Trust), on loopback, for the
 * load script and the process-level fault tests. The bot talks to it through SLACK_API_URL, over
 * real HTTP, exactly as it talks to slack.com. It answers the methods the bot calls with the
 * shapes Slack documents and records every call.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A message the stand-in holds in a channel, as conversations.history returns it. */
export interface StandinMessage {
  readonly type: 'message';
  readonly ts: string;
  readonly text: string;
  readonly bot_id: string;
  readonly thread_ts?: string;
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
}

export interface StandinCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

/**
 * What a handler may answer: a status and JSON body; 'hang' (never answer; nothing is posted);
 * 'hang-after-posting' (a post is made, as Slack makes it, but the answer never comes back: the
 * case of a response lost to a crash or a timeout); or undefined (the default answer).
 */
export type StandinReply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | 'hang'
  | 'hang-after-posting'
  | undefined;
export type StandinHandler = (method: string, body: Record<string, unknown>) => StandinReply;

export interface SlackStandin {
  /** Base URL for SLACK_API_URL, ending in /api/. */
  readonly apiUrl: string;
  /** Base URL for TRUST_API_URL, ending in /v1/. */
  readonly trustUrl: string;
  /** A response_url on this server. */
  readonly hooksUrl: string;
  readonly calls: StandinCall[];
  of(method: string): StandinCall[];
  /** The messages posted to a channel, oldest first. */
  messages(channel: string): StandinMessage[];
  setHandler(handler: StandinHandler | undefined): void;
  /**
   * Socket Mode: sends an envelope to the connected app and resolves with its ack message.
   * Needs `socketMode: true` and a connected app (see `socketConnected`).
   */
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: unknown): Promise<unknown>;
  /** Resolves once an app has opened the Socket Mode connection and been greeted. */
  socketConnected(): Promise<void>;
  /** Socket Mode connections opened so far (each greeted with hello). */
  socketConnections(): number;
  /** Resolves once `count` Socket Mode connections have been opened in all. */
  waitForSocketConnections(count: number): Promise<void>;
  /**
   * Ends the current Socket Mode connection the ways Slack's end can: a `disconnect` message (as
   * when Slack recycles the server: `refresh_requested`), a dropped TCP connection, or a silent
   * one that stays open but answers nothing, not even pings.
   */
  endSocket(how: 'refresh_requested' | 'drop' | 'silent'): void;
  close(): Promise<void>;
}

export interface StandinOptions {
  readonly handler?: StandinHandler;
  /** Keep call bodies (tests) or only method names and channels (long load runs). */
  readonly keepBodies?: boolean;
  /** Simulated Web API latency in ms. */
  readonly latencyMs?: number;
  /** Serve Socket Mode: apps.connections.open returns a WebSocket URL on this server. */
  readonly socketMode?: boolean;
  /**
   * Added to every Web API answer as `response_metadata.warnings`, as Slack does (for example
   * `missing_charset`); the Web API client logs each one at warn level.
   */
  readonly responseWarnings?: readonly string[];
  /**
   * conversations.history and conversations.replies requests allowed per minute, each. Slack
   * allows apps outside the Marketplace 1 (and 15 messages a page), which is the default here.
   */
  readonly historyPerMinute?: number;
}

/** Slack's page size for history reads by apps outside the Marketplace. */
const HISTORY_PAGE_MAX = 15;

export async function startSlackStandin(options: StandinOptions = {}): Promise<SlackStandin> {
  let handler = options.handler;
  const calls: StandinCall[] = [];
  const hanging = new Set<ServerResponse>();
  let counter = 0;
  const channels = new Map<string, StandinMessage[]>();
  const historyCalls = new Map<string, number[]>();
  const historyPerMinute = options.historyPerMinute ?? 1;
  let lastTs = 0;
  /** Slack's ts: the time of the post in seconds, unique per message. */
  const nextTs = (): string => {
    lastTs = Math.max(lastTs + 1e-6, Date.now() / 1000);
    return lastTs.toFixed(6);
  };
  const post = (body: Record<string, unknown>): StandinMessage => {
    const channel = String(body.channel);
    const metadata = body.metadata as StandinMessage['metadata'] | undefined;
    const message: StandinMessage = {
      type: 'message',
      ts: nextTs(),
      text: String(body.text ?? ''),
      bot_id: 'BBOT0001',
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
      ...(metadata?.event_type === undefined ? {} : { metadata }),
    };
    channels.set(channel, [...(channels.get(channel) ?? []), message]);
    return message;
  };
  /** Slack's limit on history reads: a 429 with Retry-After once the minute's allowance is used. */
  const historyRefusal = (method: string): number | undefined => {
    const now = Date.now();
    const recent = (historyCalls.get(method) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= historyPerMinute) {
      historyCalls.set(method, recent);
      return Math.max(1, Math.ceil((60_000 - (now - (recent[0] as number))) / 1000));
    }
    historyCalls.set(method, [...recent, now]);
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = req.url ?? '/';
      if (url.startsWith('/trust/')) {
        const instance = /\/instances\/([^/]+)\/status/.exec(url)?.[1] ?? 'NA1';
        json(res, 200, { key: instance, status: 'OK', Incidents: [], Maintenances: [] });
        return;
      }
      if (url.startsWith('/upload/')) {
        // The upload step of files.getUploadURLExternal: the raw bytes, answered like Slack does.
        const bytes = Number(req.headers['content-length'] ?? raw.length);
        calls.push({ method: 'file_upload', body: { path: url, bytes }, at: Date.now() });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`OK - ${bytes}`);
        return;
      }
      if (url.startsWith('/hooks/')) {
        // response_url posts (slash commands, buttons) answer with plain "ok" on Slack too.
        calls.push({ method: 'response_url', body: decode(raw, 'application/json'), at: Date.now() });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
        return;
      }
      const method = /^\/api\/([\w.]+)/.exec(url)?.[1];
      if (method === undefined) {
        json(res, 404, { ok: false, error: 'unknown_method' });
        return;
      }
      const body = decode(raw, req.headers['content-type']);
      calls.push({
        method,
        body: options.keepBodies === false ? { channel: body.channel, thread_ts: body.thread_ts } : body,
        at: Date.now(),
      });
      const warned = (answer: unknown) =>
        options.responseWarnings === undefined || typeof answer !== 'object' || answer === null
          ? answer
          : { ...answer, response_metadata: { warnings: options.responseWarnings } };
      if (method === 'apps.connections.open' && options.socketMode === true) {
        json(res, 200, warned({ ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t${++counter}` }));
        return;
      }
      const custom = handler?.(method, body);
      if (method === 'files.getUploadURLExternal' && custom === undefined) {
        const id = `F${++counter}`;
        json(res, 200, { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${id}`, file_id: id });
        return;
      }
      if (custom === 'hang' || custom === 'hang-after-posting') {
        if (custom === 'hang-after-posting' && method === 'chat.postMessage') post(body);
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      counter++;
      const answer = (): [number, unknown, Record<string, string>?] => {
        if (custom !== undefined) return [custom.status, custom.body, custom.headers];
        if (method === 'chat.postMessage') {
          const message = post(body);
          return [200, { ok: true, channel: body.channel, ts: message.ts, message }];
        }
        if (method === 'conversations.history' || method === 'conversations.replies') {
          const retryAfter = historyRefusal(method);
          if (retryAfter !== undefined) {
            return [429, { ok: false, error: 'ratelimited' }, { 'Retry-After': String(retryAfter) }];
          }
          return [200, readHistory(method, body, channels.get(String(body.channel)) ?? [])];
        }
        return [200, defaultResponse(method, body, counter)];
      };
      const send = () => {
        const [status, reply, headers] = answer();
        json(res, status, warned(reply), headers);
      };
      if (options.latencyMs !== undefined && options.latencyMs > 0) setTimeout(send, options.latencyMs);
      else send();
    });
  });
  server.keepAliveTimeout = 60_000;

  // Socket Mode: one app connection at a time, as in a single-replica deployment.
  let socket: WebSocket | undefined;
  let greeted: () => void = () => {};
  let connected = new Promise<void>((resolve) => {
    greeted = resolve;
  });
  const pendingAcks = new Map<string, (ack: unknown) => void>();
  let opened = 0;
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const wss = options.socketMode === true ? new WebSocketServer({ server, path: '/link/' }) : undefined;
  wss?.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      let msg: { envelope_id?: string } = {};
      try {
        msg = JSON.parse(String(data)) as { envelope_id?: string };
      } catch {
        return;
      }
      if (msg.envelope_id !== undefined) {
        pendingAcks.get(msg.envelope_id)?.(msg);
        pendingAcks.delete(msg.envelope_id);
      }
    });
    ws.on('close', () => {
      if (socket === ws) socket = undefined;
      connected = new Promise<void>((resolve) => {
        greeted = resolve;
      });
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'standin', approximate_connection_time: 3600 },
        connection_info: { app_id: 'A0001' },
      }),
    );
    greeted();
    opened++;
    for (const w of waiters.filter((x) => x.count <= opened)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  let envelopes = 0;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    trustUrl: `http://127.0.0.1:${port}/trust/v1/`,
    hooksUrl: `http://127.0.0.1:${port}/hooks/T0001/1/x`,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    messages: (channel) => [...(channels.get(channel) ?? [])],
    setHandler: (h) => {
      handler = h;
    },
    socketConnected: () => connected,
    socketConnections: () => opened,
    waitForSocketConnections: (count) =>
      count <= opened ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    endSocket: (how) => {
      const current = socket;
      if (current === undefined) throw new Error('no Socket Mode connection');
      if (how === 'refresh_requested') {
        current.send(
          JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'standin' } }),
        );
      } else if (how === 'drop') {
        current.terminate();
      } else {
        // Stays open, answers nothing: no pongs, no acks, no close handshake.
        socket = undefined;
        current.pause(); // stops reading: the client's pings and close frame go unanswered
      }
    },
    sendEnvelope: (type, payload) =>
      new Promise((resolve, reject) => {
        if (socket === undefined) {
          reject(new Error('no Socket Mode connection'));
          return;
        }
        const envelopeId = `env-${++envelopes}`;
        pendingAcks.set(envelopeId, resolve);
        socket.send(
          JSON.stringify({
            envelope_id: envelopeId,
            type,
            payload,
            accepts_response_payload: type !== 'events_api',
            retry_attempt: 0,
            retry_reason: '',
          }),
        );
      }),
    close: async () => {
      for (const client of wss?.clients ?? []) client.terminate();
      wss?.close();
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * conversations.history (newest first, between `oldest` and `latest`) or conversations.replies
 * (a thread, oldest first), at most 15 messages a page with a cursor for the rest. Metadata is
 * included only when `include_all_metadata` asks for it, as Slack does.
 */
function readHistory(method: string, body: Record<string, unknown>, all: readonly StandinMessage[]): unknown {
  const inclusive = body.inclusive === true || body.inclusive === 'true';
  const oldest = body.oldest === undefined ? Number.NEGATIVE_INFINITY : Number(body.oldest);
  const latest = body.latest === undefined ? Number.POSITIVE_INFINITY : Number(body.latest);
  const within = (ts: string) =>
    inclusive ? Number(ts) >= oldest && Number(ts) <= latest : Number(ts) > oldest && Number(ts) < latest;
  const selected =
    method === 'conversations.replies'
      ? all.filter((m) => (m.ts === body.ts || m.thread_ts === body.ts) && within(m.ts))
      : all.filter((m) => m.thread_ts === undefined && within(m.ts)).reverse();
  const limit = Math.min(HISTORY_PAGE_MAX, Math.max(1, Number(body.limit ?? HISTORY_PAGE_MAX) || HISTORY_PAGE_MAX));
  const start = typeof body.cursor === 'string' && body.cursor !== '' ? Number(body.cursor) || 0 : 0;
  const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
  const page = selected.slice(start, start + limit).map((m) => {
    if (withMetadata) return m;
    const { metadata: _hidden, ...rest } = m;
    return rest;
  });
  const hasMore = start + limit < selected.length;
  return {
    ok: true,
    messages: page,
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? String(start + limit) : '' },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

/** WebClient sends form-encoded bodies where objects (blocks, view) are JSON strings. */
function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  let fields: Record<string, unknown>;
  if (contentType?.includes('application/json') === true) {
    try {
      fields = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      fields = {};
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(raw));
  }
  return parseJsonFields(fields);
}

/** Turns the JSON-string fields of a decoded Web API body (blocks, view, …) back into objects. */
export function parseJsonFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** What Slack answers to the methods the bot calls, in the documented shapes. */
export function defaultResponse(method: string, body: Record<string, unknown>, n: number): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'UBOT0001', bot_id: 'BBOT0001', team_id: 'T0001', user: 'sf-api-assistant' };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts: `1700000000.${String(100000 + n)}` };
    case 'chat.update':
      return { ok: true, channel: body.channel, ts: body.ts };
    case 'views.open':
    case 'views.update':
    case 'views.publish':
      return { ok: true, view: { id: `V${n}`, hash: `h${n}` } };
    case 'users.info':
      return {
        ok: true,
        user: standinUser(String(body.user), body.include_locale === true || body.include_locale === 'true'),
      };
    case 'conversations.members':
      return { ok: true, members: ['U0001', 'U0002'], response_metadata: { next_cursor: '' } };
    default:
      return { ok: true };
  }
}

/**
 * A workspace member as users.info describes them. Members whose ID starts with `UJP` are set up
 * in Japanese in Tokyo, everyone else in English in Paris, so tests can pick a reader by ID.
 * Slack returns `locale` only when asked with `include_locale`.
 */
export function standinUser(id: string, includeLocale: boolean): Record<string, unknown> {
  const japanese = id.startsWith('UJP');
  return {
    id,
    tz: japanese ? 'Asia/Tokyo' : 'Europe/Paris',
    tz_label: japanese ? 'Japan Standard Time' : 'Central European Time',
    ...(includeLocale ? { locale: japanese ? 'ja-JP' : 'en-US' } : {}),
  };
}
