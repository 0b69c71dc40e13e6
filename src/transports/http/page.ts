import { createHash } from 'node:crypto';

/** The small HTML pages the host shows a browser (connect results and forms): escaped, strict, uncached. */

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((v) => (v instanceof Html ? v.value : escapeHtml(String(v ?? '')))).join('');
    out += strings[i + 1] ?? '';
  });
  return new Html(out);
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}' +
  'label{display:block;margin:.75rem 0 .25rem;font-weight:600}input{font:inherit;width:100%;padding:.4rem;box-sizing:border-box}' +
  'button{font:inherit;margin-top:1rem;padding:.4rem 1rem}.error{color:#a00000}code{background:#f3f3f3;padding:0 .2rem}';

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * A page: no script at all, styles inline only, forms only to this host, never cached, and no Referer
 * (a callback URL carries a code), so a page can neither run nor leak anything it was not meant to.
 */
export function page(status: number, title: string, body: Html): Response {
  const doc = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · gumcp</title><style>${new Html(STYLE)}</style></head><body><h1>${title}</h1>${body}</body></html>`;
  return new Response(doc.value, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    },
  });
}

/** Whether a request comes from a browser that wants a page rather than JSON. */
export const wantsHtml = (request: Request): boolean =>
  (request.headers.get('accept') ?? '').includes('text/html');
