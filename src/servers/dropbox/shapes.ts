import { z } from 'zod';
import type { DropboxAccount, DropboxMetadata } from './types.js';

/** An entry of a folder, a search match or a file's metadata: the fields a model acts on. */
export const entrySchema = z.object({
  type: z.enum(['file', 'folder', 'deleted']),
  name: z.string(),
  path: z.string().nullable().describe('The path as Dropbox shows it (null when not mounted)'),
  id: z.string().nullable().describe('Stable id ("id:..."), usable wherever a path is'),
  size: z.number().int().optional().describe('Files: bytes'),
  server_modified: z.string().optional().describe('Files: when Dropbox last saw a change (UTC)'),
  client_modified: z.string().optional().describe('Files: the modification time the uploader gave'),
  rev: z.string().optional().describe('Files: the revision'),
  content_hash: z.string().optional().describe('Files: Dropbox content hash of the bytes'),
  is_downloadable: z.boolean().optional().describe('Files: false for cloud documents that must be exported'),
});

export type Entry = z.input<typeof entrySchema>;

export function toEntry(m: DropboxMetadata): Entry {
  const type = m['.tag'] ?? (m.size !== undefined ? 'file' : 'folder');
  return {
    type,
    name: m.name,
    path: m.path_display ?? null,
    id: m.id ?? null,
    ...(m.size === undefined ? {} : { size: m.size }),
    ...(m.server_modified ? { server_modified: m.server_modified } : {}),
    ...(m.client_modified ? { client_modified: m.client_modified } : {}),
    ...(m.rev ? { rev: m.rev } : {}),
    ...(m.content_hash ? { content_hash: m.content_hash } : {}),
    ...(m.is_downloadable === undefined ? {} : { is_downloadable: m.is_downloadable }),
  };
}

export const accountSchema = z.object({
  account_id: z.string(),
  name: z.string().describe('Display name'),
  email: z.string(),
  email_verified: z.boolean(),
  country: z.string().nullable(),
  locale: z.string(),
  account_type: z.string().describe('basic, pro or business'),
  team: z.string().nullable().describe('The team name, for a Dropbox Business account'),
  disabled: z.boolean(),
});

export const toAccount = (a: DropboxAccount): z.input<typeof accountSchema> => ({
  account_id: a.account_id,
  name: a.name.display_name,
  email: a.email,
  email_verified: a.email_verified,
  country: a.country ?? null,
  locale: a.locale,
  account_type: a.account_type['.tag'],
  team: a.team?.name ?? null,
  disabled: a.disabled,
});
