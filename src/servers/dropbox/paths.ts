import { ToolError } from '../../core/errors.js';

/**
 * Dropbox paths. Dropbox names the root folder "" (not "/"), wants every other path to start with
 * "/" (or to be an `id:` or `ns:` reference) and never to end with one. guMCP's descriptions call
 * the root " ", so a blank path, "/" and " " all mean the root here.
 */

/** A path the caller gave, in the form Dropbox takes: "" for the root, else "/a/b", "id:..." or "ns:...". */
export function dropboxPath(raw: string, argument: string): string {
  const value = raw.trim().replace(/\\/g, '/');
  if (/^(id|ns|rev):/.test(value)) return value;
  const trimmed = value.replace(/\/+$/, '').replace(/\/{2,}/g, '/');
  if (trimmed === '') return '';
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  if (path.split('/').some((part) => part === '.' || part === '..')) {
    throw new ToolError(`${argument} must not contain "." or ".." segments (got ${JSON.stringify(raw)})`);
  }
  return path;
}

/** A single file or folder name: no slash, not blank. */
export function itemName(raw: string, argument: string): string {
  const name = raw.trim();
  if (!name || name === '.' || name === '..' || /[/\\]/.test(name)) {
    throw new ToolError(
      `${argument} must be a single file or folder name without "/" (got ${JSON.stringify(raw)})`,
    );
  }
  return name;
}

/** `name` inside the folder `folder` (a path in Dropbox's form; "" is the root). */
export function childPath(folder: string, name: string): string {
  return `${folder}/${name}`;
}

/** How a path reads in messages: the root is "/" there. */
export const shown = (path: string): string => path || '/';
