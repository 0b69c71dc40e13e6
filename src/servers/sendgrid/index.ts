import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifySendGridKey } from './api.js';
import { sendgridTools } from './tools.js';

/**
 * The SendGrid server. `tuning` shortens the upstream client's timeouts and retry waits; only tests
 * pass it, the registry loads the default export.
 */
export function createSendGridServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'sendgrid',
    name: 'SendGrid',
    description:
      'Twilio SendGrid: send email now or scheduled, read delivery statistics, create and list transactional ' +
      'templates, and add Marketing Campaigns contacts.',
    instructions:
      'send_email sends real email, once: SendGrid offers no idempotency key, so a send that failed without an ' +
      'answer is not retried; check Email Activity before sending again. from_email must be a verified sender.',
    auth: {
      kind: 'api_key',
      fields: [
        // guMCP's credential field name, so its users' credential files keep working.
        { name: 'api_key', label: 'SendGrid API key (SG....)', secret: true },
        { name: 'region', label: 'Region: leave empty, or "eu" for an EU regional subuser', optional: true },
      ],
      verify: (values) => verifySendGridKey(values, tuning),
    },
    tools: sendgridTools(apiFactory(tuning)),
  });
}

export default createSendGridServer();
