import type { ReadResourceResult } from '@modelcontextprotocol/server';

export const JSON_MIME = 'application/json';

/** A resource read as JSON, indented for a reader: how every integration answers resources/read. */
export function jsonContents(uri: string, value: unknown): ReadResourceResult['contents'] {
  return [{ uri, mimeType: JSON_MIME, text: JSON.stringify(value, null, 2) }];
}
