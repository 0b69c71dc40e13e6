/**
 * A document's text as Markdown, both ways: mammoth's HTML of a .docx to Markdown (read_document),
 * and Markdown to a .docx built with the docx library (create_document, write_document). The
 * Markdown understood is what a model writes and what the reader produces: headings, paragraphs,
 * bullet and numbered lists (nested by two spaces), **bold**, *italic*, ~~struck~~, `code`,
 * [links](url), code blocks, and pipe tables.
 */

// ---- HTML (mammoth's output) to Markdown --------------------------------------------------------

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

const attribute = (attrs: string, name: string) =>
  decode(new RegExp(`${name}="([^"]*)"`, 'i').exec(attrs)?.[1] ?? '');

const INLINE_MARKS: Readonly<Record<string, string>> = {
  strong: '**',
  b: '**',
  em: '*',
  i: '*',
  s: '~~',
  del: '~~',
};

/**
 * Mammoth's HTML (well-formed, a small vocabulary: h1-h6, p, ul/ol/li, strong, em, s, a, br, img,
 * table/tr/td/th, sup/sub) as Markdown. Images become a `[image]` marker.
 */
export function htmlToMarkdown(html: string): string {
  const blocks: string[] = [];
  /** Blocks that continue a list (printed without a blank line before them). */
  const listed = new Set<number>();
  const lists: { ordered: boolean; count: number }[] = [];
  let line = '';
  let prefix = '';
  let table: string[][] | undefined;
  let cell: string[] | undefined;
  const links: string[] = [];

  const flush = () => {
    const text = line.replace(/[ \t]+/g, ' ').trim();
    if (cell) {
      if (text) cell.push(text);
    } else if (text) {
      const continues =
        lists.length > 0 && !(lists.length === 1 && lists[0]?.count === 1 && prefix.trim() !== '');
      if (continues && lists.length > 0 && prefix) listed.add(blocks.length);
      blocks.push(prefix + text);
    }
    line = '';
    prefix = '';
  };

  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*?)\/?>|([^<]+)/gi)) {
    const [, closing, rawTag, attrs = '', text] = m;
    if (text !== undefined) {
      line += decode(text);
      continue;
    }
    const tag = (rawTag ?? '').toLowerCase();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) {
      flush();
      if (!closing) prefix = `${'#'.repeat(Number(heading[1]))} `;
    } else if (tag === 'p') {
      if (closing) flush();
      else if (!line.trim()) line = '';
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists.at(-1);
      if (!closing && list) {
        list.count += 1;
        prefix = `${'  '.repeat(lists.length - 1)}${list.ordered ? `${list.count}.` : '-'} `;
      }
    } else if (INLINE_MARKS[tag]) {
      line += INLINE_MARKS[tag];
    } else if (tag === 'a') {
      if (closing) {
        const href = links.pop();
        line += href ? `](${href})` : ']';
      } else {
        links.push(attribute(attrs, 'href'));
        line += '[';
      }
    } else if (tag === 'br') {
      line += ' ';
    } else if (tag === 'img') {
      line += '[image]';
    } else if (tag === 'table') {
      flush();
      if (!closing) table = [];
      else if (table) {
        blocks.push(pipeTable(table));
        table = undefined;
      }
    } else if (tag === 'tr' && !closing) {
      table?.push([]);
    } else if (tag === 'td' || tag === 'th') {
      if (!closing) cell = [];
      else {
        flush();
        table?.at(-1)?.push((cell ?? []).join(' ').replace(/\|/g, '\\|'));
        cell = undefined;
      }
    }
  }
  flush();
  // The items of one list run together; every other block is its own paragraph.
  return blocks
    .map((b, i) => (i > 0 && !listed.has(i) ? `\n${b}` : b))
    .join('\n')
    .trim();
}

function pipeTable(rows: string[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const cells = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const [head = Array<string>(width).fill(''), ...body] = cells;
  return [head, Array<string>(width).fill('---'), ...body].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

// ---- Markdown to blocks -------------------------------------------------------------------------

export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet' | 'numbered'; level: number; text: string; list: number }
  | { kind: 'code'; text: string }
  | { kind: 'table'; rows: string[][] };

const splitRow = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** Markdown as a list of blocks (what becomes one docx paragraph or table each). */
export function parseMarkdown(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list = 0;
  let inList = false;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*```/.test(line)) {
      endParagraph();
      for (i++; i < lines.length && !/^\s*```/.test(lines[i] ?? ''); i++)
        blocks.push({ kind: 'code', text: lines[i] ?? '' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const item = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (heading) {
      endParagraph();
      inList = false;
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
    } else if (item && !/^(\s*[-*_]){3,}\s*$/.test(line)) {
      endParagraph();
      const ordered = /\d/.test(item[2] ?? '');
      if (!inList) list += 1;
      inList = true;
      const level = Math.min(8, Math.floor((item[1] ?? '').replace(/\t/g, '  ').length / 2));
      blocks.push({ kind: ordered ? 'numbered' : 'bullet', level, text: item[3] ?? '', list });
    } else if (/^\s*\|/.test(line) && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1] ?? '')) {
      endParagraph();
      inList = false;
      const rows = [splitRow(line)];
      for (i += 2; i < lines.length && /^\s*\|/.test(lines[i] ?? ''); i++)
        rows.push(splitRow(lines[i] ?? ''));
      i--;
      blocks.push({ kind: 'table', rows });
    } else if (!line.trim() || /^(\s*[-*_]){3,}\s*$/.test(line)) {
      endParagraph();
      inList = false;
    } else if (inList && /^\s+\S/.test(line)) {
      // A continuation line of a list item.
      const last = blocks.at(-1);
      if (last && 'text' in last) last.text += ` ${line.trim()}`;
    } else {
      inList = false;
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return blocks;
}

/** Inline Markdown as runs of text with their marks. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

const INLINE = /(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|~~(.+?)~~|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string, marks: Omit<Run, 'text'> = {}): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0;
    if (at > last) runs.push({ ...marks, text: text.slice(last, at) });
    if (m[2] !== undefined) runs.push(...parseInline(m[2], { ...marks, bold: true }));
    else if (m[4] !== undefined) runs.push(...parseInline(m[4], { ...marks, italics: true }));
    else if (m[5] !== undefined) runs.push(...parseInline(m[5], { ...marks, strike: true }));
    else if (m[6] !== undefined) runs.push({ ...marks, text: m[6], code: true });
    else if (m[7] !== undefined) runs.push(...parseInline(m[7], { ...marks, link: m[8] ?? '' }));
    last = at + m[0].length;
  }
  if (last < text.length) runs.push({ ...marks, text: text.slice(last) });
  return runs;
}

// ---- Blocks to a .docx --------------------------------------------------------------------------

const NUMBERED = 'numbered';

/** A .docx holding `markdown`, built by the docx library (loaded on first use). */
export async function markdownToDocx(markdown: string): Promise<Buffer> {
  const docx = await import('docx');
  const {
    Document,
    Packer,
    Paragraph,
    TextRun,
    ExternalHyperlink,
    HeadingLevel,
    LevelFormat,
    AlignmentType,
  } = docx;
  const HEADINGS = [
    HeadingLevel.HEADING_1,
    HeadingLevel.HEADING_2,
    HeadingLevel.HEADING_3,
    HeadingLevel.HEADING_4,
    HeadingLevel.HEADING_5,
    HeadingLevel.HEADING_6,
  ];
  const children = (text: string) =>
    parseInline(text).map((r) => {
      const run = new TextRun({
        text: r.text,
        bold: r.bold,
        italics: r.italics,
        strike: r.strike,
        ...(r.code ? { font: 'Consolas' } : {}),
        ...(r.link ? { style: 'Hyperlink' } : {}),
      });
      return r.link ? new ExternalHyperlink({ link: r.link, children: [run] }) : run;
    });
  const body = parseMarkdown(markdown).map((b) => {
    switch (b.kind) {
      case 'heading':
        return new Paragraph({ heading: HEADINGS[b.level - 1], children: children(b.text) });
      case 'bullet':
        return new Paragraph({ bullet: { level: b.level }, children: children(b.text) });
      case 'numbered':
        return new Paragraph({
          numbering: { reference: NUMBERED, level: b.level, instance: b.list },
          children: children(b.text),
        });
      case 'code':
        return new Paragraph({ children: [new TextRun({ text: b.text, font: 'Consolas' })] });
      case 'table':
        return new docx.Table({
          width: { size: 100, type: docx.WidthType.PERCENTAGE },
          rows: b.rows.map(
            (cells, r) =>
              new docx.TableRow({
                tableHeader: r === 0,
                children: cells.map(
                  (c) =>
                    new docx.TableCell({
                      children: [new Paragraph({ children: children(c) })],
                    }),
                ),
              }),
          ),
        });
      default:
        return new Paragraph({ children: children(b.text) });
    }
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

/** A .docx's text as Markdown, with mammoth (loaded on first use), and how many images it holds. */
export async function docxToMarkdown(bytes: Buffer): Promise<{ markdown: string; images: number }> {
  const { default: mammoth } = await import('mammoth');
  let images = 0;
  const { value } = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      // A document may link files outside itself; they are never read.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async () => {
        images += 1;
        return { src: '' };
      }),
    },
  );
  return { markdown: htmlToMarkdown(value), images };
}
