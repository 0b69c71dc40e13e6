import type { Credentials } from '../../core/context.js';
import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { apiFactory, type ClientTuning, intercomClient } from './api.js';
import { articleTools } from './articles.js';
import { conversationTools } from './conversations.js';
import { toolMaker } from './define.js';
import { peopleTools } from './people.js';
import { REGIONS, type Region, readRegion } from './region.js';
import { intercomResources } from './resources.js';
import { ticketTools } from './tickets.js';
import type { IcMe } from './types.js';

/** guMCP's permissions for the app (its catalog's scopes). Intercom grants those ticked on the app. */
export const INTERCOM_SCOPES = [
  'contacts.read',
  'contacts.write',
  'conversations.read',
  'conversations.write',
  'companies.read',
  'companies.write',
  'articles.read',
  'articles.write',
  'tickets.read',
  'tickets.write',
  'admins.read',
  'teams.read',
  'tags.read',
  'tags.write',
] as const;

const present = (fields: Record<string, unknown>): Credentials =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/**
 * Learns where a new token's workspace lives. Intercom's token answer does not say, but `/me` names the
 * admin and the workspace (`app.region`). The US host is asked first (Intercom routes a request there to
 * the workspace's region when it can); a host that refuses the token passes to the next (EU, then AU).
 * With `region` given, only that region's host is asked. Returns the fields stored with the token.
 */
export async function discoverWorkspace(
  credentials: Readonly<Credentials>,
  tuning: ClientTuning = {},
  only?: Region,
): Promise<Credentials> {
  for (const region of only ? [only] : REGIONS) {
    const client = intercomClient(
      { ...credentials, region },
      { what: 'Admin', id: 'of the token' },
      'admins.read',
      tuning,
    );
    let me: IcMe;
    try {
      me = await client.get<IcMe>('me');
    } catch (error) {
      if (error instanceof AuthRequiredError) continue;
      throw error;
    }
    return present({
      region: readRegion(me.app?.region) ?? region,
      admin_id: me.id === undefined ? undefined : String(me.id),
      workspace_id: me.app?.id_code,
      workspace_name: me.app?.name,
    });
  }
  throw new ToolError(
    only
      ? `Intercom's ${only.toUpperCase()} host did not accept the token; check the region, or leave it empty to find it.`
      : 'Intercom did not accept the token at its US, EU or Australian host; check that the app is installed on the workspace and sign in again.',
  );
}

/**
 * The Intercom server. `tuning` shortens retries and points each region at a fake; only tests pass it,
 * the registry loads the default export.
 */
export function createIntercomServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  const intercomTool = toolMaker(connect);
  return defineServer({
    id: 'intercom',
    name: 'Intercom',
    description: 'Intercom contacts, companies, conversations, Help Center articles and tickets.',
    instructions:
      'Contacts, companies and admins are named by Intercom’s ids (search_contacts, search_companies, ' +
      'list_admins give them). Writes that message people (create_conversation, reply_to_conversation, ' +
      'add_comment_to_ticket) send anew on every call. Resources: intercom://conversation/{id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'intercom',
        authorizeUrl: 'https://app.intercom.com/oauth',
        tokenUrl: 'https://api.intercom.io/auth/eagle/token',
        scopeSeparator: ' ',
        // Intercom takes client_id and client_secret with the code, in the body.
        tokenEndpointAuth: 'client_secret_post',
        // guMCP's flow sent no PKCE challenge, and Intercom documents none.
        pkce: false,
        discover: (credentials) => discoverWorkspace(credentials, tuning),
      },
      scopes: INTERCOM_SCOPES,
      // A private app's access token (Developer Hub → Configure → Authentication), for one's own workspace.
      apiKey: {
        fields: [
          { name: 'access_token', label: 'Intercom access token', secret: true },
          {
            name: 'region',
            label: 'Region of the workspace: us, eu or au (empty: found from the token)',
            optional: true,
          },
        ],
        async verify(values) {
          const given = values.region?.trim();
          const region = given ? readRegion(given) : undefined;
          if (given && !region)
            throw new ToolError('region: must be us, eu or au (or left empty to find it from the token).');
          return discoverWorkspace({ access_token: values.access_token }, tuning, region);
        },
      },
    },
    tools: {
      ...peopleTools(intercomTool),
      ...conversationTools(intercomTool),
      ...articleTools(intercomTool),
      ...ticketTools(intercomTool),
    },
    resources: intercomResources(connect),
  });
}

export default createIntercomServer();
