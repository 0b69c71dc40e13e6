import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ByteSource, bytesSource, LOCAL_FILES_VARIABLE, openLocalFile } from '../../util/local-files.js';
import type { ApiFactory, ReductoApi } from './api.js';
import { type Subject, shownDocument } from './errors.js';
import {
  extractSchema,
  FIRST_PAGE,
  jobSchema,
  maxChars,
  type Paging,
  parseSchema,
  resultKind,
  shapeExtract,
  shapeParse,
  shapeSplit,
  splitSchema,
  startedSchema,
} from './shapes.js';
import type {
  ExtractResponse,
  JobKind,
  JobResponse,
  ParseChunk,
  ParseResponse,
  SplitResponse,
} from './types.js';

// Arguments, under guMCP's names. The request bodies are those of Reducto's legacy configuration
// (document_url, options, advanced_options, priority, webhook), which guMCP sent as given.

const documentUrl = z
  .string()
  .trim()
  .min(1)
  .max(8192)
  .describe(
    'The document: a public or presigned URL, a reducto:// file_id from upload_document, or jobid://<job_id> to reuse an earlier parse',
  );

const options = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'Reducto processing options: ocr_mode (standard|agentic), extraction_mode (ocr|metadata|hybrid), ' +
      'chunking {chunk_mode: variable|section|page|block|disabled, chunk_size}, filter_blocks (e.g. ["Header","Footer","Page Number"]), ' +
      'table_summary {enabled}, figure_summary {enabled}, force_url_result',
  );

const advancedOptions = z
  .record(z.string(), z.unknown())
  .optional()
  .describe(
    'Reducto advanced options: ocr_system (highres|multilingual|…), table_output_format (html|md|json|dynamic|csv|…), ' +
      'page_range {start, end} (1-indexed), document_password, merge_tables, keep_line_breaks, add_page_markers, …',
  );

const experimentalOptions = z
  .record(z.string(), z.unknown())
  .optional()
  .describe('Reducto experimental options (e.g. enable_checkboxes, rotate_pages, return_figure_images)');

const priority = (byDefault: boolean) =>
  z
    .boolean()
    .optional()
    .describe(`Use the account’s priority processing budget if there is one (default ${byDefault})`);

/**
 * Where Reducto reports the job's end: Svix (set up with webhook_portal) or a URL of yours.
 * guMCP offered mode "enabled", which Reducto does not know: it means direct with a url, else svix.
 */
const webhook = z
  .object({
    mode: z
      .enum(['disabled', 'svix', 'direct', 'enabled'])
      .default('svix')
      .describe('svix (the portal of webhook_portal), direct (POST to url) or disabled'),
    url: z.url().max(2048).optional().describe('direct: the URL Reducto posts to'),
    metadata: z.unknown().optional().describe('JSON Reducto sends back with the notification'),
    channels: z.array(z.string().min(1)).optional().describe('svix: the channels to notify (default all)'),
  })
  .transform((w, ctx) => {
    const mode = w.mode === 'enabled' ? (w.url ? 'direct' : 'svix') : w.mode;
    if (mode === 'direct' && !w.url) {
      ctx.issues.push({ code: 'custom', input: w, path: ['url'], message: 'a direct webhook needs a url' });
      return z.NEVER;
    }
    return {
      mode,
      ...(w.url && mode === 'direct' ? { url: w.url } : {}),
      ...(w.metadata !== undefined ? { metadata: w.metadata } : {}),
      ...(w.channels ? { channels: w.channels } : {}),
    };
  })
  .optional()
  .describe('Notify a webhook when the job ends: {mode: "svix"} or {mode: "direct", url}');

const splitDescription = z
  .array(
    z.object({
      name: z.string().trim().min(1).describe('The section’s name, e.g. "Balance sheet"'),
      description: z.string().trim().min(1).describe('What the section holds'),
      partition_key: z
        .string()
        .trim()
        .min(1)
        .optional()
        .describe('Split this section further by this key, e.g. an account number'),
    }),
  )
  .min(1)
  .describe('The sections to find: [{name, description, partition_key?}]');

const splitRules = z
  .string()
  .trim()
  .min(1)
  .optional()
  .describe(
    'How to split, as a prompt (Reducto’s default: sections may overlap only at their first and last page)',
  );

/** An extraction schema: JSON Schema as an object, or as a JSON string (models often send one). */
const extractionSchema = z
  .union([z.record(z.string(), z.unknown()), z.string()])
  .transform((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.issues.push({ code: 'custom', input: value, message: 'must be a JSON Schema object' });
    return z.NEVER;
  })
  .describe(
    'The JSON Schema of the data to extract, e.g. {"type":"object","properties":{"total":{"type":"number"}}}',
  );

const extractFields = {
  system_prompt: z
    .string()
    .min(1)
    .optional()
    .describe('A prompt for the whole extraction (Reducto’s default: "Be precise and thorough.")'),
  generate_citations: z
    .boolean()
    .optional()
    .describe('Say where in the document each value was found (default false)'),
  use_chunking: z
    .boolean()
    .optional()
    .describe('Extract chunk by chunk, one result per chunk (default false)'),
};

/** Reducto job ids are UUIDs; `jobid://<id>` is accepted as well. */
const jobId = z
  .string()
  .trim()
  .transform((s) => s.replace(/^jobid:\/\//, ''))
  .pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a Reducto job id, e.g. 7600c8c5-a52f-49d2-8a7d-d75d1b51e141'),
  )
  .describe('The job id a parse, extract or split tool returned');

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** The request body: the given fields only, so Reducto's defaults apply to the others. */
function body<T extends Record<string, unknown>>(fields: T): Partial<Defined<T>> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<Defined<T>>;
}

const documentSubject = (url: string): Subject => ({ what: 'Document', id: shownDocument(url) });

const started = (jobId: string, kind: JobKind, webhook: { mode: string } | undefined) => ({
  job_id: jobId,
  status: 'Pending' as const,
  next:
    `Reducto is running the ${kind} job: call get_job_status with job_id ${jobId} for its status and result` +
    `${webhook && webhook.mode !== 'disabled' ? ' (the webhook is notified when it ends)' : ''}; cancel_job stops it.`,
});

/** One page of a parse result; a result Reducto gave as a URL is read from it. */
async function parsePage(api: ReductoApi, res: ParseResponse | undefined, jobId: string, paging: Paging) {
  if (!res?.result) throw new ToolError(`Reducto finished job ${jobId} without a parse result`);
  let chunks: ParseChunk[];
  let url: string | null = null;
  if (res.result.type === 'url') {
    url = res.result.url;
    chunks = await api.resultChunks(url, jobId);
  } else {
    chunks = Array.isArray(res.result.chunks) ? res.result.chunks : [];
  }
  return shapeParse({ ...res, job_id: res.job_id || jobId }, chunks, paging, url);
}

function finished<T>(job: JobResponse, jobId: string, kind: JobKind): T {
  if (!job.result) throw new ToolError(`Reducto finished the ${kind} job ${jobId} without a result`);
  return job.result as T;
}

/** Decodes base64 (or base64url), refusing anything else. */
function decodeBase64(value: string): Uint8Array {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new ToolError('content_base64: not base64');
  return Buffer.from(clean, clean.includes('-') || clean.includes('_') ? 'base64url' : 'base64');
}

/** A Reducto tool: like `tool`, but its handler gets a Reducto client for the call. */
interface ReductoToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, reducto: ReductoApi): Promise<z.input<O>>;
}

/** The Reducto tools, with clients made by `connect` (the seam tests use for fast retries and polls). */
export function reductoTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const reductoTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: ReductoToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  /** The twin of a waiting tool that returns the job id at once, with a webhook to notify when it ends. */
  const startTool = (kind: JobKind, title: string, description: string, fields: z.ZodRawShape) =>
    reductoTool({
      description,
      input: z.object({
        document_url: documentUrl,
        ...fields,
        options,
        advanced_options: advancedOptions,
        priority: priority(false),
        webhook,
        experimental_options: experimentalOptions,
      }),
      output: startedSchema,
      annotations: { title, ...adds },
      async run(args, reducto) {
        const id = await reducto.submit(kind, body(args), documentSubject(args.document_url));
        return started(id, kind, args.webhook);
      },
    });

  return {
    parse_document: reductoTool({
      description:
        'Parse a document into Markdown chunks (text, tables, figures) with Reducto, waiting for the result ' +
        'with progress notifications (cancelling the call cancels the job). Returns the first max_chars ' +
        'characters of content; get_job_status with the returned offsets gives the rest.',
      input: z.object({
        document_url: documentUrl,
        options,
        advanced_options: advancedOptions,
        priority: priority(true),
        experimental_options: experimentalOptions,
        max_chars: maxChars,
      }),
      output: parseSchema,
      annotations: { title: 'Parse a document', ...adds },
      async run({ max_chars, ...args }, reducto) {
        const { jobId, job } = await reducto.run(
          'parse',
          body({ ...args, priority: args.priority ?? true }),
          documentSubject(args.document_url),
        );
        return parsePage(reducto, finished<ParseResponse>(job, jobId, 'parse'), jobId, FIRST_PAGE(max_chars));
      },
    }),

    parse_document_async: startTool(
      'parse',
      'Start parsing a document',
      'Start parsing a document with Reducto and return its job_id at once; get_job_status gives the ' +
        'status and, once Completed, the chunks. A webhook can be notified when it ends.',
      {},
    ),

    extract_data: reductoTool({
      description:
        'Extract structured data in the given JSON schema from a document with Reducto, waiting for the ' +
        'result with progress notifications (cancelling the call cancels the job). document_url may be ' +
        'jobid://<job_id> of an earlier parse, which skips parsing again.',
      input: z.object({
        document_url: documentUrl,
        schema: extractionSchema,
        ...extractFields,
        options,
        advanced_options: advancedOptions,
        priority: priority(true),
        experimental_options: experimentalOptions,
        max_chars: maxChars,
      }),
      output: extractSchema,
      annotations: { title: 'Extract data', ...adds },
      async run({ max_chars, ...args }, reducto) {
        const { jobId, job } = await reducto.run(
          'extract',
          body({ ...args, priority: args.priority ?? true }),
          documentSubject(args.document_url),
        );
        return shapeExtract(finished<ExtractResponse>(job, jobId, 'extract'), FIRST_PAGE(max_chars), jobId);
      },
    }),

    extract_data_async: startTool(
      'extract',
      'Start extracting data',
      'Start extracting data in the given JSON schema from a document and return the job_id at once; ' +
        'get_job_status gives the result.',
      { schema: extractionSchema, ...extractFields },
    ),

    split_document: reductoTool({
      description:
        'Split a document into the described sections (which pages hold each), waiting for the result ' +
        'with progress notifications (cancelling the call cancels the job).',
      input: z.object({
        document_url: documentUrl,
        split_description: splitDescription,
        split_rules: splitRules,
        options,
        advanced_options: advancedOptions,
        priority: priority(true),
        experimental_options: experimentalOptions,
      }),
      output: splitSchema,
      annotations: { title: 'Split a document', ...adds },
      async run(args, reducto) {
        const { jobId, job } = await reducto.run(
          'split',
          body({ ...args, priority: args.priority ?? true }),
          documentSubject(args.document_url),
        );
        return shapeSplit(finished<SplitResponse>(job, jobId, 'split'), jobId);
      },
    }),

    split_document_async: startTool(
      'split',
      'Start splitting a document',
      'Start splitting a document into the described sections and return the job_id at once; ' +
        'get_job_status gives the result.',
      { split_description: splitDescription, split_rules: splitRules },
    ),

    get_job_status: reductoTool({
      description:
        'The status of a Reducto job and, once Completed, its result: a parse a page of chunks at a time ' +
        '(pass chunk_offset and content_offset from the previous page), an extraction from result ' +
        'chunk_offset on, or a split.',
      input: z.object({
        job_id: jobId,
        chunk_offset: z
          .number()
          .int()
          .min(0)
          .default(0)
          .describe('The first chunk (parse) or result (extract) to return (default 0)'),
        content_offset: z
          .number()
          .int()
          .min(0)
          .default(0)
          .describe('Where to start inside that chunk, in characters (parse; default 0)'),
        max_chars: maxChars,
      }),
      output: jobSchema,
      annotations: { title: 'Get job status', ...reads },
      async run({ job_id, ...paging }, reducto) {
        const job = await reducto.job(job_id);
        const base = {
          job_id,
          status: String(job.status),
          progress: typeof job.progress === 'number' ? job.progress : null,
          reason: job.reason ?? job.error?.message ?? null,
          type: job.type ?? null,
        };
        if (job.status !== 'Completed') {
          const running = job.status !== 'Failed' && job.status !== 'Cancelled';
          return running ? { ...base, note: 'Still running: ask again in a few seconds' } : base;
        }
        if (!job.result) return { ...base, note: 'Reducto gave no result for this job' };
        switch (resultKind(job)) {
          case 'parse':
            return { ...base, parse: await parsePage(reducto, job.result as ParseResponse, job_id, paging) };
          case 'extract':
            return { ...base, extract: shapeExtract(job.result as ExtractResponse, paging, job_id) };
          case 'split':
            return { ...base, split: shapeSplit(job.result as SplitResponse, job_id) };
          default: {
            const size = JSON.stringify(job.result).length;
            return size <= paging.max_chars
              ? { ...base, result: job.result }
              : {
                  ...base,
                  note: `The result is ${size} characters, over max_chars; see it in Reducto Studio`,
                };
          }
        }
      },
    }),

    cancel_job: reductoTool({
      description: 'Cancel a running Reducto job.',
      input: z.object({ job_id: jobId }),
      output: z.object({ job_id: z.string(), cancelled: z.boolean() }),
      annotations: { title: 'Cancel a job', ...overwrites },
      async run({ job_id }, reducto) {
        await reducto.cancel(job_id);
        return { job_id, cancelled: true };
      },
    }),

    upload_document: reductoTool({
      description:
        `Upload a file to Reducto and get its reducto:// file_id to pass as document_url. The file is read ` +
        `from file_path on the machine running gumcp (only under ${LOCAL_FILES_VARIABLE}), or comes in ` +
        'content_base64. Files over 100 MB go through a presigned URL. A document already at a URL needs no upload.',
      input: z.object({
        file_path: z
          .string()
          .trim()
          .min(1)
          .describe(
            `Path of the file on the machine running gumcp, read only under ${LOCAL_FILES_VARIABLE}; with content_base64 only its name is used`,
          ),
        extension: z
          .string()
          .trim()
          .regex(/^\.?[A-Za-z0-9]{1,10}$/, 'must be a file extension, e.g. pdf')
          .optional()
          .describe('The file type when the name does not tell it, e.g. pdf'),
        content_base64: z
          .string()
          .min(1)
          .optional()
          .describe('The file’s bytes in base64, instead of reading file_path'),
      }),
      output: z.object({
        file_id: z.string().describe('reducto://…: pass it as document_url'),
        name: z.string(),
        size_bytes: z.number().int(),
        method: z.enum(['multipart', 'presigned']).describe('One POST /upload, or a PUT to a presigned URL'),
        source: z.enum(['local_file', 'content_base64']),
      }),
      annotations: { title: 'Upload a document', ...adds },
      async run({ file_path, extension, content_base64 }, reducto) {
        const name = file_path.replace(/\\/g, '/').split('/').pop() || 'document';
        const source: ByteSource =
          content_base64 !== undefined
            ? bytesSource(decodeBase64(content_base64))
            : await openLocalFile('file_path', file_path);
        try {
          const arg = content_base64 !== undefined ? 'content_base64' : 'file_path';
          const done = await reducto.upload(source, name, extension, arg);
          return {
            file_id: done.file_id,
            name,
            size_bytes: source.size,
            method: done.method,
            source: content_base64 !== undefined ? ('content_base64' as const) : ('local_file' as const),
          };
        } finally {
          await source.close();
        }
      },
    }),

    get_version: reductoTool({
      description: 'The version of the Reducto API.',
      input: z.object({}),
      output: z.object({ version: z.string() }),
      annotations: { title: 'Get API version', ...reads },
      async run(_args, reducto) {
        const version = await reducto.version();
        return { version: typeof version === 'string' ? version : JSON.stringify(version) };
      },
    }),

    webhook_portal: reductoTool({
      description:
        'The link to Reducto’s webhook portal (Svix), where the endpoints notified of jobs started with ' +
        'webhook {mode: "svix"} are set up.',
      input: z.object({}),
      output: z.object({ url: z.string().describe('Open it to add or change webhook endpoints') }),
      annotations: { title: 'Open the webhook portal', ...sets },
      async run(_args, reducto) {
        const url = await reducto.webhookPortal();
        if (typeof url !== 'string' || !url) throw new ToolError('Reducto answered without a portal URL');
        return { url };
      },
    }),
  };
}
