import { z } from 'zod';
import { ToolError } from '../../core/errors.js';
import { compact, latLng } from './shapes.js';

/**
 * guMCP's get_directions and get_distance_matrix arguments (the legacy Directions and Distance Matrix
 * parameters) as Routes API v2 requests, and the Routes answers as what the tools return. Field names
 * are those of google.maps.routing.v2 (routes.googleapis.com) in their JSON form.
 */

export const MODES = ['driving', 'walking', 'bicycling', 'transit', 'two_wheeler'] as const;
export type Mode = (typeof MODES)[number];
const TRAVEL_MODES: Record<Mode, string> = {
  driving: 'DRIVE',
  walking: 'WALK',
  bicycling: 'BICYCLE',
  transit: 'TRANSIT',
  two_wheeler: 'TWO_WHEELER',
};
export const AVOIDABLE = ['tolls', 'highways', 'ferries', 'indoor'] as const;
type Avoidable = (typeof AVOIDABLE)[number];
const MODIFIERS: Record<Avoidable, string> = {
  tolls: 'avoidTolls',
  highways: 'avoidHighways',
  ferries: 'avoidFerries',
  indoor: 'avoidIndoor',
};
export const TRAFFIC_MODELS = ['best_guess', 'pessimistic', 'optimistic'] as const;
export const UNITS = ['metric', 'imperial'] as const;

/** The Routes API's limits on a matrix (ComputeRouteMatrixRequest.origins). */
const MAX_ELEMENTS = 625;
const MAX_ELEMENTS_OPTIMAL = 100;
const MAX_ADDRESSES = 50;

/** Only what the tools read is asked for: the API requires a field mask and bills by it. */
export const DIRECTIONS_FIELDS = [
  'routes.description',
  'routes.distanceMeters',
  'routes.duration',
  'routes.staticDuration',
  'routes.warnings',
  'routes.localizedValues',
  'routes.legs.distanceMeters',
  'routes.legs.duration',
  'routes.legs.startLocation',
  'routes.legs.endLocation',
  'routes.legs.localizedValues',
  'routes.legs.steps.distanceMeters',
  'routes.legs.steps.staticDuration',
  'routes.legs.steps.navigationInstruction',
  'routes.legs.steps.travelMode',
  'routes.legs.steps.localizedValues',
  'routes.legs.steps.transitDetails',
].join(',');
export const MATRIX_FIELDS =
  'originIndex,destinationIndex,status,condition,distanceMeters,duration,staticDuration,localizedValues';

export interface Waypoint {
  location?: { latLng: { latitude: number; longitude: number } };
  placeId?: string;
  address?: string;
  via?: boolean;
}

const COORDINATES = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/;

/**
 * A place as the legacy services took it: "lat,lng", "place_id:ChIJ...", or an address or plus code.
 * An intermediate waypoint may start with "via:" to pass through without stopping.
 */
export function waypoint(value: string, arg: string, intermediate = false): Waypoint {
  let text = value.trim();
  const via = intermediate && /^via:/i.test(text);
  if (via) text = text.slice(4).trim();
  if (!text) throw new ToolError(`${arg} is empty`);
  const viaFlag = via ? { via: true } : {};
  const point = COORDINATES.exec(text);
  if (point) {
    const [latitude, longitude] = [Number(point[1]), Number(point[2])];
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new ToolError(`${arg} "${text}" is not a valid latitude,longitude`);
    }
    return { location: { latLng: { latitude, longitude } }, ...viaFlag };
  }
  if (/^place_id:/i.test(text)) return { placeId: text.slice(9).trim(), ...viaFlag };
  return { address: text, ...viaFlag };
}

/** `avoid` as guMCP took it ("tolls|highways") or as a list, as Routes route modifiers. */
export function routeModifiers(avoid: string | string[] | undefined): Record<string, boolean> | undefined {
  if (avoid === undefined) return undefined;
  const items = (Array.isArray(avoid) ? avoid : avoid.split(/[|,]/)).map((a) => a.trim().toLowerCase());
  const modifiers: Record<string, boolean> = {};
  for (const item of items.filter(Boolean)) {
    if (!(AVOIDABLE as readonly string[]).includes(item)) {
      throw new ToolError(`avoid: "${item}" is not one of ${AVOIDABLE.join(', ')}`);
    }
    modifiers[MODIFIERS[item as Avoidable]] = true;
  }
  return Object.keys(modifiers).length ? modifiers : undefined;
}

/** "now", UNIX seconds (as guMCP took them), or an ISO 8601 date-time with offset, as RFC 3339; "now" is undefined. */
function instant(value: string | number, arg: string): string | undefined {
  const text = String(value).trim();
  if (text.toLowerCase() === 'now') return undefined;
  if (/^\d{9,11}$/.test(text)) return new Date(Number(text) * 1000).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(text).toISOString();
  }
  throw new ToolError(
    `${arg} must be "now", a UNIX timestamp in seconds or an ISO 8601 date-time with offset, not "${text.slice(0, 40)}"`,
  );
}

export interface Timing {
  mode?: Mode | undefined;
  departure_time?: string | number | undefined;
  arrival_time?: string | number | undefined;
  traffic_model?: (typeof TRAFFIC_MODELS)[number] | undefined;
}

/**
 * Travel mode, routing preference and times. Traffic is used when asked for (a departure time or a
 * traffic model), as the legacy services did; the Routes API takes an arrival time for transit only
 * and a traffic model for driving only, so other combinations are refused here with the reason.
 */
export function travel(t: Timing): Record<string, string> {
  const mode = t.mode ?? 'driving';
  if (t.arrival_time !== undefined && mode !== 'transit') {
    throw new ToolError(
      'arrival_time works only with mode transit (the Routes API plans arrivals for transit only); use departure_time',
    );
  }
  if (t.arrival_time !== undefined && t.departure_time !== undefined) {
    throw new ToolError('Give departure_time or arrival_time, not both');
  }
  if (t.traffic_model && mode !== 'driving')
    throw new ToolError('traffic_model works only with mode driving');
  const arrivalTime = t.arrival_time === undefined ? undefined : instant(t.arrival_time, 'arrival_time');
  if (t.arrival_time !== undefined && !arrivalTime)
    throw new ToolError('arrival_time must be a time, not "now"');
  const drives = mode === 'driving' || mode === 'two_wheeler';
  const traffic = t.traffic_model
    ? 'TRAFFIC_AWARE_OPTIMAL'
    : t.departure_time !== undefined
      ? 'TRAFFIC_AWARE'
      : undefined;
  return compact({
    travelMode: TRAVEL_MODES[mode],
    routingPreference: drives ? traffic : undefined,
    departureTime: t.departure_time === undefined ? undefined : instant(t.departure_time, 'departure_time'),
    arrivalTime,
    trafficModel: t.traffic_model?.toUpperCase(),
  }) as Record<string, string>;
}

/** Places as one string ("A|B", as the legacy Distance Matrix took them) or a list. */
export function placeList(value: string | string[], arg: string): string[] {
  const list = (Array.isArray(value) ? value : value.split('|')).map((v) => v.trim()).filter(Boolean);
  if (!list.length) throw new ToolError(`${arg} names no place`);
  return list;
}

/** Refuses a matrix the Routes API would refuse, saying which limit. */
export function checkMatrixSize(origins: Waypoint[], destinations: Waypoint[], optimal: boolean): void {
  const elements = origins.length * destinations.length;
  const max = optimal ? MAX_ELEMENTS_OPTIMAL : MAX_ELEMENTS;
  if (elements > max) {
    throw new ToolError(
      `origins × destinations is ${elements}; the Routes API allows ${max}${optimal ? ' with traffic_model' : ''}`,
    );
  }
  const named = [...origins, ...destinations].filter((w) => !w.location).length;
  if (named > MAX_ADDRESSES) {
    throw new ToolError(
      `origins and destinations hold ${named} addresses or place ids; the Routes API allows ${MAX_ADDRESSES} (coordinates are not limited)`,
    );
  }
}

/** Durations come as "123s" or "1.5s". */
export const seconds = (duration: string | undefined): number | undefined =>
  duration && /^\d+(\.\d+)?s$/.test(duration) ? Math.round(Number(duration.slice(0, -1))) : undefined;

/** A distance as text, for the units asked for (the matrix has no units option of its own). */
export function distanceText(meters: number, units: (typeof UNITS)[number]): string {
  if (units === 'imperial') {
    const miles = meters / 1609.344;
    return miles < 0.1 ? `${Math.round(meters * 3.28084)} ft` : `${Number(miles.toFixed(1))} mi`;
  }
  return meters < 1000 ? `${meters} m` : `${Number((meters / 1000).toFixed(1))} km`;
}

type Text = { text?: string } | undefined;
type LatLngLocation = { latLng?: { latitude?: number; longitude?: number } } | undefined;

interface RouteStep {
  distanceMeters?: number;
  staticDuration?: string;
  navigationInstruction?: { maneuver?: string; instructions?: string };
  travelMode?: string;
  localizedValues?: { distance?: Text; staticDuration?: Text };
  transitDetails?: {
    headsign?: string;
    stopCount?: number;
    transitLine?: { name?: string; nameShort?: string; vehicle?: { type?: string } };
    stopDetails?: {
      departureStop?: { name?: string };
      arrivalStop?: { name?: string };
      departureTime?: string;
      arrivalTime?: string;
    };
  };
}

interface RouteLeg {
  distanceMeters?: number;
  duration?: string;
  startLocation?: LatLngLocation;
  endLocation?: LatLngLocation;
  localizedValues?: { distance?: Text; duration?: Text };
  steps?: RouteStep[];
}

export interface Route {
  description?: string;
  distanceMeters?: number;
  duration?: string;
  staticDuration?: string;
  warnings?: string[];
  localizedValues?: { distance?: Text; duration?: Text; staticDuration?: Text };
  legs?: RouteLeg[];
}

export interface MatrixElement {
  originIndex?: number;
  destinationIndex?: number;
  status?: { code?: number; message?: string };
  condition?: string;
  distanceMeters?: number;
  duration?: string;
  staticDuration?: string;
  localizedValues?: { distance?: Text; duration?: Text };
}

const point = (l: LatLngLocation) =>
  l?.latLng?.latitude === undefined || l.latLng.longitude === undefined
    ? undefined
    : { lat: l.latLng.latitude, lng: l.latLng.longitude };

const transit = z.object({
  line: z.string().optional(),
  vehicle: z.string().optional(),
  headsign: z.string().optional(),
  departure_stop: z.string().optional(),
  arrival_stop: z.string().optional(),
  departure_time: z.string().optional(),
  arrival_time: z.string().optional(),
  stop_count: z.number().int().optional(),
});

const step = z.object({
  instruction: z.string(),
  maneuver: z.string().optional(),
  distance_meters: z.number().int().optional(),
  distance_text: z.string().optional(),
  duration_seconds: z.number().int().optional(),
  travel_mode: z.string().optional(),
  transit: transit.optional(),
});

const leg = z.object({
  start_location: latLng.optional(),
  end_location: latLng.optional(),
  distance_meters: z.number().int().optional(),
  distance_text: z.string().optional(),
  duration_seconds: z.number().int().optional(),
  duration_text: z.string().optional(),
  steps: z.array(step),
});

export const routeEntry = z.object({
  summary: z.string().optional().describe('Google’s description of the route, e.g. "I-5 S"'),
  distance_meters: z.number().int().optional(),
  distance_text: z.string().optional(),
  duration_seconds: z.number().int().optional().describe('With traffic when traffic was asked for'),
  duration_text: z.string().optional(),
  static_duration_seconds: z.number().int().optional().describe('Without traffic'),
  warnings: z.array(z.string()),
  legs: z.array(leg).describe('One leg per stop: origin, each waypoint that is not via:, destination'),
});

function summarizeStep(s: RouteStep): z.input<typeof step> {
  const t = s.transitDetails;
  return compact({
    instruction: s.navigationInstruction?.instructions ?? '',
    maneuver: s.navigationInstruction?.maneuver,
    distance_meters: s.distanceMeters,
    distance_text: s.localizedValues?.distance?.text,
    duration_seconds: seconds(s.staticDuration),
    travel_mode: s.travelMode,
    transit: t
      ? compact({
          line: t.transitLine?.nameShort ?? t.transitLine?.name,
          vehicle: t.transitLine?.vehicle?.type,
          headsign: t.headsign,
          departure_stop: t.stopDetails?.departureStop?.name,
          arrival_stop: t.stopDetails?.arrivalStop?.name,
          departure_time: t.stopDetails?.departureTime,
          arrival_time: t.stopDetails?.arrivalTime,
          stop_count: t.stopCount,
        })
      : undefined,
  });
}

export function summarizeRoute(r: Route): z.input<typeof routeEntry> {
  return compact({
    summary: r.description,
    distance_meters: r.distanceMeters,
    distance_text: r.localizedValues?.distance?.text,
    duration_seconds: seconds(r.duration),
    duration_text: r.localizedValues?.duration?.text,
    static_duration_seconds: seconds(r.staticDuration),
    warnings: r.warnings ?? [],
    legs: (r.legs ?? []).map((l) =>
      compact({
        start_location: point(l.startLocation),
        end_location: point(l.endLocation),
        distance_meters: l.distanceMeters,
        distance_text: l.localizedValues?.distance?.text,
        duration_seconds: seconds(l.duration),
        duration_text: l.localizedValues?.duration?.text,
        steps: (l.steps ?? []).map(summarizeStep),
      }),
    ),
  });
}

export const matrixCell = z.object({
  destination: z.string(),
  status: z.enum(['OK', 'ZERO_RESULTS', 'ERROR']).describe('ZERO_RESULTS: no route between the two'),
  distance_meters: z.number().int().optional(),
  distance_text: z.string().optional(),
  duration_seconds: z.number().int().optional().describe('With traffic when traffic was asked for'),
  duration_text: z.string().optional(),
  static_duration_seconds: z.number().int().optional().describe('Without traffic'),
  error: z.string().optional().describe('Why this pair has no answer'),
});

/** The matrix's elements (in any order, as the API streams them) as rows of origins. */
export function matrixRows(
  elements: readonly MatrixElement[],
  origins: readonly string[],
  destinations: readonly string[],
  units: (typeof UNITS)[number] | undefined,
): { origin: string; elements: z.input<typeof matrixCell>[] }[] {
  const cells = new Map(elements.map((e) => [`${e.originIndex ?? 0}:${e.destinationIndex ?? 0}`, e]));
  return origins.map((origin, o) => ({
    origin,
    elements: destinations.map((destination, d) => {
      const e = cells.get(`${o}:${d}`);
      if (!e)
        return {
          destination,
          status: 'ERROR' as const,
          error: 'The Routes API gave no answer for this pair',
        };
      if (e.status?.code)
        return { destination, status: 'ERROR' as const, error: e.status.message ?? `code ${e.status.code}` };
      if (e.condition === 'ROUTE_NOT_FOUND') return { destination, status: 'ZERO_RESULTS' as const };
      const meters = e.distanceMeters ?? 0;
      return compact({
        destination,
        status: 'OK' as const,
        distance_meters: meters,
        distance_text: units ? distanceText(meters, units) : e.localizedValues?.distance?.text,
        duration_seconds: seconds(e.duration),
        duration_text: e.localizedValues?.duration?.text,
        static_duration_seconds: seconds(e.staticDuration),
      });
    }),
  }));
}
