/**
 * Every Slack identifier the app uses, defined once. Builders and handlers import these, and
 * manifest.yml declares the same callback IDs and command names (a test checks they agree).
 */
export const COMMANDS = {
  limits: '/sflimits',
  settings: '/sfassist',
} as const;

export const SHORTCUTS = {
  /** Message shortcut: diagnose any message, privately. */
  diagnose: 'diagnose_error',
  /** Message shortcut: escalate from any message. */
  escalateMessage: 'escalate_message',
  /** Global shortcut: escalate without a message. */
  escalateGlobal: 'escalate_global',
} as const;

export const ACTIONS = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  checkLimits: 'check_limits',
  escalate: 'escalate',
  postToThread: 'post_to_thread',
  shareLimits: 'share_limits',
  openChannelSettings: 'open_channel_settings',
  escalationFieldSet: 'escalation_field_set',
  refreshHome: 'refresh_home',
  watchAcknowledge: 'watch_ack',
  watchSnooze: 'watch_snooze',
  watchMute: 'watch_mute',
  watchWho: 'watch_who',
  watchUnmute: 'watch_unmute',
  /** Expands a diagnosis in place with its background, and collapses it again. */
  moreDetail: 'diag_more',
  lessDetail: 'diag_less',
  /** App Home: a person's own language (auto, en, ja). */
  homeLanguage: 'home_language',
} as const;

export const VIEWS = {
  escalation: 'escalation_modal',
  channelSettings: 'channel_settings_modal',
} as const;

/** Block IDs of the diagnosis reply. */
export const DIAGNOSIS_BLOCKS = {
  summary: 'diag_summary',
  context: 'diag_context',
  meaning: 'diag_meaning',
  causes: 'diag_causes',
  fixes: 'diag_fixes',
  retry: 'diag_retry',
  docs: 'diag_docs',
  others: 'diag_others',
  extracted: 'diag_extracted',
  storage: 'diag_storage',
  actions: 'diag_actions',
  feedback: 'diag_feedback',
  says: 'diag_says',
  todo: 'diag_todo',
  limits: 'diag_limits',
  limit: 'diag_limit',
  alternatives: 'diag_alternatives',
  escalation: 'diag_escalation',
} as const;

/** Block IDs of a limits-watch alert. */
export const WATCH_BLOCKS = {
  headline: 'watch_headline',
  projection: 'watch_projection',
  state: 'watch_state',
  actions: 'watch_actions',
} as const;

/** Values of the alert's Snooze menu. */
export const WATCH_SNOOZE = { oneHour: '1h', fourHours: '4h', tomorrow: 'tomorrow' } as const;

/** Input blocks of the channel settings modal. */
export const CHANNEL_SETTINGS_INPUTS = {
  channel: { block: 'cs_channel', action: 'cs_channel_input' },
  mode: { block: 'cs_mode', action: 'cs_mode_input' },
  language: { block: 'cs_language', action: 'cs_language_input' },
  bots: { block: 'cs_bots', action: 'cs_bots_input' },
} as const;

/**
 * Input blocks of the escalation modal. Fields shared by both field sets keep one ID, so Slack
 * carries their values across views.update when the person switches sets.
 */
export const ESCALATION_FIELDS = {
  fieldSet: { block: 'esc_field_set', action: ACTIONS.escalationFieldSet },
  orgId: { block: 'esc_org_id', action: 'esc_org_id_input' },
  username: { block: 'esc_username', action: 'esc_username_input' },
  apiType: { block: 'esc_api_type', action: 'esc_api_type_input' },
  instance: { block: 'esc_instance', action: 'esc_instance_input' },
  requestTime: { block: 'esc_request_time', action: 'esc_request_time_input' },
  method: { block: 'esc_method', action: 'esc_method_input' },
  url: { block: 'esc_url', action: 'esc_url_input' },
  requestBody: { block: 'esc_request_body', action: 'esc_request_body_input' },
  responseBody: { block: 'esc_response_body', action: 'esc_response_body_input' },
  windowStart: { block: 'esc_window_start', action: 'esc_window_start_input' },
  windowEnd: { block: 'esc_window_end', action: 'esc_window_end_input' },
  frequency: { block: 'esc_frequency', action: 'esc_frequency_input' },
  clientTool: { block: 'esc_client_tool', action: 'esc_client_tool_input' },
  processing: { block: 'esc_processing', action: 'esc_processing_input' },
  extra: { block: 'esc_extra', action: 'esc_extra_input' },
  attachments: { block: 'esc_attachments', action: 'esc_attachments_input' },
} as const;

/** Message metadata event types on the bot's posts, so a post can be found again after a crash. */
export const METADATA_EVENTS = {
  escalationCase: 'sf_escalation_case',
  answer: 'sf_error_answer',
} as const;
