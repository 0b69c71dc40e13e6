import { defineServer } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { GMAIL_SCOPE } from './api.js';
import { labelResource } from './resources.js';
import { tools } from './tools.js';

/** Gmail: search and read mail, send, draft and forward, label, archive, trash, attachments. */
export default defineServer({
  id: 'gmail',
  name: 'Gmail',
  description:
    'Search, read, send, draft, forward and organise Gmail messages and labels, and fetch attachments.',
  auth: { kind: 'oauth2', provider: googleOAuth('gmail'), scopes: [GMAIL_SCOPE] },
  tools,
  resources: [labelResource],
});
