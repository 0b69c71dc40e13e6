import { z } from 'zod';
import { overwrites, reads } from '../../../core/annotations.js';
import { paths } from '../api.js';
import { formSchema, raw, toForm } from '../shapes.js';
import {
  filters,
  full,
  limit,
  name,
  pagedOutput,
  recordId,
  type ToolMaker,
  type ToolTable,
} from './common.js';

export const FORM_TYPES = ['popup', 'embedded', 'promotion'] as const;

const FORM_SORTS = [
  'created_at',
  'name',
  'conversions_count',
  'opens_count',
  'visitors',
  'conversion_rate',
  'last_registration_at',
] as const;

const formOutput = z.object({ form: formSchema, message: z.string() });
const formCall = (id: string, doing: string) => ({ subject: { what: 'Form', id }, doing });

export function formTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_forms: mailerliteTool({
      description: 'List sign-up forms of one type (popup, embedded or promotion) with their conversions.',
      input: z.object({
        type: z.enum(FORM_TYPES).describe('popup, embedded or promotion'),
        limit: limit(10),
        page: z
          .number()
          .int()
          .min(1)
          .default(1)
          .describe('Page to start from (default 1): the next_page of an earlier call continues it'),
        sort: z
          .enum([...FORM_SORTS, ...FORM_SORTS.map((s) => `-${s}` as const)])
          .default('name')
          .describe(`Sort by ${FORM_SORTS.join(', ')}; a leading - sorts descending (default name)`),
        filter: z
          .object({
            name: z.string().trim().min(1).optional().describe('Only forms whose name contains this'),
          })
          .optional()
          .describe('Filter: name'),
      }),
      output: z.object({ forms: z.array(formSchema), ...pagedOutput }),
      annotations: reads,
      async run({ type, limit: max, page, sort, filter }, api) {
        const list = await api.numberedList(
          { subject: { what: 'Forms', id: `of type ${type}` }, doing: `listing ${type} forms` },
          paths.forms(type),
          { ...filters({ name: filter?.name }), sort },
          max,
          page,
        );
        return { forms: list.items.map(toForm), next_page: list.next_page, total: list.total };
      },
    }),

    get_form: mailerliteTool({
      description: 'Get a form: type, whether it is active, the groups a sign-up joins, and its conversions.',
      input: z.object({ form_id: recordId('form'), full }),
      output: formOutput.extend({
        raw: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('The record as MailerLite gave it (full: true)'),
      }),
      annotations: reads,
      async run({ form_id, full: all }, api) {
        const f = await api.record(formCall(form_id, `reading form ${form_id}`), paths.form(form_id));
        return {
          form: toForm(f),
          message: `Form "${String(f.name ?? '')}" (${f.id}) is a ${String(f.type ?? '')} form${f.active === false ? ', not active' : ''}.`,
          ...(all ? { raw: raw(f) } : {}),
        };
      },
    }),

    update_form: mailerliteTool({
      description: 'Rename a form.',
      input: z.object({ form_id: recordId('form'), name: name('New name of the form') }),
      output: formOutput,
      annotations: overwrites,
      async run({ form_id, name: formName }, api) {
        const f = await api.record(formCall(form_id, `renaming form ${form_id}`), paths.form(form_id), {
          method: 'PUT',
          body: { name: formName },
        });
        return { form: toForm(f), message: `Renamed form ${f.id} to "${String(f.name ?? formName)}".` };
      },
    }),

    delete_form: mailerliteTool({
      description: 'Delete a form; it stops collecting sign-ups wherever it is shown.',
      input: z.object({ form_id: recordId('form') }),
      output: z.object({ deleted: z.boolean(), form_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ form_id }, api) {
        await api.none(
          {
            ...formCall(form_id, `deleting form ${form_id}`),
            uncertain: 'it may be deleted already; check with get_form before trying again',
          },
          paths.form(form_id),
          { method: 'DELETE', idempotent: false },
        );
        return { deleted: true, form_id, message: `Deleted form ${form_id}.` };
      },
    }),
  };
}
