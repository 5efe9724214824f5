import type { App } from '@slack/bolt';
import { ACTIONS, COMMANDS, SHORTCUTS, VIEWS } from '../slack/ids';
import { onDetailToggle } from './actions/detail';
import { onEscalateButton, onFieldSetChange } from './actions/escalate';
import { onFeedback } from './actions/feedback';
import { onHomeLanguage, onOpenChannelSettings, onRefreshHome } from './actions/home-buttons';
import { onCheckLimits, onShareLimits } from './actions/limits-buttons';
import { onPostToThread } from './actions/post-to-thread';
import { onWatchButton, onWatchSnooze, onWatchUnmute, onWatchWho } from './actions/watch-buttons';
import { onSettingsCommand } from './commands/sfassist';
import { onLimitsCommand } from './commands/sflimits';
import { onAppHomeOpened } from './events/app-home-opened';
import { onAppMention } from './events/app-mention';
import { registerMessageListeners } from './messages';
import type { Services } from './services';
import { onDiagnoseShortcut } from './shortcuts/diagnose-message';
import { onEscalateGlobal, onEscalateMessage } from './shortcuts/escalate';
import { onChannelSettingsSubmit } from './views/channel-settings-submit';
import { onEscalationSubmit } from './views/escalation-submit';

/** The whole Slack surface, one line per handler; manifest.yml declares the same IDs. */
export function registerListeners(app: App, services: Services): void {
  registerMessageListeners(app, services);
  app.event('app_mention', onAppMention(services));
  app.event('app_home_opened', onAppHomeOpened(services));

  app.command(COMMANDS.limits, onLimitsCommand(services));
  app.command(COMMANDS.settings, onSettingsCommand(services));

  app.shortcut({ callback_id: SHORTCUTS.diagnose, type: 'message_action' }, onDiagnoseShortcut(services));
  app.shortcut({ callback_id: SHORTCUTS.escalateMessage, type: 'message_action' }, onEscalateMessage(services));
  app.shortcut({ callback_id: SHORTCUTS.escalateGlobal, type: 'shortcut' }, onEscalateGlobal(services));

  app.action(ACTIONS.feedbackUp, onFeedback(services));
  app.action(ACTIONS.feedbackDown, onFeedback(services));
  app.action(ACTIONS.postToThread, onPostToThread(services));
  app.action(ACTIONS.checkLimits, onCheckLimits(services));
  app.action(ACTIONS.shareLimits, onShareLimits(services));
  app.action(ACTIONS.escalate, onEscalateButton(services));
  app.action(ACTIONS.escalationFieldSet, onFieldSetChange(services));
  app.action(ACTIONS.openChannelSettings, onOpenChannelSettings(services));
  app.action(ACTIONS.homeLanguage, onHomeLanguage(services));
  app.action(ACTIONS.refreshHome, onRefreshHome(services));
  app.action(ACTIONS.watchAcknowledge, onWatchButton(services, 'acknowledge'));
  app.action(ACTIONS.watchMute, onWatchButton(services, 'mute'));
  app.action(ACTIONS.watchSnooze, onWatchSnooze(services));
  app.action(ACTIONS.watchWho, onWatchWho(services));
  app.action(ACTIONS.watchUnmute, onWatchUnmute(services));
  app.action(ACTIONS.moreDetail, onDetailToggle(services));
  app.action(ACTIONS.lessDetail, onDetailToggle(services));

  app.view(VIEWS.escalation, onEscalationSubmit(services));
  app.view(VIEWS.channelSettings, onChannelSettingsSubmit(services));
}
