import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { AnyToolDef } from '../../core/definition.js';
import { paging, siteId, type WebflowToolMaker, webflowId } from './args.js';
import { USER_ACCOUNTS_SUNSET } from './errors.js';
import { toUser, userSchema, windowFields, windowOf } from './shapes.js';

const userId = webflowId('user');

/** Said in every user tool: guMCP's tools are kept, but Webflow no longer serves them. */
const SUNSET = `${USER_ACCOUNTS_SUNSET}; the tool is kept for sites where the API still answers.`;

const SORT = [
  'CreatedOn',
  '-CreatedOn',
  'Email',
  '-Email',
  'Status',
  '-Status',
  'LastLogin',
  '-LastLogin',
  'UpdatedOn',
  '-UpdatedOn',
] as const;

/** User Accounts (site members) tools. */
export function userTools(webflowTool: WebflowToolMaker): Record<string, AnyToolDef> {
  return {
    list_users: webflowTool({
      description: `List the user accounts (members) of a site. ${SUNSET}`,
      input: z.object({
        site_id: siteId,
        ...paging,
        sort: z.enum(SORT).optional().describe('Sort by this property; a leading "-" sorts descending'),
      }),
      output: z.object({ ...windowFields, users: z.array(userSchema) }),
      annotations: reads,
      scope: 'users:read',
      async run({ site_id, offset, limit, sort }, webflow) {
        const { items, ...window } = windowOf(await webflow.listUsers(site_id, sort, offset, limit), toUser);
        return { ...window, users: items };
      },
    }),

    get_user: webflowTool({
      description: `Get a user account of a site. ${SUNSET}`,
      input: z.object({ site_id: siteId, user_id: userId }),
      output: userSchema,
      annotations: reads,
      scope: 'users:read',
      async run({ site_id, user_id }, webflow) {
        return toUser(await webflow.getUser(site_id, user_id));
      },
    }),

    delete_user: webflowTool({
      description: `Delete a user account of a site. ${SUNSET}`,
      input: z.object({ site_id: siteId, user_id: userId }),
      output: z.object({ deleted: z.boolean(), site_id: z.string(), user_id: z.string() }),
      annotations: overwrites,
      scope: 'users:write',
      async run({ site_id, user_id }, webflow) {
        await webflow.deleteUser(site_id, user_id);
        return { deleted: true, site_id, user_id };
      },
    }),

    invite_user: webflowTool({
      description: `Create a user account on a site and email them an invitation. ${SUNSET}`,
      input: z.object({
        site_id: siteId,
        email: z.email().describe('Email address to invite'),
        accessGroups: z
          .array(z.string().trim().min(1))
          .optional()
          .describe('Slugs of the access groups to put the user in'),
      }),
      output: userSchema,
      annotations: adds,
      scope: 'users:write',
      async run({ site_id, email, accessGroups }, webflow) {
        return toUser(await webflow.inviteUser(site_id, email, accessGroups));
      },
    }),
  };
}
