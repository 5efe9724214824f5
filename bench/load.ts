/**
 * `npm run load [-- --rate 200 --seconds 60 --latency 30 --database-url postgres://… --replicas 2]`
 *
 * Starts the bot as its own process in HTTP mode on loopback (the same entry as `npm start`),
 * pointed at a local Slack Web API stand-in, and sends it signed message events at a fixed
 * rate for a fixed time: ordinary chat, pasted errors, the bot's own replies echoed back (as
 * Slack does), and redeliveries of earlier events (X-Slack-Retry-Num). It then reports events
 * per second, p50/p99 acknowledgement latency, replies against the number expected with
 * duplicates, and the bot's peak RSS, and exits 1 if the target is missed. With PostgreSQL and
 * --replicas N, N bots share the database behind a round-robin "load balancer", and every
 * redelivery goes to a different replica than the original, as a real load balancer may do.
 *
 * Target (issue 6, on a 2-core machine): 200 events/s for 60 s, p99 ack < 100 ms, no lost and
 * no duplicate replies.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEngine } from '../src/knowledge/engine';
import { chatLines, rng } from './generate';
import { freePort } from './ports';
import { startSlackStandin } from './slack-standin';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'load-test-signing-secret';

interface Options {
  rate: number;
  seconds: number;
  latencyMs: number;
  databaseUrl: string | undefined;
  replicas: number;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const num = (name: string, fallback: number) => {
    const raw = get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
    return value;
  };
  return {
    rate: num('rate', 200),
    seconds: num('seconds', 60),
    latencyMs: num('latency', 30),
    databaseUrl: get('database-url'),
    replicas: Math.floor(num('replicas', 1)),
  };
}

/**
 * Pasted errors in the shapes people paste (REST JSON, SOAP fault, OAuth, Apex, Bulk, CLI),
 * written for this script. Each gets a varying record ID so no two pastes are identical.
 */
const ERROR_TEMPLATES: ReadonlyArray<(id: string) => string> = [
  (id) =>
    `[{"message":"unable to obtain exclusive access to this record or 1 records: ${id}","errorCode":"UNABLE_TO_LOCK_ROW","fields":[]}]`,
  () => '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]',
  () => 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.',
  (id) =>
    `[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}] for ${id}`,
  (id) =>
    `[{"message":"duplicate value found: External_Id__c duplicates value on record with id: ${id}","errorCode":"DUPLICATE_VALUE","fields":[]}]`,
  () => '{"error":"invalid_grant","error_description":"authentication failure"}',
  () => '{"error":"invalid_client_id","error_description":"client identifier invalid"}',
  (id) =>
    `System.LimitException: Too many SOQL queries: 101\nClass.AccountTriggerHandler.run: line 42, column 1 (${id})`,
  () => 'System.LimitException: Apex CPU time limit exceeded',
  (id) =>
    `System.NullPointerException: Attempt to de-reference a null object\nTrigger.ContactTrigger: line 7, column 1 ${id}`,
  () =>
    '<soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring></soapenv:Fault>',
  (id) =>
    `InvalidBatch : Failed to process query: INVALID_FIELD: No such column 'Foo__c' on entity 'Account' (batch ${id})`,
  (id) =>
    `[{"message":"insufficient access rights on cross-reference id: ${id}","errorCode":"INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY","fields":[]}]`,
  () =>
    '[{"message":"\\nSELECT Id FROM Acount\\n               ^\\nERROR at Row:1:Column:16\\nsObject type \'Acount\' is not supported.","errorCode":"INVALID_TYPE"}]',
  (id) => `[{"message":"entity is deleted","errorCode":"ENTITY_IS_DELETED","fields":[]}] (${id})`,
  () => 'HTTP/1.1 503 Service Unavailable\nSERVER_UNAVAILABLE: Server temporarily unavailable. Please try again later.',
];

interface PlannedEvent {
  readonly at: number;
  /** Which replica receives it; a redelivery goes to the next one. */
  readonly replica: number;
  readonly eventId: string;
  readonly body: string;
  readonly ts: string;
  readonly redelivery: boolean;
}

/** Builds the whole schedule up front, so sending costs only signing and the request. */
function plan(options: Options, isError: (text: string) => boolean) {
  const r = rng(42);
  const total = Math.round(options.rate * options.seconds);
  const chat = chatLines(5_000, 7);
  const events: PlannedEvent[] = [];
  const expectedThreads = new Set<string>();
  let errors = 0;
  for (let i = 0; i < total; i++) {
    const at = (i * 1000) / options.rate;
    const roll = r();
    // 5 % are redeliveries of an event sent in the last ~2 s.
    if (roll < 0.05 && events.length > 10) {
      const earlier = events[events.length - 1 - Math.floor(r() * Math.min(events.length, options.rate * 2))];
      if (earlier !== undefined && !earlier.redelivery) {
        events.push({ ...earlier, at, redelivery: true, replica: (earlier.replica + 1) % options.replicas });
        continue;
      }
    }
    const ts = `17${String(1_000_000 + i).padStart(8, '0')}.${String(i % 1_000_000).padStart(6, '0')}`;
    const channel = `C0LOAD${String(Math.floor(r() * 40)).padStart(4, '0')}`;
    let event: Record<string, unknown>;
    if (roll < 0.3) {
      const template = ERROR_TEMPLATES[Math.floor(r() * ERROR_TEMPLATES.length)] as (id: string) => string;
      const text = template(`001${String(i).padStart(15, '0')}`);
      errors++;
      event = { type: 'message', channel, user: `U0USER${i % 97}`, ts, text };
      if (isError(text)) expectedThreads.add(ts);
    } else if (roll < 0.38) {
      // The bot's own replies come back as message events; they must be ignored.
      event = {
        type: 'message',
        subtype: 'bot_message',
        channel,
        bot_id: 'BBOT0001',
        ts,
        text: 'UNABLE_TO_LOCK_ROW …',
      };
    } else {
      const text = chat[Math.floor(r() * chat.length)] as string;
      event = { type: 'message', channel, user: `U0USER${i % 97}`, ts, text };
      if (isError(text)) expectedThreads.add(ts);
    }
    const eventId = `Ev0LOAD${i}`;
    const body = JSON.stringify({
      token: 'unused',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true }],
      event,
    });
    events.push({ at, eventId, body, ts, redelivery: false, replica: i % options.replicas });
  }
  return { events, expectedThreads, errors };
}

/** Peak resident set of a process (Linux VmHWM), in MB. */
function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const engine = loadEngine();
  const { events, expectedThreads, errors } = plan(options, (t) => engine.diagnose(t).isError);

  if (options.replicas > 1 && options.databaseUrl === undefined) {
    throw new Error('--replicas needs --database-url: SQLite serves a single replica.');
  }
  const slack = await startSlackStandin({ keepBodies: false, latencyMs: options.latencyMs });
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-assistant-load-'));
  const bots: Array<{ base: string; process: ChildProcess }> = [];
  for (let r = 0; r < options.replicas; r++) {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.cjs'), 'src/main'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SKIP_DOTENV: '1',
        SLACK_BOT_TOKEN: 'xoxb-load-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...(options.databaseUrl === undefined ? {} : { DATABASE_URL: options.databaseUrl }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    bots.push({ base: `http://127.0.0.1:${port}`, process: child });
  }
  try {
    for (const bot of bots) await waitHealthy(bot.base, bot.process);
    console.log(
      `load: ${events.length} events over ${options.seconds} s at ${options.rate}/s ` +
        `(${errors} pasted errors, ${events.filter((e) => e.redelivery).length} redeliveries; ` +
        `Slack stand-in latency ${options.latencyMs} ms; store ${options.databaseUrl === undefined ? 'SQLite' : 'PostgreSQL'}; ` +
        `${options.replicas} replica${options.replicas === 1 ? '' : 's'})`,
    );

    const latencies: number[] = [];
    let failed = 0;
    const inFlight = new Set<Promise<void>>();
    const start = performance.now();
    for (const e of events) {
      const wait = start + e.at - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const sentAt = performance.now();
      const ts = Math.floor(Date.now() / 1000);
      const p = fetch(`${(bots[e.replica] as { base: string }).base}/slack/events`, {
        method: 'POST',
        body: e.body,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${e.body}`).digest('hex')}`,
          ...(e.redelivery ? { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
      })
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status === 200) latencies.push(performance.now() - sentAt);
          else failed++;
        })
        .catch(() => {
          failed++;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await Promise.all(inFlight);
    const elapsed = (performance.now() - start) / 1000;

    // Let the last answers go out: wait until no new post arrives for 2 s (at most 30 s).
    let last = -1;
    const settleUntil = Date.now() + 30_000;
    while (Date.now() < settleUntil) {
      const count = slack.calls.length;
      if (count === last) break;
      last = count;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    const rss = bots.map((b) => peakRssMb(b.process.pid as number));

    const posts = slack.of('chat.postMessage');
    const perThread = new Map<string, number>();
    for (const post of posts) {
      const thread = String(post.body.thread_ts ?? '');
      perThread.set(thread, (perThread.get(thread) ?? 0) + 1);
    }
    const duplicates = [...perThread.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missing = [...expectedThreads].filter((t) => !perThread.has(t)).length;
    const unexpected = [...perThread.keys()].filter((t) => !expectedThreads.has(t)).length;
    latencies.sort((a, b) => a - b);
    const eventsPerSecond = (events.length - failed) / elapsed;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);

    console.log(
      `events/s:        ${eventsPerSecond.toFixed(1)} (${events.length - failed} acknowledged in ${elapsed.toFixed(1)} s; ${failed} failed)`,
    );
    console.log(
      `ack latency:     p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${(latencies.at(-1) ?? Number.NaN).toFixed(1)} ms`,
    );
    console.log(
      `replies:         ${posts.length} posted, ${expectedThreads.size} expected; ${missing} missing, ${duplicates} duplicate, ${unexpected} unexpected`,
    );
    console.log(`peak RSS (bot):  ${rss.map((m) => (m === undefined ? 'n/a' : `${m.toFixed(0)} MB`)).join(', ')}`);

    const problems: string[] = [];
    if (eventsPerSecond < options.rate * 0.98)
      problems.push(`events/s ${eventsPerSecond.toFixed(1)} < ${options.rate}`);
    if (!(p99 < 100)) problems.push(`p99 ack ${p99.toFixed(1)} ms ≥ 100 ms`);
    if (failed > 0) problems.push(`${failed} requests failed`);
    if (missing > 0 || duplicates > 0 || unexpected > 0) problems.push('replies do not match the expected set');
    console.log(problems.length === 0 ? 'PASS: target met' : `FAIL: ${problems.join('; ')}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    for (const bot of bots) {
      bot.process.kill('SIGTERM');
      if (bot.process.exitCode === null) await new Promise((r) => bot.process.once('exit', r));
    }
    await slack.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function waitHealthy(base: string, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null) throw new Error('the bot exited during start-up (see its output above)');
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not become healthy within 20 s');
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
