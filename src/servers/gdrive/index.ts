import { defineServer } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { DRIVE_FILE, DRIVE_READONLY } from './api.js';
import { files } from './resources.js';
import { tools } from './tools.js';

/** Google Drive: search, read, create, organise and share files (Drive API v3). */
export default defineServer({
  id: 'gdrive',
  name: 'Google Drive',
  description:
    'Search, read, create, copy, move, rename, share and delete files and folders in Google Drive.',
  auth: { kind: 'oauth2', provider: googleOAuth('gdrive'), scopes: [DRIVE_READONLY, DRIVE_FILE] },
  tools,
  resources: [files],
});
