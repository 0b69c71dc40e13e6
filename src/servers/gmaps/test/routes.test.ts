import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gmaps from '../index.js';
import { DIRECTIONS_FIELDS, MATRIX_FIELDS } from '../routes.js';
import { credentials, DRIVING_ROUTE, fakeMaps, fakeRoutes, KEY } from './fake-maps.js';

const COMPUTE_ROUTES = '/directions/v2:computeRoutes';
const COMPUTE_MATRIX = '/distanceMatrix/v2:computeRouteMatrix';

test('get_directions posts computeRoutes with the key and field mask in headers, and answers the route', async (t) => {
  const fake = await fakeRoutes(t, { routes: DRIVING_ROUTE });
  const legacy = await fakeMaps(t);
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_directions',
    arguments: { origin: '1600 Amphitheatre Pkwy, Mountain View', destination: '37.4175,-122.0789' },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', COMPUTE_ROUTES);
  assert.equal(req.headers['x-goog-api-key'], KEY);
  assert.equal(req.headers['x-goog-fieldmask'], DIRECTIONS_FIELDS);
  assert.equal(req.headers['content-type'], 'application/json');
  assert.equal([...req.query.keys()].length, 0, 'no key in the URL');
  assert.deepEqual(req.body, {
    origin: { address: '1600 Amphitheatre Pkwy, Mountain View' },
    destination: { location: { latLng: { latitude: 37.4175, longitude: -122.0789 } } },
    travelMode: 'DRIVE',
  });
  assert.equal(legacy.requests.length, 0, 'the legacy Directions API is not called');
  const expected = {
    status: 'OK',
    routes: [
      {
        summary: 'Amphitheatre Pkwy and Charleston Rd',
        distance_meters: 772,
        distance_text: '0.8 km',
        duration_seconds: 165,
        duration_text: '3 mins',
        static_duration_seconds: 151,
        warnings: ['This route has tolls.'],
        legs: [
          {
            start_location: { lat: 37.4219999, lng: -122.0840575 },
            end_location: { lat: 37.4175, lng: -122.0789 },
            distance_meters: 772,
            distance_text: '0.8 km',
            duration_seconds: 165,
            duration_text: '3 mins',
            steps: [
              {
                instruction: 'Head south on Amphitheatre Pkwy',
                maneuver: 'DEPART',
                distance_meters: 264,
                distance_text: '0.3 km',
                duration_seconds: 65,
                travel_mode: 'DRIVE',
              },
              {
                instruction: 'Turn left onto Charleston Rd',
                maneuver: 'TURN_LEFT',
                distance_meters: 508,
                distance_text: '0.5 km',
                duration_seconds: 86,
                travel_mode: 'DRIVE',
              },
            ],
          },
        ],
      },
    ],
  };
  assert.deepEqual(result.structuredContent, expected);
  assert.deepEqual(JSON.parse(text(result)), expected);
});

test('get_directions maps every legacy option to its Routes API field', async (t) => {
  const fake = await fakeRoutes(t, { routes: DRIVING_ROUTE });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_directions',
    arguments: {
      origin: 'place_id:ChIJ3S-JXmauEmsRUcIaWtf4MzE',
      destination: 'Gilroy, CA',
      mode: 'driving',
      waypoints: ['San Jose, CA', 'via:37.3,-121.9'],
      alternatives: true,
      avoid: 'tolls|ferries',
      language: 'en-GB',
      units: 'imperial',
      region: 'us',
      departure_time: '1893456000',
      traffic_model: 'pessimistic',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(only(fake, 'POST', COMPUTE_ROUTES).body, {
    origin: { placeId: 'ChIJ3S-JXmauEmsRUcIaWtf4MzE' },
    destination: { address: 'Gilroy, CA' },
    intermediates: [
      { address: 'San Jose, CA' },
      { location: { latLng: { latitude: 37.3, longitude: -121.9 } }, via: true },
    ],
    travelMode: 'DRIVE',
    routingPreference: 'TRAFFIC_AWARE_OPTIMAL',
    departureTime: '2030-01-01T00:00:00.000Z',
    trafficModel: 'PESSIMISTIC',
    computeAlternativeRoutes: true,
    routeModifiers: { avoidTolls: true, avoidFerries: true },
    languageCode: 'en-GB',
    regionCode: 'us',
    units: 'IMPERIAL',
  });
});

test('transit directions take an arrival time and describe the ride', async (t) => {
  const ride = {
    routes: [
      {
        distanceMeters: 5100,
        duration: '1320s',
        legs: [
          {
            steps: [
              {
                distanceMeters: 5000,
                staticDuration: '1200s',
                navigationInstruction: { instructions: 'Bus towards Circular Quay' },
                travelMode: 'TRANSIT',
                transitDetails: {
                  stopDetails: {
                    arrivalStop: { name: 'Circular Quay' },
                    departureStop: { name: 'Central Station' },
                    arrivalTime: '2030-01-01T09:00:00Z',
                    departureTime: '2030-01-01T08:40:00Z',
                  },
                  headsign: 'Circular Quay',
                  transitLine: { name: 'Route 301', nameShort: '301', vehicle: { type: 'BUS' } },
                  stopCount: 9,
                },
              },
            ],
          },
        ],
      },
    ],
  };
  const fake = await fakeRoutes(t, { routes: ride });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_directions',
    arguments: {
      origin: 'Central Station, Sydney',
      destination: 'Circular Quay, Sydney',
      mode: 'transit',
      arrival_time: '2030-01-01T20:00:00+11:00',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const body = only(fake, 'POST', COMPUTE_ROUTES).body as Record<string, unknown>;
  assert.equal(body.travelMode, 'TRANSIT');
  assert.equal(body.arrivalTime, '2030-01-01T09:00:00.000Z');
  assert.equal('routingPreference' in body, false, 'the Routes API refuses a routing preference for transit');
  const [route] = (result.structuredContent as { routes: { legs: { steps: unknown[] }[] }[] }).routes;
  assert.deepEqual(route?.legs[0]?.steps[0], {
    instruction: 'Bus towards Circular Quay',
    distance_meters: 5000,
    duration_seconds: 1200,
    travel_mode: 'TRANSIT',
    transit: {
      line: '301',
      vehicle: 'BUS',
      headsign: 'Circular Quay',
      departure_stop: 'Central Station',
      arrival_stop: 'Circular Quay',
      departure_time: '2030-01-01T08:40:00Z',
      arrival_time: '2030-01-01T09:00:00Z',
      stop_count: 9,
    },
  });
});

test('options the Routes API would refuse are refused here with the reason, before any request', async (t) => {
  const fake = await fakeRoutes(t, { routes: DRIVING_ROUTE });
  const client = await connect(gmaps, { credentials });
  const call = (extra: Record<string, unknown>) =>
    client.callTool({ name: 'get_directions', arguments: { origin: 'A', destination: 'B', ...extra } });

  assert.equal(
    text(await call({ arrival_time: '1893456000' })),
    'arrival_time works only with mode transit (the Routes API plans arrivals for transit only); use departure_time',
  );
  assert.equal(
    text(await call({ mode: 'walking', traffic_model: 'optimistic' })),
    'traffic_model works only with mode driving',
  );
  assert.equal(
    text(await call({ departure_time: 'tomorrow' })),
    'departure_time must be "now", a UNIX timestamp in seconds or an ISO 8601 date-time with offset, not "tomorrow"',
  );
  assert.equal(
    text(await call({ avoid: 'tolls|potholes' })),
    'avoid: "potholes" is not one of tolls, highways, ferries, indoor',
  );
  assert.equal(fake.requests.length, 0);
});

test('no route between the places (an empty answer) is ZERO_RESULTS, not an error', async (t) => {
  await fakeRoutes(t, { routes: {} });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_directions',
    arguments: { origin: 'Honolulu, HI', destination: 'Tokyo', mode: 'walking' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, { status: 'ZERO_RESULTS', routes: [] });
});

test('get_distance_matrix posts computeRouteMatrix and lays the streamed elements out as rows', async (t) => {
  const element = (o: number, d: number, meters: number, secs: number) => ({
    originIndex: o,
    destinationIndex: d,
    status: {},
    condition: 'ROUTE_EXISTS',
    distanceMeters: meters,
    duration: `${secs}s`,
    staticDuration: `${secs - 10}s`,
    localizedValues: {
      distance: { text: `${meters / 1000} km` },
      duration: { text: `${Math.round(secs / 60)} mins` },
      staticDuration: { text: 'x' },
    },
    travelAdvisory: {},
  });
  const fake = await fakeRoutes(t, {
    matrix: [
      element(1, 0, 12000, 900),
      { originIndex: 0, destinationIndex: 1, status: {}, condition: 'ROUTE_NOT_FOUND' },
      element(0, 0, 5000, 600),
      {
        originIndex: 1,
        destinationIndex: 1,
        status: { code: 5, message: 'Destination not found.' },
        condition: 'ROUTE_MATRIX_ELEMENT_CONDITION_UNSPECIFIED',
      },
    ],
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_distance_matrix',
    arguments: {
      origins: 'Mountain View, CA|37.42,-122.08',
      destinations: ['San Jose, CA', 'place_id:ChIJnowhere'],
      avoid: ['highways'],
      language: 'en',
      departure_time: 'now',
    },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'POST', COMPUTE_MATRIX);
  assert.equal(req.headers['x-goog-api-key'], KEY);
  assert.equal(req.headers['x-goog-fieldmask'], MATRIX_FIELDS);
  assert.deepEqual(req.body, {
    origins: [
      { waypoint: { address: 'Mountain View, CA' }, routeModifiers: { avoidHighways: true } },
      {
        waypoint: { location: { latLng: { latitude: 37.42, longitude: -122.08 } } },
        routeModifiers: { avoidHighways: true },
      },
    ],
    destinations: [{ waypoint: { address: 'San Jose, CA' } }, { waypoint: { placeId: 'ChIJnowhere' } }],
    travelMode: 'DRIVE',
    routingPreference: 'TRAFFIC_AWARE',
    languageCode: 'en',
  });
  assert.deepEqual(result.structuredContent, {
    origins: ['Mountain View, CA', '37.42,-122.08'],
    destinations: ['San Jose, CA', 'place_id:ChIJnowhere'],
    rows: [
      {
        origin: 'Mountain View, CA',
        elements: [
          {
            destination: 'San Jose, CA',
            status: 'OK',
            distance_meters: 5000,
            distance_text: '5 km',
            duration_seconds: 600,
            duration_text: '10 mins',
            static_duration_seconds: 590,
          },
          { destination: 'place_id:ChIJnowhere', status: 'ZERO_RESULTS' },
        ],
      },
      {
        origin: '37.42,-122.08',
        elements: [
          {
            destination: 'San Jose, CA',
            status: 'OK',
            distance_meters: 12000,
            distance_text: '12 km',
            duration_seconds: 900,
            duration_text: '15 mins',
            static_duration_seconds: 890,
          },
          { destination: 'place_id:ChIJnowhere', status: 'ERROR', error: 'Destination not found.' },
        ],
      },
    ],
  });
});

test('get_distance_matrix writes distances in the units asked for, the matrix having no units option', async (t) => {
  await fakeRoutes(t, {
    matrix: [
      {
        originIndex: 0,
        destinationIndex: 0,
        condition: 'ROUTE_EXISTS',
        distanceMeters: 16093,
        duration: '1200s',
      },
    ],
  });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_distance_matrix',
    arguments: { origins: 'A', destinations: 'B', units: 'imperial', mode: 'bicycling' },
  });

  const data = result.structuredContent as { rows: { elements: { distance_text: string }[] }[] };
  assert.equal(data.rows[0]?.elements[0]?.distance_text, '10 mi');
});

test('a matrix over the Routes API limits is refused with the limit, before any request', async (t) => {
  const fake = await fakeRoutes(t);
  const client = await connect(gmaps, { credentials });
  const places = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

  const big = await client.callTool({
    name: 'get_distance_matrix',
    arguments: { origins: places(26, 'A'), destinations: places(25, 'B') },
  });
  const optimal = await client.callTool({
    name: 'get_distance_matrix',
    arguments: { origins: places(11, 'A'), destinations: places(10, 'B'), traffic_model: 'best_guess' },
  });

  assert.equal(text(big), 'origins × destinations is 650; the Routes API allows 625');
  assert.equal(text(optimal), 'origins × destinations is 110; the Routes API allows 100 with traffic_model');
  assert.equal(fake.requests.length, 0);
});
