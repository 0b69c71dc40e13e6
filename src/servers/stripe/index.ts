import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, verifyStripeKey } from './api.js';
import { stripeTools } from './tools/index.js';

/**
 * The Stripe server. `tuning` shortens the upstream client's timeouts and retries; only tests pass it,
 * the registry loads the default export.
 */
export function createStripeServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'stripe',
    name: 'Stripe',
    description:
      'Stripe: customers, payment methods, payment intents, charges, balance, products, prices, subscriptions and invoices.',
    instructions:
      'Amounts are integers in the smallest currency unit (1000 = $10.00 in usd). Every write is sent with an ' +
      'Idempotency-Key and retried with it, so it never happens twice; when a write fails without Stripe saying ' +
      'whether it happened, the error gives the key: call the tool again with that idempotency_key to retry ' +
      'safely. Lists return next_starting_after to continue.',
    auth: {
      kind: 'oauth2',
      // Stripe Connect OAuth (Standard accounts): the access token is a secret key of the connected account.
      provider: {
        service: 'stripe',
        authorizeUrl: 'https://connect.stripe.com/oauth/authorize',
        tokenUrl: 'https://connect.stripe.com/oauth/token',
        scopeSeparator: ' ',
        // Stripe takes the platform's secret key as client_secret in the body, as guMCP sent it.
        tokenEndpointAuth: 'client_secret_post',
        pkce: false,
        // The connected account's id and mode; the publishable key for clients that need one.
        keepTokenFields: ['stripe_user_id', 'stripe_publishable_key', 'livemode'],
      },
      scopes: ['read_write'],
      // Or a secret key (sk_…) or restricted key (rk_…) of one's own account.
      apiKey: {
        fields: [
          { name: 'api_key', label: 'Stripe secret key (sk_…) or restricted key (rk_…)', secret: true },
        ],
        verify: (values) => verifyStripeKey(values, tuning),
      },
    },
    tools: stripeTools(apiFactory(tuning)),
  });
}

export default createStripeServer();
