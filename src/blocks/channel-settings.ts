import { LANGUAGE_SETTINGS, type Lang, type LanguageSetting, messages } from '../i18n';
import { CHANNEL_SETTINGS_INPUTS as I, VIEWS } from '../slack/ids';
import type { ChannelMode, ChannelSettings } from '../store/types';
import { CHANNEL_MODES } from '../store/types';
import type { ModalView } from './types';

/** The App Home "Channel settings" modal: a channel, its mode, its language, and whether to answer bots. */
export function buildChannelSettingsModal(lang: Lang, current?: ChannelSettings): ModalView {
  const t = messages(lang);
  const s = t.settings;
  const modeOption = (mode: ChannelMode) => ({
    text: { type: 'plain_text' as const, text: s.modeLabels[mode] },
    value: mode,
  });
  const languageOption = (language: LanguageSetting) => ({
    text: { type: 'plain_text' as const, text: s.languageLabels[language] },
    value: language,
  });
  const botsOption = {
    text: { type: 'plain_text' as const, text: s.botsOption },
    value: 'bots',
  };
  return {
    type: 'modal',
    callback_id: VIEWS.channelSettings,
    // The submit handler answers in the same language without looking the person up again.
    private_metadata: lang,
    title: { type: 'plain_text', text: s.modalTitle },
    submit: { type: 'plain_text', text: t.common.save },
    close: { type: 'plain_text', text: t.common.cancel },
    blocks: [
      {
        type: 'input',
        block_id: I.channel.block,
        label: { type: 'plain_text', text: s.channel },
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
        label: { type: 'plain_text', text: s.modeQuestion },
        element: {
          type: 'radio_buttons',
          action_id: I.mode.action,
          options: CHANNEL_MODES.map(modeOption),
          initial_option: modeOption(current?.mode ?? 'auto'),
        },
      },
      {
        type: 'input',
        block_id: I.language.block,
        label: { type: 'plain_text', text: s.languageQuestion },
        element: {
          type: 'radio_buttons',
          action_id: I.language.action,
          options: LANGUAGE_SETTINGS.map(languageOption),
          initial_option: languageOption(current?.language ?? 'auto'),
        },
      },
      {
        type: 'input',
        block_id: I.bots.block,
        optional: true,
        label: { type: 'plain_text', text: s.bots },
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
