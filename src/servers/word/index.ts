import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { documentResource } from './resources.js';
import { SCOPES, tools } from './tools.js';

/** Word documents in OneDrive through Microsoft Graph v1.0; text read with mammoth, written with docx. */
export default defineServer({
  id: 'word',
  name: 'Word',
  description:
    'Find, read (as Markdown), create, append to, download and delete Word documents in the user’s OneDrive (Microsoft Graph).',
  auth: { kind: 'oauth2', provider: microsoftOAuth('word'), scopes: SCOPES },
  tools,
  resources: [documentResource],
});
