import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../../core/annotations.js';
import type { Rec } from '../api.js';
import type { Call } from '../errors.js';
import {
  collaboratorSchema,
  dashboardSchema,
  dashboardSummarySchema,
  LEVELS,
  sharingSchema,
  toCollaborator,
  toDashboard,
  toDashboardSummary,
  toSharing,
} from '../shapes.js';
import {
  full,
  given,
  jsonObject,
  limit,
  listOutput,
  offset,
  paging,
  projectArgs,
  projectId,
  raw,
  rawIf,
  recordId,
  someChange,
  THE_PROJECT,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const dashboardOutput = z.object({ dashboard: dashboardSchema, message: z.string(), raw });

const dashboardCall = (id: string, doing: string): Call => ({ subject: { what: 'Dashboard', id }, doing });

const filters = jsonObject(
  'Filters applied to every insight on the dashboard, e.g. {"date_from": "-30d", "properties": [...]}',
);

/** A collaborator's level: PostHog's 21 (can view) or 37 (can edit), also as words. */
const level = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const s = String(v)
      .trim()
      .toLowerCase()
      .replace(/^can\s+/, '');
    const value = s === 'view' ? 21 : s === 'edit' ? 37 : Number(s);
    if (!(value in LEVELS)) {
      ctx.addIssue({ code: 'custom', message: 'must be 37 (can edit) or 21 (can view)' });
      return z.NEVER;
    }
    return value;
  })
  .describe(
    'Access: 37 or "edit" (can edit), 21 or "view" (can view). PostHog takes editors only, on dashboards ' +
      'restricted to invited editors',
  );

export function dashboardTools(posthogTool: ToolMaker): ToolTable {
  return {
    list_dashboards: posthogTool({
      description: 'List the dashboards of a project.',
      input: z.object({ ...projectArgs, limit: limit(100), offset }),
      output: z.object({ dashboards: z.array(dashboardSummarySchema), ...listOutput }),
      annotations: reads,
      async run({ project_id, limit: max, offset: from }, api) {
        const list = await api.list(
          { subject: THE_PROJECT, doing: 'listing dashboards' },
          project_id,
          'dashboards/',
          {},
          max,
          from,
        );
        return { dashboards: list.items.map(toDashboardSummary), ...paging(list) };
      },
    }),

    create_dashboard: posthogTool({
      description: 'Create an empty dashboard. Each call creates one.',
      input: z.object({
        name: z.string().trim().min(1).max(400).describe('Name of the dashboard'),
        description: z.string().optional().describe('What it shows'),
        filters: filters.optional(),
        ...projectArgs,
      }),
      output: dashboardOutput,
      annotations: adds,
      async run({ name, description, filters: applied, project_id }, api) {
        const dashboard = await api.inProject<Rec>(
          {
            subject: THE_PROJECT,
            doing: `creating dashboard "${name}"`,
            uncertain: 'it may exist already; check with list_dashboards before trying again',
          },
          project_id,
          'dashboards/',
          { method: 'POST', body: given({ name, description, filters: applied }) },
        );
        const d = toDashboard(dashboard);
        return { dashboard: d, message: `Created dashboard "${d.name}" (${d.id}).` };
      },
    }),

    get_dashboard: posthogTool({
      description: 'Get a dashboard with its filters and the insights and text cards on it.',
      input: z.object({ dashboard_id: recordId('dashboard'), ...projectArgs, full }),
      output: dashboardOutput,
      annotations: reads,
      async run({ dashboard_id, project_id, full: wanted }, api) {
        const dashboard = await api.inProject<Rec>(
          dashboardCall(dashboard_id, `getting dashboard ${dashboard_id}`),
          project_id,
          `dashboards/${dashboard_id}/`,
        );
        const d = toDashboard(dashboard);
        return {
          dashboard: d,
          message: `Dashboard "${d.name}" (${d.id}) with ${d.tiles.length} tiles.`,
          ...rawIf(wanted, dashboard),
        };
      },
    }),

    update_dashboard: posthogTool({
      description: 'Change a dashboard’s name, description or filters; what is not given stays.',
      input: z.object({
        dashboard_id: recordId('dashboard'),
        name: z.string().trim().min(1).max(400).optional().describe('New name'),
        description: z.string().optional().describe('New description'),
        filters: filters.optional(),
        ...projectArgs,
      }),
      output: dashboardOutput,
      annotations: overwrites,
      async run({ dashboard_id, name, description, filters: applied, project_id }, api) {
        const body = given({ name, description, filters: applied });
        someChange(body, ['name', 'description', 'filters']);
        const dashboard = await api.inProject<Rec>(
          dashboardCall(dashboard_id, `updating dashboard ${dashboard_id}`),
          project_id,
          `dashboards/${dashboard_id}/`,
          { method: 'PATCH', body, idempotent: true },
        );
        const d = toDashboard(dashboard);
        return {
          dashboard: d,
          message: `Updated dashboard "${d.name}" (${d.id}): ${Object.keys(body).join(', ')}.`,
        };
      },
    }),

    delete_dashboard: posthogTool({
      description: 'Delete a dashboard (PostHog marks it deleted); the insights on it stay.',
      input: z.object({ dashboard_id: recordId('dashboard'), ...projectArgs }),
      output: z.object({ deleted: z.boolean(), dashboard_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ dashboard_id, project_id }, api) {
        // A hard DELETE would remove the dashboard at once; guMCP's soft deletion can be undone in PostHog.
        await api.inProject<Rec>(
          dashboardCall(dashboard_id, `deleting dashboard ${dashboard_id}`),
          project_id,
          `dashboards/${dashboard_id}/`,
          { method: 'PATCH', body: { deleted: true }, idempotent: true },
        );
        return {
          deleted: true,
          dashboard_id,
          message: `Deleted dashboard ${dashboard_id}; its insights stay.`,
        };
      },
    }),

    list_dashboard_collaborators: posthogTool({
      description: 'List who was invited to edit a dashboard that only invited people may edit.',
      input: z.object({ dashboard_id: recordId('dashboard'), project_id: projectId }),
      output: z.object({
        dashboard_id: z.string(),
        collaborators: z.array(collaboratorSchema),
        message: z.string(),
      }),
      annotations: reads,
      async run({ dashboard_id, project_id }, api) {
        const answer = await api.inProject<unknown>(
          dashboardCall(dashboard_id, `listing the collaborators of dashboard ${dashboard_id}`),
          project_id,
          `dashboards/${dashboard_id}/collaborators/`,
        );
        const collaborators = (Array.isArray(answer) ? answer : []).map((c) => toCollaborator(c as Rec));
        return {
          dashboard_id,
          collaborators,
          message: `${collaborators.length} collaborators on dashboard ${dashboard_id}.`,
        };
      },
    }),

    add_dashboard_collaborator: posthogTool({
      description:
        'Invite a member of the organization to edit a dashboard restricted to invited editors. Repeating it ' +
        'changes nothing more (PostHog refuses someone already invited).',
      input: z.object({
        dashboard_id: recordId('dashboard'),
        user_uuid: z.guid().describe('UUID of the organization member to invite'),
        level,
        project_id: projectId,
      }),
      output: z.object({ dashboard_id: z.string(), collaborator: collaboratorSchema, message: z.string() }),
      annotations: sets,
      async run({ dashboard_id, user_uuid, level: access, project_id }, api) {
        const collaborator = await api.inProject<Rec>(
          {
            ...dashboardCall(dashboard_id, `adding a collaborator to dashboard ${dashboard_id}`),
            uncertain:
              'the member may have been added; check with list_dashboard_collaborators before trying again',
          },
          project_id,
          `dashboards/${dashboard_id}/collaborators/`,
          { method: 'POST', body: { user_uuid, level: access } },
        );
        const c = toCollaborator(collaborator);
        return {
          dashboard_id,
          collaborator: c,
          message: `${c.user ?? user_uuid} ${c.level_name ?? LEVELS[access]} dashboard ${dashboard_id}.`,
        };
      },
    }),

    get_dashboard_sharing: posthogTool({
      description: 'Whether a dashboard is shared by public link, and the link.',
      input: z.object({ dashboard_id: recordId('dashboard'), project_id: projectId }),
      output: z.object({ dashboard_id: z.string(), sharing: sharingSchema, message: z.string() }),
      annotations: reads,
      async run({ dashboard_id, project_id }, api) {
        const answer = await api.inProject<unknown>(
          dashboardCall(dashboard_id, `getting the sharing of dashboard ${dashboard_id}`),
          project_id,
          `dashboards/${dashboard_id}/sharing/`,
        );
        const sharing = toSharing(answer, (await api.account()).host);
        return {
          dashboard_id,
          sharing,
          message: sharing.enabled
            ? `Dashboard ${dashboard_id} is shared at ${sharing.shared_url}.`
            : `Dashboard ${dashboard_id} is not shared publicly.`,
        };
      },
    }),
  };
}
