import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type DropboxTuning } from './api.js';
import { dropboxTools } from './tools.js';

/** Scopes asked for at sign-in: guMCP's list. Each tool declares the ones it needs. */
export const DROPBOX_SCOPES = [
  'account_info.write',
  'account_info.read',
  'files.metadata.read',
  'files.metadata.write',
  'files.content.read',
  'files.content.write',
  'file_requests.read',
  'file_requests.write',
] as const;

/**
 * The Dropbox server. `tuning` shortens retries and shrinks the upload-session threshold and chunk
 * size; only tests pass it, the registry loads the default export.
 */
export function createDropboxServer(tuning: DropboxTuning = {}): ServerDefinition {
  return defineServer({
    id: 'dropbox',
    name: 'Dropbox',
    description:
      'Files and folders in Dropbox: list, search, upload, download, move, delete, and the account.',
    instructions:
      'Paths start with "/" (the root is "" or "/"); ids such as id:abc work wherever a path does. upload_file ' +
      'takes the bytes in content or content_base64; download returns the content in its answer.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'dropbox',
        authorizeUrl: 'https://www.dropbox.com/oauth2/authorize',
        tokenUrl: 'https://api.dropbox.com/oauth2/token',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_basic',
        // A refresh token comes back only for offline access; access tokens last about 4 hours.
        authorizeParams: { token_access_type: 'offline' },
        // Dropbox's token answer names the account (guMCP stored it as user_id).
        keepTokenFields: ['account_id', 'uid'],
      },
      scopes: DROPBOX_SCOPES,
    },
    tools: dropboxTools(apiFactory(tuning)),
  });
}

export default createDropboxServer();
