import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyMailerLiteKey } from './api.js';
import { mailerliteResources } from './resources.js';
import { mailerliteTools } from './tools/index.js';

/**
 * The MailerLite server. `tuning` shortens the upstream client's timeouts and retry waits; only tests
 * pass it, the registry loads the default export.
 */
export function createMailerLiteServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'mailerlite',
    name: 'MailerLite',
    description:
      'MailerLite email marketing: subscribers, groups, fields, campaigns (create, schedule, cancel), sign-up ' +
      'forms and webhooks.',
    instructions:
      'Ids are long numbers: pass them as strings. A campaign without groups or segments goes to ALL active ' +
      'subscribers; schedule_campaign sends real email and says exactly to whom, and cancel_campaign stops it. ' +
      'Lists return next_page or next_cursor to continue.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'client_key', label: 'MailerLite API key', secret: true }],
      verify: (values) => verifyMailerLiteKey(values, tuning),
    },
    tools: mailerliteTools(connect),
    resources: mailerliteResources(connect),
  });
}

export default createMailerLiteServer();
