import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gmaps from '../index.js';
import { credentials, fakeMaps, KEY, MAPS } from './fake-maps.js';

const ELEVATION = `${MAPS}/elevation/json`;
const denver = { latitude: 39.7391536, longitude: -104.9847034 };

test('get_elevation of one point asks for its location', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({ name: 'get_elevation', arguments: denver });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', ELEVATION)), { locations: '39.7391536,-104.9847034', key: KEY });
  assert.deepEqual(result.structuredContent, {
    status: 'OK',
    results: [
      { elevation: 100, location: { lat: 39.7391536, lng: -104.9847034 }, resolution: 9.543951988220215 },
    ],
  });
});

test('get_elevation with samples samples the path to the end point (Google needs a path for samples)', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_elevation',
    arguments: {
      latitude: 36.578581,
      longitude: -118.291994,
      samples: 3,
      end_latitude: 36.23998,
      end_longitude: -116.83171,
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', ELEVATION)), {
    path: '36.578581,-118.291994|36.23998,-116.83171',
    samples: '3',
    key: KEY,
  });
  const data = result.structuredContent as { results: { elevation: number }[] };
  assert.deepEqual(
    data.results.map((r) => r.elevation),
    [100, 110.5, 121],
  );
});

test('get_elevation of two points without samples asks for both locations', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  await client.callTool({
    name: 'get_elevation',
    arguments: { ...denver, end_latitude: 36.455556, end_longitude: -116.866667 },
  });

  assert.equal(
    query(only(fake, 'GET', ELEVATION)).locations,
    '39.7391536,-104.9847034|36.455556,-116.866667',
  );
});

test('samples without an end point, or half an end point, is refused by name before any request', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  const sampled = await client.callTool({ name: 'get_elevation', arguments: { ...denver, samples: 5 } });
  const half = await client.callTool({ name: 'get_elevation', arguments: { ...denver, end_latitude: 1 } });

  assert.equal(text(sampled), 'samples needs a path: give end_latitude and end_longitude as well');
  assert.equal(text(half), 'Give both end_latitude and end_longitude, or neither');
  assert.equal(fake.requests.length, 0);
});

test('no elevation data for the place (DATA_NOT_AVAILABLE) is an empty success', async (t) => {
  const fake = await fakeMaps(t);
  fake.route(`GET ${ELEVATION}`, { body: { results: [], status: 'DATA_NOT_AVAILABLE' } });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({ name: 'get_elevation', arguments: denver });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { status: 'DATA_NOT_AVAILABLE', results: [] });
});
