import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceDef, StaticResourceDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, ObjectSlug } from './api.js';
import { toEntry, toList, toRecord } from './shapes.js';

/** Records or entries shown when a collection or list is read. */
export const ITEMS_ON_READ = 100;

/**
 * guMCP's URIs: attio://collection/companies and attio://collection/people (fixed), and
 * attio://list/{id} for each list (guMCP's template spells the variable `list_item.id`; the URIs are
 * the same). Attio answers the lists whole, so the listing is one page.
 */
export function attioResources(connect: ApiFactory): ResourceDef[] {
  const collection = (object: ObjectSlug, name: string): StaticResourceDef => ({
    uri: `attio://collection/${object}`,
    name,
    title: `Attio ${name.toLowerCase()}`,
    description: `The first ${ITEMS_ON_READ} ${object} records of the workspace`,
    mimeType: JSON_MIME,
    async read(ctx) {
      const { items, more } = await connect(ctx, 'record_permission:read').queryRecords(
        object,
        undefined,
        ITEMS_ON_READ,
      );
      return jsonContents(`attio://collection/${object}`, { object, records: items.map(toRecord), more });
    },
  });

  return [
    collection('companies', 'Companies'),
    collection('people', 'People'),
    {
      uriTemplate: 'attio://list/{list_id}',
      name: 'lists',
      title: 'Attio lists',
      description: 'A list of the workspace with its entries',
      mimeType: JSON_MIME,
      async list(ctx) {
        const lists = await connect(ctx, 'list_configuration:read').listLists();
        return {
          resources: lists.map((l) => ({
            uri: `attio://list/${encodeURIComponent(l.id.list_id)}`,
            name: l.name,
            description: `List of ${l.parent_object.join(', ')}`,
            mimeType: JSON_MIME,
          })),
        };
      },
      async read(uri, vars, ctx) {
        let id: string;
        try {
          id = decodeURIComponent(vars.list_id ?? '');
        } catch {
          throw new ToolError(`Invalid list id in the resource URI: ${vars.list_id}`);
        }
        const attio = connect(ctx, 'list_entry:read');
        const list = await attio.getList(id);
        const { items, more } = await attio.queryEntries(id, ITEMS_ON_READ);
        return jsonContents(uri, { list: toList(list), entries: items.map(toEntry), more });
      },
    },
  ];
}
