import type { Credentials } from '../../core/context.js';
import {
  defineServer,
  type OAuthProvider,
  type ServerDefinition,
  type SignInContext,
} from '../../core/definition.js';
import { DEMO_AUTH, type DocusignTuning, discoverAccounts } from './accounts.js';
import { apiFactory } from './api.js';
import { docusignTools } from './tools.js';

/** guMCP's scopes: eSignature calls (`signature`) and `impersonation`, as its sign-in asked. */
export const DOCUSIGN_SCOPES = ['signature', 'impersonation'] as const;

/**
 * DocuSign's OAuth 2.0 (Authorization Code Grant) at its sign-in host: the demo host by default (guMCP's),
 * production when oauth.json names `auth_uri`/`token_uri` on account.docusign.com. The client id and secret
 * go in HTTP Basic at the token endpoint; DocuSign accepts PKCE from confidential clients, so the
 * authorize request carries an S256 challenge. After sign-in, /oauth/userinfo on the same host gives the
 * user's accounts and each one's base URI, stored with the tokens.
 */
export function docusignOAuth(tuning: DocusignTuning = {}): OAuthProvider {
  return {
    service: 'docusign',
    authorizeUrl: `${DEMO_AUTH}/oauth/auth`,
    tokenUrl: `${DEMO_AUTH}/oauth/token`,
    scopeSeparator: ' ',
    tokenEndpointAuth: 'client_secret_basic',
    discover: (credentials: Readonly<Credentials>, context?: SignInContext) =>
      discoverAccounts(credentials, { tokenUrl: context?.tokenUrl, tuning }),
  };
}

/**
 * The DocuSign server. `tuning` shortens retries and points the sign-in hosts at fakes; only tests pass
 * it, the registry loads the default export.
 */
export function createDocusignServer(tuning: DocusignTuning = {}): ServerDefinition {
  return defineServer({
    id: 'docusign',
    name: 'DocuSign',
    description: 'DocuSign eSignature: templates, envelopes (create, send, status) and account users.',
    instructions:
      'Calls go to the default account stored at sign-in; account_id picks another of the user’s accounts. ' +
      'create_envelope with status "sent" emails the recipients at once; "created" makes a draft for send_envelope. ' +
      'Documents are base64. Writes (create_template, create_envelope, send_envelope, create_user) act anew on every call.',
    auth: { kind: 'oauth2', provider: docusignOAuth(tuning), scopes: DOCUSIGN_SCOPES },
    tools: docusignTools(apiFactory(tuning)),
  });
}

export default createDocusignServer();
