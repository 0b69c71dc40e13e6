import { z } from 'zod';
import { ToolError } from '../../core/errors.js';
import type { ExtractResponse, JobResponse, ParseChunk, ParseResponse, SplitResponse } from './types.js';

/**
 * What the tools return. Parsed documents are large (Reducto answers up to about 6 MB inline, and a
 * URL of the JSON beyond that), so a parse comes back a page at a time: the chunks' Markdown up to
 * `max_chars` characters, cut inside a chunk when one is longer, with the offsets to pass to
 * get_job_status for the next page. Block coordinates are left out; the full result stays at
 * Reducto (its studio link, or the result URL for large results).
 */

export const DEFAULT_MAX_CHARS = 20_000;
export const MAX_MAX_CHARS = 200_000;
/** At most this many chunks in one page, so thousands of tiny chunks still make a bounded answer. */
const MAX_CHUNKS_PER_PAGE = 500;

export const maxChars = z
  .number()
  .int()
  .min(1000)
  .max(MAX_MAX_CHARS)
  .default(DEFAULT_MAX_CHARS)
  .describe(
    `Most characters of document content (parse) or result JSON (extract) in this answer (default ${DEFAULT_MAX_CHARS}); the rest comes with get_job_status`,
  );

/** Where a page of a result starts. */
export interface Paging {
  chunk_offset: number;
  content_offset: number;
  max_chars: number;
}

export const FIRST_PAGE = (max_chars: number): Paging => ({ chunk_offset: 0, content_offset: 0, max_chars });

const nullableNumber = z.number().nullable();

const chunkSchema = z.object({
  index: z.number().int().describe('The chunk’s position in the result (from 0)'),
  content_offset: z.number().int().describe('Where this content starts in the chunk (0 unless continued)'),
  content: z.string().describe('The chunk as Markdown (tables as table_output_format asks)'),
  complete: z.boolean().describe('false when the chunk continues on the next page'),
  pages: z.array(z.number().int()).describe('The pages its blocks are on (1-indexed)'),
});

const more = z
  .string()
  .nullable()
  .describe('When not null: how to get the next page (get_job_status with these offsets)');

export const parseSchema = z.object({
  job_id: z
    .string()
    .describe('Pass to get_job_status for more pages, or as jobid://<job_id> to reuse this parse'),
  duration_seconds: nullableNumber,
  num_pages: z.number().int().nullable(),
  credits: nullableNumber,
  studio_link: z.string().nullable().describe('The parse in Reducto Studio'),
  pdf_url: z.string().nullable().describe('The document converted to PDF, when Reducto made one'),
  result_url: z.string().nullable().describe('Where Reducto put a large result’s JSON (read here for you)'),
  total_chunks: z.number().int(),
  total_chars: z.number().int().describe('Characters of content in all chunks'),
  chunks: z.array(chunkSchema),
  next_chunk_offset: z.number().int().nullable(),
  next_content_offset: z.number().int().nullable(),
  more,
});

export const extractSchema = z.object({
  job_id: z.string().nullable(),
  num_pages: z.number().int().nullable(),
  num_fields: z.number().int().nullable(),
  credits: nullableNumber,
  studio_link: z.string().nullable(),
  total_results: z.number().int().describe('One result per chunk with use_chunking, else one'),
  result_offset: z.number().int(),
  result: z.array(z.unknown()).describe('The data in the caller’s schema, from result_offset on'),
  citations: z.array(z.unknown()).nullable().describe('Where each value was found (generate_citations)'),
  next_result_offset: z.number().int().nullable(),
  more,
});

const partitionSchema = z.object({
  name: z.string(),
  pages: z.array(z.number().int()),
  confidence: z.string().nullable(),
});

export const splitSchema = z.object({
  job_id: z.string().nullable(),
  num_pages: z.number().int().nullable(),
  credits: nullableNumber,
  splits: z.array(
    partitionSchema.extend({
      partitions: z.array(partitionSchema).nullable().describe('By partition_key, when one was given'),
    }),
  ),
  section_mapping: z.record(z.string(), z.array(z.number().int())).nullable(),
});

export const jobSchema = z.object({
  job_id: z.string(),
  status: z.string().describe('Pending, Idle (queued), Completed, Failed or Cancelled'),
  progress: z.number().nullable().describe('Reducto’s progress figure while it runs'),
  reason: z.string().nullable().describe('Why it failed'),
  type: z.string().nullable().describe('Parse, Extract, Split, …'),
  parse: parseSchema.optional(),
  extract: extractSchema.optional(),
  split: splitSchema.optional(),
  result: z.unknown().optional().describe('The result of another kind of job (edit, pipeline, classify)'),
  note: z.string().optional(),
});

export const startedSchema = z.object({
  job_id: z.string(),
  status: z.literal('Pending'),
  next: z.string().describe('How to follow the job'),
});

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Cuts `text` at `end` without splitting a surrogate pair. */
function cut(text: string, start: number, end: number): string {
  let stop = Math.min(end, text.length);
  const code = text.charCodeAt(stop - 1);
  if (stop < text.length && stop - 1 > start && code >= 0xd800 && code <= 0xdbff) stop -= 1;
  return text.slice(start, stop);
}

const pagesOf = (chunk: ParseChunk): number[] =>
  [
    ...new Set(
      (chunk.blocks ?? []).map((b) => b?.bbox?.page).filter((p): p is number => typeof p === 'number'),
    ),
  ].sort((a, b) => a - b);

/** One page of a parse result: chunks from `paging`'s offsets up to its character budget. */
export function shapeParse(
  res: ParseResponse,
  chunks: ParseChunk[],
  paging: Paging,
  resultUrl: string | null,
): z.input<typeof parseSchema> {
  const total = chunks.length;
  const { chunk_offset: first, max_chars } = paging;
  if (first > total || (first === total && paging.content_offset > 0)) {
    throw new ToolError(
      `chunk_offset: the result of job ${res.job_id} has ${total} chunks (0 to ${Math.max(0, total - 1)})`,
    );
  }
  const out: z.input<typeof chunkSchema>[] = [];
  let budget = max_chars;
  let next: { chunk: number; content: number } | null = null;
  for (let i = first; i < total; i++) {
    const chunk = chunks[i] as ParseChunk;
    const content = typeof chunk.content === 'string' ? chunk.content : '';
    const start = i === first ? paging.content_offset : 0;
    if (i === first && start > 0 && start >= content.length) {
      throw new ToolError(`content_offset: chunk ${i} of job ${res.job_id} has ${content.length} characters`);
    }
    if (budget <= 0 || out.length >= MAX_CHUNKS_PER_PAGE) {
      next = { chunk: i, content: start };
      break;
    }
    const piece = cut(content, start, start + budget);
    const complete = start + piece.length >= content.length;
    out.push({ index: i, content_offset: start, content: piece, complete, pages: pagesOf(chunk) });
    budget -= piece.length;
    if (!complete) {
      next = { chunk: i, content: start + piece.length };
      break;
    }
  }
  return {
    job_id: res.job_id,
    duration_seconds: num(res.duration),
    num_pages: num(res.usage?.num_pages),
    credits: num(res.usage?.credits),
    studio_link: str(res.studio_link),
    pdf_url: str(res.pdf_url),
    result_url: resultUrl,
    total_chunks: total,
    total_chars: chunks.reduce((n, c) => n + (typeof c.content === 'string' ? c.content.length : 0), 0),
    chunks: out,
    next_chunk_offset: next?.chunk ?? null,
    next_content_offset: next?.content ?? null,
    more: next
      ? `Call get_job_status with job_id ${res.job_id}, chunk_offset ${next.chunk} and content_offset ${next.content} for the next page`
      : null,
  };
}

const jsonLength = (v: unknown) => JSON.stringify(v ?? null).length;

/** One page of an extraction: results from `paging.chunk_offset` while their JSON fits the budget (one at least). */
export function shapeExtract(
  res: ExtractResponse,
  paging: Paging,
  jobId: string | null,
): z.input<typeof extractSchema> {
  const results = Array.isArray(res.result) ? res.result : [res.result];
  const citations = Array.isArray(res.citations) ? res.citations : null;
  // Citations are paged with the results when there is one per result; otherwise they come whole.
  const parallel = citations !== null && citations.length === results.length;
  const first = paging.chunk_offset;
  if (first > results.length || (first === results.length && first > 0)) {
    throw new ToolError(
      `chunk_offset: the extraction has ${results.length} results (0 to ${results.length - 1})`,
    );
  }
  let budget = paging.max_chars - (citations && !parallel && first === 0 ? jsonLength(citations) : 0);
  let end = first;
  while (end < results.length) {
    const size = jsonLength(results[end]) + (parallel ? jsonLength(citations?.[end]) : 0);
    if (end > first && size > budget) break;
    budget -= size;
    end += 1;
  }
  const next = end < results.length ? end : null;
  const id = jobId ?? str(res.job_id);
  return {
    job_id: id,
    num_pages: num(res.usage?.num_pages),
    num_fields: num(res.usage?.num_fields),
    credits: num(res.usage?.credits),
    studio_link: str(res.studio_link),
    total_results: results.length,
    result_offset: first,
    result: results.slice(first, end),
    citations: parallel ? (citations?.slice(first, end) ?? null) : first === 0 ? citations : null,
    next_result_offset: next,
    more:
      next !== null
        ? `Call get_job_status with job_id ${id ?? '(see job_id)'} and chunk_offset ${next} for the next results`
        : null,
  };
}

const partition = (p: { name: string; pages: number[]; conf?: string }) => ({
  name: p.name,
  pages: Array.isArray(p.pages) ? p.pages : [],
  confidence: str(p.conf),
});

export function shapeSplit(res: SplitResponse, jobId: string | null): z.input<typeof splitSchema> {
  return {
    job_id: jobId,
    num_pages: num(res.usage?.num_pages),
    credits: num(res.usage?.credits),
    splits: (res.result?.splits ?? []).map((s) => ({
      ...partition(s),
      partitions: Array.isArray(s.partitions) ? s.partitions.map(partition) : null,
    })),
    section_mapping: res.result?.section_mapping ?? null,
  };
}

/** Which of this server's results a finished job holds, by its type or its shape. */
export function resultKind(job: JobResponse): 'parse' | 'extract' | 'split' | 'other' {
  const type = job.type?.toLowerCase();
  if (type === 'parse' || type === 'extract' || type === 'split') return type;
  const r = job.result as { result?: unknown; usage?: { num_fields?: unknown } } | null | undefined;
  const inner = r?.result as { chunks?: unknown; type?: unknown; splits?: unknown } | undefined;
  if (inner && (Array.isArray(inner.chunks) || inner.type === 'url' || inner.type === 'full')) return 'parse';
  if (inner && Array.isArray(inner.splits)) return 'split';
  if (r && (r.usage?.num_fields !== undefined || Array.isArray(r.result))) return 'extract';
  return 'other';
}
