import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { type ApiFactory, RESPONSES_PAGE, type TfResponse, type TypeformApi } from './api.js';
import {
  formSchema,
  questionsOf,
  responseSchema,
  toForm,
  toResponse,
  toWorkspace,
  workspaceSchema,
} from './shapes.js';

/** The scope each tool needs (guMCP's three). */
export const SCOPES = {
  workspaces: 'workspaces:read',
  forms: 'forms:read',
  responses: 'responses:read',
} as const;

/** A Typeform id (workspaces and forms alike: letters and digits, e.g. u6nXL7). */
const typeformId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]+$/, `must be a Typeform ${what} id (e.g. u6nXL7)`)
    .describe(`The ${what} id`);

const maxResults = (what: string, byDefault: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(byDefault)
    .describe(`Most ${what} to return (1-1000, default ${byDefault}); pages are followed up to it`);

const two = (n: number) => String(n).padStart(2, '0');

/** A moment as Typeform's Responses API takes it: UTC, to the second, with T (or Unix seconds). */
function typeformTime(value: string): string | undefined {
  if (/^\d{9,11}$/.test(value)) return value;
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // A date-time without an offset is read as UTC, as Typeform reads it.
  const text = dateOnly || /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
  const ms = Date.parse(dateOnly ? `${value}T00:00:00Z` : text);
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const since = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const t = typeformTime(value);
    if (t === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 date or date-time (UTC unless it says), or Unix seconds',
      });
      return z.NEVER;
    }
    return t;
  });

interface TypeformToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes' | 'annotations'> {
  scope: string;
  output: O;
  run(args: z.output<I>, api: TypeformApi, ctx: ToolContext): Promise<z.input<O>>;
}

const formList = {
  count: z.number().int(),
  total: z.number().int().nullable().describe('All matching forms, as Typeform counts'),
  more: z.boolean().describe('Typeform has more forms than returned'),
  forms: z.array(formSchema),
};

export function typeformTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const typeformTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    scope,
    ...def
  }: TypeformToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      annotations: reads,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    list_workspaces: typeformTool({
      description:
        'The Typeform workspaces the user can use: id, name, whether default or shared, number of forms.',
      scope: SCOPES.workspaces,
      input: z.object({ max_results: maxResults('workspaces', 200) }),
      output: z.object({
        count: z.number().int(),
        total: z.number().int().nullable(),
        more: z.boolean(),
        workspaces: z.array(workspaceSchema),
      }),
      async run({ max_results }, api) {
        const r = await api.pages((page, size) => api.workspacesPage(page, size), max_results);
        const workspaces = r.items.map(toWorkspace);
        return { count: workspaces.length, total: r.total, more: r.more, workspaces };
      },
    }),

    list_forms_by_workspace: typeformTool({
      description: 'The forms of a workspace: id, title, dates, public link.',
      scope: SCOPES.forms,
      input: z.object({ workspace_id: typeformId('workspace'), max_results: maxResults('forms', 200) }),
      output: z.object({ workspace: z.object({ id: z.string(), name: z.string().nullable() }), ...formList }),
      async run({ workspace_id, max_results }, api) {
        // Read first, as guMCP did: the name, and a wrong id as a 404 that names the workspace.
        const workspace = await api.workspace(workspace_id);
        const r = await api.pages((page, size) => api.formsPage({ workspace_id }, page, size), max_results);
        const forms = r.items.map(toForm);
        return {
          workspace: { id: workspace.id, name: workspace.name ?? null },
          count: forms.length,
          total: r.total,
          more: r.more,
          forms,
        };
      },
    }),

    search_forms: typeformTool({
      description:
        "Forms whose title or content contains query (Typeform's own search), in one workspace or all.",
      scope: SCOPES.forms,
      input: z.object({
        query: z.string().trim().min(1).describe('Text to look for'),
        workspace_id: typeformId('workspace').optional().describe('Only forms of this workspace'),
        max_results: maxResults('forms', 50),
      }),
      output: z.object({ query: z.string(), workspace_id: z.string().nullable(), ...formList }),
      async run({ query, workspace_id, max_results }, api) {
        const filters = { search: query, ...(workspace_id ? { workspace_id } : {}) };
        const r = await api.pages((page, size) => api.formsPage(filters, page, size), max_results);
        const forms = r.items.map(toForm);
        return {
          query,
          workspace_id: workspace_id ?? null,
          count: forms.length,
          total: r.total,
          more: r.more,
          forms,
        };
      },
    }),

    get_form_responses: typeformTool({
      description:
        "A form's responses, newest first, each answer with its question: up to limit (default 10), " +
        'submitted since a date if given, only the answers of fields if given. next_before reads older ones.',
      scope: SCOPES.responses,
      input: z.object({
        form_id: typeformId('form'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(5000)
          .default(10)
          .describe(
            `Most responses to return (1-5000, default 10); pages of up to ${RESPONSES_PAGE} are followed`,
          ),
        since: since
          .optional()
          .describe('Only responses submitted since then (ISO 8601, UTC unless it says)'),
        fields: z
          .array(typeformId('field'))
          .optional()
          .describe('Only the answers to these field ids (the form lists them under fields)'),
        before: z
          .string()
          .trim()
          .min(1)
          .optional()
          .describe('Only responses older than this one (a token, next_before of an earlier call)'),
      }),
      output: z.object({
        form: z.object({ id: z.string(), title: z.string().nullable() }),
        total_items: z.number().int().nullable().describe('All responses matching since, as Typeform counts'),
        count: z.number().int(),
        responses: z.array(responseSchema),
        next_before: z.string().nullable().describe('Pass as before to read older responses'),
      }),
      async run(a, api) {
        // The form gives its title, its questions' titles, and the host its responses live on.
        const form = await api.form(a.form_id);
        const questions = questionsOf(form.fields);
        const responses: TfResponse[] = [];
        let before = a.before;
        let total: number | null = null;
        for (;;) {
          const size = Math.min(RESPONSES_PAGE, a.limit - responses.length);
          const page = await api.responsesPage(form, {
            page_size: size,
            since: a.since,
            fields: a.fields?.length ? a.fields.join(',') : undefined,
            before,
          });
          const got = page.items ?? [];
          total ??= page.total_items ?? null;
          responses.push(...got);
          const last = got.at(-1)?.token;
          const done = got.length < size || !last || last === before;
          if (done || responses.length >= a.limit) {
            const more = !done && (total === null || total > responses.length);
            return {
              form: { id: form.id, title: form.title ?? null },
              total_items: total,
              count: responses.length,
              responses: responses.map((r) => toResponse(r, questions)),
              next_before: more ? (last ?? null) : null,
            };
          }
          before = last;
        }
      },
    }),
  };
}
