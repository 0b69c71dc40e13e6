import type { ToolContext } from '../../core/context.js';
import { DRIVE_FILE, fullTextQuery } from '../gdrive/api.js';
import { collectPages, googleApi, orNotFound, segment } from '../google-api.js';

/*
 * The Docs API v1 and Drive API v3 calls. The Docs API cannot list documents, so listing and search go
 * through Drive's files.list. Paths keep Google's /v1 and /drive/v3 prefixes, so GUMCP_GDOCS_API_URL
 * moves both APIs to one fake or proxy.
 */

export const DOCUMENTS = 'https://www.googleapis.com/auth/documents';
export { DRIVE_FILE };
export const DOCUMENT_MIME = 'application/vnd.google-apps.document';

/** Shapes of the Docs API v1 Document resource that this server reads (developers.google.com/docs/api). */
export interface ParagraphElement {
  startIndex?: number;
  endIndex?: number;
  textRun?: { content?: string; textStyle?: object };
  person?: { personProperties?: { name?: string; email?: string } };
  richLink?: { richLinkProperties?: { title?: string; uri?: string } };
}

export interface StructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: { elements?: ParagraphElement[]; paragraphStyle?: object };
  table?: { tableRows?: TableRow[] };
  tableOfContents?: { content?: StructuralElement[] };
  sectionBreak?: object;
}

export interface TableRow {
  startIndex?: number;
  endIndex?: number;
  tableCells?: { startIndex?: number; endIndex?: number; content?: StructuralElement[] }[];
}

export interface Body {
  content?: StructuralElement[];
}

export interface Tab {
  tabProperties?: { tabId?: string; title?: string };
  documentTab?: { body?: Body };
  childTabs?: Tab[];
}

export interface Document {
  documentId: string;
  title?: string;
  revisionId?: string;
  /** The first tab's content (unset when the document is read with includeTabsContent). */
  body?: Body;
  tabs?: Tab[];
}

/** One request of documents.batchUpdate; only the two kinds this server sends. */
export type DocRequest =
  | { insertText: { location: { index: number }; text: string } }
  | { deleteContentRange: { range: { startIndex: number; endIndex: number } } };

/** A Drive File resource with the fields asked for below. */
export interface DriveDoc {
  id: string;
  name?: string;
  modifiedTime?: string;
  webViewLink?: string;
}

const DRIVE_FIELDS = 'id,name,modifiedTime,webViewLink';
/** files.list pageSize is capped at 1000 by Drive. */
const MAX_PAGE_SIZE = 1000;

const docs = (ctx: ToolContext) =>
  googleApi(ctx, {
    serverId: 'gdocs',
    service: 'Google Docs',
    realBaseUrl: 'https://docs.googleapis.com',
    scope: DOCUMENTS,
  });

const drive = (ctx: ToolContext) =>
  googleApi(ctx, {
    serverId: 'gdocs',
    service: 'Google Drive',
    realBaseUrl: 'https://www.googleapis.com',
    scope: DRIVE_FILE,
  });

const documentPath = (id: string) => `v1/documents/${segment(id)}`;

/**
 * documents.get. Without `allTabs` the first tab fills `body` (what edits apply to); with it, every
 * tab's content comes in `tabs` instead.
 */
export function getDocument(ctx: ToolContext, id: string, allTabs = false): Promise<Document> {
  return orNotFound(
    'Document',
    id,
    docs(ctx).get<Document>(documentPath(id), allTabs ? { includeTabsContent: true } : undefined, ctx.signal),
  );
}

/** documents.create: a blank document with this title. Not repeated after a 5xx (it could make two). */
export function createDocument(ctx: ToolContext, title: string): Promise<Document> {
  return docs(ctx).request<Document>('v1/documents', { method: 'POST', body: { title } }, ctx.signal);
}

/**
 * documents.batchUpdate, applied only to the revision the requests were computed from
 * (writeControl.requiredRevisionId): a collaborator's edit in between would shift the indexes, and a
 * retry after a 5xx cannot apply the edit twice, since Docs refuses a revision that is no longer latest.
 */
export async function batchUpdate(
  ctx: ToolContext,
  id: string,
  requests: DocRequest[],
  revisionId: string | undefined,
): Promise<void> {
  await orNotFound(
    'Document',
    id,
    docs(ctx).request(
      `${documentPath(id)}:batchUpdate`,
      {
        method: 'POST',
        body: { requests, ...(revisionId ? { writeControl: { requiredRevisionId: revisionId } } : {}) },
        idempotent: revisionId !== undefined,
      },
      ctx.signal,
    ),
  );
}

/** Drive query for Google Docs outside the trash, optionally holding `text`. */
export function docsQuery(text?: string): string {
  const clauses = [`mimeType = '${DOCUMENT_MIME}'`, 'trashed = false'];
  if (text !== undefined) clauses.splice(1, 0, fullTextQuery(text));
  return clauses.join(' and ');
}

/** One page of files.list, for resource listings that hand Drive's page token to the client. */
export async function listDocsPage(
  ctx: ToolContext,
  params: { q: string; pageSize: number; pageToken?: string | undefined; orderBy?: string },
): Promise<{ files: DriveDoc[]; nextPageToken?: string }> {
  const page = await drive(ctx).get<{ files?: DriveDoc[]; nextPageToken?: string }>(
    'drive/v3/files',
    {
      q: params.q,
      orderBy: params.orderBy,
      pageSize: params.pageSize,
      pageToken: params.pageToken,
      fields: `nextPageToken,files(${DRIVE_FIELDS})`,
    },
    ctx.signal,
  );
  return { files: page?.files ?? [], ...(page?.nextPageToken ? { nextPageToken: page.nextPageToken } : {}) };
}

/** files.list followed across pages until `limit` documents are in hand. */
export async function listDocs(
  ctx: ToolContext,
  q: string,
  limit: number,
): Promise<{ files: DriveDoc[]; more: boolean }> {
  const { items, more } = await collectPages(limit, MAX_PAGE_SIZE, async (pageToken, pageSize) => {
    const page = await listDocsPage(ctx, { q, pageSize, pageToken });
    return { items: page.files, nextPageToken: page.nextPageToken };
  });
  return { files: items, more };
}
