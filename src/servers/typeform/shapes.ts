import { z } from 'zod';
import type { TfAnswer, TfField, TfFormSummary, TfResponse, TfWorkspace } from './api.js';

/** What the tools return, trimmed to what a reader needs; ids are those the other tools take. */

const first = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? v[0] : v);
const lastSegment = (href: unknown): string | null =>
  typeof href === 'string' && href ? (href.replace(/\/+$/, '').split('/').pop() ?? null) : null;

export const workspaceSchema = z.object({
  id: z.string().describe('Workspace id (for list_forms_by_workspace and search_forms)'),
  name: z.string().nullable(),
  default: z.boolean(),
  shared: z.boolean(),
  forms_count: z.number().int().nullable(),
  account_id: z.string().nullable(),
});

export function toWorkspace(w: TfWorkspace): z.infer<typeof workspaceSchema> {
  return {
    id: w.id,
    name: w.name ?? null,
    default: w.default ?? false,
    shared: w.shared ?? false,
    forms_count: first(w.forms)?.count ?? null,
    account_id: w.account_id ?? null,
  };
}

export const formSchema = z.object({
  id: z.string().describe('Form id (for get_form_responses)'),
  title: z.string().nullable(),
  created_at: z.string().nullable(),
  last_updated_at: z.string().nullable(),
  is_public: z.boolean().nullable(),
  display_url: z.string().nullable().describe('Where respondents open the form'),
  workspace_id: z.string().nullable(),
});

export function toForm(f: TfFormSummary): z.infer<typeof formSchema> {
  return {
    id: f.id,
    title: f.title ?? null,
    created_at: f.created_at ?? null,
    last_updated_at: f.last_updated_at ?? null,
    is_public: f.settings?.is_public ?? null,
    display_url: f._links?.display ?? null,
    workspace_id: lastSegment(f.workspace?.href),
  };
}

/** Every question of a form by field id, those inside question groups too. */
export function questionsOf(fields: readonly TfField[] | undefined): Map<string, TfField> {
  const out = new Map<string, TfField>();
  const walk = (list: readonly TfField[] | undefined) => {
    for (const f of list ?? []) {
      out.set(f.id, f);
      walk(f.properties?.fields);
    }
  };
  walk(fields);
  return out;
}

/** An answer's value, by its type: a choice's label, the labels chosen, a text, a number... */
export function answerValue(a: TfAnswer): unknown {
  switch (a.type) {
    case 'choice': {
      const c = a.choice as { label?: string; other?: string } | undefined;
      return c?.label ?? c?.other ?? null;
    }
    case 'choices': {
      const c = a.choices as { labels?: string[]; other?: string } | undefined;
      return [...(c?.labels ?? []), ...(c?.other ? [c.other] : [])];
    }
    default: {
      if (a.type && a.type in a) return a[a.type] ?? null;
      const { field: _field, type: _type, ...rest } = a;
      return rest;
    }
  }
}

export const answerSchema = z.object({
  field_id: z.string().nullable(),
  field_ref: z.string().nullable(),
  question: z.string().nullable().describe("The question's title, from the form"),
  type: z.string().nullable(),
  value: z.unknown(),
});

export const responseSchema = z.object({
  response_id: z.string().nullable(),
  token: z.string().nullable().describe('Pass as before to read older responses'),
  submitted_at: z.string().nullable(),
  landed_at: z.string().nullable(),
  answers: z.array(answerSchema),
  hidden: z.record(z.string(), z.unknown()).nullable(),
  score: z.number().nullable(),
});

export function toResponse(r: TfResponse, questions: Map<string, TfField>): z.infer<typeof responseSchema> {
  return {
    response_id: r.response_id ?? null,
    token: r.token ?? null,
    submitted_at: r.submitted_at ?? null,
    landed_at: r.landed_at ?? null,
    answers: (r.answers ?? []).map((a) => ({
      field_id: a.field?.id ?? null,
      field_ref: a.field?.ref ?? null,
      question: (a.field?.id ? questions.get(a.field.id)?.title : undefined) ?? a.field?.title ?? null,
      type: a.type ?? null,
      value: answerValue(a),
    })),
    hidden: r.hidden ?? null,
    score: r.calculated?.score ?? null,
  };
}
