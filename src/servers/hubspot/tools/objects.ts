import { type HubSpotApi, type ObjectKind, SEARCH_CAP } from '../api.js';
import { toRecordList } from '../shapes.js';
import type { NewAssociation, SearchBody } from '../types.js';

/**
 * Pieces the CRM object tools (contacts, companies, deals, tickets, products) share: the properties
 * each returns by default, list-or-search, and the associations a create makes.
 */

export const DEFAULT_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  contacts: ['email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage'],
  companies: ['name', 'domain', 'description', 'industry', 'city', 'state', 'country', 'phone'],
  deals: ['dealname', 'amount', 'dealstage', 'closedate', 'pipeline'],
  tickets: [
    'subject',
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_priority',
    'hs_ticket_category',
  ],
  products: [
    'name',
    'description',
    'price',
    'hs_sku',
    'hs_cost_of_goods_sold',
    'hs_recurring_billing_period',
  ],
};

export const defaultsOf = (kind: ObjectKind): readonly string[] => DEFAULT_PROPERTIES[kind.path] ?? [];

/** `properties` of a call, or the kind's defaults. */
export const chosen = (kind: ObjectKind, properties: readonly string[] | undefined): readonly string[] =>
  properties?.length ? properties : defaultsOf(kind);

/**
 * A list of records, or with `query` a search of HubSpot's default searchable properties (name,
 * email, domain, phone, … by object type), which is capped at 10,000 results and throttled.
 */
export async function listOrSearch(
  hubspot: HubSpotApi,
  kind: ObjectKind,
  a: {
    query?: string | undefined;
    limit: number;
    properties?: string[] | undefined;
    after?: string | undefined;
  },
) {
  const properties = chosen(kind, a.properties);
  if (!a.query) return toRecordList(await hubspot.list(kind, { properties }, a.limit, a.after));
  const body: SearchBody = { query: a.query, filterGroups: [], sorts: [], properties: [...properties] };
  return toRecordList(await hubspot.search(kind, body, a.limit, a.after));
}

export const SEARCH_CAP_NOTE = `Searches return at most ${SEARCH_CAP / 1000},000 results of a query.`;

/**
 * HubSpot's association type ids for the records a create links (category HUBSPOT_DEFINED): a deal
 * to its contact and primary company, a ticket to its contact and primary company.
 */
export const ASSOCIATION_TYPES = {
  dealToContact: 3,
  dealToCompany: 5,
  ticketToContact: 16,
  ticketToCompany: 26,
} as const;

/** The associations of a create, one per id given. */
export function associationsOf(links: readonly [string | undefined, number][]): NewAssociation[] {
  return links
    .filter((link): link is [string, number] => typeof link[0] === 'string' && link[0] !== '')
    .map(([id, associationTypeId]) => ({
      to: { id },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }],
    }));
}
