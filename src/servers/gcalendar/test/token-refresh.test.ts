import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import gcalendar from '../index.js';
import { API, calendarEvent, fakeCalendar } from './fake-calendar.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeCalendar(t, { events: { primary: [calendarEvent({ id: 'e1', summary: 'Sync' })] } });
  // The credential source hands out a refreshed token from its second use on, as after an expiry.
  let uses = 0;
  const client = await connect(gcalendar, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'ya29.before' : 'ya29.after' }),
  });

  const listed = await client.callTool({ name: 'list_events', arguments: {} });
  const deleted = await client.callTool({ name: 'delete_event', arguments: { event_id: 'e1' } });

  assert.equal(listed.isError, undefined, text(listed));
  assert.equal(deleted.isError, undefined, text(deleted));
  assert.deepEqual(
    fake.requests.map((r) => [`${r.method} ${r.path}`, r.headers.authorization]),
    [
      [`GET ${API}/calendars/primary/events`, 'Bearer ya29.before'],
      [`GET ${API}/calendars/primary/events/e1`, 'Bearer ya29.after'],
      [`DELETE ${API}/calendars/primary/events/e1`, 'Bearer ya29.after'],
    ],
  );
});
