import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { SCOPES } from './api.js';
import { folderResource } from './resources.js';
import { tools } from './tools.js';

/** Outlook mail through Microsoft Graph: read a folder's messages, send email. */
export default defineServer({
  id: 'outlook',
  name: 'Outlook',
  description: 'Read, filter and search Outlook email and send messages, through Microsoft Graph.',
  auth: { kind: 'oauth2', provider: microsoftOAuth('outlook'), scopes: SCOPES },
  tools,
  resources: [folderResource],
});
