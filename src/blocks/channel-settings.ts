import { CHANNEL_SETTINGS_INPUTS as I, VIEWS } from '../slack/ids';
import type { ChannelSettings } from '../store/types';
import { CHANNEL_MODES } from '../store/types';
import type { ModalView } from './types';

const MODE_LABELS: Record<string, string> = {
  auto: 'auto: answer every pasted error',
  mentions: 'mentions: only when mentioned',
  off: 'off: stay silent',
};

/** The App Home "Channel settings" modal: pick a channel, its mode, and whether to answer bots. */
export function buildChannelSettingsModal(current?: ChannelSettings): ModalView {
  const modeOption = (mode: string) => ({
    text: { type: 'plain_text' as const, text: MODE_LABELS[mode] ?? mode },
    value: mode,
  });
  const botsOption = {
    text: { type: 'plain_text' as const, text: 'Also answer errors posted by other bots' },
    value: 'bots',
  };
  return {
    type: 'modal',
    callback_id: VIEWS.channelSettings,
    title: { type: 'plain_text', text: 'Channel settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: I.channel.block,
        label: { type: 'plain_text', text: 'Channel' },
        element: {
          type: 'conversations_select',
          action_id: I.channel.action,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
          ...(current ? { initial_conversation: current.channelId } : {}),
        },
      },
      {
        type: 'input',
        block_id: I.mode.block,
        label: { type: 'plain_text', text: 'When should I answer pasted errors?' },
        element: {
          type: 'radio_buttons',
          action_id: I.mode.action,
          options: CHANNEL_MODES.map(modeOption),
          initial_option: modeOption(current?.mode ?? 'auto'),
        },
      },
      {
        type: 'input',
        block_id: I.bots.block,
        optional: true,
        label: { type: 'plain_text', text: 'Bots' },
        element: {
          type: 'checkboxes',
          action_id: I.bots.action,
          options: [botsOption],
          ...(current?.allowBots ? { initial_options: [botsOption] } : {}),
        },
      },
    ],
  };
}
