import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { LegacyBody, MapsApi } from './api.js';
import {
  AVOIDABLE,
  checkMatrixSize,
  DIRECTIONS_FIELDS,
  MATRIX_FIELDS,
  type MatrixElement,
  MODES,
  matrixCell,
  matrixRows,
  placeList,
  type Route,
  routeEntry,
  routeModifiers,
  summarizeRoute,
  TRAFFIC_MODELS,
  travel,
  UNITS,
  waypoint,
} from './routes.js';
import {
  compact,
  type ElevationResult,
  elevationEntry,
  type GeocodeResult,
  geocodeEntry,
  legacyStatus,
  type PlaceResult,
  type PlaceReview,
  placeEntry,
  reviewEntry,
  summarizeElevation,
  summarizeGeocode,
  summarizePlace,
  summarizeReview,
} from './shapes.js';

/**
 * Geocoding, Places and Elevation go to the legacy web services (maps.googleapis.com/maps/api, the
 * ones guMCP's googlemaps client called); directions and the distance matrix go to the Routes API,
 * which replaced the Directions and Distance Matrix APIs (legacy since March 2025).
 */

const GEOCODING = 'Geocoding API';
const PLACES = 'Places API';
const ELEVATION = 'Elevation API';

/** Place Details fields asked for when the caller names none: everything but reviews and photos. */
export const DEFAULT_DETAIL_FIELDS = [
  'place_id',
  'name',
  'formatted_address',
  'geometry/location',
  'types',
  'business_status',
  'url',
  'website',
  'formatted_phone_number',
  'international_phone_number',
  'opening_hours',
  'rating',
  'user_ratings_total',
  'price_level',
  'editorial_summary',
  'wheelchair_accessible_entrance',
];

const latitude = z.number().min(-90).max(90).describe('Latitude, -90 to 90');
const longitude = z.number().min(-180).max(180).describe('Longitude, -180 to 180');
const language = z.string().min(1).optional().describe('Language of the results, e.g. en, es, fr');
const region = z.string().min(2).optional().describe('Region bias, a ccTLD code such as us, uk, de');
const placeId = z.string().min(1).describe('Google place id, e.g. ChIJN1t_tDeuEmsRUsoyG83frY4');
const stringOrList = (what: string) =>
  z
    .union([z.array(z.string().min(1)), z.string().min(1)])
    .optional()
    .describe(what);
const mode = z.enum(MODES).optional().describe('Travel mode (default driving)');
const avoid = z
  .union([z.array(z.enum(AVOIDABLE)), z.string().min(1)])
  .optional()
  .describe(
    'What to avoid: tolls, highways, ferries (driving, two_wheeler), indoor (walking); a list or "tolls|highways"',
  );
const when = (what: string) =>
  z
    .union([z.string().min(1), z.number().int()])
    .optional()
    .describe(`${what}: "now", a UNIX timestamp in seconds, or an ISO 8601 date-time with offset`);
const trafficModel = z
  .enum(TRAFFIC_MODELS)
  .optional()
  .describe('Traffic assumption for driving (asks for traffic-aware routing)');
const units = z.enum(UNITS).optional().describe('Units of the distance texts (default: the region’s)');

const BOUNDS = /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*\|\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/;

const joined = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join('|') : value;
const components = (value: string | Record<string, string> | undefined): string | undefined =>
  typeof value === 'object'
    ? Object.entries(value)
        .map(([k, v]) => `${k}:${v}`)
        .join('|')
    : value;

interface Geocoded extends LegacyBody {
  results?: GeocodeResult[];
}
const geocodeOutput = z.object({
  status: legacyStatus,
  count: z.number().int(),
  results: z.array(geocodeEntry),
});
const geocoded = (body: Geocoded) => {
  const results = (body.results ?? []).map(summarizeGeocode);
  return { status: body.status ?? 'OK', count: results.length, results };
};

/** The tools, given how a call reaches Google (so tests can tune the waits). */
export function gmapsTools(api: (ctx: ToolContext) => MapsApi): Record<string, AnyToolDef> {
  return {
    address_to_coordinates: tool({
      description:
        'Geocode an address or place name to coordinates, with the formatted address and its components ' +
        '(Geocoding API). No match is an empty result, not an error.',
      input: z.object({
        address: z.string().min(1).describe('The address or place name to geocode'),
        region: region,
        components: z
          .union([z.record(z.string(), z.string()), z.string().min(1)])
          .optional()
          .describe(
            'Filter, e.g. {"country": "US", "postal_code": "94043"} or "country:US|postal_code:94043"',
          ),
        bounds: z
          .string()
          .regex(BOUNDS, 'bounds must be "south,west|north,east", e.g. "34.17,-118.60|34.24,-118.50"')
          .optional()
          .describe('Prefer results in this box: "south_lat,west_lng|north_lat,east_lng"'),
        language,
      }),
      output: geocodeOutput,
      annotations: { title: 'Address to coordinates', ...reads },
      async handler(args, ctx) {
        const query = {
          address: args.address,
          region: args.region,
          components: components(args.components),
          bounds: args.bounds?.replace(/\s+/g, ''),
          language: args.language,
        };
        return geocoded(await api(ctx).legacy<Geocoded>({ api: GEOCODING, path: 'geocode/json', query }));
      },
    }),

    coordinates_to_address: tool({
      description:
        'Reverse-geocode coordinates to the addresses there, most precise first (Geocoding API). ' +
        'No match is an empty result, not an error.',
      input: z.object({
        latitude,
        longitude,
        result_type: stringOrList('Only these address types, e.g. ["street_address", "locality"]'),
        location_type: stringOrList(
          'Only these precisions: ROOFTOP, RANGE_INTERPOLATED, GEOMETRIC_CENTER, APPROXIMATE',
        ),
        language,
      }),
      output: geocodeOutput,
      annotations: { title: 'Coordinates to address', ...reads },
      async handler(args, ctx) {
        const query = {
          latlng: `${args.latitude},${args.longitude}`,
          result_type: joined(args.result_type),
          location_type: joined(args.location_type),
          language: args.language,
        };
        return geocoded(await api(ctx).legacy<Geocoded>({ api: GEOCODING, path: 'geocode/json', query }));
      },
    }),

    search_places: tool({
      description:
        'Search places around coordinates by keyword (Places API Nearby Search), up to 60, following ' +
        'page tokens (each further page of 20 takes about 2 s to become ready).',
      input: z.object({
        query: z
          .string()
          .min(1)
          .describe('What to look for, e.g. "pizza" (matched against names, types, reviews)'),
        latitude,
        longitude,
        radius: z
          .number()
          .positive()
          .max(50000)
          .default(20000)
          .describe('Search radius in meters (default 20000, at most 50000)'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(60)
          .default(5)
          .describe('Most places to return (default 5, at most 60)'),
        type: z.string().min(1).optional().describe('Only places of this type, e.g. restaurant, cafe'),
        keyword: z.string().min(1).optional().describe('More terms, added to query'),
        language,
        min_price: z.number().int().min(0).max(4).optional().describe('Lowest price level, 0 to 4'),
        max_price: z.number().int().min(0).max(4).optional().describe('Highest price level, 0 to 4'),
        open_now: z.boolean().optional().describe('Only places open now'),
      }),
      output: z.object({
        status: legacyStatus,
        count: z.number().int(),
        more: z.boolean().describe('Whether Google had more places than returned'),
        places: z.array(placeEntry),
      }),
      annotations: { title: 'Search places', ...reads },
      async handler(args, ctx) {
        if (args.min_price !== undefined && args.max_price !== undefined && args.min_price > args.max_price) {
          throw new ToolError('min_price must not be above max_price');
        }
        const query = {
          location: `${args.latitude},${args.longitude}`,
          radius: args.radius,
          keyword: [args.query, args.keyword].filter(Boolean).join(' '),
          type: args.type,
          language: args.language,
          minprice: args.min_price,
          maxprice: args.max_price,
          opennow: args.open_now || undefined,
        };
        const { body, results, more } = await api(ctx).legacyPages<
          PlaceResult,
          LegacyBody & { results?: PlaceResult[] }
        >({ api: PLACES, path: 'place/nearbysearch/json', query }, args.limit);
        return {
          status: body.status ?? 'OK',
          count: results.length,
          more,
          places: results.map(summarizePlace),
        };
      },
    }),

    get_place_details: tool({
      description:
        'Get details of a place: address, location, phone, website, hours, rating, price level (Places API ' +
        'Place Details). Name fields to get others (reviews, photos, ...); each field category is billed.',
      input: z.object({
        place_id: placeId,
        fields: stringOrList(
          `Place Details fields, e.g. ["name", "formatted_address"] (default: ${DEFAULT_DETAIL_FIELDS.join(', ')})`,
        ),
        language,
        region,
      }),
      output: z.object({
        status: legacyStatus.describe('OK, or ZERO_RESULTS when the place id no longer names a place'),
        place_id: z.string(),
        fields: z.array(z.string()).describe('The fields asked for'),
        place: z.record(z.string(), z.unknown()).describe('The place as Google answered, with those fields'),
      }),
      annotations: { title: 'Place details', ...reads },
      async handler(args, ctx) {
        const fields = (
          Array.isArray(args.fields) ? args.fields : (args.fields?.split(',') ?? DEFAULT_DETAIL_FIELDS)
        )
          .map((f) => f.trim())
          .filter(Boolean);
        const body = await api(ctx).legacy<LegacyBody & { result?: Record<string, unknown> }>({
          api: PLACES,
          path: 'place/details/json',
          query: {
            place_id: args.place_id,
            fields: fields.join(','),
            language: args.language,
            region: args.region,
          },
          notFound: { what: 'Place', id: args.place_id },
        });
        return { status: body.status ?? 'OK', place_id: args.place_id, fields, place: body.result ?? {} };
      },
    }),

    get_place_reviews: tool({
      description:
        'Get the reviews of a place, with its rating (Places API Place Details; Google gives at most 5 reviews).',
      input: z.object({
        place_id: placeId,
        limit: z
          .number()
          .int()
          .min(1)
          .max(5)
          .default(5)
          .describe('Most reviews to return (default 5, at most 5)'),
        language,
        sort: z
          .enum(['most_relevant', 'newest'])
          .optional()
          .describe('Which reviews Google picks (default most_relevant)'),
      }),
      output: z.object({
        place_id: z.string(),
        name: z.string().optional(),
        rating: z.number().optional().describe('Average rating, 1.0 to 5.0'),
        user_ratings_total: z.number().int().optional().describe('Ratings the place has in all'),
        count: z.number().int().describe('Reviews returned'),
        total: z.number().int().describe('Reviews Google returned before the limit (at most 5)'),
        reviews: z.array(reviewEntry),
      }),
      annotations: { title: 'Place reviews', ...reads },
      async handler(args, ctx) {
        const body = await api(ctx).legacy<
          LegacyBody & {
            result?: { name?: string; rating?: number; user_ratings_total?: number; reviews?: PlaceReview[] };
          }
        >({
          api: PLACES,
          path: 'place/details/json',
          query: {
            place_id: args.place_id,
            fields: 'name,rating,user_ratings_total,reviews',
            language: args.language,
            reviews_sort: args.sort,
          },
          notFound: { what: 'Place', id: args.place_id },
        });
        const all = body.result?.reviews ?? [];
        const reviews = all.slice(0, args.limit).map(summarizeReview);
        return compact({
          place_id: args.place_id,
          name: body.result?.name,
          rating: body.result?.rating,
          user_ratings_total: body.result?.user_ratings_total,
          count: reviews.length,
          total: all.length,
          reviews,
        });
      },
    }),

    get_distance_matrix: tool({
      description:
        'Travel distance and time from each origin to each destination (Routes API computeRouteMatrix, ' +
        'which replaced the legacy Distance Matrix API).',
      input: z.object({
        origins: z
          .union([z.array(z.string().min(1)), z.string().min(1)])
          .describe('Origins: addresses, "lat,lng" or "place_id:..."; a list or "A|B"'),
        destinations: z
          .union([z.array(z.string().min(1)), z.string().min(1)])
          .describe('Destinations, written like origins'),
        mode,
        language,
        avoid,
        units,
        departure_time: when('Departure (asks for traffic when driving)'),
        arrival_time: when('Arrival, transit only'),
        traffic_model: trafficModel,
      }),
      output: z.object({
        origins: z.array(z.string()),
        destinations: z.array(z.string()),
        rows: z.array(z.object({ origin: z.string(), elements: z.array(matrixCell) })),
      }),
      annotations: { title: 'Distance matrix', ...reads },
      async handler(args, ctx) {
        const origins = placeList(args.origins, 'origins');
        const destinations = placeList(args.destinations, 'destinations');
        const from = origins.map((o, i) => waypoint(o, `origins[${i}]`));
        const to = destinations.map((d, i) => waypoint(d, `destinations[${i}]`));
        checkMatrixSize(from, to, args.traffic_model !== undefined);
        const modifiers = routeModifiers(args.avoid);
        const body = compact({
          origins: from.map((w) => compact({ waypoint: w, routeModifiers: modifiers })),
          destinations: to.map((w) => ({ waypoint: w })),
          ...travel(args),
          languageCode: args.language,
        });
        const elements = await api(ctx).routes<MatrixElement[]>(
          'distanceMatrix/v2:computeRouteMatrix',
          body,
          MATRIX_FIELDS,
        );
        // The REST form of the streamed answer is a JSON array of elements.
        const list = Array.isArray(elements) ? elements : [];
        return { origins, destinations, rows: matrixRows(list, origins, destinations, args.units) };
      },
    }),

    get_elevation: tool({
      description:
        'Elevation above sea level at a point, at two points, or sampled along the line between them ' +
        '(Elevation API).',
      input: z.object({
        latitude,
        longitude,
        samples: z
          .number()
          .int()
          .min(2)
          .max(512)
          .optional()
          .describe('Points to sample along the path to end_latitude,end_longitude (2 to 512)'),
        end_latitude: latitude.optional().describe('Latitude of a second point, or of the path’s end'),
        end_longitude: longitude.optional().describe('Longitude of a second point, or of the path’s end'),
      }),
      output: z.object({ status: legacyStatus, results: z.array(elevationEntry) }),
      annotations: { title: 'Elevation', ...reads },
      async handler(args, ctx) {
        const end = args.end_latitude ?? args.end_longitude;
        if (end !== undefined && (args.end_latitude === undefined || args.end_longitude === undefined)) {
          throw new ToolError('Give both end_latitude and end_longitude, or neither');
        }
        if (args.samples !== undefined && end === undefined) {
          throw new ToolError('samples needs a path: give end_latitude and end_longitude as well');
        }
        const points = [`${args.latitude},${args.longitude}`];
        if (end !== undefined) points.push(`${args.end_latitude},${args.end_longitude}`);
        const query =
          args.samples !== undefined
            ? { path: points.join('|'), samples: args.samples }
            : { locations: points.join('|') };
        const body = await api(ctx).legacy<LegacyBody & { results?: ElevationResult[] }>({
          api: ELEVATION,
          path: 'elevation/json',
          query,
        });
        return { status: body.status ?? 'OK', results: (body.results ?? []).map(summarizeElevation) };
      },
    }),

    get_directions: tool({
      description:
        'Directions from origin to destination, through waypoints, with distance, time and steps ' +
        '(Routes API computeRoutes, which replaced the legacy Directions API). No route is an empty result.',
      input: z.object({
        origin: z.string().min(1).describe('Start: an address, "lat,lng" or "place_id:..."'),
        destination: z.string().min(1).describe('End, written like origin'),
        mode,
        waypoints: z
          .array(z.string().min(1))
          .max(25)
          .optional()
          .describe(
            'Stops on the way, in order (at most 25); prefix "via:" to pass through without stopping',
          ),
        alternatives: z.boolean().optional().describe('Also return alternative routes (none with waypoints)'),
        avoid,
        language,
        units,
        region,
        departure_time: when('Departure (asks for traffic when driving)'),
        arrival_time: when('Arrival, transit only'),
        traffic_model: trafficModel,
      }),
      output: z.object({
        status: z.enum(['OK', 'ZERO_RESULTS']),
        routes: z.array(routeEntry).describe('The recommended route first'),
      }),
      annotations: { title: 'Directions', ...reads },
      async handler(args, ctx) {
        const body = compact({
          origin: waypoint(args.origin, 'origin'),
          destination: waypoint(args.destination, 'destination'),
          intermediates: args.waypoints?.map((w, i) => waypoint(w, `waypoints[${i}]`, true)),
          ...travel(args),
          computeAlternativeRoutes: args.alternatives || undefined,
          routeModifiers: routeModifiers(args.avoid),
          languageCode: args.language,
          regionCode: args.region,
          units: args.units?.toUpperCase(),
        });
        const answer = await api(ctx).routes<{ routes?: Route[] }>(
          'directions/v2:computeRoutes',
          body,
          DIRECTIONS_FIELDS,
        );
        const routes = (answer?.routes ?? []).map(summarizeRoute);
        return { status: routes.length ? ('OK' as const) : ('ZERO_RESULTS' as const), routes };
      },
    }),
  };
}
