import type { Resource } from '@modelcontextprotocol/server';
import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { NotFoundError, ToolError } from '../../core/errors.js';
import type { ApiFactory } from './api.js';
import { toRecord, toTableSummary } from './shapes.js';

/** Bases whose tables one resources/list page lists (each costs a schema request). */
export const BASES_PER_PAGE = 10;
/** Records shown when a table is read. */
export const RECORDS_ON_READ = 100;

const tableUri = (base: string, table: string) =>
  `airtable://table/${encodeURIComponent(base)}/${encodeURIComponent(table)}`;

/** Where a listing goes on: the offset of Airtable's bases page, and the index of the next base in it. */
interface Cursor {
  o?: string;
  i: number;
}

function readCursor(cursor: string | undefined): Cursor {
  if (cursor === undefined) return { i: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Cursor;
    if (Number.isInteger(parsed.i) && parsed.i >= 0) return parsed;
  } catch {
    // fall through
  }
  throw new ToolError(`Invalid cursor: ${cursor}`);
}

const writeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function fromUri(value: string | undefined, what: string): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    throw new ToolError(`Invalid ${what} in the resource URI: ${value}`);
  }
}

/** airtable://table/{base_id}/{table_id}: every table of every base the token reaches; reading one shows its records. */
export function airtableResources(connect: ApiFactory): ResourceTemplateDef[] {
  return [
    {
      uriTemplate: 'airtable://table/{base_id}/{table_id}',
      name: 'tables',
      title: 'Airtable tables',
      description: 'A table of a base the token can reach, with its fields and first records',
      mimeType: JSON_MIME,
      async list(ctx, cursor) {
        const at = connect(ctx, 'schema.bases:read');
        const { o, i } = readCursor(cursor);
        const page = await at.listBasesPage(o);
        const bases = (page.bases ?? []).slice(i, i + BASES_PER_PAGE);
        const resources: Resource[] = [];
        for (const base of bases) {
          for (const table of await at.getTables(base.id)) {
            resources.push({
              uri: tableUri(base.id, table.id),
              name: `${base.name} / ${table.name}`,
              ...(table.description ? { description: table.description } : {}),
              mimeType: JSON_MIME,
            });
          }
        }
        const next = i + BASES_PER_PAGE;
        if (next < (page.bases ?? []).length)
          return { resources, nextCursor: writeCursor({ ...(o ? { o } : {}), i: next }) };
        if (page.offset) return { resources, nextCursor: writeCursor({ o: page.offset, i: 0 }) };
        return { resources };
      },
      async read(uri, vars, ctx) {
        const base = fromUri(vars.base_id, 'base id');
        const tableId = fromUri(vars.table_id, 'table id');
        const tables = await connect(ctx, 'schema.bases:read').getTables(base);
        const table = tables.find((t) => t.id === tableId || t.name === tableId);
        if (!table) throw new NotFoundError('Table', `${tableId} in base ${base}`);
        const records = connect(ctx, 'data.records:read');
        const { items, more } = await records.listRecords(base, table.id, undefined, RECORDS_ON_READ);
        return jsonContents(uri, {
          base_id: base,
          table: toTableSummary(table),
          records: items.map(toRecord),
          more_records: more,
        });
      },
    },
  ];
}
