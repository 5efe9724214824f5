import { MSG } from '../user-messages';
import type { KnownBlock } from './types';

/** Under a private answer to a message that holds a credential: the poster should act. */
export function secretNote(): KnownBlock[] {
  return [
    { type: 'context', block_id: 'diag_secret_note', elements: [{ type: 'mrkdwn', text: MSG.credentialInMessage }] },
  ];
}
