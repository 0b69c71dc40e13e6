import { z } from 'zod';
import { adds, overwrites, reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import {
  type Body,
  batchUpdate,
  createDocument,
  DOCUMENTS,
  type DocRequest,
  DRIVE_FILE,
  docsQuery,
  getDocument,
  listDocs,
} from './api.js';
import {
  appendRequests,
  docId,
  docUri,
  docUrl,
  documentText,
  normalize,
  replaceRequests,
} from './document.js';

/** Scopes as guMCP's catalog lists them per tool. */
const SEARCH = [DRIVE_FILE];
const EDIT = [DOCUMENTS];
const CREATE = [DRIVE_FILE, DOCUMENTS];

const MAX_RESULTS = 100;
const DEFAULT_CHARS = 100_000;

const docIdArg = z
  .string()
  .min(1)
  .describe('Document id, or its docs.google.com link, as search_docs or create_doc return it');

/** What every tool that writes a document answers. */
const written = z.object({
  success: z.boolean(),
  message: z.string(),
  doc_id: z.string(),
  title: z.string().optional(),
  uri: z.string().describe('The gdocs:// resource of the document'),
  url: z.string().describe('The document in Google Docs'),
});

function writtenReply(id: string, title: string | undefined, message: string): z.input<typeof written> {
  return {
    success: true,
    message,
    doc_id: id,
    ...(title ? { title } : {}),
    uri: docUri(id),
    url: docUrl(id),
  };
}

/** Reads the body edits apply to (the first tab) and applies the requests `plan` makes of it. */
async function edit(
  ctx: ToolContext,
  id: string,
  plan: (body: Body | undefined) => DocRequest[],
): Promise<string | undefined> {
  const doc = await getDocument(ctx, id);
  const requests = plan(doc.body);
  if (requests.length) await batchUpdate(ctx, id, requests, doc.revisionId);
  return doc.title;
}

export const tools = {
  search_docs: tool({
    description: 'Search Google Docs documents whose title or text contains the given words.',
    input: z.object({
      query: z.string().min(1).describe('Words to look for in document titles and text'),
      max_results: z
        .number()
        .int()
        .min(1)
        .max(MAX_RESULTS)
        .default(10)
        .describe(`Most documents to return (default 10, at most ${MAX_RESULTS})`),
    }),
    output: z.object({
      query: z.string(),
      count: z.number().int(),
      more: z.boolean().describe('Whether more documents match than were returned'),
      documents: z.array(
        z.object({
          doc_id: z.string(),
          title: z.string(),
          modified_time: z.string().optional().describe('RFC 3339 date-time of the last change'),
          uri: z.string(),
          url: z.string(),
        }),
      ),
    }),
    annotations: { title: 'Search documents', ...reads },
    scopes: SEARCH,
    async handler({ query, max_results }, ctx) {
      const { files, more } = await listDocs(ctx, docsQuery(query), max_results);
      const documents = files.map((f) => ({
        doc_id: f.id,
        title: f.name ?? '(untitled)',
        ...(f.modifiedTime ? { modified_time: f.modifiedTime } : {}),
        uri: docUri(f.id),
        url: f.webViewLink ?? docUrl(f.id),
      }));
      return { query, count: documents.length, more, documents };
    },
  }),

  read_doc: tool({
    description:
      'Read the text of a Google Doc: paragraphs as lines, tables as rows of cells, every tab under its title.',
    input: z.object({
      doc_id: docIdArg,
      max_chars: z
        .number()
        .int()
        .min(1)
        .max(1_000_000)
        .default(DEFAULT_CHARS)
        .describe(`Longest text to return (default ${DEFAULT_CHARS} characters); longer text is cut`),
    }),
    output: z.object({
      doc_id: z.string(),
      title: z.string(),
      text: z.string(),
      length: z.number().int().describe('Characters in the whole text'),
      truncated: z.boolean().describe('Whether text was cut at max_chars'),
      uri: z.string(),
      url: z.string(),
    }),
    annotations: { title: 'Read document', ...reads },
    scopes: EDIT,
    async handler({ doc_id, max_chars }, ctx) {
      const id = docId(doc_id);
      const doc = await getDocument(ctx, id, true);
      const text = documentText(doc);
      return {
        doc_id: id,
        title: doc.title ?? '(untitled)',
        text: text.slice(0, max_chars),
        length: text.length,
        truncated: text.length > max_chars,
        uri: docUri(id),
        url: docUrl(id),
      };
    },
  }),

  create_doc: tool({
    description: 'Create a new Google Doc with a title and text content.',
    input: z.object({
      title: z.string().min(1).describe('Title of the new document'),
      content: z.string().describe('Text of the document; each line becomes a paragraph'),
    }),
    output: written,
    annotations: { title: 'Create document', ...adds },
    scopes: CREATE,
    async handler({ title, content }, ctx) {
      const doc = await createDocument(ctx, title);
      const id = doc.documentId;
      const text = normalize(content);
      if (text) {
        try {
          await batchUpdate(ctx, id, replaceRequests(doc.body, text), doc.revisionId);
        } catch (error) {
          // The document exists now: say so, or a retry would make a second one.
          const reason = error instanceof ToolError ? error.message : 'internal error';
          throw new ToolError(
            `Created document ${id} ("${title}") but could not write its content: ${reason}`,
          );
        }
      }
      return writtenReply(id, doc.title ?? title, `Created Google Doc "${doc.title ?? title}"`);
    },
  }),

  append_to_doc: tool({
    description: 'Add text at the end of a Google Doc, as new paragraphs.',
    input: z.object({
      doc_id: docIdArg,
      content: z.string().min(1).describe('Text to add; each line becomes a paragraph'),
    }),
    output: written,
    annotations: { title: 'Append to document', ...adds },
    scopes: EDIT,
    async handler({ doc_id, content }, ctx) {
      const id = docId(doc_id);
      const title = await edit(ctx, id, (body) => appendRequests(body, normalize(content)));
      return writtenReply(id, title, 'Appended content to the Google Doc');
    },
  }),

  update_doc: tool({
    description: 'Replace the whole text of a Google Doc (its first tab) with new content.',
    input: z.object({
      doc_id: docIdArg,
      content: z.string().describe('The new text; each line becomes a paragraph. Empty clears the document'),
    }),
    output: written,
    annotations: { title: 'Replace document text', ...overwrites },
    scopes: EDIT,
    async handler({ doc_id, content }, ctx) {
      const id = docId(doc_id);
      const title = await edit(ctx, id, (body) => replaceRequests(body, normalize(content)));
      return writtenReply(id, title, 'Replaced the content of the Google Doc');
    },
  }),
};
