import { ToolError } from '../../core/errors.js';

/**
 * Service names and user ids become folder and file names (local source) and URL path segments
 * (broker). One that could step out of its place is refused, never cleaned up into another name.
 * The value is not echoed: a mis-split session key could put an API key in it.
 */
export function checkName(kind: 'service' | 'user id', value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
  if (value === '' || value === '.' || value.includes('..') || /[/\\\u0000-\u001f]/.test(value)) {
    throw new ToolError(
      `Invalid ${kind}: it must be non-empty and must not contain "/", "\\", ".." or control characters`,
    );
  }
  return value;
}
