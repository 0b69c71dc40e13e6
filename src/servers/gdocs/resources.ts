import type { ResourceTemplateDef } from '../../core/definition.js';
import { docsQuery, getDocument, listDocsPage } from './api.js';
import { docId, docUri, documentText } from './document.js';

/** Documents per resources/list page, passed to files.list as pageSize. */
export const DOCUMENT_PAGE_SIZE = 50;
const TEXT = 'text/plain';

/** gdocs://document/{doc_id}: the user's Google Docs (found through Drive), read as plain text. */
export const documents: ResourceTemplateDef = {
  uriTemplate: 'gdocs://document/{doc_id}',
  name: 'document',
  title: 'Google Docs documents',
  description: 'Google Docs documents, most recently changed first; reading one gives its text.',
  mimeType: TEXT,

  async list(ctx, cursor) {
    const page = await listDocsPage(ctx, {
      q: docsQuery(),
      orderBy: 'modifiedTime desc',
      pageSize: DOCUMENT_PAGE_SIZE,
      pageToken: cursor,
    });
    return {
      resources: page.files.map((f) => ({ uri: docUri(f.id), name: f.name ?? f.id, mimeType: TEXT })),
      ...(page.nextPageToken ? { nextCursor: page.nextPageToken } : {}),
    };
  },

  async read(uri, vars, ctx) {
    const doc = await getDocument(ctx, docId(vars.doc_id ?? '', 'document id'), true);
    return [{ uri, mimeType: TEXT, text: documentText(doc) }];
  },
};
