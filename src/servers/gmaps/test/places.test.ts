import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import gmaps, { createGmapsServer } from '../index.js';
import { DEFAULT_DETAIL_FIELDS } from '../tools.js';
import { credentials, fakeMaps, KEY, MAPS, place, quickServer, review } from './fake-maps.js';

const NEARBY = `${MAPS}/place/nearbysearch/json`;
const DETAILS = `${MAPS}/place/details/json`;
const fifty = Array.from({ length: 50 }, (_, i) => place(i));
const sydney = { query: 'pizza', latitude: -33.8670522, longitude: 151.1957362 };

test('search_places asks Nearby Search around the point with query as keyword, and returns the first 5', async (t) => {
  const fake = await fakeMaps(t, { places: fifty });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({ name: 'search_places', arguments: sydney });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', NEARBY)), {
    location: '-33.8670522,151.1957362',
    radius: '20000',
    keyword: 'pizza',
    key: KEY,
  });
  const data = result.structuredContent as {
    status: string;
    count: number;
    more: boolean;
    places: unknown[];
  };
  assert.equal(data.status, 'OK');
  assert.equal(data.count, 5);
  assert.equal(data.more, true);
  assert.deepEqual(data.places[0], {
    place_id: 'ChIJplace0',
    name: 'Pizza 0',
    vicinity: '0 Harris St, Pyrmont',
    location: { lat: -33.86, lng: 151.19 },
    rating: 4.5,
    user_ratings_total: 100,
    price_level: 2,
    types: ['restaurant', 'food', 'point_of_interest', 'establishment'],
    business_status: 'OPERATIONAL',
    open_now: true,
  });
});

test('search_places passes its filters, adding keyword to the query', async (t) => {
  const fake = await fakeMaps(t, { places: fifty });
  const client = await connect(gmaps, { credentials });

  await client.callTool({
    name: 'search_places',
    arguments: {
      ...sydney,
      radius: 1500,
      type: 'restaurant',
      keyword: 'wood-fired',
      language: 'en',
      min_price: 1,
      max_price: 3,
      open_now: true,
    },
  });

  assert.deepEqual(query(only(fake, 'GET', NEARBY)), {
    location: '-33.8670522,151.1957362',
    radius: '1500',
    keyword: 'pizza wood-fired',
    type: 'restaurant',
    language: 'en',
    minprice: '1',
    maxprice: '3',
    opennow: 'true',
    key: KEY,
  });
});

test('search_places follows next_page_token, waiting before each page, up to limit', async (t) => {
  const fake = await fakeMaps(t, { places: fifty });
  const { server, waits } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool({ name: 'search_places', arguments: { ...sydney, limit: 45 } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { location: '-33.8670522,151.1957362', radius: '20000', keyword: 'pizza', key: KEY },
      { pagetoken: 'NEXT-20', key: KEY },
      { pagetoken: 'NEXT-40', key: KEY },
    ],
  );
  assert.deepEqual(waits, [2000, 2000], 'about 2 s before each token is used');
  const data = result.structuredContent as { count: number; more: boolean; places: { place_id: string }[] };
  assert.equal(data.count, 45);
  assert.equal(data.more, true, '50 were found');
  assert.equal(data.places[44]?.place_id, 'ChIJplace44');
});

test('a page token Google does not accept yet (INVALID_REQUEST) is retried after the delay', async (t) => {
  const fake = await fakeMaps(t, { places: fifty, tokenNotReadyFor: 2 });
  const { server, waits } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool({ name: 'search_places', arguments: { ...sydney, limit: 25 } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('pagetoken')),
    [null, 'NEXT-20', 'NEXT-20', 'NEXT-20'],
  );
  assert.deepEqual(waits, [2000, 2000, 2000]);
  assert.equal((result.structuredContent as { count: number }).count, 25);
});

test('a page token that never becomes valid ends after a bounded number of tries, with a way out', async (t) => {
  const fake = await fakeMaps(t, { places: fifty, tokenNotReadyFor: 100 });
  const { server } = quickServer();
  const client = await connect(server, { credentials });

  const result = await client.callTool({ name: 'search_places', arguments: { ...sydney, limit: 30 } });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'The next page of results was still not ready after 4 tries; ask for fewer results (limit 20 works) or try again.',
  );
  assert.equal(fake.requests.length, 5, 'the first page, then the token four times');
});

test('search_places refuses min_price above max_price', async (t) => {
  const fake = await fakeMaps(t, { places: fifty });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'search_places',
    arguments: { ...sydney, min_price: 3, max_price: 1 },
  });

  assert.equal(text(result), 'min_price must not be above max_price');
  assert.equal(fake.requests.length, 0);
});

const opera = {
  place_id: 'ChIJ3S-JXmauEmsRUcIaWtf4MzE',
  name: 'Sydney Opera House',
  formatted_address: 'Bennelong Point, Sydney NSW 2000, Australia',
  geometry: { location: { lat: -33.8567844, lng: 151.2152967 }, viewport: {} },
  types: ['tourist_attraction', 'point_of_interest', 'establishment'],
  business_status: 'OPERATIONAL',
  url: 'https://maps.google.com/?cid=3545450935484072529',
  website: 'https://www.sydneyoperahouse.com/',
  formatted_phone_number: '(02) 9250 7111',
  international_phone_number: '+61 2 9250 7111',
  opening_hours: { open_now: true, weekday_text: ['Monday: 9:00 AM – 5:00 PM'] },
  rating: 4.7,
  user_ratings_total: 94000,
  reviews: [0, 1, 2, 3, 4].map(review),
  photos: [{ height: 1365, width: 2048, photo_reference: 'PHOTO_REFERENCE', html_attributions: [] }],
  vicinity: 'Bennelong Point, Sydney',
};

test('get_place_details asks for every field but reviews and photos by default', async (t) => {
  const fake = await fakeMaps(t, { details: { [opera.place_id]: opera } });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_place_details',
    arguments: { place_id: opera.place_id },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', DETAILS)), {
    place_id: opera.place_id,
    fields: DEFAULT_DETAIL_FIELDS.join(','),
    key: KEY,
  });
  const data = result.structuredContent as {
    status: string;
    fields: string[];
    place: Record<string, unknown>;
  };
  assert.equal(data.status, 'OK');
  assert.deepEqual(data.fields, DEFAULT_DETAIL_FIELDS);
  assert.deepEqual(data.place.geometry, { location: { lat: -33.8567844, lng: 151.2152967 } });
  assert.equal(data.place.website, 'https://www.sydneyoperahouse.com/');
  assert.equal('reviews' in data.place, false);
  assert.equal('photos' in data.place, false);
});

test('get_place_details asks for exactly the fields named, in the language and region given', async (t) => {
  const fake = await fakeMaps(t, { details: { [opera.place_id]: opera } });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_place_details',
    arguments: { place_id: opera.place_id, fields: ['name', 'photo'], language: 'fr', region: 'au' },
  });

  assert.deepEqual(query(only(fake, 'GET', DETAILS)), {
    place_id: opera.place_id,
    fields: 'name,photo',
    language: 'fr',
    region: 'au',
    key: KEY,
  });
  assert.deepEqual((result.structuredContent as { place: unknown }).place, { name: 'Sydney Opera House' });
});

test('a place id Google does not know (NOT_FOUND) is named in the error', async (t) => {
  await fakeMaps(t, { details: {} });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({ name: 'get_place_details', arguments: { place_id: 'ChIJgone' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Place not found: ChIJgone');
});

test('get_place_reviews asks Place Details for the reviews only, sorted as asked, and keeps limit of them', async (t) => {
  const fake = await fakeMaps(t, { details: { [opera.place_id]: opera } });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_place_reviews',
    arguments: { place_id: opera.place_id, limit: 2, language: 'en', sort: 'newest' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', DETAILS)), {
    place_id: opera.place_id,
    fields: 'name,rating,user_ratings_total,reviews',
    language: 'en',
    reviews_sort: 'newest',
    key: KEY,
  });
  assert.deepEqual(result.structuredContent, {
    place_id: opera.place_id,
    name: 'Sydney Opera House',
    rating: 4.7,
    user_ratings_total: 94000,
    count: 2,
    total: 5,
    reviews: [
      {
        author_name: 'Reviewer 0',
        author_url: 'https://www.google.com/maps/contrib/0/reviews',
        rating: 5,
        text: 'Review number 0',
        language: 'en',
        relative_time_description: '1 weeks ago',
        time: 1700000000,
        published_at: '2023-11-14T22:13:20.000Z',
      },
      {
        author_name: 'Reviewer 1',
        author_url: 'https://www.google.com/maps/contrib/1/reviews',
        rating: 4,
        text: 'Review number 1',
        language: 'en',
        relative_time_description: '2 weeks ago',
        time: 1700086400,
        published_at: '2023-11-15T22:13:20.000Z',
      },
    ],
  });
});

test('a place without reviews answers an empty list', async (t) => {
  const { reviews: _, ...quiet } = opera;
  await fakeMaps(t, { details: { [opera.place_id]: quiet } });
  const client = await connect(gmaps, { credentials });

  const result = await client.callTool({
    name: 'get_place_reviews',
    arguments: { place_id: opera.place_id },
  });

  assert.equal(result.isError, undefined, text(result));
  const data = result.structuredContent as { count: number; total: number; reviews: unknown[] };
  assert.deepEqual([data.count, data.total, data.reviews], [0, 0, []]);
});

test('a client cancelling during the page-token wait stops the search: no further page is asked for', async (t) => {
  const fake = await fakeMaps(t, { places: fifty });
  let waiting = (): void => {};
  let stopped = (): void => {};
  const entered = new Promise<void>((resolve) => {
    waiting = resolve;
  });
  const ended = new Promise<void>((resolve) => {
    stopped = resolve;
  });
  const server = createGmapsServer({
    sleep: (_ms, signal) =>
      new Promise<void>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(signal.reason);
          stopped();
        });
        waiting();
      }),
  });
  const client = await connect(server, { credentials });
  const cancel = new AbortController();

  const call = client.callTool(
    { name: 'search_places', arguments: { ...sydney, limit: 40 } },
    {
      signal: cancel.signal,
    },
  );
  await entered;
  cancel.abort();

  await assert.rejects(call);
  await ended;
  assert.equal(fake.requests.length, 1, 'only the first page');
});
