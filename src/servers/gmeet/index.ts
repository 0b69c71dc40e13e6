import { defineServer } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { CALENDAR, EVENTS } from './api.js';
import { meetings } from './resources.js';
import { tools } from './tools.js';

/** Google Meet: schedule, list, change and cancel Meet meetings, as Calendar events (Calendar API v3). */
export default defineServer({
  id: 'gmeet',
  name: 'Google Meet',
  description:
    'Schedule Google Meet meetings with attendees, list a day’s meetings, read, change and cancel them.',
  // guMCP's scopes; calendar.events also covers the read-only tools' calendar.events.readonly.
  auth: { kind: 'oauth2', provider: googleOAuth('gmeet'), scopes: [CALENDAR, EVENTS] },
  tools,
  resources: [meetings],
});
