import { z } from 'zod';

/**
 * The legacy web services' result shapes (Geocoding, Places, Elevation; the field names of
 * developers.google.com/maps/documentation/*), and what the tools make of them: the fields a caller
 * acts on, with coordinates as {lat, lng}.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

export interface GeocodeResult {
  formatted_address?: string;
  place_id?: string;
  types?: string[];
  partial_match?: boolean;
  address_components?: { long_name: string; short_name: string; types: string[] }[];
  geometry?: { location?: LatLng; location_type?: string };
  plus_code?: { global_code?: string; compound_code?: string };
}

export interface PlaceResult {
  place_id?: string;
  name?: string;
  vicinity?: string;
  formatted_address?: string;
  geometry?: { location?: LatLng };
  rating?: number;
  user_ratings_total?: number;
  price_level?: number;
  types?: string[];
  business_status?: string;
  opening_hours?: { open_now?: boolean };
}

export interface PlaceReview {
  author_name: string;
  author_url?: string;
  language?: string;
  rating: number;
  relative_time_description?: string;
  text?: string;
  /** Seconds since the epoch. */
  time: number;
}

export interface ElevationResult {
  elevation: number;
  location?: LatLng;
  resolution?: number;
}

/** Leaves out the fields Google did not send, rather than answering them as undefined. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const latLng = z.object({ lat: z.number(), lng: z.number() });

/** OK, or the status Google gives for an empty answer (which is no error). */
export const legacyStatus = z
  .string()
  .describe('OK, or ZERO_RESULTS (DATA_NOT_AVAILABLE for elevation) when nothing matched');

export const geocodeEntry = z.object({
  formatted_address: z.string(),
  place_id: z.string().optional(),
  location: latLng.optional(),
  location_type: z
    .string()
    .optional()
    .describe('ROOFTOP, RANGE_INTERPOLATED, GEOMETRIC_CENTER or APPROXIMATE'),
  types: z.array(z.string()),
  partial_match: z.boolean().optional().describe('Google matched only part of the request'),
  plus_code: z.string().optional(),
  address_components: z.array(
    z.object({ long_name: z.string(), short_name: z.string(), types: z.array(z.string()) }),
  ),
});

export function summarizeGeocode(r: GeocodeResult): z.input<typeof geocodeEntry> {
  return compact({
    formatted_address: r.formatted_address ?? '',
    place_id: r.place_id,
    location: r.geometry?.location,
    location_type: r.geometry?.location_type,
    types: r.types ?? [],
    partial_match: r.partial_match,
    plus_code: r.plus_code?.global_code,
    address_components: r.address_components ?? [],
  });
}

export const placeEntry = z.object({
  place_id: z.string(),
  name: z.string(),
  vicinity: z.string().optional().describe('Short address'),
  location: latLng.optional(),
  rating: z.number().optional().describe('Average rating, 1.0 to 5.0'),
  user_ratings_total: z.number().int().optional(),
  price_level: z.number().int().optional().describe('0 (free) to 4 (very expensive)'),
  types: z.array(z.string()),
  business_status: z.string().optional().describe('OPERATIONAL, CLOSED_TEMPORARILY or CLOSED_PERMANENTLY'),
  open_now: z.boolean().optional(),
});

export function summarizePlace(p: PlaceResult): z.input<typeof placeEntry> {
  return compact({
    place_id: p.place_id ?? '',
    name: p.name ?? '',
    vicinity: p.vicinity ?? p.formatted_address,
    location: p.geometry?.location,
    rating: p.rating,
    user_ratings_total: p.user_ratings_total,
    price_level: p.price_level,
    types: p.types ?? [],
    business_status: p.business_status,
    open_now: p.opening_hours?.open_now,
  });
}

export const reviewEntry = z.object({
  author_name: z.string(),
  author_url: z.string().optional(),
  rating: z.number(),
  text: z.string(),
  language: z.string().optional(),
  relative_time_description: z.string().optional(),
  time: z.number().int().describe('Seconds since 1970-01-01 UTC'),
  published_at: z.string().describe('The same time, ISO 8601'),
});

export function summarizeReview(r: PlaceReview): z.input<typeof reviewEntry> {
  return compact({
    author_name: r.author_name,
    author_url: r.author_url,
    rating: r.rating,
    text: r.text ?? '',
    language: r.language,
    relative_time_description: r.relative_time_description,
    time: r.time,
    published_at: new Date(r.time * 1000).toISOString(),
  });
}

export const elevationEntry = z.object({
  elevation: z.number().describe('Meters above (or below) mean sea level'),
  location: latLng.optional(),
  resolution: z.number().optional().describe('Meters between the points the elevation was interpolated from'),
});

export const summarizeElevation = (r: ElevationResult): z.input<typeof elevationEntry> =>
  compact({ elevation: r.elevation, location: r.location, resolution: r.resolution });
