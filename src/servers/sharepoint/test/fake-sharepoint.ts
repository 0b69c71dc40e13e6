import type { TestContext } from 'node:test';
import { GRAPH_ERRORS, GRAPH_PATH, startGraphFake } from '../../../providers/microsoft/test/graph-fake.js';
import type { FakeService } from '../../../testing/fake-service.js';

/**
 * Graph v1.0 resources as its reference documents them (learn.microsoft.com/graph/api/resources/
 * site, list, listitem, sitepage, driveitem, user), with the bookkeeping fields real answers carry.
 */

export const V1 = GRAPH_PATH;
export const HOST = 'contoso.sharepoint.com';
export const MARKETING_ID = `${HOST},2c712604-1370-44e7-a1f5-426573fda80a,2d2244c3-251a-49ea-93a8-39e1c3a060fe`;
export const ROOT_ID = `${HOST},11111111-1370-44e7-a1f5-426573fda80a,22222222-251a-49ea-93a8-39e1c3a060fe`;

export const site = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#sites/$entity',
  id,
  name,
  displayName: name,
  description: '',
  webUrl: `https://${HOST}/sites/${name}`,
  createdDateTime: '2024-05-09T20:56:00Z',
  lastModifiedDateTime: '2025-05-09T20:56:01Z',
  siteCollection: { hostname: HOST },
  ...extra,
});

export const rootSite = () =>
  site(ROOT_ID, 'root', { webUrl: `https://${HOST}`, displayName: 'Communication site', root: {} });

export const sharePointList = (id: string, displayName: string, template = 'genericList') => ({
  '@odata.etag': '"2d2244c3-251a-49ea-93a8-39e1c3a060fe,1"',
  id,
  name: displayName.replace(/\s/g, ''),
  displayName,
  description: '',
  webUrl: `https://${HOST}/sites/Marketing/Lists/${displayName}`,
  createdDateTime: '2025-01-09T20:56:00Z',
  lastModifiedDateTime: '2025-05-09T20:56:01Z',
  createdBy: { user: { displayName: 'Megan Bowen' } },
  list: { contentTypesEnabled: false, hidden: false, template },
});

export const listItem = (id: string, fields: Record<string, unknown>) => ({
  '@odata.etag': `"aaaa-${id},3"`,
  id,
  webUrl: `https://${HOST}/sites/Marketing/Lists/Tasks/${id}_.000`,
  createdDateTime: '2025-05-01T10:00:00Z',
  lastModifiedDateTime: '2025-05-02T10:00:00Z',
  eTag: `"aaaa-${id},3"`,
  contentType: { id: '0x0100A1B2', name: 'Item' },
  fields: { '@odata.etag': `"aaaa-${id},3"`, id, ...fields },
});

export const sitePage = (id: string, name: string, title: string) => ({
  '@odata.type': '#microsoft.graph.sitePage',
  id,
  name,
  title,
  webUrl: `SitePages/${name}`,
  pageLayout: 'article',
  createdDateTime: '2025-05-01T10:00:00Z',
  lastModifiedDateTime: '2025-05-01T10:00:00Z',
  eTag: '"{A1B2},1"',
  publishingState: { level: 'checkout', versionId: '0.1' },
  createdBy: { user: { displayName: 'Megan Bowen', email: 'megan@contoso.com' } },
});

export const driveItem = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  '@odata.context': "https://graph.microsoft.com/v1.0/$metadata#users('me')/drive/items/$entity",
  '@microsoft.graph.downloadUrl': `https://public.example/download/${id}?tempauth=xyz`,
  id,
  name,
  size: 11,
  webUrl: `https://contoso-my.sharepoint.com/personal/megan/Documents/${name}`,
  createdDateTime: '2025-05-01T10:00:00Z',
  lastModifiedDateTime: '2025-05-02T10:00:00Z',
  eTag: '"{E1},2"',
  cTag: '"c:{E1},2"',
  file: { mimeType: 'text/plain', hashes: { quickXorHash: 'AAAA' } },
  parentReference: { driveId: 'b!drive', driveType: 'business', id: 'ROOTID', path: '/drive/root:' },
  ...extra,
});

export const user = (id: string, displayName: string) => ({
  id,
  businessPhones: [],
  displayName,
  givenName: displayName.split(' ')[0],
  jobTitle: 'Marketing',
  mail: `${displayName.split(' ')[0]?.toLowerCase()}@contoso.com`,
  officeLocation: null,
  preferredLanguage: 'en-US',
  surname: displayName.split(' ')[1],
  userPrincipalName: `${displayName.split(' ')[0]?.toLowerCase()}@contoso.com`,
});

/** Starts a fake Graph for the sharepoint server, answering the site by id, path and root. */
export async function fakeSharePoint(t: TestContext): Promise<FakeService> {
  const fake = await startGraphFake(t, 'sharepoint');
  fake.route(`GET ${V1}/sites/root`, { body: rootSite() });
  fake.route(`GET ${V1}/sites/${HOST}:/sites/Marketing`, { body: site(MARKETING_ID, 'Marketing') });
  fake.route(`GET ${V1}/sites/${MARKETING_ID}`, { body: site(MARKETING_ID, 'Marketing') });
  return fake;
}

export const notFound = { status: 404, body: GRAPH_ERRORS.notFound };
