import type { TestContext } from 'node:test';
import type { FakeReply, FakeService } from '../../../testing/fake-service.js';
import { GOOGLE_ERRORS, startGoogleFake } from '../../gmail/test/google-fake.js';
import type { StructuralElement, Tab } from '../api.js';

/**
 * A fake of the Docs API v1 (documents.get, create, batchUpdate with insertText and deleteContentRange)
 * and of Drive v3 files.list, answering with the shapes of their references
 * (developers.google.com/workspace/docs/api/reference/rest, .../drive/api/reference/rest/v3). Like
 * Docs, it refuses an insert outside the body's paragraphs, a deletion of the final newline, and a
 * write whose requiredRevisionId is not the latest revision. Drive's `q` is not evaluated: tests
 * assert what was sent.
 */

export const DOCS = '/v1/documents';
export const FILES = '/drive/v3/files';

/** A document of the fake: plain paragraphs (editable) or a fixed structure (read-only). */
export interface FakeDoc {
  id: string;
  title: string;
  /** The body's text, ending in the final newline; each line a paragraph. */
  text?: string;
  /** A fixed body (tables, people, ...) for reading. */
  content?: StructuralElement[];
  /** Tabs beyond the first, for reading with includeTabsContent. */
  moreTabs?: Tab[];
  revision?: number;
}

export interface DriveFileJson {
  id: string;
  name: string;
  modifiedTime?: string;
  webViewLink?: string;
}

export const driveDoc = (id: string, name = `Doc ${id}`): DriveFileJson => ({
  id,
  name,
  modifiedTime: '2025-05-14T09:42:01.195Z',
  webViewLink: `https://docs.google.com/document/d/${id}/edit?usp=drivesdk`,
});

const SECTION_BREAK: StructuralElement & Record<string, unknown> = {
  // Docs omits zero values, so the section break at index 0 has no startIndex.
  endIndex: 1,
  sectionBreak: {
    sectionStyle: {
      columnSeparatorStyle: 'NONE',
      contentDirection: 'LEFT_TO_RIGHT',
      sectionType: 'CONTINUOUS',
    },
  },
};

/** Paragraph structural elements for `text` (lines ending in \n), from index `start`. */
export function paragraphs(text: string, start = 1): StructuralElement[] {
  const lines = text.match(/[^\n]*\n/g) ?? [];
  let index = start;
  return lines.map((line) => {
    const startIndex = index;
    const endIndex = startIndex + line.length;
    index = endIndex;
    return {
      startIndex,
      endIndex,
      paragraph: {
        elements: [{ startIndex, endIndex, textRun: { content: line, textStyle: {} } }],
        paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
      },
    };
  });
}

const body = (doc: FakeDoc) => ({
  content: [SECTION_BREAK, ...(doc.content ?? paragraphs(doc.text ?? '\n'))],
});
const revisionId = (doc: FakeDoc) => `ALm37BX-rev-${doc.revision ?? 1}`;

/** A Document resource as documents.get answers, with or without includeTabsContent. */
function documentJson(doc: FakeDoc, withTabs: boolean): Record<string, unknown> {
  const common = {
    title: doc.title,
    revisionId: revisionId(doc),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    documentId: doc.id,
  };
  const style = { documentStyle: { pageNumberStart: 1 }, namedStyles: { styles: [] } };
  if (!withTabs) return { ...common, body: body(doc), ...style };
  const first: Tab = {
    tabProperties: { tabId: 't.0', title: 'Tab 1' },
    documentTab: { body: body(doc), ...style } as Tab['documentTab'],
  };
  return { ...common, tabs: [first, ...(doc.moreTabs ?? [])] };
}

/** Docs' answer to an invalid batchUpdate: 400 INVALID_ARGUMENT, nothing applied. */
const invalid = (message: string): FakeReply => ({
  status: 400,
  body: { error: { code: 400, message, status: 'INVALID_ARGUMENT' } },
});

interface InsertText {
  insertText?: { location?: { index?: number }; text?: string };
  deleteContentRange?: { range?: { startIndex?: number; endIndex?: number } };
}

/** Applies requests to the text of a plain document, as Docs would, or says why Docs would refuse. */
function apply(text: string, requests: InsertText[]): string | FakeReply {
  let out = text;
  for (const [i, r] of requests.entries()) {
    // Index i of the body is out[i - 1]; out.length is the final newline's index.
    if (r.insertText) {
      const index = r.insertText.location?.index ?? -1;
      if (index < 1 || index > out.length) {
        return invalid(
          `Invalid requests[${i}].insertText: Index ${index} must be less than the end index of the referenced segment, ${out.length + 1}.`,
        );
      }
      out = out.slice(0, index - 1) + (r.insertText.text ?? '') + out.slice(index - 1);
    } else if (r.deleteContentRange) {
      const { startIndex = 0, endIndex = 0 } = r.deleteContentRange.range ?? {};
      if (startIndex < 1 || endIndex <= startIndex) {
        return invalid(`Invalid requests[${i}].deleteContentRange: The range should not be empty.`);
      }
      if (endIndex > out.length) {
        return invalid(
          `Invalid requests[${i}].deleteContentRange: The range cannot include the newline character at the end of the segment.`,
        );
      }
      out = out.slice(0, startIndex - 1) + out.slice(endIndex - 1);
    } else {
      return invalid(`Invalid requests[${i}]: the fake supports insertText and deleteContentRange only.`);
    }
  }
  return out;
}

export interface FakeDocsOptions {
  docs?: FakeDoc[];
  /** Drive files, as files.list pages them. */
  files?: DriveFileJson[];
  /** Largest page files.list answers, to make tests cross pages. */
  pageSize?: number;
}

export interface FakeDocs extends FakeService {
  /** The current documents, by id. */
  docs: Map<string, FakeDoc>;
}

/** Starts the fake and points the gdocs server at it for the duration of the test. */
export async function fakeDocs(t: TestContext, options: FakeDocsOptions = {}): Promise<FakeDocs> {
  const fake = await startGoogleFake(t, 'gdocs');
  const docs = new Map((options.docs ?? []).map((d) => [d.id, { ...d }]));
  const notFound = (): FakeReply => ({ status: 404, body: GOOGLE_ERRORS.notFound });

  fake.route(`GET ${DOCS}/*`, (req) => {
    const doc = docs.get(req.path.slice(DOCS.length + 1));
    return doc ? { body: documentJson(doc, req.query.get('includeTabsContent') === 'true') } : notFound();
  });

  fake.route(`POST ${DOCS}`, (req) => {
    const doc: FakeDoc = {
      id: 'doc-new',
      title: (req.body as { title?: string }).title ?? 'Untitled document',
    };
    docs.set(doc.id, doc);
    return { body: documentJson(doc, false) };
  });

  // batchUpdate is a custom method: POST /v1/documents/{id}:batchUpdate
  fake.route(`POST ${DOCS}/*`, (req) => {
    const [id = '', method] = req.path.slice(DOCS.length + 1).split(':');
    const doc = docs.get(id);
    if (!doc || method !== 'batchUpdate') return notFound();
    const { requests = [], writeControl } = req.body as {
      requests?: InsertText[];
      writeControl?: { requiredRevisionId?: string };
    };
    // Documented: a requiredRevisionId that is not the latest gets 400 and nothing is applied. The
    // message's wording is not documented; the server passes Google's message on as it is.
    if (writeControl?.requiredRevisionId && writeControl.requiredRevisionId !== revisionId(doc)) {
      return invalid(`The document revision ${writeControl.requiredRevisionId} is not the latest.`);
    }
    if (doc.content) return invalid('The fake edits plain documents only.');
    const result = apply(doc.text ?? '\n', requests);
    if (typeof result !== 'string') return result;
    doc.text = result;
    doc.revision = (doc.revision ?? 1) + 1;
    return {
      body: {
        documentId: id,
        replies: requests.map(() => ({})),
        writeControl: { requiredRevisionId: revisionId(doc) },
      },
    };
  });

  fake.route(`GET ${FILES}`, (req) => {
    const files = options.files ?? [];
    const size = Math.min(Number(req.query.get('pageSize') ?? 100), options.pageSize ?? 1000);
    const start = Number(req.query.get('pageToken')?.replace('page-', '') ?? 0);
    const next = start + size < files.length ? { nextPageToken: `page-${start + size}` } : {};
    return { body: { ...next, files: files.slice(start, start + size) } };
  });

  return Object.assign(fake, { docs });
}
