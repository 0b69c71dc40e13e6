/**
 * Bodies in the shapes Attio's REST API v2 documents (its OpenAPI description and attribute-type
 * pages): records as `{ data: { id, created_at, values } }` with each value wrapped in its history
 * metadata, and errors as `{ status_code, type, code, message }`.
 */

export const WORKSPACE = '14beef7a-99f7-4534-a87e-70b564330a4c';
export const COMPANIES = '97052eb9-e65e-443f-a297-f2d9a4a7f795';
export const PEOPLE = '6f7a2f0e-3bd2-4c1c-9a49-1f7d7d0c3b11';
export const LIST = '33ebdbe9-e529-47c9-b894-0ba25e9c15c0';
const ACTOR = { type: 'workspace-member', id: '50cf242c-7fa3-4cad-87d0-75b1af71c57b' };
const AT = '2023-01-01T15:00:00.000000000Z';

/** A record id as Attio makes them (a UUID), numbered for tests. */
export const rid = (n: number) => `bf071e1f-6035-429d-b874-${String(n).padStart(12, '0')}`;

const meta = (attribute_type: string) => ({
  active_from: AT,
  active_until: null,
  created_by_actor: ACTOR,
  attribute_type,
});

export const text = (value: string) => ({ ...meta('text'), value });
export const domain = (d: string) => ({ ...meta('domain'), domain: d, root_domain: d });
export const email = (e: string) => ({
  ...meta('email-address'),
  email_address: e,
  original_email_address: e,
  email_domain: e.split('@')[1],
  email_root_domain: e.split('@')[1],
  email_local_specifier: e.split('@')[0],
});
export const personalName = (first: string, last: string) => ({
  ...meta('personal-name'),
  first_name: first,
  last_name: last,
  full_name: `${first} ${last}`,
});
export const select = (title: string) => ({
  ...meta('select'),
  option: {
    id: { workspace_id: WORKSPACE, object_id: COMPANIES, attribute_id: 'a1', option_id: 'o1' },
    title,
    is_archived: false,
  },
});
export const reference = (object: string, id: string) => ({
  ...meta('record-reference'),
  target_object: object,
  target_record_id: id,
});

export function company(n: number, name = `Company ${n}`, extra: Record<string, unknown[]> = {}) {
  return {
    id: { workspace_id: WORKSPACE, object_id: COMPANIES, record_id: rid(n) },
    created_at: '2022-11-21T13:22:49.061281000Z',
    values: { name: [text(name)], domains: [domain(`company${n}.com`)], description: [], ...extra },
  };
}

export function person(n: number, first = 'Ada', last = 'Lovelace', extra: Record<string, unknown[]> = {}) {
  return {
    id: { workspace_id: WORKSPACE, object_id: PEOPLE, record_id: rid(n) },
    created_at: '2022-11-21T13:22:49.061281000Z',
    values: {
      name: [personalName(first, last)],
      email_addresses: [email(`${first.toLowerCase()}@example.com`)],
      ...extra,
    },
  };
}

export const list = {
  id: { workspace_id: WORKSPACE, list_id: LIST },
  api_slug: 'hiring-engineering',
  name: 'Hiring Engineering',
  parent_object: ['people'],
  workspace_access: 'read-and-write',
  workspace_member_access: [],
  created_by_actor: ACTOR,
  created_at: '2022-11-21T13:22:49.061281000Z',
};

export function entry(n: number, parent = rid(1), object = 'people') {
  return {
    id: {
      workspace_id: WORKSPACE,
      list_id: LIST,
      entry_id: `2e6e29ea-c4e0-4f44-842d-${String(n).padStart(12, '0')}`,
    },
    parent_record_id: parent,
    parent_object: object,
    created_at: '2022-11-21T13:22:49.061281000Z',
    entry_values: {
      status: [
        {
          ...meta('status'),
          status: {
            id: { workspace_id: WORKSPACE, object_id: LIST, attribute_id: 'e350', status_id: '527d' },
            title: 'In Progress',
            is_archived: false,
            target_time_in_status: null,
            celebration_enabled: false,
          },
        },
      ],
    },
  };
}

// Error bodies, in Attio's { status_code, type, code, message } shape.

export const error = (status_code: number, type: string, code: string, message: string) => ({
  status_code,
  type,
  code,
  message,
});

export const recordNotFound = (id: string) =>
  error(404, 'invalid_request_error', 'not_found', `Record with ID "${id}" not found.`);
export const rateLimited = error(
  429,
  'rate_limit_error',
  'rate_limit_exceeded',
  'Rate limit exceeded, please try again later',
);
export const valueNotFound = error(
  400,
  'invalid_request_error',
  'value_not_found',
  'Cannot find select attribute with select option title "In Progress".',
);
