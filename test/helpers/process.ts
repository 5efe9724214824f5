import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export { freePort } from '../../bench/ports';

const ROOT = join(__dirname, '..', '..');

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything the process wrote, stdout and stderr, as it arrives. */
  readonly output: () => string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts the bot exactly as `npm start` does (scripts/run.cjs src/main), with only the given
 * environment plus PATH and HOME, so a developer's shell or .env cannot leak into a test.
 */
export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'run.cjs'), 'src/main'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SKIP_DOTENV: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, port: Number(env.PORT ?? 0), output: () => output, exited };
}

/** Waits until GET /healthz answers 200, or fails with what the process printed. */
export async function waitHealthy(bot: BotProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void bot.exited.then(() => {
    exitedEarly = true;
  });
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`the bot exited during start-up:\n${bot.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the bot did not become healthy in ${timeoutMs} ms:\n${bot.output()}`);
}
