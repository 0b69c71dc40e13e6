import { defineServer } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { DOCUMENTS, DRIVE_FILE } from './api.js';
import { documents } from './resources.js';
import { tools } from './tools.js';

/** Google Docs: find, read, create, append to and rewrite documents (Docs API v1, Drive API v3). */
export default defineServer({
  id: 'gdocs',
  name: 'Google Docs',
  description: 'Search, read, create, append to and replace the text of Google Docs documents.',
  // guMCP's scopes: drive.file lists and searches through Drive, documents reads and writes them.
  auth: { kind: 'oauth2', provider: googleOAuth('gdocs'), scopes: [DRIVE_FILE, DOCUMENTS] },
  tools,
  resources: [documents],
});
