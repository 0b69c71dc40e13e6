/**
 * Atlassian Document Format (ADF), the JSON rich text of Jira descriptions and comments (and of
 * Confluence pages): Markdown or plain text a model writes becomes ADF, and ADF Jira returns becomes
 * Markdown a model can read. Both directions cover what people write in issues (headings, paragraphs,
 * lists, code, quotes, tables, links, mentions); anything else keeps its text.
 */

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: AdfMark[];
  content?: AdfNode[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

// Markdown to ADF

const FENCE = /^\s*(```|~~~)\s*([\w+#.-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;
const isOrdered = (marker: string): boolean => /\d/.test(marker);

/** Whether a line starts a block other than a paragraph (so it ends the paragraph before it). */
function startsBlock(line: string): boolean {
  return (
    FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line)
  );
}

/** A document whose single string may already be ADF JSON (a caller that knows the format). */
function asAdf(text: string): AdfDoc | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(trimmed) as Partial<AdfDoc>;
    if (value && value.type === 'doc' && Array.isArray(value.content)) {
      return { type: 'doc', version: 1, content: value.content };
    }
  } catch {
    // Not JSON: it is Markdown that starts with a brace.
  }
  return undefined;
}

/** Markdown (or plain text, or an ADF document as JSON) as an ADF document. */
export function markdownToAdf(markdown: string): AdfDoc {
  const adf = asAdf(markdown);
  if (adf) return adf;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  return { type: 'doc', version: 1, content: parseBlocks(lines) };
}

function parseBlocks(lines: readonly string[]): AdfNode[] {
  const out: AdfNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```'); i++) {
        body.push(lines[i] ?? '');
      }
      i++;
      const text = body.join('\n');
      out.push({
        type: 'codeBlock',
        ...(fence[2] ? { attrs: { language: fence[2] } } : {}),
        ...(text ? { content: [{ type: 'text', text }] } : {}),
      });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      out.push({
        type: 'heading',
        attrs: { level: heading[1]?.length ?? 1 },
        content: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] ?? ''); i++)
        quoted.push((lines[i] ?? '').replace(QUOTE, ''));
      out.push({ type: 'blockquote', content: parseBlocks(quoted).map(paragraphLike) });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const [list, next] = parseList(lines, i);
      out.push(list);
      i = next;
      continue;
    }
    if (line.includes('|') && TABLE_DIVIDER.test(lines[i + 1] ?? '')) {
      const rows: string[] = [line];
      for (i += 2; i < lines.length && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim(); i++) {
        rows.push(lines[i] ?? '');
      }
      out.push(table(rows));
      continue;
    }
    const paragraph: string[] = [];
    for (
      ;
      i < lines.length && (lines[i] ?? '').trim() && !(paragraph.length && startsBlock(lines[i] ?? ''));
      i++
    ) {
      paragraph.push((lines[i] ?? '').trim());
    }
    out.push(paragraphOf(paragraph));
  }
  return out;
}

/** Lines of one paragraph; a line break in the text stays a line break (plain text keeps its shape). */
function paragraphOf(lines: readonly string[]): AdfNode {
  const content: AdfNode[] = [];
  lines.forEach((line, n) => {
    if (n > 0) content.push({ type: 'hardBreak' });
    content.push(...parseInline(line.replace(/\s{2,}$/, '')));
  });
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Blockquotes and list items hold paragraphs, lists and code only: other blocks become paragraphs. */
function paragraphLike(node: AdfNode): AdfNode {
  if (['paragraph', 'bulletList', 'orderedList', 'codeBlock'].includes(node.type)) return node;
  if (node.type === 'heading')
    return node.content ? { type: 'paragraph', content: node.content } : { type: 'paragraph' };
  return {
    type: 'paragraph',
    content: [{ type: 'text', text: adfToMarkdown({ type: 'doc', version: 1, content: [node] }) || ' ' }],
  };
}

function parseList(lines: readonly string[], start: number): [AdfNode, number] {
  const first = LIST_ITEM.exec(lines[start] ?? '');
  const base = first?.[1]?.length ?? 0;
  const ordered = isOrdered(first?.[2] ?? '-');
  const items: AdfNode[] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST_ITEM.exec(lines[i] ?? '');
    if (!m || (m[1]?.length ?? 0) !== base || isOrdered(m[2] ?? '') !== ordered) break;
    const offset = base + (m[2]?.length ?? 1) + 1;
    const body: string[] = [m[3] ?? ''];
    for (i++; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (!line.trim()) {
        const next = lines.slice(i + 1).find((l) => l.trim());
        if (next !== undefined && indentOf(next) > base) {
          body.push('');
          continue;
        }
        break;
      }
      if (indentOf(line) > base) {
        body.push(line.slice(Math.min(indentOf(line), offset)));
        continue;
      }
      if (startsBlock(line)) break;
      body.push(line.trim());
    }
    const content = parseBlocks(body).map(paragraphLike);
    items.push({ type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] });
  }
  const list: AdfNode = ordered
    ? { type: 'orderedList', attrs: { order: Number.parseInt(first?.[2] ?? '1', 10) || 1 }, content: items }
    : { type: 'bulletList', content: items };
  return [list, i];
}

function table(rows: readonly string[]): AdfNode {
  const cells = (row: string) =>
    row
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  return {
    type: 'table',
    content: rows.map((row, n) => ({
      type: 'tableRow',
      content: cells(row).map((cell) => ({
        type: n === 0 ? 'tableHeader' : 'tableCell',
        content: [paragraphOf(cell ? [cell] : [])],
      })),
    })),
  };
}

const withMark = (marks: readonly AdfMark[], mark: AdfMark): AdfMark[] =>
  marks.some((m) => m.type === mark.type) ? [...marks] : [...marks, mark];

const textNode = (text: string, marks: readonly AdfMark[]): AdfNode =>
  marks.length ? { type: 'text', text, marks: [...marks] } : { type: 'text', text };

const link = (href: string): AdfMark => ({ type: 'link', attrs: { href } });
const notInWord = (previous: string): boolean => !/\w/.test(previous);

/** One inline Markdown construct: where it may start, and the ADF it becomes. */
interface InlineRule {
  pattern: RegExp;
  /** Whether the construct may start after this character (`_` emphasis and bare URLs not inside a word). */
  after?: (previous: string) => boolean;
  node(m: RegExpExecArray, marks: readonly AdfMark[]): AdfNode[];
}

const marked = (type: string) => (m: RegExpExecArray, marks: readonly AdfMark[]) =>
  parseInline(m[1] ?? '', withMark(marks, { type }));

const INLINE_RULES: readonly InlineRule[] = [
  // ADF allows only a link beside the code mark.
  {
    pattern: /^(`+)(.+?)\1(?!`)/,
    node: (m, marks) => [textNode(m[2] ?? '', [...marks.filter((k) => k.type === 'link'), { type: 'code' }])],
  },
  { pattern: /^\[~accountid:([\w:-]+)\]/, node: (m) => [{ type: 'mention', attrs: { id: m[1] } }] },
  {
    pattern: /^\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/,
    node: (m, marks) => parseInline(m[1] ?? '', withMark(marks, link(m[2] ?? ''))),
  },
  {
    pattern: /^<(https?:\/\/[^>\s]+)>/,
    node: (m, marks) => [textNode(m[1] ?? '', withMark(marks, link(m[1] ?? '')))],
  },
  {
    pattern: /^https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"\]]/,
    after: notInWord,
    node: (m, marks) => [textNode(m[0], withMark(marks, link(m[0])))],
  },
  { pattern: /^\*\*(?=\S)(.*?\S)\*\*/, node: marked('strong') },
  { pattern: /^__(?=\S)(.*?\S)__(?!\w)/, after: notInWord, node: marked('strong') },
  { pattern: /^~~(?=\S)(.*?\S)~~/, node: marked('strike') },
  { pattern: /^\*(?=[^\s*])(.*?[^\s*])\*(?!\*)/, node: marked('em') },
  { pattern: /^_(?=\S)(.*?\S)_(?!\w)/, after: notInWord, node: marked('em') },
];

/** Inline Markdown: code, bold, italics, strike-through, links, bare URLs and `[~accountid:…]` mentions. */
function parseInline(text: string, marks: readonly AdfMark[] = []): AdfNode[] {
  const out: AdfNode[] = [];
  let buffer = '';
  let i = 0;
  scan: while (i < text.length) {
    const rest = text.slice(i);
    if (rest[0] === '\\' && /^[\\`*_[\]()#+\-.!~>|]/.test(rest.slice(1))) {
      buffer += rest[1];
      i += 2;
      continue;
    }
    const previous = text[i - 1] ?? '';
    for (const rule of INLINE_RULES) {
      if (rule.after && !rule.after(previous)) continue;
      const m = rule.pattern.exec(rest);
      if (!m) continue;
      if (buffer) out.push(textNode(buffer, marks));
      buffer = '';
      out.push(...rule.node(m, marks));
      i += m[0].length;
      continue scan;
    }
    buffer += rest[0];
    i++;
  }
  if (buffer) out.push(textNode(buffer, marks));
  return out;
}

// ADF to Markdown

const isNode = (value: unknown): value is AdfNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

const children = (node: AdfNode): AdfNode[] =>
  Array.isArray(node.content) ? node.content.filter(isNode) : [];
const attr = (node: AdfNode, name: string): unknown => node.attrs?.[name];
const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined ? '' : String(value);

/**
 * An ADF document (or any ADF node, or a plain string, which Jira's v2 fields still hold) as Markdown:
 * headings, paragraphs, lists, code blocks, quotes, tables, links, and mentions as `@Name`.
 */
export function adfToMarkdown(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (!isNode(doc)) return '';
  const text = doc.type === 'doc' ? blocks(children(doc)) : block(doc);
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocks(nodes: readonly AdfNode[]): string {
  return nodes
    .map(block)
    .filter((b) => b !== '')
    .join('\n\n');
}

const indent = (text: string, by: string, first = by): string =>
  text
    .split('\n')
    .map((line, n) => (n === 0 ? first : line ? by : '') + line)
    .join('\n');

function block(node: AdfNode): string {
  switch (node.type) {
    case 'paragraph':
      return inline(children(node));
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(attr(node, 'level')) || 1)))} ${inline(children(node))}`;
    case 'bulletList':
      return children(node)
        .map((item) => listItem(item, '- '))
        .join('\n');
    case 'orderedList': {
      const start = Number(attr(node, 'order')) || 1;
      return children(node)
        .map((item, n) => listItem(item, `${start + n}. `))
        .join('\n');
    }
    case 'taskList':
      return children(node)
        .map((item) => listItem(item, attr(item, 'state') === 'DONE' ? '- [x] ' : '- [ ] '))
        .join('\n');
    case 'decisionList':
      return children(node)
        .map((item) => listItem(item, '- '))
        .join('\n');
    case 'codeBlock': {
      const code = children(node)
        .map((t) => str(t.text))
        .join('');
      return `\`\`\`${str(attr(node, 'language'))}\n${code}\n\`\`\``;
    }
    case 'blockquote':
      return indent(blocks(children(node)), '> ').replace(/^> $/gm, '>');
    case 'panel': {
      const kind = str(attr(node, 'panelType')) || 'info';
      const body = blocks(children(node));
      return indent(`**${kind[0]?.toUpperCase()}${kind.slice(1)}:** ${body}`, '> ');
    }
    case 'rule':
      return '---';
    case 'table':
      return tableMarkdown(node);
    case 'expand':
    case 'nestedExpand': {
      const title = str(attr(node, 'title'));
      return [title && `**${title}**`, blocks(children(node))].filter(Boolean).join('\n\n');
    }
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return mediaText(node);
    case 'blockCard':
    case 'embedCard':
      return attr(node, 'url') ? `<${str(attr(node, 'url'))}>` : '';
    default:
      return node.text !== undefined ? inline([node]) : blocks(children(node));
  }
}

/** A list item: its first block after the marker, the rest (nested lists, more paragraphs) indented under it. */
function listItem(item: AdfNode, marker: string): string {
  const body =
    item.type === 'listItem'
      ? blocks(children(item)).replace(/\n\n(?=\s*(- |\d+\. ))/g, '\n')
      : inline(children(item));
  return indent(body || ' ', ' '.repeat(marker.length), marker);
}

function mediaText(node: AdfNode): string {
  const media = node.type === 'media' ? [node] : children(node).filter((c) => c.type === 'media');
  return media.map((m) => `[attachment: ${str(attr(m, 'alt')) || str(attr(m, 'id')) || 'file'}]`).join(' ');
}

function tableMarkdown(node: AdfNode): string {
  const rows = children(node).map((row) =>
    children(row).map((cell) => blocks(children(cell)).replace(/\n+/g, ' ').replace(/\|/g, '\\|')),
  );
  const [head, ...body] = rows;
  if (!head) return '';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...body.map(line)].join('\n');
}

function inline(nodes: readonly AdfNode[]): string {
  return nodes.map(inlineNode).join('');
}

function inlineNode(node: AdfNode): string {
  switch (node.type) {
    case 'text':
      return withMarks(str(node.text), node.marks ?? []);
    case 'hardBreak':
      return '\n';
    case 'mention': {
      const name = str(attr(node, 'text'));
      if (name) return name.startsWith('@') ? name : `@${name}`;
      return `[~accountid:${str(attr(node, 'id'))}]`;
    }
    case 'emoji':
      return str(attr(node, 'text')) || `:${str(attr(node, 'shortName')).replace(/:/g, '')}:`;
    case 'inlineCard':
      return attr(node, 'url') ? `<${str(attr(node, 'url'))}>` : '';
    case 'status':
      return `[${str(attr(node, 'text'))}]`;
    case 'date': {
      const ms = Number(attr(node, 'timestamp'));
      return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
    }
    case 'mediaInline':
      return mediaText({ type: 'media', ...(node.attrs ? { attrs: node.attrs } : {}) });
    case 'placeholder':
      return '';
    default:
      return node.text !== undefined ? str(node.text) : inline(children(node));
  }
}

function withMarks(text: string, marks: readonly AdfMark[]): string {
  if (!text) return '';
  const has = (type: string) => marks.some((m) => m.type === type);
  let out = has('code') ? `\`${text}\`` : text;
  if (has('strike')) out = `~~${out}~~`;
  if (has('em')) out = `*${out}*`;
  if (has('strong')) out = `**${out}**`;
  const link = marks.find((m) => m.type === 'link');
  if (link && typeof link.attrs?.href === 'string')
    out = link.attrs.href === text ? link.attrs.href : `[${out}](${link.attrs.href})`;
  return out;
}
