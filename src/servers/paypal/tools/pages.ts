import type { Query } from '../../../upstream/client.js';
import type { PayPalApi } from '../api.js';
import type { Subject } from '../errors.js';

type Obj = Record<string, unknown>;

/** A page answer: the items under some key, the counts with total_required, and HATEOAS links. */
interface PageAnswer {
  total_items?: number;
  total_pages?: number;
  links?: { rel?: string }[];
  [key: string]: unknown;
}

export interface Pages {
  items: Obj[];
  page: number;
  next_page: number | null;
  total_items: number | null;
  total_pages: number | null;
}

export interface PageRequest {
  path: string;
  /** Where the items are in an answer (`plans`, `products`, `items`). */
  key: string;
  page: number;
  page_size: number;
  total_required: boolean;
  max_pages: number;
  query?: Query;
  /** A search's filters: then the pages are POSTed (a search changes nothing, so it is retried like a read). */
  body?: Obj;
}

/** Reads up to `max_pages` pages from `page`, following PayPal's `next` link (or the page count). */
export async function readPages(paypal: PayPalApi, req: PageRequest, subject: Subject): Promise<Pages> {
  const items: Obj[] = [];
  let page = req.page;
  let next: number | null = null;
  let totals: { items: number | null; pages: number | null } = { items: null, pages: null };
  for (let read = 0; read < req.max_pages; read++) {
    const answer = await paypal.call<PageAnswer>(
      req.path,
      {
        query: { ...req.query, page_size: req.page_size, page, total_required: req.total_required },
        ...(req.body ? { method: 'POST' as const, body: req.body, idempotent: true } : {}),
      },
      subject,
    );
    const got = Array.isArray(answer[req.key]) ? (answer[req.key] as Obj[]) : [];
    items.push(...got);
    totals = {
      items: typeof answer.total_items === 'number' ? answer.total_items : totals.items,
      pages: typeof answer.total_pages === 'number' ? answer.total_pages : totals.pages,
    };
    const linked = (answer.links ?? []).some((l) => l.rel === 'next');
    const counted = totals.pages !== null && page < totals.pages;
    next = got.length > 0 && (linked || counted) ? page + 1 : null;
    if (next === null) break;
    page = next;
  }
  return { items, page: req.page, next_page: next, total_items: totals.items, total_pages: totals.pages };
}
