import type { App } from '@slack/bolt';
import type { Services } from '../services';
import { onMessage } from './on-message';

export function registerMessageListeners(app: App, services: Services): void {
  app.message(onMessage(services));
}
