import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyTwilioKey } from './api.js';
import { twilioTools } from './tools.js';

/**
 * The Twilio server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createTwilioServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'twilio',
    name: 'Twilio',
    description:
      'Twilio: send SMS, MMS and WhatsApp messages, place calls, one-time codes with Verify, phone number ' +
      'lookups, Conversations and Video rooms.',
    instructions:
      'Numbers are E.164 (+14155552671). send_message and make_call need a Twilio number of the account as ' +
      'from. Verify tools take a Verify service SID (VA...: list_verify_services); Conversations tools a ' +
      'Conversation Service SID (IS...: list_conversation_services). Lists return next_page_token to continue.',
    // guMCP's credential names, so its credential files keep working: an API key (SK...) and its secret,
    // scoped to the account; the Account SID with the Auth Token as the secret works too.
    auth: {
      kind: 'api_key',
      fields: [
        { name: 'account_sid', label: 'Twilio Account SID (AC...)' },
        { name: 'api_key_sid', label: 'Twilio API key SID (SK...)' },
        { name: 'api_key_secret', label: 'Twilio API key secret', secret: true },
      ],
      verify: (values) => verifyTwilioKey(values, tuning),
    },
    tools: twilioTools(apiFactory(tuning)),
  });
}

export default createTwilioServer();
