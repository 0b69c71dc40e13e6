import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyApiKey } from './api.js';
import { calTools } from './tools.js';

/**
 * The Cal.com server. `tuning` shortens retries and swaps the wait between attempts; only tests pass
 * it, the registry loads the default export.
 */
export function createCalServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'cal',
    name: 'Cal.com',
    description: 'Bookings, event types and availability schedules in Cal.com (API v2).',
    instructions:
      'get_me and get_event_types give the ids create_booking takes; get_bookings lists bookings with their ' +
      'uids for get_booking, reschedule_booking, cancel_booking, confirm_booking and decline_booking. ' +
      'Times are ISO 8601, sent to Cal.com in UTC.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Cal.com API key (cal_live_...)', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: calTools(apiFactory(tuning)),
  });
}

export default createCalServer();
