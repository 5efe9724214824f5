import type { Messages } from '../i18n';
import type { KnownBlock } from './types';

/** Under a private answer to a message that holds a credential: the poster should act. */
export function secretNote(t: Messages): KnownBlock[] {
  return [
    { type: 'context', block_id: 'diag_secret_note', elements: [{ type: 'mrkdwn', text: t.chat.credentialInMessage }] },
  ];
}
