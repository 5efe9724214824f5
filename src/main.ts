/**
 * Process entry (`npm start`): read the config, build the app, start it, and stop cleanly on
 * SIGTERM/SIGINT. The only file with side effects at import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { createAssistant } from './app';
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { createLogger } from './logger';
import { projectRoot } from './paths';

/**
 * A local .env (see .env.example) fills in variables the environment does not already set.
 * SKIP_DOTENV=1 turns this off (tests, or a platform that injects the environment itself).
 */
function loadDotEnv(): void {
  if (process.env.SKIP_DOTENV === '1') return;
  const file = join(projectRoot(), '.env');
  if (!existsSync(file)) return;
  for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nSee .env.example for every variable and how to set it.`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let assistant: Awaited<ReturnType<typeof createAssistant>>;
  try {
    assistant = await createAssistant(config, { logger });
    await assistant.start();
  } catch (err) {
    logger.fatal({ err }, 'could not start');
    console.error(`Could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    assistant
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
}

void main();
