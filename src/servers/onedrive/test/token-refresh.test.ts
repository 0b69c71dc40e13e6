import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import onedrive from '../index.js';
import { DRIVE, driveItem, startOneDriveFake } from './fake-onedrive.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root/children`, { body: { value: [driveItem('a.txt', '/')] } });
  fake.route(`GET ${DRIVE}/root/search(q='a')`, { body: { value: [driveItem('a.txt', '/')] } });
  let uses = 0;
  const client = await connect(onedrive, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'eyJ0.before' : 'eyJ0.after' }),
  });

  const listed = await client.callTool({ name: 'list_files', arguments: {} });
  const found = await client.callTool({ name: 'search_files', arguments: { search_term: 'a' } });

  assert.equal(listed.isError, undefined, text(listed));
  assert.equal(found.isError, undefined, text(found));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer eyJ0.before', 'Bearer eyJ0.after'],
  );
});
