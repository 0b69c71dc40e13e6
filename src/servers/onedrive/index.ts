import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { SCOPES } from './api.js';
import { tools } from './tools.js';

/** OneDrive through Microsoft Graph: list, search, upload, download, share and delete files. */
export default defineServer({
  id: 'onedrive',
  name: 'OneDrive',
  description:
    'List, search, upload (large files in fragments), download, share and delete files and folders in OneDrive, through Microsoft Graph.',
  auth: { kind: 'oauth2', provider: microsoftOAuth('onedrive'), scopes: SCOPES },
  tools,
});
