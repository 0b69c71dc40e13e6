import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';
import type { RawDocument } from '../types.js';
import { jobStatus } from './fake-firecrawl.js';

/** A state of a job at one look. */
export interface Look {
  status: string;
  completed: number;
  total: number;
}

/**
 * `GET /v2/{crawl|batch/scrape}/{id}` as Firecrawl answers it: each look moves through `looks` (the
 * last one stays); the pages done so far are served from `skip`, at most `limit` and at most `chunk`
 * a time (Firecrawl cuts at 10 MB), with `next` (carrying skip and limit) while more are to come.
 */
export function jobRoute(
  fake: FakeService,
  path: string,
  looks: Look[],
  pages: RawDocument[],
  options: { chunk?: number; nextBase?: string } = {},
): (req: RecordedRequest) => FakeReply {
  let seen = 0;
  return (req) => {
    const look = looks[Math.min(seen++, looks.length - 1)] as Look;
    const skip = Number(req.query.get('skip') ?? 0);
    const limit = req.query.get('limit');
    const take = Math.min(limit ? Number(limit) : 1000, options.chunk ?? 1000);
    const data = pages.slice(0, look.completed).slice(skip, skip + take);
    const end = skip + data.length;
    const next =
      look.total > end
        ? `${options.nextBase ?? fake.url}${path}?skip=${end}${limit ? `&limit=${limit}` : ''}`
        : null;
    return jobStatus(look.status, look.completed, look.total, data, next);
  };
}
