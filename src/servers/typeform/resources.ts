import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, LIST_PAGE } from './api.js';
import { questionsOf, toForm, toResponse, toWorkspace } from './shapes.js';
import { SCOPES } from './tools.js';

/** Responses shown when a form is read, newest first (guMCP showed the 5 latest). */
const LATEST_RESPONSES = 5;

const workspaceUri = (id: string) => `typeform://workspace/${encodeURIComponent(id)}`;
const formUri = (id: string) => `typeform://form/${encodeURIComponent(id)}`;

function idFrom(value: string | undefined, what: string): string {
  const id = decodeURIComponent(value ?? '');
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new ToolError(`Invalid ${what} id in the resource URI: ${value}`);
  return id;
}

/** The page number a cursor names (guMCP's lists were numbered pages too). */
function pageOf(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(cursor)) throw new ToolError(`Invalid cursor: ${cursor}`);
  return Number(cursor);
}

/**
 * guMCP's URIs: typeform://workspace/{id} and typeform://form/{id}, listed 200 a page (Typeform's
 * page numbers are the cursor). Reading a workspace gives it with its forms; reading a form gives its
 * questions and a summary of its responses.
 */
export function typeformResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'typeform://workspace/{workspace_id}',
      name: 'workspaces',
      title: 'Typeform workspaces',
      description: 'A workspace of the account, with its forms',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = pageOf(cursor);
        const r = await connect(ctx, SCOPES.workspaces).workspacesPage(page);
        const resources = (r.items ?? []).map((w) => ({
          uri: workspaceUri(w.id),
          name: `Workspace: ${w.name ?? w.id}`,
          mimeType: JSON_MIME,
        }));
        return { resources, ...(page < (r.page_count ?? page) ? { nextCursor: String(page + 1) } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.workspace_id, 'workspace');
        const api = connect(ctx, SCOPES.forms);
        const [workspace, forms] = await Promise.all([
          api.workspace(id),
          api.formsPage({ workspace_id: id }, 1, LIST_PAGE),
        ]);
        return jsonContents(uri, {
          workspace: toWorkspace(workspace),
          forms: (forms.items ?? []).map(toForm),
          total_forms: forms.total_items ?? null,
        });
      },
    },
    {
      uriTemplate: 'typeform://form/{form_id}',
      name: 'forms',
      title: 'Typeform forms',
      description: 'A form: its questions and its latest responses',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const page = pageOf(cursor);
        const r = await connect(ctx, SCOPES.forms).formsPage({}, page);
        const resources = (r.items ?? []).map((f) => ({
          uri: formUri(f.id),
          name: `Form: ${f.title ?? f.id}`,
          mimeType: JSON_MIME,
        }));
        return { resources, ...(page < (r.page_count ?? page) ? { nextCursor: String(page + 1) } : {}) };
      },
      async read(uri, vars, ctx) {
        const id = idFrom(vars.form_id, 'form');
        const api = connect(ctx, SCOPES.responses);
        const form = await api.form(id);
        const questions = questionsOf(form.fields);
        const responses = await api.responsesPage(form, { page_size: LATEST_RESPONSES });
        return jsonContents(uri, {
          form: toForm(form),
          questions: [...questions.values()].map((q) => ({
            id: q.id,
            ref: q.ref ?? null,
            title: q.title ?? null,
            type: q.type ?? null,
          })),
          responses: {
            total_items: responses.total_items ?? null,
            latest: (responses.items ?? []).map((r) => toResponse(r, questions)),
          },
        });
      },
    },
  ];
}
