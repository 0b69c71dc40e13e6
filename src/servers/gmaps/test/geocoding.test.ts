import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gmaps from '../index.js';
import { credentials, fakeMaps, geocodeResult, KEY, MAPS } from './fake-maps.js';

const GOOGLEPLEX = '1600 Amphitheatre Parkway, Mountain View, CA 94043, USA';

test('address_to_coordinates sends the address and its filters with the key, and answers the places found', async (t) => {
  const fake = await fakeMaps(t, {
    geocode: { '1600 Amphitheatre Pkwy': [geocodeResult(GOOGLEPLEX, 37.4224, -122.0842)] },
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'address_to_coordinates',
    arguments: {
      address: '1600 Amphitheatre Pkwy',
      region: 'us',
      components: { country: 'US', postal_code: '94043' },
      bounds: '37.40,-122.10 | 37.44,-122.06',
      language: 'en',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', `${MAPS}/geocode/json`)), {
    address: '1600 Amphitheatre Pkwy',
    region: 'us',
    components: 'country:US|postal_code:94043',
    bounds: '37.40,-122.10|37.44,-122.06',
    language: 'en',
    key: KEY,
  });
  const expected = {
    status: 'OK',
    count: 1,
    results: [
      {
        formatted_address: GOOGLEPLEX,
        place_id: 'place-37.4224,-122.0842',
        location: { lat: 37.4224, lng: -122.0842 },
        location_type: 'ROOFTOP',
        types: ['street_address'],
        plus_code: '849VCWC8+W5',
        address_components: [
          { long_name: '1600', short_name: '1600', types: ['street_number'] },
          { long_name: 'Amphitheatre Parkway', short_name: 'Amphitheatre Pkwy', types: ['route'] },
          { long_name: 'Mountain View', short_name: 'Mountain View', types: ['locality', 'political'] },
        ],
      },
    ],
  };
  assert.deepEqual(result.structuredContent, expected);
  assert.deepEqual(JSON.parse(text(result)), expected);
});

test('an address Google cannot place (ZERO_RESULTS) is an empty success, not an error', async (t) => {
  await fakeMaps(t, { geocode: {} });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'address_to_coordinates',
    arguments: { address: 'nowhere at all' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { status: 'ZERO_RESULTS', count: 0, results: [] });
});

test('components may also be given in Google’s own "key:value|key:value" form', async (t) => {
  const fake = await fakeMaps(t, { geocode: {} });
  const client = await connect(gmaps, { credentials });

  await client.callTool({
    name: 'address_to_coordinates',
    arguments: { address: 'Main St', components: 'country:GB|locality:London' },
  });

  assert.equal(query(only(fake, 'GET', `${MAPS}/geocode/json`)).components, 'country:GB|locality:London');
});

test('coordinates_to_address sends latlng and the filters joined with |', async (t) => {
  const fake = await fakeMaps(t, {
    geocode: { '37.4224764,-122.0842499': [geocodeResult(GOOGLEPLEX, 37.4224764, -122.0842499)] },
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'coordinates_to_address',
    arguments: {
      latitude: 37.4224764,
      longitude: -122.0842499,
      result_type: ['street_address', 'locality'],
      location_type: 'ROOFTOP',
      language: 'de',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', `${MAPS}/geocode/json`)), {
    latlng: '37.4224764,-122.0842499',
    result_type: 'street_address|locality',
    location_type: 'ROOFTOP',
    language: 'de',
    key: KEY,
  });
  const data = result.structuredContent as { count: number; results: { formatted_address: string }[] };
  assert.equal(data.count, 1);
  assert.equal(data.results[0]?.formatted_address, GOOGLEPLEX);
});

test('a latitude out of range and malformed bounds are refused by name, before any request', async (t) => {
  const fake = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  const far = await client.callTool({
    name: 'coordinates_to_address',
    arguments: { latitude: 91, longitude: 0 },
  });
  const box = await client.callTool({
    name: 'address_to_coordinates',
    arguments: { address: 'x', bounds: 'north of here' },
  });

  assert.match(text(far), /^Invalid arguments for tool coordinates_to_address: latitude: /);
  assert.match(text(box), /bounds: bounds must be "south,west\|north,east"/);
  assert.equal(fake.requests.length, 0);
});
