import { z } from 'zod';

/**
 * SerpApi's Google Search JSON (serpapi.com/search-api) trimmed to what a model uses: each result's
 * position, title, link and snippet (with source, date, price, rating or address where the kind of
 * result has them), the answer box, the knowledge graph, related questions. `full` asks for the JSON.
 */

/** A search answer: `search_metadata`, `search_information`, result arrays, `serpapi_pagination`. */
export type SearchJson = Record<string, unknown> & {
  search_metadata?: { id?: string; status?: string; json_endpoint?: string };
  search_information?: { total_results?: number; organic_results_state?: string };
  serpapi_pagination?: { next?: string; next_link?: string };
  error?: string;
};

/** The result arrays this server trims, by search_type; `local_results` may be `{ places: [...] }`. */
export const RESULT_KEYS = [
  'organic_results',
  'news_results',
  'images_results',
  'video_results',
  'shopping_results',
  'local_results',
] as const;

/** Most results of one kind listed per answer (a page has 10 to 100). */
const MAX_RESULTS = 100;

type Raw = Record<string, unknown>;

const str = (v: unknown, max = 1000): string | undefined =>
  typeof v === 'string' && v ? (v.length > max ? `${v.slice(0, max)}…` : v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Raw | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined;

export const resultSchema = z.object({
  position: z.number().nullable(),
  title: z.string().nullable(),
  link: z.string().nullable(),
  snippet: z.string().nullable(),
  source: z.string().optional(),
  date: z.string().optional(),
  displayed_link: z.string().optional(),
  price: z.string().optional(),
  rating: z.number().optional(),
  reviews: z.number().optional(),
  address: z.string().optional(),
  image: z.string().optional().describe('The full-size image (image results)'),
});

type Result = z.input<typeof resultSchema>;

/** One result of any kind, as a few fields. */
function toResult(raw: Raw): Result {
  const source = str(raw.source) ?? str(obj(raw.source)?.name);
  const optional: Partial<Result> = {
    source,
    date: str(raw.date),
    displayed_link: str(raw.displayed_link),
    price: str(raw.price),
    rating: num(raw.rating),
    reviews: num(raw.reviews),
    address: str(raw.address),
    image: str(raw.original),
  };
  return {
    position: num(raw.position) ?? null,
    title: str(raw.title) ?? null,
    link: str(raw.link) ?? str(raw.product_link) ?? str(raw.website) ?? null,
    snippet: str(raw.snippet) ?? str(raw.description) ?? null,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

const answerBoxSchema = z.object({
  type: z.string().nullable(),
  title: z.string().nullable(),
  answer: z.string().nullable(),
  snippet: z.string().nullable(),
  link: z.string().nullable(),
});

const knowledgeGraphSchema = z.object({
  title: z.string().nullable(),
  type: z.string().nullable(),
  description: z.string().nullable(),
  link: z.string().nullable(),
});

export const searchSchema = z.object({
  search_id: z
    .string()
    .nullable()
    .describe("SerpApi's id of the search: search_id reads it again from the archive, free"),
  status: z.string().nullable().describe('Success, Processing (async, still running) or Error'),
  query: z.string(),
  search_type: z.string(),
  no_results: z.boolean().describe('Google returned nothing for the query (not an error)'),
  message: z.string().nullable().describe("SerpApi's message, e.g. why there are no results"),
  total_results: z.number().nullable(),
  answer_box: answerBoxSchema.nullable(),
  knowledge_graph: knowledgeGraphSchema.nullable(),
  organic_results: z.array(resultSchema),
  news_results: z.array(resultSchema).optional(),
  images_results: z.array(resultSchema).optional(),
  video_results: z.array(resultSchema).optional(),
  shopping_results: z.array(resultSchema).optional(),
  local_results: z.array(resultSchema).optional(),
  related_questions: z
    .array(z.object({ question: z.string(), snippet: z.string().nullable(), link: z.string().nullable() }))
    .optional(),
  pages: z.number().describe('Pages of results fetched'),
  next_start: z.number().nullable().describe('When not null: pass it as start for the next page'),
  html: z.string().optional().describe('The raw HTML (output html), at most max_chars characters'),
  html_length: z.number().optional(),
  full: z.array(z.unknown()).optional().describe("SerpApi's whole JSON, one per page (full)"),
  note: z.string().nullable(),
});

export type SearchOutput = z.input<typeof searchSchema>;

/** The `start` of the next page, read from `serpapi_pagination.next` (the link itself is not fetched). */
export function nextStart(body: SearchJson): number | null {
  const next = body.serpapi_pagination?.next ?? body.serpapi_pagination?.next_link;
  if (typeof next !== 'string') return null;
  try {
    const start = Number(new URL(next).searchParams.get('start') ?? Number.NaN);
    return Number.isInteger(start) && start > 0 ? start : null;
  } catch {
    return null;
  }
}

/** SerpApi's "Google hasn't returned any results for this query." is an empty success. */
export function isEmpty(body: SearchJson): boolean {
  return (
    typeof body.error === 'string' &&
    (body.search_metadata?.status ?? 'Success') === 'Success' &&
    !RESULT_KEYS.some((k) => Array.isArray(body[k]) && (body[k] as unknown[]).length > 0)
  );
}

function results(body: SearchJson, key: (typeof RESULT_KEYS)[number]): Result[] | undefined {
  const raw = body[key];
  const list = Array.isArray(raw) ? raw : key === 'local_results' ? obj(raw)?.places : undefined;
  if (!Array.isArray(list)) return undefined;
  return list
    .map(obj)
    .filter((r): r is Raw => !!r)
    .map(toResult);
}

/** The trimmed answer of one search over its pages (the first page gives the boxes and counts). */
export function toSearch(
  pages: SearchJson[],
  query: string,
  searchType: string,
  options: { full?: boolean; note?: string | null } = {},
): SearchOutput {
  const [first = {}] = pages;
  const last = pages.at(-1) ?? first;
  const box = obj(first.answer_box);
  const kg = obj(first.knowledge_graph);
  const out: SearchOutput = {
    search_id: first.search_metadata?.id ?? null,
    status: first.search_metadata?.status ?? null,
    query,
    search_type: searchType,
    no_results: pages.every(isEmpty),
    message: str(first.error) ?? null,
    total_results: num(first.search_information?.total_results) ?? null,
    answer_box: box
      ? {
          type: str(box.type) ?? null,
          title: str(box.title) ?? null,
          answer: str(box.answer) ?? str(box.result) ?? null,
          snippet: str(box.snippet, 2000) ?? null,
          link: str(box.link) ?? null,
        }
      : null,
    knowledge_graph: kg
      ? {
          title: str(kg.title) ?? null,
          type: str(kg.type) ?? null,
          description: str(kg.description, 2000) ?? null,
          link: str(obj(kg.source)?.link) ?? str(kg.website) ?? null,
        }
      : null,
    organic_results: [],
    pages: pages.length,
    next_start: nextStart(last),
    note: options.note ?? null,
  };
  for (const key of RESULT_KEYS) {
    const all = pages.flatMap((page) => results(page, key) ?? []);
    if (key === 'organic_results') out.organic_results = all.slice(0, MAX_RESULTS * pages.length);
    else if (all.length) out[key] = all.slice(0, MAX_RESULTS * pages.length);
  }
  const questions = Array.isArray(first.related_questions) ? first.related_questions.map(obj) : [];
  const related = questions
    .filter((q): q is Raw => typeof q?.question === 'string')
    .slice(0, 10)
    .map((q) => ({
      question: String(q.question),
      snippet: str(q.snippet) ?? null,
      link: str(q.link) ?? null,
    }));
  if (related.length) out.related_questions = related;
  if (options.full) out.full = pages;
  return out;
}
