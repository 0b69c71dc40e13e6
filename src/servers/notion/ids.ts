import { z } from 'zod';

const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT = /^[0-9a-f]{32}$/i;
const TRAILING = /([0-9a-f]{32})$/i;

const dashed = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`.toLowerCase();

/**
 * A Notion id in its dashed form, from what a user or model may paste: the dashed or compact id, or a
 * notion.so / notion.site URL (the page opened in a peek, `?p=`, wins over the one in the path; a
 * database URL's `?v=` names a view, not the database). Undefined when there is no id in it.
 */
export function parseNotionId(value: string): string | undefined {
  const text = value.trim();
  if (DASHED.test(text)) return text.toLowerCase();
  if (COMPACT.test(text)) return dashed(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!/(^|\.)notion\.(so|site|com)$/i.test(url.hostname)) return undefined;
  const peek = url.searchParams.get('p')?.replace(/-/g, '');
  if (peek && COMPACT.test(peek)) return dashed(peek);
  const last = url.pathname.split('/').filter(Boolean).pop()?.replace(/-/g, '') ?? '';
  const match = TRAILING.exec(last);
  return match?.[1] ? dashed(match[1]) : undefined;
}

/** A tool argument holding a Notion id (or URL), parsed to the dashed id; anything else is refused by name. */
export const notionId = (what: string, description: string) =>
  z
    .string()
    .describe(`${description}: its id (dashes optional) or its Notion URL`)
    .transform((value, check) => {
      const id = parseNotionId(value);
      if (id) return id;
      check.issues.push({
        code: 'custom',
        input: value,
        message: `not a Notion ${what} id (32 hexadecimal digits, dashes optional) or Notion URL`,
      });
      return z.NEVER;
    });
