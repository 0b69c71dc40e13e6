import { defineServer } from '../../core/definition.js';
import { microsoftOAuth } from '../../providers/microsoft/oauth.js';
import { SCOPES } from './api.js';
import { fileTools } from './file-tools.js';
import { listTools } from './list-tools.js';
import { siteTools } from './site-tools.js';

/** SharePoint through Microsoft Graph v1.0: sites, lists and items, site pages, files, users. */
export default defineServer({
  id: 'sharepoint',
  name: 'SharePoint',
  description:
    'Find SharePoint sites, read and change lists and list items, create and read site pages, upload and ' +
    'download files, and list the organisation’s users (Microsoft Graph).',
  auth: { kind: 'oauth2', provider: microsoftOAuth('sharepoint'), scopes: SCOPES },
  tools: { ...siteTools, ...listTools, ...fileTools },
});
