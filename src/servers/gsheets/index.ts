import { defineServer } from '../../core/definition.js';
import { DRIVE_READONLY } from '../gdrive/api.js';
import { googleOAuth } from '../google-oauth.js';
import { SPREADSHEETS } from './api.js';
import { spreadsheets } from './resources.js';
import { tools } from './tools.js';

/** Google Sheets: create spreadsheets, read and write cell values, copy sheets (Sheets API v4). */
export default defineServer({
  id: 'gsheets',
  name: 'Google Sheets',
  description: 'Create Google Sheets spreadsheets, read and write cell values, look up rows and copy sheets.',
  // drive.readonly lists the user's spreadsheets as resources; the tools need only spreadsheets.
  auth: { kind: 'oauth2', provider: googleOAuth('gsheets'), scopes: [SPREADSHEETS, DRIVE_READONLY] },
  tools,
  resources: [spreadsheets],
});
