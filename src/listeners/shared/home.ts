// Shared by the listeners that refresh App Home: opening it, its buttons, channel settings, watch buttons.
import type { webApi } from '@slack/bolt';
import { buildHome } from '../../blocks/home';
import { homeModel } from '../../services/home';
import type { Services } from '../services';

export async function publishHome(services: Services, client: webApi.WebClient, userId: string): Promise<void> {
  await client.views.publish({ user_id: userId, view: buildHome(await homeModel(services, userId)) });
}
