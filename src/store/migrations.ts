/**
 * Versioned, forward-only migrations. Each runs once, in order, in a transaction, and is
 * recorded in schema_migrations. The SQL is the portable subset both SQLite and PostgreSQL
 * accept (TEXT, BIGINT, INTEGER, ON CONFLICT), so one list serves both engines.
 * Never edit a migration that has shipped: add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      `CREATE TABLE processed_events (
        event_id TEXT PRIMARY KEY,
        claimed_at BIGINT NOT NULL
      )`,
      'CREATE INDEX processed_events_claimed_at ON processed_events (claimed_at)',
      `CREATE TABLE channel_settings (
        channel_id TEXT PRIMARY KEY,
        mode TEXT NOT NULL,
        allow_bots INTEGER NOT NULL,
        updated_by TEXT,
        updated_at BIGINT NOT NULL
      )`,
      `CREATE TABLE replies (
        channel_id TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        reply_ts TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        signature TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (channel_id, message_ts)
      )`,
      'CREATE INDEX replies_recent ON replies (channel_id, signature, created_at)',
      `CREATE TABLE pastes (
        id TEXT PRIMARY KEY,
        channel_id TEXT,
        message_ts TEXT,
        thread_ts TEXT,
        user_id TEXT,
        masked_text TEXT NOT NULL,
        created_at BIGINT NOT NULL
      )`,
      `CREATE TABLE feedback (
        code TEXT NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        vote TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (code, user_id, channel_id, message_ts)
      )`,
      `CREATE TABLE limits_snapshots (
        id TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        taken_at BIGINT NOT NULL,
        raw TEXT NOT NULL,
        api_used BIGINT,
        api_limit BIGINT
      )`,
      'CREATE INDEX limits_snapshots_org ON limits_snapshots (org, taken_at)',
      `CREATE TABLE escalations (
        id TEXT PRIMARY KEY,
        submission_key TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL,
        status TEXT NOT NULL,
        case_data TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        last_error TEXT,
        channel_message_ts TEXT,
        created_at BIGINT NOT NULL,
        delivered_at BIGINT
      )`,
      'CREATE INDEX escalations_due ON escalations (status, next_attempt_at)',
      `CREATE TABLE salesforce_tokens (
        org TEXT PRIMARY KEY,
        refresh_token TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 2,
    name: 'escalation drafts and a per-channel default org',
    statements: [
      `CREATE TABLE escalation_drafts (
        view_id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      'ALTER TABLE channel_settings ADD COLUMN default_org TEXT',
    ],
  },
  {
    version: 3,
    name: 'find a stored paste by its Slack message',
    statements: ['CREATE INDEX pastes_message ON pastes (channel_id, message_ts, created_at)'],
  },
  {
    version: 4,
    name: 'answer outbox, cooldown claims, and escalation attempt marks',
    statements: [
      // Answers Slack refused for a while, delivered in order per thread once it recovers.
      `CREATE TABLE answer_outbox (
        id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        signature TEXT,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        attempt_started_at BIGINT,
        last_error TEXT
      )`,
      'CREATE INDEX answer_outbox_thread ON answer_outbox (channel_id, thread_ts, created_at)',
      'CREATE INDEX answer_outbox_due ON answer_outbox (next_attempt_at)',
      // One row per channel and error signature: whoever inserts it first gives the full answer.
      `CREATE TABLE cooldown_claims (
        channel_id TEXT NOT NULL,
        signature TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        reply_ts TEXT,
        claimed_at BIGINT NOT NULL,
        PRIMARY KEY (channel_id, signature)
      )`,
      // Set before a case is posted, cleared when the outcome is known: a case found with it set
      // may already be in the channel, so it is looked for before it is posted again.
      'ALTER TABLE escalations ADD COLUMN attempt_started_at BIGINT',
    ],
  },
  {
    // Version 4 is another change made in parallel; the numbers only need to be unique and ordered.
    version: 5,
    name: 'limits watch: episodes, snoozes and mutes, and one watcher per org per interval',
    statements: [
      `CREATE TABLE watch_episodes (
        id TEXT PRIMARY KEY,
        org TEXT NOT NULL,
        limit_key TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        status TEXT NOT NULL,
        level TEXT NOT NULL,
        notified_rank INTEGER NOT NULL,
        opened_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        resolved_at BIGINT,
        message_ts TEXT,
        post_lease_until BIGINT NOT NULL,
        below_count INTEGER NOT NULL,
        acked_by TEXT,
        acked_at BIGINT,
        detail TEXT NOT NULL
      )`,
      // At most one open episode per limit and channel, whichever replica opens it.
      "CREATE UNIQUE INDEX watch_episodes_open ON watch_episodes (org, limit_key, channel_id) WHERE status = 'open'",
      `CREATE TABLE watch_silences (
        channel_id TEXT NOT NULL,
        org TEXT NOT NULL,
        limit_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        until_at BIGINT,
        by_user TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        PRIMARY KEY (channel_id, org, limit_key)
      )`,
      `CREATE TABLE watch_ticks (
        org TEXT PRIMARY KEY,
        due_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 6,
    name: 'language: per channel (auto, en, ja) and each person own choice from App Home',
    statements: [
      "ALTER TABLE channel_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'auto'",
      `CREATE TABLE user_settings (
        user_id TEXT PRIMARY KEY,
        language TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
    ],
  },
  {
    version: 7,
    name: 'knowledge gaps: Salesforce errors answered without an entry, so the knowledge base can grow',
    statements: [
      `CREATE TABLE knowledge_gaps (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        family TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        seen_at BIGINT NOT NULL
      )`,
      'CREATE INDEX knowledge_gaps_seen ON knowledge_gaps (seen_at)',
    ],
  },
];
