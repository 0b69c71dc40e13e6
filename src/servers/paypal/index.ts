import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, TokenCache, verifyPayPalApp } from './api.js';
import { paypalTools } from './tools/index.js';

export interface PayPalTuning extends ClientTuning {
  /** The token cache's clock (ms since the epoch); tests move it past a token's expiry. */
  now?: () => number;
}

/**
 * The PayPal server. `tuning` shortens the upstream client's timeouts and retries and sets the token
 * cache's clock; only tests pass it, the registry loads the default export.
 */
export function createPayPalServer(tuning: PayPalTuning = {}): ServerDefinition {
  const { now, ...client } = tuning;
  return defineServer({
    id: 'paypal',
    name: 'PayPal',
    description:
      'PayPal: checkout orders, catalog products, billing plans, subscriptions and invoice search.',
    instructions:
      'Amounts are objects {"currency_code": "USD", "value": "10.00"}. Orders and subscriptions are approved by the ' +
      'payer at their approve_url. Creates carry a PayPal-Request-Id and are retried with it, so they never happen ' +
      'twice; when one fails without PayPal saying whether it happened, the error gives the id: call the tool again ' +
      'with that paypal_request_id to retry safely. Lists return next_page to continue.',
    // The app's REST credentials, under guMCP's names (its oauth.json's); the server turns them into
    // client-credentials tokens itself and keeps one per user and app until shortly before it expires.
    auth: {
      kind: 'api_key',
      fields: [
        { name: 'client_id', label: 'PayPal app Client ID' },
        { name: 'client_secret', label: 'PayPal app Secret', secret: true },
        { name: 'environment', label: 'Environment: sandbox or live (empty: sandbox)', optional: true },
      ],
      verify: (values) => verifyPayPalApp(values, client),
    },
    tools: paypalTools(apiFactory(new TokenCache(now), client)),
  });
}

export default createPayPalServer();
