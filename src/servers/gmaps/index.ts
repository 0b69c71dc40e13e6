import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { type GmapsOptions, MapsApi } from './api.js';
import { gmapsTools } from './tools.js';

/**
 * Google Maps: geocoding, places, reviews, elevation, directions and distance matrices, with an API key.
 * `options` tunes the upstream client and the waits (page tokens, status retries); tests pass small
 * values or a sleep that does not wait.
 */
export function createGmapsServer(options: GmapsOptions = {}): ServerDefinition {
  return defineServer({
    id: 'gmaps',
    name: 'Google Maps',
    description:
      'Google Maps Platform: geocode and reverse-geocode, search places and read their details and ' +
      'reviews, elevation, directions and distance matrices.',
    // guMCP stored the key as `api_key` (its credentialFields): the same name keeps its files working.
    auth: { kind: 'api_key', fields: [{ name: 'api_key', label: 'Google Maps API key', secret: true }] },
    tools: gmapsTools((ctx) => new MapsApi(ctx, options)),
  });
}

export default createGmapsServer();
