import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { paths } from '../api.js';
import { fieldSchema, toField } from '../shapes.js';
import {
  filters,
  limit,
  name,
  page,
  pagedOutput,
  recordId,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const FIELD_TYPES = ['text', 'number', 'date'] as const;

const fieldOutput = z.object({ field: fieldSchema, message: z.string() });
const fieldCall = (id: string, doing: string) => ({ subject: { what: 'Field', id }, doing });

export function fieldTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_fields: mailerliteTool({
      description:
        'List subscriber fields (the default ones such as name and city, and custom ones) with the key their ' +
        'values are set under.',
      input: z.object({
        limit: limit(10),
        filter: z
          .object({
            keyword: z.string().trim().min(1).optional().describe('Only fields whose name contains this'),
            type: z.enum(FIELD_TYPES).optional().describe('Only fields of this type'),
          })
          .optional()
          .describe('Filter: keyword, type'),
        sort: z
          .enum(['name', '-name', 'type', '-type'])
          .default('name')
          .describe('Sort by name or type; a leading - sorts descending (default name)'),
        page,
      }),
      output: z.object({ fields: z.array(fieldSchema), ...pagedOutput }),
      annotations: reads,
      async run({ limit: max, filter, sort, page: from }, api) {
        const list = await api.numberedList(
          { subject: { what: 'Fields', id: 'of the account' }, doing: 'listing fields' },
          paths.fields,
          { ...filters({ keyword: filter?.keyword, type: filter?.type }), sort },
          max,
          from,
        );
        return { fields: list.items.map(toField), next_page: list.next_page, total: list.total };
      },
    }),

    create_field: mailerliteTool({
      description:
        'Create a custom subscriber field; its values are then set under the key MailerLite derives from the name.',
      input: z.object({
        name: name('Name of the field'),
        type: z.enum(FIELD_TYPES).describe('Type of its values: text, number or date'),
      }),
      output: fieldOutput,
      annotations: adds,
      async run({ name: fieldName, type }, api) {
        const f = await api.record(
          {
            subject: { what: 'Field', id: fieldName },
            doing: `creating field "${fieldName}"`,
            uncertain: 'it may exist already; check with list_fields before trying again',
          },
          paths.fields,
          { method: 'POST', body: { name: fieldName, type } },
        );
        return { field: toField(f), message: `Created ${f.type} field "${f.name}" (${f.id}), key ${f.key}.` };
      },
    }),

    update_field: mailerliteTool({
      description: 'Rename a custom field (its key stays the same).',
      input: z.object({ field_id: recordId('field'), name: name('New name of the field') }),
      output: fieldOutput,
      annotations: overwrites,
      async run({ field_id, name: fieldName }, api) {
        const f = await api.record(fieldCall(field_id, `renaming field ${field_id}`), paths.field(field_id), {
          method: 'PUT',
          body: { name: fieldName },
        });
        return { field: toField(f), message: `Renamed field ${f.id} to "${f.name}" (key ${f.key}).` };
      },
    }),

    delete_field: mailerliteTool({
      description: 'Delete a custom field and the values subscribers have in it.',
      input: z.object({ field_id: recordId('field') }),
      output: z.object({ deleted: z.boolean(), field_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ field_id }, api) {
        await api.none(
          {
            ...fieldCall(field_id, `deleting field ${field_id}`),
            uncertain: 'it may be deleted already; check with list_fields before trying again',
          },
          paths.field(field_id),
          { method: 'DELETE', idempotent: false },
        );
        return { deleted: true, field_id, message: `Deleted field ${field_id} and its values.` };
      },
    }),
  };
}
