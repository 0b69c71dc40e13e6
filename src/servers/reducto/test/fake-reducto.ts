import type { ExtractResponse, JobResponse, ParseChunk, ParseResponse, SplitResponse } from '../types.js';

/**
 * Bodies in the shapes of Reducto's OpenAPI description (docs.reducto.ai/openapi.json and its
 * legacy twin openapi-legacy.json): ParseResponse with a FullResult or UrlResult, ExtractResponse,
 * SplitResponse, AsyncJobResponse, UploadResponse, and the error bodies FastAPI gives
 * (`{detail}`, the 422 `{detail: [{loc, msg, type}]}`) and the `{error: {message, type, code}}` of
 * Reducto's error-codes page.
 */

/** Every route the server calls, as templates of the description's paths. */
export const REDUCTO_ROUTES = [
  'POST /parse_async',
  'POST /extract_async',
  'POST /split_async',
  'GET /job/{job_id}',
  'POST /cancel/{job_id}',
  'POST /upload',
  'GET /version',
  'POST /configure_webhook',
  'GET /jobs',
] as const;

export const KEY = 'rdct_fake_key_for_tests';
export const JOB = '7600c8c5-a52f-49d2-8a7d-d75d1b51e141';
export const FILE_ID = 'reducto://50c07046-3bac-4844-8c4b-d1428ed9c8f4.pdf';
export const DOC = 'https://example.com/reports/q3.pdf';

/** A chunk whose blocks lie on `pages`, its Markdown `content`. */
export function chunk(content: string, pages: number[] = [1]): ParseChunk {
  return {
    content,
    embed: content,
    enriched: null,
    blocks: pages.map((page, i) => ({
      type: i === 0 ? 'Title' : 'Text',
      bbox: { left: 0.1, top: 0.1 + i * 0.01, width: 0.8, height: 0.05, page, original_page: page },
      content: content.slice(0, 20),
      confidence: 'high',
    })),
  } as ParseChunk;
}

export function parseResponse(chunks: ParseChunk[], jobId = JOB): ParseResponse {
  return {
    job_id: jobId,
    duration: 3.42,
    pdf_url: null,
    studio_link: `https://studio.reducto.ai/job/${jobId}`,
    usage: { num_pages: 3, credits: 3 },
    result: { type: 'full', chunks },
  };
}

/** A result over Reducto's inline limit: the URL of its JSON. */
export function urlParseResponse(url: string, jobId = JOB): ParseResponse {
  return {
    job_id: jobId,
    duration: 41.7,
    pdf_url: null,
    studio_link: null,
    usage: { num_pages: 120, credits: 120 },
    result: { type: 'url', url, result_id: 'res_8e2f' },
  };
}

export function extractResponse(
  result: unknown[],
  citations: unknown[] | null = null,
  jobId = JOB,
): ExtractResponse {
  return {
    job_id: jobId,
    usage: { num_pages: 2, num_fields: 3, credits: 4 },
    studio_link: `https://studio.reducto.ai/job/${jobId}`,
    result,
    citations,
  };
}

export function splitResponse(): SplitResponse {
  return {
    usage: { num_pages: 12, credits: 12 },
    result: {
      section_mapping: { 'Balance sheet': [3, 4], 'Income statement': [5, 6, 7] },
      splits: [
        { name: 'Balance sheet', pages: [3, 4], conf: 'high', partitions: null },
        {
          name: 'Income statement',
          pages: [5, 6, 7],
          conf: 'low',
          partitions: [{ name: 'ACC-1', pages: [5, 6], conf: 'high' }],
        },
      ],
    },
  };
}

export function job(status: string, over: Partial<JobResponse> = {}): JobResponse {
  return { status, result: null, progress: null, reason: null, ...over };
}

export const validationError = (loc: (string | number)[], msg: string, type = 'enum') => ({
  detail: [{ loc: ['body', ...loc], msg, type, input: 'fast' }],
});

export const detail = (message: string) => ({ detail: message });

export const errorBody = (message: string, type: string, code: number) => ({
  error: { message, type, code },
});

/** A JSON string answer, as FastAPI sends `/version` and `/configure_webhook`. */
export const jsonString = (value: string) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});
