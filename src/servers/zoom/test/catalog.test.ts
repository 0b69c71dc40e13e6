import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import zoom from '../index.js';

const catalog = catalogServer('zoom');

/** Optional parameters this server adds to guMCP's (paging, time zones, the full object). */
const EXTRAS: Record<string, string[]> = {
  create_meeting: ['timezone'],
  update_meeting: ['timezone'],
  get_meeting: ['full'],
  list_meetings: ['max_results', 'next_page_token'],
  list_all_recordings: ['max_results', 'next_page_token'],
  get_meeting_participant_reports: ['max_results', 'next_page_token'],
  fetch_meetings_by_date: ['timezone', 'max_results'],
};

test("zoom lists exactly the catalog's 11 tools, with its parameter names, required fields and output schemas", async () => {
  const { tools } = await (await connect(zoom)).listTools();
  assert.equal(tools.length, 11);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite or remove, and which add anew', async () => {
  const { tools } = await (await connect(zoom)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_meeting',
      'list_meetings',
      'list_upcoming_meetings',
      'list_all_recordings',
      'get_meeting_recordings',
      'get_meeting_participant_reports',
      'fetch_meetings_by_date',
    ],
    destructive: ['update_meeting', 'delete_meeting'],
    notIdempotent: ['create_meeting'],
  });
});

test("every tool declares the granular scope of Zoom's endpoint it calls", () => {
  const scopes = Object.fromEntries(Object.entries(zoom.tools).map(([name, t]) => [name, t.scopes?.[0]]));
  assert.deepEqual(scopes, {
    create_meeting: 'meeting:write:meeting',
    update_meeting: 'meeting:update:meeting',
    get_meeting: 'meeting:read:meeting',
    list_meetings: 'meeting:read:list_meetings',
    list_upcoming_meetings: 'meeting:read:list_upcoming_meetings',
    list_all_recordings: 'cloud_recording:read:list_user_recordings',
    get_meeting_recordings: 'cloud_recording:read:list_recording_files',
    get_meeting_participant_reports: 'report:read:list_meeting_participants:admin',
    add_attendees: 'meeting:update:meeting',
    fetch_meetings_by_date: 'meeting:read:list_meetings',
    delete_meeting: 'meeting:delete:meeting',
  });
});

test("auth is Zoom's OAuth with the catalog's URLs, Basic client auth, no PKCE, and no scope in the request", () => {
  assert.deepEqual(zoom.auth, {
    kind: 'oauth2',
    provider: {
      service: 'zoom',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      tokenEndpointAuth: catalog.auth.tokenEndpointAuth,
      pkce: catalog.auth.pkce,
    },
    scopes: [],
  });
});
