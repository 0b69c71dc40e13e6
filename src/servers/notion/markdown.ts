import type { BlockNode, RichText } from './types.js';

/**
 * Notion content as Markdown a model reads well: headings, paragraphs, lists, to-dos, code, quotes,
 * dividers, tables, links and the bold/italic/strikethrough/code annotations. Blocks Markdown has no
 * word for (embeds, child pages, synced blocks) become a link or a short bracketed note, never JSON.
 */

type Content = Record<string, unknown> & { rich_text?: RichText[] };

/** Applies Markdown to the text between its leading and trailing spaces, which markers must not touch. */
function around(text: string, mark: (core: string) => string): string {
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(text) ?? [];
  return core ? `${lead}${mark(core)}${trail}` : text;
}

const wrap = (text: string, marker: string) => around(text, (core) => `${marker}${core}${marker}`);

/** One rich text item as Markdown, with its annotations and link. */
function item(rt: RichText): string {
  if (rt.type === 'equation') return `$${rt.equation?.expression ?? rt.plain_text}$`;
  let text = rt.plain_text ?? '';
  const a = rt.annotations ?? {};
  if (a.code) text = wrap(text, '`');
  if (a.bold) text = wrap(text, '**');
  if (a.italic) text = wrap(text, '_');
  if (a.strikethrough) text = wrap(text, '~~');
  const href = rt.text?.link?.url ?? rt.href;
  return href ? around(text, (core) => `[${core}](${href})`) : text;
}

/** A rich text array as inline Markdown. */
export function richTextToMarkdown(items: readonly RichText[] | undefined): string {
  return (items ?? []).map(item).join('');
}

/** A rich text array as plain text, without Markdown. */
export function plainText(items: readonly RichText[] | undefined): string {
  return (items ?? []).map((rt) => rt.plain_text ?? '').join('');
}

/** A link to a page or database by id: Notion opens it, and the tools take the URL as the id. */
const notionUrl = (id: string) => `https://www.notion.so/${id.replace(/-/g, '')}`;

const content = (block: BlockNode): Content => (block[block.type] ?? {}) as Content;

/** The URL of a file, image, video, pdf or audio block (hosted by Notion or external). */
function fileUrl(c: Content): string {
  const file = c.file as { url?: string } | undefined;
  const external = c.external as { url?: string } | undefined;
  return String(c.url ?? external?.url ?? file?.url ?? '');
}

const indent = (text: string, prefix: string) =>
  text
    .split('\n')
    .map((line) => (line ? `${prefix}${line}` : line))
    .join('\n');

function table(block: BlockNode): string {
  const rows = (block.children ?? []).filter((r) => r.type === 'table_row');
  const cells = rows.map((r) =>
    ((content(r).cells as RichText[][] | undefined) ?? []).map((cell) =>
      richTextToMarkdown(cell).replace(/\|/g, '\\|').replace(/\n/g, ' '),
    ),
  );
  const width = Math.max(0, ...cells.map((c) => c.length));
  if (width === 0) return '';
  const line = (c: string[]) => `| ${Array.from({ length: width }, (_, i) => c[i] ?? '').join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${Array(width).fill('---').join(' | ')} |`, ...body.map(line)].join('\n');
}

/** One block as Markdown (without its children), given its 1-based position in a numbered list. */
function blockLine(block: BlockNode, number: number): string {
  const c = content(block);
  const text = richTextToMarkdown(c.rich_text);
  const caption = richTextToMarkdown(c.caption as RichText[] | undefined);
  switch (block.type) {
    case 'paragraph':
      return text;
    case 'heading_1':
      return `# ${text}`;
    case 'heading_2':
      return `## ${text}`;
    case 'heading_3':
      return `### ${text}`;
    case 'heading_4':
      return `#### ${text}`;
    case 'bulleted_list_item':
      return `- ${text}`;
    case 'numbered_list_item':
      return `${number}. ${text}`;
    case 'to_do':
      return `- [${c.checked ? 'x' : ' '}] ${text}`;
    case 'toggle':
      return `- ${text}`;
    case 'quote':
      return indent(text || ' ', '> ');
    case 'callout': {
      const icon = (c.icon as { emoji?: string } | null | undefined)?.emoji;
      return indent(`${icon ? `${icon} ` : ''}${text}`, '> ');
    }
    case 'code': {
      const code = (c.rich_text ?? []).map((rt) => rt.plain_text).join('');
      const language = c.language && c.language !== 'plain text' ? String(c.language) : '';
      return `\`\`\`${language}\n${code}\n\`\`\`${caption ? `\n${caption}` : ''}`;
    }
    case 'divider':
      return '---';
    case 'equation':
      return `$$\n${String(c.expression ?? '')}\n$$`;
    case 'table':
      return table(block);
    case 'image':
      return `![${caption}](${fileUrl(c)})`;
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file':
    case 'embed':
    case 'bookmark':
    case 'link_preview': {
      const url = fileUrl(c);
      const label = caption || String(c.name ?? '') || url;
      return `[${label}](${url})`;
    }
    case 'child_page':
      return `[📄 ${String(c.title || 'Untitled')}](${notionUrl(block.id)})`;
    case 'child_database':
      return `[🗃 ${String(c.title || 'Untitled')}](${notionUrl(block.id)})`;
    case 'link_to_page': {
      const target = String(c.page_id ?? c.database_id ?? '');
      return `[↗ linked ${String(c.type ?? 'page_id').replace('_id', '')}](${notionUrl(target)})`;
    }
    case 'table_of_contents':
      return '[table of contents]';
    case 'breadcrumb':
      return '[breadcrumb]';
    case 'column_list':
    case 'column':
    case 'synced_block':
    case 'tab':
      return '';
    default:
      return text || `[${block.type} block]`;
  }
}

/**
 * List-like blocks (list items, to-dos, toggles): they sit on consecutive lines with their children
 * indented under them; other blocks are separated by a blank line, their children following.
 */
const LIST = new Set(['bulleted_list_item', 'numbered_list_item', 'to_do', 'toggle']);

/** Blocks (with the children read under them) as one Markdown document. */
export function blocksToMarkdown(blocks: readonly BlockNode[]): string {
  const out: string[] = [];
  let number = 0;
  let previous: string | undefined;
  for (const block of blocks) {
    number = block.type === 'numbered_list_item' ? number + 1 : 0;
    let text = blockLine(block, number);
    const children = block.type === 'table' ? [] : (block.children ?? []);
    if (children.length) {
      const inner = blocksToMarkdown(children);
      if (inner) {
        text = LIST.has(block.type)
          ? `${text}\n${indent(inner, '  ')}`
          : [text, inner].filter(Boolean).join('\n\n');
      }
    }
    if (!text) continue;
    const tight = previous !== undefined && LIST.has(previous) && LIST.has(block.type);
    out.push(out.length === 0 ? text : `${tight ? '\n' : '\n\n'}${text}`);
    previous = block.type;
  }
  return out.join('');
}
