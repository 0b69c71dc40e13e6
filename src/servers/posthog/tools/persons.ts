import { z } from 'zod';
import { reads } from '../../../core/annotations.js';
import { NotFoundError } from '../../../core/errors.js';
import type { Rec } from '../api.js';
import { personSchema, toPerson } from '../shapes.js';
import {
  full,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  raw,
  rawIf,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/** A person filter: a property name alone (it must be set), `name=value`, or PostHog's `{key, value, operator}`. */
const personProperty = z
  .union([
    z
      .string()
      .trim()
      .min(1)
      .transform((s) => {
        const at = s.indexOf('=');
        return at > 0
          ? { key: s.slice(0, at).trim(), value: s.slice(at + 1).trim(), operator: 'exact', type: 'person' }
          : { key: s, operator: 'is_set', value: 'is_set', type: 'person' };
      }),
    z
      .object({
        key: z.string().trim().min(1).describe('Person property name'),
        value: z.unknown().optional().describe('Value to compare with'),
        operator: z.string().optional().describe('exact (default), icontains, is_set, gt, ...'),
      })
      .transform((p) => ({ type: 'person', operator: 'exact', ...p })),
  ])
  .describe('A property name (must be set), "name=value" (exact), or {key, value, operator}');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function personTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_persons: posthogTool({
      description:
        'List persons of a project, optionally searched by email or distinct id, or filtered by their properties.',
      input: z.object({
        search: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Email (full text) or distinct id (exact) to search for'),
        properties: z.array(personProperty).optional().describe('Person property filters; all must hold'),
        ...projectArgs,
        limit: limit(100),
        offset,
      }),
      output: z.object({ persons: z.array(personSchema), ...listOutput }),
      annotations: reads,
      async run({ search, properties, project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          {
            subject: THE_PROJECT,
            doing: 'listing persons',
            limit: 'analytics',
          },
          project_id,
          'persons/',
          { search, properties: properties?.length ? JSON.stringify(properties) : undefined },
          max,
          from,
        );
        return { persons: list.items.map(toPerson), ...paging(list) };
      },
    }),

    get_person: posthogTool({
      description:
        'Get a person with their properties and distinct ids, by their id or UUID, or by one of their distinct ids.',
      input: z.object({
        person_id: z
          .string()
          .trim()
          .min(1)
          .max(400)
          .describe('The person’s id, UUID, or one of their distinct ids'),
        ...projectArgs,
        full,
      }),
      output: z.object({
        person: personSchema,
        matched_by: z.enum(['id', 'distinct_id']),
        message: z.string(),
        raw,
      }),
      annotations: reads,
      async run({ person_id, project_id, full: wanted }, api) {
        const call = {
          subject: { what: 'Person', id: person_id },
          doing: `getting person ${person_id}`,
          limit: 'analytics' as const,
        };
        let record: Rec;
        let matched: 'id' | 'distinct_id' = 'id';
        if (/^\d+$/.test(person_id) || UUID.test(person_id)) {
          record = await api.inProject<Rec>(call, project_id, `persons/${encodeURIComponent(person_id)}/`);
        } else {
          // Not an id: PostHog finds a person by any of their distinct ids with the list's filter.
          const list = await api.list(call, project_id, 'persons/', { distinct_id: person_id }, 1);
          const first = list.items[0];
          if (!first) throw new NotFoundError('Person', person_id);
          record = first;
          matched = 'distinct_id';
        }
        const p = toPerson(record);
        return {
          person: p,
          matched_by: matched,
          message: `Person ${p.name ?? p.uuid ?? person_id} with ${Object.keys(p.properties).length} properties.`,
          ...rawIf(wanted, record),
        };
      },
    }),
  };
}
