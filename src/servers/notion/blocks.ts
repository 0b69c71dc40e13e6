import { ToolError } from '../../core/errors.js';
import type { Annotations, RichTextRequest } from './types.js';

/**
 * Markdown (or plain text) to Notion block objects for writing, within Notion's request limits: at
 * most 2,000 characters in a rich text item (longer text is split over several items), 100 items in a
 * rich text array (a longer block is split into several blocks of its type), and two levels of
 * nesting under a block (deeper list items are kept at the second level).
 */

/** A block object as Notion takes it in a request: `{ object, type, [type]: { ..., children? } }`. */
export type BlockRequest = { object: 'block'; type: string } & Record<string, unknown>;

export const MAX_TEXT = 2000;
const MAX_RICH_TEXT_ITEMS = 100;
/** Children under a block in one request; a block at this depth cannot have children of its own. */
const MAX_DEPTH = 2;
/** Children one block may hold in one request. */
const MAX_CHILDREN = 100;

/** Splits text into pieces of at most `size` UTF-16 units, never between the halves of a surrogate pair. */
export function chunks(text: string, size = MAX_TEXT): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let cut = size;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest || out.length === 0) out.push(rest);
  return out;
}

function textItem(content: string, annotations: Annotations, link: string | undefined): RichTextRequest[] {
  const marks = Object.fromEntries(Object.entries(annotations).filter(([, on]) => on)) as Annotations;
  return chunks(content).map((piece) => ({
    type: 'text',
    text: { content: piece, ...(link ? { link: { url: link } } : {}) },
    ...(Object.keys(marks).length ? { annotations: marks } : {}),
  }));
}

const INLINE: readonly [RegExp, (m: RegExpExecArray, a: Annotations, link?: string) => RichTextRequest[]][] =
  [
    [/^`([^`]+)`/, (m, a, link) => textItem(m[1] ?? '', { ...a, code: true }, link)],
    [/^\*\*(?=\S)(.+?)\*\*/s, (m, a, link) => inline(m[1] ?? '', { ...a, bold: true }, link)],
    [/^__(?=\S)(.+?)__(?!\w)/s, (m, a, link) => inline(m[1] ?? '', { ...a, bold: true }, link)],
    [/^~~(?=\S)(.+?)~~/s, (m, a, link) => inline(m[1] ?? '', { ...a, strikethrough: true }, link)],
    [/^\*(?=\S)(.+?)(?<=\S)\*/s, (m, a, link) => inline(m[1] ?? '', { ...a, italic: true }, link)],
    [/^_(?=\S)(.+?)(?<=\S)_(?!\w)/s, (m, a, link) => inline(m[1] ?? '', { ...a, italic: true }, link)],
  ];
const LINK = /^\[([^\]]+)\]\((https?:\/\/[^)\s]+|mailto:[^)\s]+)\)/;
const ESCAPABLE = /[\\`*_~[\]()#>!|-]/;

/** Inline Markdown (bold, italic, strikethrough, code, links, backslash escapes) as rich text. */
export function inline(text: string, annotations: Annotations = {}, link?: string): RichTextRequest[] {
  const out: RichTextRequest[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(...textItem(plain, annotations, link));
    plain = '';
  };
  let i = 0;
  scan: while (i < text.length) {
    const rest = text.slice(i);
    if (rest[0] === '\\' && rest.length > 1 && ESCAPABLE.test(rest[1] ?? '')) {
      plain += rest[1];
      i += 2;
      continue;
    }
    const wordBefore = i > 0 && /\w/.test(text[i - 1] ?? '');
    const linked = link ? undefined : LINK.exec(rest);
    if (linked) {
      flush();
      out.push(...inline(linked[1] ?? '', annotations, linked[2]));
      i += linked[0].length;
      continue;
    }
    for (const [pattern, make] of INLINE) {
      // `_` inside a word (snake_case) is not emphasis.
      if (rest[0] === '_' && wordBefore) break;
      const m = pattern.exec(rest);
      if (m) {
        flush();
        out.push(...make(m, annotations, link));
        i += m[0].length;
        continue scan;
      }
    }
    plain += rest[0];
    i += 1;
  }
  flush();
  return out;
}

/** A block whose content is rich text, with its extra fields (checked, language, ...) and children. */
function textBlock(type: string, text: RichTextRequest[], extra: Record<string, unknown> = {}): BlockRequest {
  return { object: 'block', type, [type]: { rich_text: text, ...extra } };
}

/** What a Markdown line starts, before it is turned into blocks. */
interface Node {
  type: string;
  text: string;
  extra?: Record<string, unknown>;
  rows?: string[][];
  children: Node[];
}

const LANGUAGES = new Set(
  (
    'abap,abc,agda,arduino,ascii art,assembly,bash,basic,bnf,c,c#,c++,clojure,coffeescript,coq,css,dart,dhall,diff,' +
    'docker,ebnf,elixir,elm,erlang,f#,flow,fortran,gherkin,glsl,go,graphql,groovy,haskell,hcl,html,idris,java,' +
    'javascript,json,julia,kotlin,latex,less,lisp,livescript,llvm ir,lua,makefile,markdown,markup,matlab,mathematica,' +
    'mermaid,nix,notion formula,objective-c,ocaml,pascal,perl,php,plain text,powershell,prolog,protobuf,purescript,' +
    'python,r,racket,reason,ruby,rust,sass,scala,scheme,scss,shell,smalltalk,solidity,sql,swift,toml,typescript,' +
    'vb.net,verilog,vhdl,visual basic,webassembly,xml,yaml,java/c/c++/c#'
  ).split(','),
);
const ALIASES: Readonly<Record<string, string>> = {
  js: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  sh: 'shell',
  zsh: 'shell',
  console: 'shell',
  yml: 'yaml',
  md: 'markdown',
  rb: 'ruby',
  rs: 'rust',
  kt: 'kotlin',
  cs: 'c#',
  cpp: 'c++',
  dockerfile: 'docker',
  text: 'plain text',
  txt: 'plain text',
  plaintext: 'plain text',
};

/** A fence's info string as one of Notion's code languages ("plain text" when it names none). */
export function codeLanguage(info: string): string {
  const name = info.trim().toLowerCase();
  const known = ALIASES[name] ?? name;
  return LANGUAGES.has(known) ? known : 'plain text';
}

const FENCE = /^\s*(```+|~~~+)\s*([^`\s]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const DIVIDER = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const TODO = /^(\s*)[-*+]\s+\[([ xX])\]\s+(.*)$/;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
const NUMBERED = /^(\s*)\d{1,9}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const IMAGE = /^\s*!\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)\s*$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

const width = (space: string) => space.replace(/\t/g, '    ').length;
const cells = (row: string) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

/** The list item a line starts (to-do, bullet or numbered), with its indentation. */
function listItemOf(line: string): { indent: number; node: Node } | undefined {
  const todo = TODO.exec(line);
  if (todo) {
    const node = { type: 'to_do', text: todo[3] ?? '', extra: { checked: todo[2] !== ' ' }, children: [] };
    return { indent: width(todo[1] ?? ''), node };
  }
  const bullet = BULLET.exec(line);
  if (bullet)
    return {
      indent: width(bullet[1] ?? ''),
      node: { type: 'bulleted_list_item', text: bullet[2] ?? '', children: [] },
    };
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    return {
      indent: width(numbered[1] ?? ''),
      node: { type: 'numbered_list_item', text: numbered[2] ?? '', children: [] },
    };
  }
  return undefined;
}

/** Parses Markdown into nodes: top-level blocks, with list items nested by indentation. */
function parse(markdown: string): Node[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const top: Node[] = [];
  // Open list items by indentation, outermost first; their depth is their index.
  let open: { indent: number; node: Node }[] = [];
  let paragraph: Node | undefined;
  const block = (node: Node) => {
    top.push(node);
    open = [];
    paragraph = undefined;
  };
  const listItem = (indent: number, node: Node) => {
    paragraph = undefined;
    while (open.length && (open[open.length - 1]?.indent ?? 0) >= indent) open.pop();
    const parent = open[Math.min(open.length, MAX_DEPTH) - 1]?.node;
    if (parent) parent.children.push(node);
    else top.push(node);
    // Items as deep as a request allows take no children: deeper ones become their siblings.
    if (open.length < MAX_DEPTH) open.push({ indent, node });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      while (++i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) body.push(lines[i] ?? '');
      block({
        type: 'code',
        text: body.join('\n'),
        extra: { language: codeLanguage(fence[2] ?? '') },
        children: [],
      });
      continue;
    }
    if (!line.trim()) {
      paragraph = undefined;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      block({
        type: `heading_${Math.min((heading[1] ?? '#').length, 3)}`,
        text: heading[2] ?? '',
        children: [],
      });
      continue;
    }
    if (DIVIDER.test(line)) {
      block({ type: 'divider', text: '', children: [] });
      continue;
    }
    const item = listItemOf(line);
    if (item) {
      listItem(item.indent, item.node);
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted = [QUOTE.exec(line)?.[1] ?? ''];
      while (i + 1 < lines.length && QUOTE.test(lines[i + 1] ?? '')) {
        i += 1;
        quoted.push(QUOTE.exec(lines[i] ?? '')?.[1] ?? '');
      }
      block({ type: 'quote', text: quoted.join('\n'), children: [] });
      continue;
    }
    const image = IMAGE.exec(line);
    if (image) {
      block({ type: 'image', text: image[1] ?? '', extra: { url: image[2] }, children: [] });
      continue;
    }
    if (TABLE_ROW.test(line) && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const rows = [cells(line)];
      i += 1;
      while (i + 1 < lines.length && TABLE_ROW.test(lines[i + 1] ?? '')) {
        i += 1;
        rows.push(cells(lines[i] ?? ''));
      }
      block({ type: 'table', text: '', rows, children: [] });
      continue;
    }
    // Text: it continues the open paragraph, or an indented line continues the last list item.
    const last = open[open.length - 1]?.node;
    if (paragraph) paragraph.text += `\n${line.trim()}`;
    else if (/^\s{2,}/.test(line) && last) last.text += `\n${line.trim()}`;
    else {
      const node: Node = { type: 'paragraph', text: line.trim(), children: [] };
      block(node);
      paragraph = node;
    }
  }
  return top;
}

/** A rich text array cut into arrays Notion accepts (at most 100 items each). */
function richTextGroups(text: RichTextRequest[]): RichTextRequest[][] {
  const groups: RichTextRequest[][] = [];
  for (let i = 0; i < text.length; i += MAX_RICH_TEXT_ITEMS)
    groups.push(text.slice(i, i + MAX_RICH_TEXT_ITEMS));
  return groups.length ? groups : [[]];
}

function toBlocks(node: Node): BlockRequest[] {
  switch (node.type) {
    case 'divider':
      return [{ object: 'block', type: 'divider', divider: {} }];
    case 'image':
      return [
        {
          object: 'block',
          type: 'image',
          image: {
            type: 'external',
            external: { url: String(node.extra?.url) },
            ...(node.text ? { caption: inline(node.text) } : {}),
          },
        },
      ];
    case 'table': {
      const rows = node.rows ?? [];
      const tableWidth = Math.max(1, ...rows.map((r) => r.length));
      return [
        {
          object: 'block',
          type: 'table',
          table: {
            table_width: tableWidth,
            has_column_header: true,
            has_row_header: false,
            children: rows.map((r) => ({
              object: 'block',
              type: 'table_row',
              table_row: { cells: Array.from({ length: tableWidth }, (_, c) => inline(r[c] ?? '')) },
            })),
          },
        },
      ];
    }
  }
  const text = node.type === 'code' ? textItem(node.text, {}, undefined) : inline(node.text);
  const children = node.children.flatMap(toBlocks);
  if (children.length > MAX_CHILDREN) {
    throw new ToolError(
      `A ${node.type.replace(/_/g, ' ')} holds ${children.length} nested blocks; Notion takes at most ${MAX_CHILDREN} under one block`,
    );
  }
  // A block too long for one rich text array continues in blocks of its type; the children go under the first.
  return richTextGroups(text).map((group, index) =>
    textBlock(node.type, group, { ...node.extra, ...(index === 0 && children.length ? { children } : {}) }),
  );
}

/** Markdown (or plain text) as Notion block objects ready for `children`. */
export function markdownToBlocks(markdown: string): BlockRequest[] {
  return parse(markdown).flatMap(toBlocks);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rich text given as raw JSON, with `text.content` longer than Notion's limit split over several items. */
function splitRichText(items: unknown): unknown {
  if (!Array.isArray(items)) return items;
  return items.flatMap((rt) => {
    if (!isObject(rt) || !isObject(rt.text) || typeof rt.text.content !== 'string') return [rt];
    if (rt.text.content.length <= MAX_TEXT) return [rt];
    return chunks(rt.text.content).map((piece) => ({
      ...rt,
      text: { ...(rt.text as object), content: piece },
    }));
  });
}

/**
 * A block object given as raw Notion JSON (guMCP's `children` took them), passed on as given except
 * that over-long rich text is split, at every level; `type` is filled in from the block's one key when
 * left out.
 */
export function normalizeRawBlock(value: Record<string, unknown>): BlockRequest {
  const type =
    typeof value.type === 'string'
      ? value.type
      : Object.keys(value).find((k) => k !== 'object' && k !== 'type' && isObject(value[k]));
  if (!type || !isObject(value[type])) {
    throw new ToolError(
      `A block object needs a type and its content, e.g. {"type":"paragraph","paragraph":{"rich_text":[...]}}; got keys ${Object.keys(value).join(', ') || 'none'}`,
    );
  }
  const body = { ...(value[type] as Record<string, unknown>) };
  for (const key of ['rich_text', 'caption']) if (key in body) body[key] = splitRichText(body[key]);
  if (Array.isArray(body.cells)) body.cells = body.cells.map(splitRichText);
  if (Array.isArray(body.children)) {
    body.children = body.children.map((child) => (isObject(child) ? normalizeRawBlock(child) : child));
  }
  return { ...value, object: 'block', type, [type]: body };
}

/** `children` as guMCP took it (block objects) or as Markdown: one string, or strings among the blocks. */
export function toBlockRequests(
  children: string | readonly (string | Record<string, unknown>)[],
): BlockRequest[] {
  const items = typeof children === 'string' ? [children] : children;
  return items.flatMap((item) =>
    typeof item === 'string' ? markdownToBlocks(item) : [normalizeRawBlock(item)],
  );
}

/** How many blocks a request carries, counting nested children (Notion takes 1,000 at most). */
export function countBlocks(blocks: readonly BlockRequest[]): number {
  return blocks.reduce((sum, b) => {
    const children = (b[b.type] as { children?: BlockRequest[] } | undefined)?.children ?? [];
    return sum + 1 + countBlocks(children);
  }, 0);
}
