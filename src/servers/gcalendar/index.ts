import { defineServer } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { CALENDAR_SCOPE } from './api.js';
import { calendarResource } from './resources.js';
import { tools } from './tools.js';

/** Google Calendar: list, create, change and delete events, answer invitations, find free time. */
export default defineServer({
  id: 'gcalendar',
  name: 'Google Calendar',
  description:
    'List, create, update and delete Google Calendar events, set attendee responses and find free slots.',
  auth: { kind: 'oauth2', provider: googleOAuth('gcalendar'), scopes: [CALENDAR_SCOPE] },
  tools,
  resources: [calendarResource],
});
