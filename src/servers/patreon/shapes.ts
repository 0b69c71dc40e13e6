import { z } from 'zod';
import type { Resource, ResourceId } from './api.js';

/**
 * Patreon's JSON:API resources made plain: `{ id, type, ...attributes }`, and under `related` each
 * relationship, resolved to the included resource when the call included it (else `{ id, type }`).
 */

export const resourceSchema = z
  .looseObject({ id: z.string(), type: z.string() })
  .describe('A Patreon resource: id, type, its attributes, and its relationships under related');

export type Flat = z.infer<typeof resourceSchema>;

const key = (r: ResourceId) => `${r.type}\u0000${r.id}`;

/** The included resources of a document, by type and id. */
export function indexOf(included: readonly Resource[] | undefined): Map<string, Resource> {
  return new Map((included ?? []).map((r) => [key(r), r]));
}

const plain = (r: Resource): Flat => ({ ...(r.attributes ?? {}), id: r.id, type: r.type });

/** A resource made plain, its relationships resolved one level deep from `index`. */
export function flatten(r: Resource, index: Map<string, Resource> = new Map()): Flat {
  const out = plain(r);
  const related: Record<string, Flat | Flat[] | null> = {};
  for (const [name, rel] of Object.entries(r.relationships ?? {})) {
    const resolve = (id: ResourceId): Flat => {
      const found = index.get(key(id));
      return found ? plain(found) : { id: id.id, type: id.type };
    };
    if (Array.isArray(rel?.data)) related[name] = rel.data.map(resolve);
    else related[name] = rel?.data ? resolve(rel.data) : null;
  }
  if (Object.keys(related).length > 0) out.related = related;
  return out;
}
