import type { Credentials } from '../../core/context.js';
import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { isoDay } from './analysis.js';
import { apiFactory, type ClientTuning, realmOf } from './api.js';
import { quickbooksResources } from './resources.js';
import { quickbooksTools } from './tools.js';

/** Scopes asked for at sign-in (guMCP's): the Accounting and Payments APIs. */
export const QUICKBOOKS_SCOPES = [
  'com.intuit.quickbooks.accounting',
  'com.intuit.quickbooks.payment',
] as const;

/**
 * Intuit's OAuth 2.0: no PKCE, the client id and secret in an HTTP Basic header of the token request,
 * as Intuit documents it. The company the user picked comes back as `realmId` on the redirect (not in
 * the token answer) and is stored from there. Refresh tokens rotate; the core stores each new one.
 */
export const quickbooksOAuth: OAuthProvider = {
  service: 'quickbooks',
  authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2',
  tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  scopeSeparator: ' ',
  tokenEndpointAuth: 'client_secret_basic',
  pkce: false,
  keepTokenFields: ['realmId'],
  // Without a company every call would fail: refuse the sign-in now, saying why.
  discover: async (credentials: Readonly<Credentials>): Promise<Credentials> => {
    realmOf(credentials);
    return {};
  },
};

export interface QuickBooksTuning extends ClientTuning {
  /** Today's date, YYYY-MM-DD (UTC), for the analyses of recent periods; tests fix it. */
  today?: () => string;
}

/**
 * The QuickBooks server. `tuning` shortens the upstream client's retries and fixes the date; only
 * tests pass it, the registry loads the default export.
 */
export function createQuickBooksServer(tuning: QuickBooksTuning = {}): ServerDefinition {
  const { today = () => isoDay(Date.now()), ...client } = tuning;
  const connect = apiFactory(client);
  return defineServer({
    id: 'quickbooks',
    name: 'QuickBooks',
    description:
      'Customers, cash flow, duplicate expenses, payment patterns and financial metrics of a QuickBooks Online company.',
    instructions:
      'Every tool reads; none changes the books. Dates are YYYY-MM-DD. Customers, invoices and accounts are named by numeric id. ' +
      'Resources: quickbooks://customer/{customer_id}, quickbooks://invoice/{invoice_id}, quickbooks://account/{account_id}.',
    auth: { kind: 'oauth2', provider: quickbooksOAuth, scopes: QUICKBOOKS_SCOPES },
    tools: quickbooksTools(connect, today),
    resources: quickbooksResources(connect),
  });
}

export default createQuickBooksServer();
