import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import type { Rec } from '../api.js';
import type { Call } from '../errors.js';
import { annotationSchema, toAnnotation } from '../shapes.js';
import {
  full,
  given,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  raw,
  rawIf,
  recordId,
  someChange,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const SCOPES = ['project', 'organization', 'dashboard', 'dashboard_item'] as const;

/** An ISO 8601 moment; a bare date is taken as its midnight UTC. */
const dateMarker = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const value = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v;
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an ISO 8601 date or time, e.g. 2025-03-01T12:00:00Z',
      });
      return z.NEVER;
    }
    return value;
  });

const scope = z
  .enum(SCOPES)
  .describe(
    'Where it shows: project (every chart of the project), organization (all its projects), dashboard (one ' +
      'dashboard: give dashboard_id) or dashboard_item (one insight: give insight_id)',
  );

const annotationOutput = z.object({ annotation: annotationSchema, message: z.string(), raw });

const annotationCall = (id: string, doing: string): Call => ({ subject: { what: 'Annotation', id }, doing });

/** The ids a scope needs, checked before PostHog is asked. */
function scopeTargets(
  s: (typeof SCOPES)[number] | undefined,
  dashboard_id: string | undefined,
  insight_id: string | undefined,
): Rec {
  if (s === 'dashboard' && !dashboard_id)
    throw new ToolError('dashboard_id: required when scope is dashboard');
  if (s === 'dashboard_item' && !insight_id)
    throw new ToolError('insight_id: required when scope is dashboard_item');
  return given({
    dashboard_id: dashboard_id === undefined ? undefined : Number(dashboard_id),
    dashboard_item: insight_id === undefined ? undefined : Number(insight_id),
  });
}

export function annotationTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_annotations: posthogTool({
      description: 'List annotations (notes on charts marking releases, incidents, campaigns), newest first.',
      input: z.object({
        ...projectArgs,
        search: z.string().trim().min(1).optional().describe('Only annotations whose text contains this'),
        limit: limit(100),
        offset,
      }),
      output: z.object({ annotations: z.array(annotationSchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, search, limit: max, offset: from }, api) {
        const list = await api.list(
          { subject: THE_PROJECT, doing: 'listing annotations' },
          project_id,
          'annotations/',
          { search },
          max,
          from,
        );
        return { annotations: list.items.map(toAnnotation), ...paging(list) };
      },
    }),

    create_annotation: posthogTool({
      description: 'Add an annotation at a moment, shown on the charts of its scope. Each call adds one.',
      input: z.object({
        content: z.string().trim().min(1).max(8192).describe('The note'),
        date_marker: dateMarker.describe('When it happened (ISO 8601, e.g. 2025-03-01T12:00:00Z, or a date)'),
        scope,
        dashboard_id: recordId('dashboard').optional().describe('The dashboard, when scope is dashboard'),
        insight_id: recordId('insight').optional().describe('The insight, when scope is dashboard_item'),
        creation_type: z
          .enum(['USR', 'GIT'])
          .describe('USR for a note by a person, GIT for one by a bot or deployment'),
        ...projectArgs,
      }),
      output: annotationOutput,
      annotations: adds,
      async run(
        { content, date_marker, scope: where, dashboard_id, insight_id, creation_type, project_id },
        api,
      ) {
        const annotation = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: 'creating an annotation',
            fields: { dashboard_item: 'insight_id' },
            uncertain: 'it may have been added; check with list_annotations before trying again',
          },
          project_id,
          'annotations/',
          {
            method: 'POST',
            body: {
              content,
              date_marker,
              scope: where,
              creation_type,
              ...scopeTargets(where, dashboard_id, insight_id),
            },
          },
        );
        const a = toAnnotation(annotation);
        return { annotation: a, message: `Added annotation ${a.id} at ${a.date_marker} (${a.scope}).` };
      },
    }),

    get_annotation: posthogTool({
      description: 'Get an annotation.',
      input: z.object({ annotation_id: recordId('annotation'), ...projectArgs, full }),
      output: annotationOutput,
      annotations: reads,
      async run({ annotation_id, project_id, full: wanted }, api) {
        const annotation = await api.inProject<Rec>(
          annotationCall(annotation_id, `getting annotation ${annotation_id}`),
          project_id,
          `annotations/${annotation_id}/`,
        );
        const a = toAnnotation(annotation);
        return {
          annotation: a,
          message: `Annotation ${a.id}: ${a.content ?? ''}`,
          ...rawIf(wanted, annotation),
        };
      },
    }),

    update_annotation: posthogTool({
      description: 'Change an annotation’s text, moment or scope; what is not given stays.',
      input: z.object({
        annotation_id: recordId('annotation'),
        content: z.string().trim().min(1).max(8192).optional().describe('New text'),
        date_marker: dateMarker.optional().describe('New moment (ISO 8601)'),
        scope: scope.optional(),
        dashboard_id: recordId('dashboard').optional().describe('The dashboard, when scope is dashboard'),
        insight_id: recordId('insight').optional().describe('The insight, when scope is dashboard_item'),
        ...projectArgs,
      }),
      output: annotationOutput,
      annotations: overwrites,
      async run(
        { annotation_id, content, date_marker, scope: where, dashboard_id, insight_id, project_id },
        api,
      ) {
        const body = {
          ...given({ content, date_marker, scope: where }),
          ...scopeTargets(where, dashboard_id, insight_id),
        };
        someChange(body, ['content', 'date_marker', 'scope', 'dashboard_id', 'insight_id']);
        const annotation = await api.inProject<Rec>(
          {
            ...annotationCall(annotation_id, `updating annotation ${annotation_id}`),
            fields: { dashboard_item: 'insight_id' },
          },
          project_id,
          `annotations/${annotation_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const a = toAnnotation(annotation);
        return { annotation: a, message: `Updated annotation ${a.id}: ${Object.keys(body).join(', ')}.` };
      },
    }),
  };
}
