import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyApiKey } from './api.js';
import { lemlistTools } from './tools/index.js';

/**
 * The lemlist server. `tuning` shortens retries and swaps the clock of the throttle and of waits; only
 * tests pass it, the registry loads the default export.
 */
export function createLemlistServer(tuning: ClientTuning = {}): ServerDefinition {
  const { connect, throttle } = apiFactory(tuning);
  return defineServer({
    id: 'lemlist',
    name: 'Lemlist',
    description:
      'Campaigns, leads, schedules, exports, the unsubscribe list and team information in lemlist (cold outreach).',
    instructions:
      'Campaigns (cam_…), schedules (skd_…), leads (lea_…) and users (usr_…) are named by id; leads also by ' +
      'email. create_lead_in_campaign enrols a real person: a running campaign starts emailing them. It is ' +
      'never repeated automatically; after a failure it says whether the lead was added. Enrichment flags ' +
      'spend lemlist credits.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field names, so its users' credential files keep working.
      fields: [
        { name: 'client_key', label: 'lemlist API key', secret: true },
        {
          name: 'public_host',
          label: 'lemlist API URL (leave empty: https://api.lemlist.com/api)',
          optional: true,
        },
      ],
      verify: (values) => verifyApiKey(values, throttle, tuning),
    },
    tools: lemlistTools(connect),
  });
}

export default createLemlistServer();
