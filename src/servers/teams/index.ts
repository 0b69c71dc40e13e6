import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { refusePersonalAccount } from './account.js';
import { SCOPES } from './api.js';
import { channelResource } from './resources.js';
import { tools } from './tools.js';

/** Microsoft Teams through Graph: teams, channels, chats, messages, members and online meetings. */
export default defineServer({
  id: 'teams',
  name: 'Microsoft Teams',
  description:
    'Create and list teams and channels, read and send chat and channel messages, manage members and create online meetings in Microsoft Teams (work or school accounts).',
  auth: {
    kind: 'oauth2',
    // A personal Microsoft account is refused at sign-in: Teams' APIs serve work or school accounts only.
    provider: { ...microsoftOAuth('teams'), discover: refusePersonalAccount },
    scopes: SCOPES,
  },
  tools,
  resources: [channelResource],
});
