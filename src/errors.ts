/**
 * Error classes with a stable `code`, the original `cause`, and a message that names the
 * input and says how to fix it. Callers branch on `code`, never on message text.
 */
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A knowledge file that cannot be used. Names the file, the entry and the field. */
export class KnowledgeLoadError extends AppError {
  readonly file: string;
  readonly entry: string | undefined;
  readonly field: string | undefined;

  constructor(
    details: { file: string; entry?: string | undefined; field?: string | undefined; problem: string },
    options?: { cause?: unknown },
  ) {
    const where = [
      details.file,
      details.entry === undefined ? undefined : `entry ${details.entry}`,
      details.field === undefined ? undefined : `field ${details.field}`,
    ]
      .filter(Boolean)
      .join(', ');
    super('KNOWLEDGE_INVALID', `Knowledge base: ${where}: ${details.problem}`, options);
    this.file = details.file;
    this.entry = details.entry;
    this.field = details.field;
  }
}

/** Configuration that cannot start the app; the message lists every problem with its fix. */
export class ConfigError extends AppError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('CONFIG_INVALID', `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** The database could not be opened or migrated at start-up. Names the setting to check. */
export class StoreError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}
