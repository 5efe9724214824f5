// Shared by the listeners that refresh App Home: opening it, its buttons, channel settings, watch buttons.
import type { webApi } from '@slack/bolt';
import { buildHome } from '../../blocks/home';
import { homeModel } from '../../services/home';
import type { Services } from '../services';

/** App Home in the person's language, with their own language choice shown. */
export async function publishHome(services: Services, client: webApi.WebClient, userId: string): Promise<void> {
  const [lang, setting, admin] = await Promise.all([
    services.languages.forPerson(client, userId),
    services.languages.userSetting(userId),
    // Unknown errors are for those who may administer the bot (everyone without an allow-list).
    services.access.isAllowed(client, userId, undefined).catch(() => false),
  ]);
  const model = await homeModel(services, userId, { lang, setting }, admin);
  await client.views.publish({ user_id: userId, view: buildHome(model) });
}
