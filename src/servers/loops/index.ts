import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyApiKey } from './api.js';
import { loopsTools } from './tools.js';

/**
 * The Loops server. `tuning` shortens retries and swaps the clock of the throttle and of waits; only
 * tests pass it, the registry loads the default export.
 */
export function createLoopsServer(tuning: ClientTuning = {}): ServerDefinition {
  const { connect, throttle } = apiFactory(tuning);
  return defineServer({
    id: 'loops',
    name: 'Loops',
    description: 'Contacts, contact properties, events and transactional emails in Loops.',
    instructions:
      'Contacts are found by email or by the userId given when they were created. send_transactional_email ' +
      'and the send_event tools send for real, once per idempotency key.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'key', label: 'Loops API key', secret: true }],
      verify: (values) => verifyApiKey(values, throttle, tuning),
    },
    tools: loopsTools(connect),
  });
}

export default createLoopsServer();
