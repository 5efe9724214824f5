/**
 * Socket Mode connection upkeep. With @slack/socket-mode's defaults the bot was deaf for 5 s
 * after every `disconnect` (`refresh_requested`, which Slack sends routinely when it recycles a
 * server) or dropped connection, and for about 13 s after a connection that went silent:
 *
 * - it waits `clientPingTimeout × consecutive failures` before reconnecting, even the first time;
 * - it pings every `clientPingTimeout / 3` and gives up after 4 pings without a pong, then once
 *   more for the close handshake: 8.3 s of silence at the default 5 s, plus the 5 s wait.
 *
 * Here the first reconnect after a connection ends is immediate, and the ping timeout is 3 s
 * (a ping a second), so a silent connection is noticed in about 5 s. Reconnects that follow
 * within RETRY_WINDOW_MS keep the library's backoff, so a connection that fails right away
 * does not turn into a tight loop of apps.connections.open calls.
 */
import type { SocketModeReceiver } from '@slack/bolt';
import type { AppLogger } from '../logger';

/** Options for Bolt's SocketModeReceiver, as @slack/socket-mode 3.1's SocketModeClient reads them. */
export const SOCKET_MODE_OPTIONS = {
  /** How long a ping may go unanswered; pings go out every third of it. Also the backoff unit. */
  clientPingTimeout: 3_000,
  /** How long without a ping from Slack before the connection counts as dead (the default). */
  serverPingTimeout: 30_000,
  /** One debug line per ping and pong would be one a second: off. */
  pingPongLoggingEnabled: false,
} as const;

/** After an immediate reconnect, further ones within this window use the library's backoff. */
export const RETRY_WINDOW_MS = 10_000;

type SocketModeClient = SocketModeReceiver['client'];

/**
 * The one internal of SocketModeClient this relies on (@slack/socket-mode 3.1, installed with
 * Bolt 5.1): called with `start` when a connection closes and with `retrieveWSSURL` when
 * apps.connections.open fails. test/slack/socket-reconnect.test.ts fails if that changes.
 */
interface ReconnectInternals {
  delayReconnectAttempt<T>(reconnect: () => Promise<T>): Promise<T>;
}

export function reconnectPromptly(client: SocketModeClient, logger: AppLogger, clock: () => number = Date.now): void {
  const internals = client as unknown as ReconnectInternals;
  if (typeof internals.delayReconnectAttempt !== 'function') {
    logger.warn('Socket Mode client has no delayReconnectAttempt; keeping its own reconnect delays');
    return;
  }
  const withBackoff = internals.delayReconnectAttempt.bind(client);
  let lastImmediateAt = Number.NEGATIVE_INFINITY;
  internals.delayReconnectAttempt = <T>(reconnect: () => Promise<T>): Promise<T> => {
    const now = clock();
    if (now - lastImmediateAt < RETRY_WINDOW_MS) return withBackoff(reconnect);
    lastImmediateAt = now;
    logger.info('Socket Mode connection ended; reconnecting at once');
    client.emit('reconnecting');
    return reconnect.apply(client);
  };
}
