import type { ContentBlock } from '@modelcontextprotocol/server';

/**
 * A downloaded file as MCP content: text files as text, images as image content, anything else as a
 * base64 blob, each with its MIME type. Dropbox answers every download as application/octet-stream,
 * so the type comes from the file name's extension.
 */

const TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  xml: 'application/xml',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  js: 'text/javascript',
  mjs: 'text/javascript',
  ts: 'text/plain',
  py: 'text/x-python',
  sh: 'text/x-shellscript',
  log: 'text/plain',
  ini: 'text/plain',
  toml: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
};

const TEXTUAL = /^text\/|^application\/(json|xml|yaml|javascript)$|\+xml$/;
/** Image types MCP clients show as images; others (SVG aside, which is text) go as blobs. */
const IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function mimeType(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** The bytes as UTF-8 text, or undefined when they are not valid UTF-8 or hold NUL bytes. */
function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export interface FileContent {
  mimeType: string;
  encoding: 'text' | 'base64';
  block: ContentBlock;
}

/**
 * The block for a file's bytes. A file of a text type, or of an unknown type whose bytes are UTF-8,
 * is text; every other file is base64 (an image block for images).
 */
export function fileContent(uri: string, name: string, bytes: Uint8Array): FileContent {
  let type = mimeType(name);
  const text = TEXTUAL.test(type) || type === 'application/octet-stream' ? asText(bytes) : undefined;
  if (text !== undefined) {
    if (type === 'application/octet-stream') type = 'text/plain';
    return {
      mimeType: type,
      encoding: 'text',
      block: { type: 'resource', resource: { uri, mimeType: type, text } },
    };
  }
  const data = Buffer.from(bytes).toString('base64');
  if (IMAGES.has(type))
    return { mimeType: type, encoding: 'base64', block: { type: 'image', data, mimeType: type } };
  return {
    mimeType: type,
    encoding: 'base64',
    block: { type: 'resource', resource: { uri, mimeType: type, blob: data } },
  };
}
