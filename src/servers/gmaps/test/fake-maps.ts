import type { TestContext } from 'node:test';
import type { ServerDefinition } from '../../../core/definition.js';
import {
  type FakeReply,
  type FakeService,
  fakeFor,
  type RecordedRequest,
} from '../../../testing/fake-service.js';
import { createGmapsServer } from '../index.js';
import type { PlaceReview } from '../shapes.js';

/**
 * Fakes of the two Google Maps Platform hosts the server calls, answering with the documented shapes
 * (github.com/googlemaps/openapi-specification for the legacy services, google.maps.routing.v2 for the
 * Routes API):
 * - maps.googleapis.com/maps/api: geocode/json, place/nearbysearch/json, place/details/json and
 *   elevation/json. Like the real services they answer HTTP 200 with a `status` even on failure, check
 *   the `key` query parameter, and filter Place Details by `fields`.
 * - routes.googleapis.com: directions/v2:computeRoutes and distanceMatrix/v2:computeRouteMatrix. They
 *   check the X-Goog-Api-Key header, refuse a request without X-Goog-FieldMask, and return only the
 *   fields the mask names, as the API does.
 */

export const MAPS = '/maps/api';
export const KEY = 'AIzaSyFAKE-key_0123456789abcdefghijklm';

export const REQUEST_DENIED_INVALID_KEY = {
  results: [],
  status: 'REQUEST_DENIED',
  error_message: 'The provided API key is invalid. ',
};

export function geocodeResult(address: string, lat: number, lng: number): Record<string, unknown> {
  return {
    address_components: [
      { long_name: '1600', short_name: '1600', types: ['street_number'] },
      { long_name: 'Amphitheatre Parkway', short_name: 'Amphitheatre Pkwy', types: ['route'] },
      { long_name: 'Mountain View', short_name: 'Mountain View', types: ['locality', 'political'] },
    ],
    formatted_address: address,
    geometry: {
      location: { lat, lng },
      location_type: 'ROOFTOP',
      viewport: {
        northeast: { lat: lat + 0.001, lng: lng + 0.001 },
        southwest: { lat: lat - 0.001, lng: lng - 0.001 },
      },
    },
    place_id: `place-${lat},${lng}`,
    plus_code: { compound_code: 'CWC8+W5 Mountain View, CA', global_code: '849VCWC8+W5' },
    types: ['street_address'],
  };
}

export function place(i: number): Record<string, unknown> {
  return {
    business_status: 'OPERATIONAL',
    geometry: {
      location: { lat: -33.86 + i / 1000, lng: 151.19 },
      viewport: { northeast: { lat: -33.85, lng: 151.2 }, southwest: { lat: -33.87, lng: 151.18 } },
    },
    icon: 'https://maps.gstatic.com/mapfiles/place_api/icons/v1/png_71/restaurant-71.png',
    name: `Pizza ${i}`,
    opening_hours: { open_now: i % 2 === 0 },
    place_id: `ChIJplace${i}`,
    plus_code: { compound_code: '46R6+H2 Pyrmont NSW', global_code: '4RRH46R6+H2' },
    price_level: 2,
    rating: 4.5,
    reference: `ChIJplace${i}`,
    scope: 'GOOGLE',
    types: ['restaurant', 'food', 'point_of_interest', 'establishment'],
    user_ratings_total: 100 + i,
    vicinity: `${i} Harris St, Pyrmont`,
  };
}

export function review(i: number): PlaceReview & Record<string, unknown> {
  return {
    author_name: `Reviewer ${i}`,
    author_url: `https://www.google.com/maps/contrib/${i}/reviews`,
    language: 'en',
    original_language: 'en',
    profile_photo_url: `https://lh3.googleusercontent.com/a/${i}`,
    rating: 5 - (i % 3),
    relative_time_description: `${i + 1} weeks ago`,
    text: `Review number ${i}`,
    time: 1700000000 + i * 86400,
    translated: false,
  };
}

export interface FakeMapsData {
  /** Geocoding results by address, or by "lat,lng" for reverse geocoding. */
  geocode?: Record<string, Record<string, unknown>[]>;
  /** Every place Nearby Search finds, served 20 to a page (at most 60, as Google does). */
  places?: Record<string, unknown>[];
  /** How many requests with a page token answer INVALID_REQUEST before the token is valid. */
  tokenNotReadyFor?: number;
  /** Place Details results by place id. */
  details?: Record<string, Record<string, unknown>>;
}

const PAGE = 20;

/** Keeps what Place Details `fields` name; "geometry/location" keeps a sub-field. */
function pickFields(result: Record<string, unknown>, fields: string | null): Record<string, unknown> {
  if (!fields) return result;
  const out: Record<string, unknown> = {};
  for (const field of fields.split(',')) {
    const [top = '', sub] = field.split('/');
    const value = result[top];
    if (value === undefined) continue;
    out[top] = sub ? { ...(out[top] as object), [sub]: (value as Record<string, unknown>)[sub] } : value;
  }
  return out;
}

/** Starts the fake legacy services and points the gmaps server at them for the test. */
export async function fakeMaps(t: TestContext, data: FakeMapsData = {}): Promise<FakeService> {
  const fake = await fakeFor(t, 'gmaps', MAPS);
  let tokenRefusals = data.tokenNotReadyFor ?? 0;
  const service = (path: string, answer: (req: RecordedRequest) => Record<string, unknown>) =>
    fake.route(`GET ${MAPS}/${path}`, (req): FakeReply => {
      const key = req.query.get('key');
      if (!key) {
        return {
          body: {
            status: 'REQUEST_DENIED',
            error_message:
              'You must use an API key to authenticate each request to Google Maps Platform APIs. For additional information, please refer to http://g.co/dev/maps-no-account',
          },
        };
      }
      if (key !== KEY) return { body: REQUEST_DENIED_INVALID_KEY };
      return { body: answer(req) };
    });

  service('geocode/json', (req) => {
    const which = req.query.get('address') ?? req.query.get('latlng');
    if (!which)
      return {
        results: [],
        status: 'INVALID_REQUEST',
        error_message:
          "Invalid request. Missing the 'address', 'components', 'latlng' or 'place_id' parameter.",
      };
    const results = data.geocode?.[which] ?? [];
    return { results, status: results.length ? 'OK' : 'ZERO_RESULTS' };
  });

  service('place/nearbysearch/json', (req) => {
    const token = req.query.get('pagetoken');
    if (token && tokenRefusals > 0) {
      tokenRefusals--;
      return { html_attributions: [], results: [], status: 'INVALID_REQUEST' };
    }
    if (!token && !req.query.get('location')) {
      return {
        html_attributions: [],
        results: [],
        status: 'INVALID_REQUEST',
        error_message: "Invalid request. Missing the 'location' parameter.",
      };
    }
    const all = (data.places ?? []).slice(0, 3 * PAGE);
    const start = token ? Number(token.replace('NEXT-', '')) : 0;
    const next = start + PAGE < all.length ? { next_page_token: `NEXT-${start + PAGE}` } : {};
    const results = all.slice(start, start + PAGE);
    return { html_attributions: [], ...next, results, status: results.length ? 'OK' : 'ZERO_RESULTS' };
  });

  service('place/details/json', (req) => {
    const result = data.details?.[req.query.get('place_id') ?? ''];
    if (!result) return { html_attributions: [], status: 'NOT_FOUND' };
    return { html_attributions: [], result: pickFields(result, req.query.get('fields')), status: 'OK' };
  });

  service('elevation/json', (req) => {
    const path = req.query.get('path');
    const points = (path ?? req.query.get('locations') ?? '').split('|').map((p) => {
      const [lat = 0, lng = 0] = p.split(',').map(Number);
      return { lat, lng };
    });
    const [from = { lat: 0, lng: 0 }, to = from] = [points[0], points[points.length - 1]];
    // A path is sampled at evenly spaced points from its first to its last vertex.
    const located = path
      ? Array.from({ length: Number(req.query.get('samples')) }, (_, i) => {
          const f = i / (Number(req.query.get('samples')) - 1);
          return { lat: from.lat + f * (to.lat - from.lat), lng: from.lng + f * (to.lng - from.lng) };
        })
      : points;
    const results = located.map((location, i) => ({
      elevation: 100 + i * 10.5,
      location,
      resolution: 9.543951988220215,
    }));
    return { results, status: 'OK' };
  });

  return fake;
}

/** A Google API error body as the Routes API sends it, with an ErrorInfo reason. */
export function routesError(code: number, status: string, message: string, reason?: string) {
  return {
    error: {
      code,
      message,
      status,
      ...(reason
        ? {
            details: [
              {
                '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
                reason,
                domain: 'googleapis.com',
                metadata: { service: 'routes.googleapis.com' },
              },
            ],
          }
        : {}),
    },
  };
}

const API_KEY_INVALID = routesError(
  400,
  'INVALID_ARGUMENT',
  'API key not valid. Please pass a valid API key.',
  'API_KEY_INVALID',
);
const NO_FIELD_MASK = routesError(
  400,
  'INVALID_ARGUMENT',
  "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it. As an example, you can set the header 'X-Goog-FieldMask' to value 'routes.distanceMeters,routes.duration,routes.polyline.encodedPolyline' to ask for the route distance, duration, and polyline in the response.",
);

type Tree = Map<string, Tree>;

/** A response cut to the paths of a field mask; arrays are masked element by element. */
export function applyMask(value: unknown, mask: string): unknown {
  const tree: Tree = new Map();
  for (const path of mask.split(',')) {
    let node = tree;
    for (const part of path.trim().split('.'))
      node = node.get(part) ?? (node.set(part, new Map()).get(part) as Tree);
  }
  const cut = (v: unknown, t: Tree): unknown => {
    if (t.size === 0 || t.has('*')) return v;
    if (Array.isArray(v)) return v.map((e) => cut(e, t));
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, sub] of t) if (k in v) out[k] = cut((v as Record<string, unknown>)[k], sub);
    return out;
  };
  return cut(value, tree);
}

export interface FakeRoutesData {
  /** The computeRoutes answer (before the field mask). */
  routes?: Record<string, unknown>;
  /** The computeRouteMatrix elements (before the field mask), in the order streamed. */
  matrix?: Record<string, unknown>[];
}

/** Starts the fake Routes API and points the gmaps server's Routes calls at it for the test. */
export async function fakeRoutes(t: TestContext, data: FakeRoutesData = {}): Promise<FakeService> {
  const fake = await fakeFor(t, 'gmaps_routes');
  const method = (path: string, answer: () => unknown) =>
    fake.route(`POST ${path}`, (req): FakeReply => {
      if (req.headers['x-goog-api-key'] !== KEY) return { status: 400, body: API_KEY_INVALID };
      const mask = req.headers['x-goog-fieldmask'];
      if (typeof mask !== 'string' || !mask) return { status: 400, body: NO_FIELD_MASK };
      return { body: applyMask(answer(), mask) };
    });
  method('/directions/v2:computeRoutes', () => data.routes ?? {});
  method('/distanceMatrix/v2:computeRouteMatrix', () => data.matrix ?? []);
  return fake;
}

/** A computeRoutes answer with one driving route of two steps, as the reference shows it. */
export const DRIVING_ROUTE = {
  routes: [
    {
      routeLabels: ['DEFAULT_ROUTE'],
      legs: [
        {
          distanceMeters: 772,
          duration: '165s',
          staticDuration: '151s',
          polyline: { encodedPolyline: 'ipkcFfichVnP@j@BLoFVwM{E?' },
          startLocation: { latLng: { latitude: 37.4219999, longitude: -122.0840575 } },
          endLocation: { latLng: { latitude: 37.4175, longitude: -122.0789 } },
          steps: [
            {
              distanceMeters: 264,
              staticDuration: '65s',
              polyline: { encodedPolyline: 'ipkcFfichVnP@' },
              startLocation: { latLng: { latitude: 37.4219999, longitude: -122.0840575 } },
              endLocation: { latLng: { latitude: 37.4196, longitude: -122.084 } },
              navigationInstruction: { maneuver: 'DEPART', instructions: 'Head south on Amphitheatre Pkwy' },
              localizedValues: { distance: { text: '0.3 km' }, staticDuration: { text: '1 min' } },
              travelMode: 'DRIVE',
            },
            {
              distanceMeters: 508,
              staticDuration: '86s',
              polyline: { encodedPolyline: 'j@BLoFVwM{E?' },
              startLocation: { latLng: { latitude: 37.4196, longitude: -122.084 } },
              endLocation: { latLng: { latitude: 37.4175, longitude: -122.0789 } },
              navigationInstruction: { maneuver: 'TURN_LEFT', instructions: 'Turn left onto Charleston Rd' },
              localizedValues: { distance: { text: '0.5 km' }, staticDuration: { text: '1 min' } },
              travelMode: 'DRIVE',
            },
          ],
          localizedValues: {
            distance: { text: '0.8 km' },
            duration: { text: '3 mins' },
            staticDuration: { text: '3 mins' },
          },
        },
      ],
      distanceMeters: 772,
      duration: '165s',
      staticDuration: '151s',
      polyline: { encodedPolyline: 'ipkcFfichVnP@j@BLoFVwM{E?' },
      description: 'Amphitheatre Pkwy and Charleston Rd',
      warnings: ['This route has tolls.'],
      viewport: {
        low: { latitude: 37.4175, longitude: -122.0841 },
        high: { latitude: 37.422, longitude: -122.0789 },
      },
      travelAdvisory: {},
      localizedValues: {
        distance: { text: '0.8 km' },
        duration: { text: '3 mins' },
        staticDuration: { text: '3 mins' },
      },
    },
  ],
  geocodingResults: {},
};

/**
 * A gmaps server whose waits (page tokens, status retries) are recorded instead of slept, with a 1 ms
 * upstream backoff, so retry tests are quick and can assert the delays asked for.
 */
export function quickServer(): { server: ServerDefinition; waits: number[] } {
  const waits: number[] = [];
  const server = createGmapsServer({
    backoffMs: 1,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { server, waits };
}

export const credentials = { api_key: KEY };
