import type { EmbeddedResource } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { ToolError } from '../../core/errors.js';
import { byId, type Drive, type DriveItem } from './drive.js';
import { graphOrNotFound } from './graph.js';

/**
 * How the SharePoint, Excel and Word tools show drive items (snake_case, as guMCP's answers were);
 * the OneDrive server keeps its own shape, by path, which its tools already answer with. And how
 * the OneDrive and SharePoint downloads hand a file to the client: as an MCP resource block.
 */

/** MIME types whose content is text (when it is also valid UTF-8). */
const TEXT_TYPES = /^text\/|[/+](json|xml|javascript|csv|yaml|x-yaml|markdown|x-sh|sql)$/i;

/**
 * A file as an MCP resource block beside a tool's structured data (core's `withContent`): its text
 * when its type says text and the bytes are valid UTF-8, else its bytes in base64 (`blob`).
 */
export function fileResource(
  uri: string,
  mimeType: string,
  bytes: Uint8Array,
): { encoding: 'text' | 'base64'; block: EmbeddedResource } {
  if (TEXT_TYPES.test(mimeType.split(';')[0]?.trim() ?? '')) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { encoding: 'text', block: { type: 'resource', resource: { uri, mimeType, text } } };
    } catch {
      // not UTF-8 after all: sent as base64
    }
  }
  const blob = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return { encoding: 'base64', block: { type: 'resource', resource: { uri, mimeType, blob } } };
}

/** A drive item as the tools return it. */
export const driveItemSchema = z.object({
  id: z.string().describe('The item id (file_id / item_id in other tools)'),
  name: z.string().optional(),
  size: z.number().optional().describe('Size in bytes'),
  web_url: z.string().optional().describe('Opens the item in the browser'),
  mime_type: z.string().optional(),
  folder: z.boolean().describe('Whether the item is a folder'),
  parent_path: z.string().optional().describe('Path of the folder holding it, e.g. /drive/root:/Reports'),
  created: z.string().optional(),
  last_modified: z.string().optional(),
});
export type DriveItemSummary = z.infer<typeof driveItemSchema>;

/** `value` without its undefined fields, so answers carry no empty keys whatever the transport. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function summarizeItem(item: DriveItem): DriveItemSummary {
  return defined({
    id: item.id,
    name: item.name,
    size: item.size,
    web_url: item.webUrl,
    mime_type: item.file?.mimeType,
    folder: item.folder !== undefined,
    parent_path: item.parentReference?.path,
    created: item.createdDateTime,
    last_modified: item.lastModifiedDateTime,
  });
}

export const conflictBehavior = z
  .enum(['rename', 'replace', 'fail'])
  .describe('When an item of that name exists: rename the new one, replace the old one, or fail');

/** A file name with `extension` added when missing ("Budget" -> "Budget.xlsx"). */
export function withExtension(name: string, extension: string, argument: string): string {
  const trimmed = name.trim();
  if (!trimmed || /[/\\]/.test(trimmed)) {
    throw new ToolError(`${argument} must be a file name without "/" or "\\"`);
  }
  return trimmed.toLowerCase().endsWith(extension) ? trimmed : `${trimmed}${extension}`;
}

/** A download link for a file: Graph's short-lived, pre-authenticated `@microsoft.graph.downloadUrl`. */
export const downloadLinkSchema = z.object({
  file_id: z.string(),
  name: z.string().optional(),
  url: z.string().optional().describe('Pre-authenticated download URL, valid for about an hour'),
  web_url: z.string().optional().describe('Opens the file in the browser'),
  size: z.number().optional(),
  mime_type: z.string().optional(),
  resource_uri: z.string().describe('The file as an MCP resource of this server'),
});

export async function downloadLink(
  drive: Drive,
  id: string,
  resourceUri: string,
): Promise<z.infer<typeof downloadLinkSchema>> {
  const item = await graphOrNotFound('File', id, drive.get(byId(id)));
  if (item.folder) throw new ToolError(`${id} is a folder, not a file`);
  return {
    file_id: item.id,
    name: item.name,
    url: item['@microsoft.graph.downloadUrl'],
    web_url: item.webUrl,
    size: item.size,
    mime_type: item.file?.mimeType,
    resource_uri: resourceUri,
  };
}
