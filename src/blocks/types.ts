import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type ActionsBlock = types.ActionsBlock;
export type SectionBlock = types.SectionBlock;
export type Button = types.Button;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A message as the builders return it: blocks plus the fallback text Slack shows in notifications. */
export interface MessagePayload {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Block Kit limits the builders respect (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  headerText: 150,
  fallbackText: 4000,
} as const;
