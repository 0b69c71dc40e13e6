/**
 * Teams message bodies are HTML (mentions as <at>, emoji as <emoji alt>, attachments as <attachment>).
 * The model gets readable text; what it sends is escaped unless it is HTML on purpose.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i')
    .exec(tag)
    ?.slice(2)
    .find((v) => v !== undefined);

/** Readable text of a Teams message body. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, '@$1')
    .replace(/<emoji\b[^>]*>(?:<\/emoji>)?/gi, (tag) => attribute(tag, 'alt') ?? '')
    .replace(/<attachment\b[^>]*>(?:<\/attachment>)?/gi, '')
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const alt = attribute(tag, 'alt');
      return alt ? `[image: ${alt}]` : '[image]';
    })
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi, (_whole, attrs: string, inner: string) => {
      const href = attribute(` ${attrs}`, 'href');
      const label = inner.replace(/<[^>]+>/g, '').trim();
      return href && decodeEntities(href) !== decodeEntities(label) ? `${label} (${href})` : label;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<p\b[^>]*>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre|ul|ol|table)>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Plain text as Teams HTML: special characters escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r?\n/g, '<br>');
}

/** Whether text is written as HTML: it holds at least one tag. */
export const looksLikeHtml = (text: string): boolean => /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);

/**
 * A message body to send: HTML as given when `type` is html (or, without a type, when it holds tags,
 * as guMCP sent HTML), else the text escaped.
 */
export function messageBody(
  content: string,
  type: 'text' | 'html' | undefined,
): { contentType: 'html'; content: string } {
  const html = type === 'html' || (type === undefined && looksLikeHtml(content));
  return { contentType: 'html', content: html ? content : textToHtml(content) };
}
