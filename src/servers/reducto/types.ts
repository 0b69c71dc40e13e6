/**
 * The parts of Reducto's JSON this server reads, from Reducto's OpenAPI descriptions
 * (docs.reducto.ai/openapi-legacy.json for the request shapes guMCP used, whose response schemas
 * are those of docs.reducto.ai/openapi.json): ParseResponse, ExtractResponse, SplitResponse,
 * AsyncJobResponse / EnhancedAsyncJobResponse, UploadResponse.
 */

export interface ParseUsage {
  num_pages: number;
  credits?: number | null;
}

export interface ExtractUsage extends ParseUsage {
  num_fields: number;
}

export interface BoundingBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** 1-indexed. */
  page: number;
  original_page?: number;
}

export interface ParseBlock {
  type: string;
  bbox: BoundingBox;
  content: string;
}

export interface ParseChunk {
  /** The chunk as Markdown (tables as the table_output_format asks). */
  content: string;
  embed: string;
  enriched: string | null;
  blocks: ParseBlock[];
}

/** The whole result inline. */
export interface FullResult {
  type: 'full';
  chunks: ParseChunk[];
}

/** A result too large for an HTTP answer (about 6 MB): a presigned URL of the FullResult JSON. */
export interface UrlResult {
  type: 'url';
  url: string;
  result_id: string;
}

export interface ParseResponse {
  job_id: string;
  duration: number;
  pdf_url?: string | null;
  studio_link?: string | null;
  usage: ParseUsage;
  result: FullResult | UrlResult;
}

export interface ExtractResponse {
  job_id?: string | null;
  usage: ExtractUsage;
  studio_link?: string | null;
  /** One object in the caller's schema per chunk (one in all unless use_chunking). */
  result: unknown;
  citations?: unknown[] | null;
}

export interface SplitPartition {
  name: string;
  pages: number[];
  conf?: 'high' | 'low';
}

export interface Split extends SplitPartition {
  partitions?: SplitPartition[] | null;
}

export interface SplitResponse {
  usage: ParseUsage;
  result: {
    section_mapping?: Record<string, number[]> | null;
    splits: Split[];
  };
}

/** Pending, Idle (queued) and Completed/Failed; newer answers also carry Cancelled and an error object. */
export type JobStatus = 'Pending' | 'Completed' | 'Failed' | 'Idle' | (string & {});

export interface JobResponse {
  status: JobStatus;
  result?: ParseResponse | ExtractResponse | SplitResponse | Record<string, unknown> | null;
  progress?: number | null;
  reason?: string | null;
  /** EnhancedAsyncJobResponse: Parse, Extract, Split, Edit, Pipeline or Classify. */
  type?: string | null;
  error?: { code?: number; name?: string; message?: string } | null;
}

export interface UploadResponse {
  /** `reducto://…`, to pass as document_url. */
  file_id: string;
  /** Given when no file was attached: where to PUT the bytes (up to 5 GB). */
  presigned_url?: string | null;
}

/** The three kinds of document jobs this server starts. */
export type JobKind = 'parse' | 'extract' | 'split';
