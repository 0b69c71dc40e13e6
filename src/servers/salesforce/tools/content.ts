import { z } from 'zod';
import { adds } from '../../../core/annotations.js';
import type { SalesforceApi } from '../api.js';
import {
  fileCreatedSchema,
  noteCreatedSchema,
  type SaveOutput,
  saveResultSchema,
  toSave,
} from '../shapes.js';
import {
  requireCreated,
  sfId,
  shareType,
  soqlString,
  type ToolMaker,
  type ToolTable,
  uncertainCreate,
  WRITE,
} from './common.js';

/** The largest `VersionData` a JSON insert takes: 50 MB of base64 (about 37.5 MB of file). */
const MAX_BASE64 = 50 * 1024 * 1024;

/** Links a file (or an enhanced note, which is one) to a record: a ContentDocumentLink. */
async function link(
  salesforce: SalesforceApi,
  documentId: string,
  recordId: string,
  share: 'V' | 'C' | 'I',
): Promise<SaveOutput> {
  const check = `SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = '${documentId}' AND LinkedEntityId = '${recordId}'`;
  const result = await salesforce.create(
    'ContentDocumentLink',
    { ContentDocumentId: documentId, LinkedEntityId: recordId, ShareType: share },
    uncertainCreate('link', check),
    { ContentDocumentId: documentId, LinkedEntityId: recordId },
  );
  return toSave(requireCreated('link', result));
}

/**
 * The link made after a file or note was created. It exists whatever happens here, so a failed link
 * is reported beside it (`link_error`), never as a failure of the whole call (which would invite
 * creating it again).
 */
async function linkAfterCreate(
  salesforce: SalesforceApi,
  what: string,
  documentId: () => Promise<string>,
  recordId: string | undefined,
  share: 'V' | 'C' | 'I',
): Promise<{ link?: SaveOutput; link_error?: string }> {
  if (!recordId) return {};
  try {
    const id = await documentId();
    if (!id) throw new Error('Salesforce did not say which document it is');
    return { link: await link(salesforce, id, recordId, share) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      link_error: `The ${what} was created, but linking it to record ${recordId} failed: ${reason}. Link it with add_file_to_record; do not create it again.`,
    };
  }
}

/** Files, notes and their links to records. */
export function contentTools(salesforceTool: ToolMaker): ToolTable {
  return {
    add_file_to_record: salesforceTool({
      description: 'Share an existing file (a ContentDocument, id 069…) with a record.',
      input: z.object({
        file_id: sfId('file (ContentDocument, 069…)'),
        record_id: sfId('record to link the file to'),
        share_type: shareType,
      }),
      output: saveResultSchema,
      annotations: adds,
      scopes: WRITE,
      run: ({ file_id, record_id, share_type }, salesforce) =>
        link(salesforce, file_id, record_id, share_type),
    }),

    create_enhanced_note: salesforceTool({
      description:
        'Create an enhanced note (ContentNote) from HTML, and link it to a record if one is named. Not retried after a failure.',
      input: z.object({
        title: z.string().trim().min(1).max(255).describe('Title of the note'),
        content: z
          .string()
          .min(1)
          .describe('Body of the note as HTML (e.g. <p>Call went well</p>); escape & < > in plain text'),
        record_id: sfId('record to link the note to').optional(),
        share_type: shareType,
      }),
      output: noteCreatedSchema,
      annotations: adds,
      scopes: WRITE,
      async run({ title, content, record_id, share_type }, salesforce) {
        const check = `SELECT Id, Title FROM ContentNote WHERE Title = ${soqlString(title)} AND CreatedDate = TODAY`;
        // ContentNote's Content is a base64 field.
        const data = { Title: title, Content: Buffer.from(content, 'utf8').toString('base64') };
        const note = toSave(
          requireCreated(
            'note',
            await salesforce.create('ContentNote', data, uncertainCreate('note', check)),
          ),
        );
        // An enhanced note is a ContentDocument: its id is the document's.
        const linked = await linkAfterCreate(salesforce, 'note', async () => note.id, record_id, share_type);
        return { note, ...linked };
      },
    }),

    create_file: salesforceTool({
      description:
        'Upload a file (a ContentVersion) from base64 content, and link it to a record if one is named. Not retried after a failure.',
      input: z.object({
        title: z.string().trim().min(1).max(255).describe('Title of the file'),
        path_on_client: z
          .string()
          .trim()
          .min(1)
          .max(500)
          .describe("File name with its extension, e.g. 'document.pdf' (sets the file type)"),
        version_data: z
          .string()
          .transform((s) => s.replace(/\s+/g, ''))
          .refine((s) => s.length > 0 && s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), {
            message: 'must be the file content in base64',
          })
          .refine((s) => s.length <= MAX_BASE64, {
            message: 'is larger than the 50 MB of base64 Salesforce takes in one request',
          })
          .describe('The file content, base64-encoded (at most 50 MB of base64)'),
        description: z.string().max(1000).optional().describe('Description of the file'),
        record_id: sfId('record to link the file to').optional(),
        share_type: shareType,
      }),
      output: fileCreatedSchema,
      annotations: adds,
      scopes: WRITE,
      async run({ title, path_on_client, version_data, description, record_id, share_type }, salesforce) {
        const check = `SELECT Id, ContentDocumentId, Title FROM ContentVersion WHERE Title = ${soqlString(title)} AND CreatedDate = TODAY`;
        const data = {
          Title: title,
          PathOnClient: path_on_client,
          VersionData: version_data,
          ...(description ? { Description: description } : {}),
        };
        const file = toSave(
          requireCreated(
            'file',
            await salesforce.create('ContentVersion', data, uncertainCreate('file', check)),
          ),
        );
        // The link needs the file's ContentDocument id, which the create does not answer.
        const documentId = salesforce
          .getRecord('ContentVersion', file.id, ['ContentDocumentId'])
          .then((v) => (typeof v.ContentDocumentId === 'string' ? v.ContentDocumentId : ''));
        // Read below in any case; this keeps a failure from being an unhandled rejection meanwhile.
        documentId.catch(() => undefined);
        const linked = await linkAfterCreate(salesforce, 'file', () => documentId, record_id, share_type);
        const found = await documentId.catch(() => '');
        return { file, ...(found ? { content_document_id: found } : {}), ...linked };
      },
    }),

    create_note: salesforceTool({
      description: 'Create a classic note (Note) on a record. Not retried after a failure.',
      input: z.object({
        parent_id: sfId('record the note belongs to'),
        title: z.string().trim().min(1).max(80).describe('Title of the note'),
        body: z.string().max(32_000).describe('Text of the note'),
        private: z
          .boolean()
          .default(false)
          .describe('Whether only you and admins can see it (default false)'),
      }),
      output: saveResultSchema,
      annotations: adds,
      scopes: WRITE,
      async run({ parent_id, title, body, private: isPrivate }, salesforce) {
        const check = `SELECT Id, Title FROM Note WHERE ParentId = '${parent_id}' AND Title = ${soqlString(title)}`;
        const data = { ParentId: parent_id, Title: title, Body: body, IsPrivate: isPrivate };
        const result = await salesforce.create('Note', data, uncertainCreate('note', check), {
          ParentId: parent_id,
        });
        return toSave(requireCreated('note', result));
      },
    }),
  };
}
