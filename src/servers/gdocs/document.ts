import { ToolError } from '../../core/errors.js';
import type { Body, DocRequest, Document, ParagraphElement, StructuralElement, Tab } from './api.js';

/**
 * Documents between the Docs API's structure and what the tools deal in: readable text, document ids
 * and links, and the batchUpdate requests that append to or replace a body.
 */

export const docUrl = (id: string): string => `https://docs.google.com/document/d/${id}/edit`;
export const docUri = (id: string): string => `gdocs://document/${id}`;

/** `/document/d/<id>` in a Docs link, with or without a `/u/<n>/` account segment. */
const DOC_LINK = /\/document\/(?:u\/\d+\/)?d\/([\w-]+)/;

/** A document id from an id, a Docs link or a gdocs:// URI, as callers tend to pass any of them. */
export function docId(value: string, field = 'doc_id'): string {
  const text = value.trim();
  const id = DOC_LINK.exec(text)?.[1] ?? text.replace(/^gdocs:\/\/document\//, '');
  if (!/^[\w-]+$/.test(id)) {
    throw new ToolError(`${field}: "${value}" is not a Google Docs document id or link`);
  }
  return id;
}

function inlineText(element: ParagraphElement): string {
  if (element.textRun) return element.textRun.content ?? '';
  const person = element.person?.personProperties;
  if (person) return person.name ?? person.email ?? '';
  const link = element.richLink?.richLinkProperties;
  if (link) return link.title && link.uri ? `${link.title} (${link.uri})` : (link.title ?? link.uri ?? '');
  // Images, page breaks, footnote references, equations: nothing to read as text.
  return '';
}

/** A table cell on one line, so each table row reads as one line with cells between bars. */
const cellText = (content: StructuralElement[] | undefined): string =>
  contentText(content)
    .trim()
    .replace(/\s*\n\s*/g, ' ');

function elementText(element: StructuralElement): string {
  if (element.paragraph) return (element.paragraph.elements ?? []).map(inlineText).join('');
  if (element.table) {
    return (element.table.tableRows ?? [])
      .map((row) => `${(row.tableCells ?? []).map((cell) => cellText(cell.content)).join(' | ')}\n`)
      .join('');
  }
  if (element.tableOfContents) return contentText(element.tableOfContents.content);
  return '';
}

const contentText = (content: StructuralElement[] | undefined): string =>
  (content ?? []).map(elementText).join('');

/** Docs writes a line break inside a paragraph (shift+enter) as a vertical tab. */
const VERTICAL_TAB = String.fromCharCode(11);
const readable = (content: StructuralElement[] | undefined): string =>
  contentText(content).replaceAll(VERTICAL_TAB, '\n');

const allTabs = (tabs: readonly Tab[]): Tab[] =>
  tabs.flatMap((tab) => [tab, ...allTabs(tab.childTabs ?? [])]);

/**
 * A document's text: paragraphs as lines, tables as rows of cells, tables of contents as their entries.
 * A document read with all its tabs gives each tab under its title when it has more than one.
 */
export function documentText(doc: Document): string {
  const tabs = allTabs(doc.tabs ?? []);
  if (tabs.length === 0) return readable(doc.body?.content);
  if (tabs.length === 1) return readable(tabs[0]?.documentTab?.body?.content);
  return tabs
    .map(
      (tab) =>
        `# ${tab.tabProperties?.title ?? 'Untitled tab'}\n\n${readable(tab.documentTab?.body?.content)}`,
    )
    .join('\n');
}

/**
 * The body's end index, exclusive. A body always ends with a paragraph whose final newline cannot be
 * written before, so text goes in at end - 1; an empty body is a section break [0,1) and an empty
 * paragraph [1,2).
 */
export function bodyEnd(body: Body | undefined): number {
  return Math.max(2, ...(body?.content ?? []).map((element) => element.endIndex ?? 0));
}

/** Whether the body's last paragraph holds nothing but its newline (a new or emptied document). */
function endsWithEmptyParagraph(body: Body | undefined): boolean {
  const last = body?.content?.at(-1);
  return last?.paragraph !== undefined && elementText(last) === '\n';
}

/** Docs strips carriage returns; a CRLF becomes one paragraph break, not two. */
export const normalize = (text: string): string => text.replace(/\r\n?/g, '\n');

/** Inserts `content` as new paragraphs at the end of the body (in the last one when it is empty). */
export function appendRequests(body: Body | undefined, content: string): DocRequest[] {
  const text = endsWithEmptyParagraph(body) ? content : `\n${content}`;
  return [{ insertText: { location: { index: bodyEnd(body) - 1 }, text } }];
}

/** Deletes everything but the final newline, then writes `content` at the start. */
export function replaceRequests(body: Body | undefined, content: string): DocRequest[] {
  const end = bodyEnd(body) - 1;
  const requests: DocRequest[] = [];
  if (end > 1) requests.push({ deleteContentRange: { range: { startIndex: 1, endIndex: end } } });
  if (content) requests.push({ insertText: { location: { index: 1 }, text: content } });
  return requests;
}
