import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import sharepoint from '../index.js';
import { parseSite } from '../sites.js';
import { fakeSharePoint, HOST, MARKETING_ID, ROOT_ID, site, sitePage, user, V1 } from './fake-sharepoint.js';

const credentials = { access_token: 'eyJ0eXAi.sharepoint-secret' };

test('a site is named the ways a user would: URL, URL of a page in it, id, host, Graph path, or root', () => {
  assert.deepEqual(parseSite('https://contoso.sharepoint.com/sites/Marketing', 'site_url'), {
    kind: 'path',
    host: HOST,
    path: 'sites/Marketing',
  });
  assert.deepEqual(
    parseSite('https://contoso.sharepoint.com/sites/Marketing/SitePages/Home.aspx', 'site_url'),
    { kind: 'path', host: HOST, path: 'sites/Marketing' },
  );
  assert.deepEqual(
    parseSite(
      'https://contoso.sharepoint.com/sites/Pages/Shared%20Documents/Forms/AllItems.aspx',
      'site_url',
    ),
    { kind: 'path', host: HOST, path: 'sites/Pages' },
  );
  assert.deepEqual(parseSite('https://contoso.sharepoint.com/teams/eng/sub', 'x'), {
    kind: 'path',
    host: HOST,
    path: 'teams/eng/sub',
  });
  assert.deepEqual(parseSite(MARKETING_ID, 'site_id'), { kind: 'id', id: MARKETING_ID });
  assert.deepEqual(parseSite('https://contoso.sharepoint.com/', 'site_url'), { kind: 'id', id: HOST });
  assert.deepEqual(parseSite(HOST, 'site_id'), { kind: 'id', id: HOST });
  assert.deepEqual(parseSite('contoso.sharepoint.com:/sites/Marketing', 'site_id'), {
    kind: 'path',
    host: HOST,
    path: 'sites/Marketing',
  });
  assert.deepEqual(parseSite('/sites/Marketing', 'site_id'), {
    kind: 'path',
    host: undefined,
    path: 'sites/Marketing',
  });
  assert.deepEqual(parseSite(undefined, 'site_id'), { kind: 'root' });
  assert.deepEqual(parseSite('root', 'site_id'), { kind: 'root' });
  assert.throws(() => parseSite('Marketing team', 'site_url'), /site_url should be a site URL/);
});

test('get_site_info by URL asks Graph for the site by host and server-relative path', async (t) => {
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'get_site_info',
    arguments: { site_url: 'https://contoso.sharepoint.com/sites/Marketing/SitePages/Home.aspx' },
  });

  assert.deepEqual(result.structuredContent, {
    id: MARKETING_ID,
    name: 'Marketing',
    display_name: 'Marketing',
    web_url: `https://${HOST}/sites/Marketing`,
    hostname: HOST,
    is_root: false,
    created: '2024-05-09T20:56:00Z',
    last_modified: '2025-05-09T20:56:01Z',
  });
  assert.equal(JSON.parse(text(result)).id, MARKETING_ID);
  const req = only(fake, 'GET', `${V1}/sites/${HOST}:/sites/Marketing`);
  assert.equal(req.headers.authorization, `Bearer ${credentials.access_token}`);
});

test('get_site_info without a site gives the root site; with a server-relative path it uses the root’s host', async (t) => {
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });

  const root = await client.callTool({ name: 'get_site_info', arguments: {} });
  const byPath = await client.callTool({ name: 'get_site_info', arguments: { site_id: '/sites/Marketing' } });

  assert.equal((root.structuredContent as { id: string; is_root: boolean }).id, ROOT_ID);
  assert.equal((root.structuredContent as { is_root: boolean }).is_root, true);
  assert.equal((byPath.structuredContent as { id: string }).id, MARKETING_ID);
  assert.deepEqual(
    fake.requests.map((r) => [r.path, query(r)]),
    [
      [`${V1}/sites/root`, {}],
      [`${V1}/sites/root`, { $select: 'siteCollection' }],
      [`${V1}/sites/${HOST}:/sites/Marketing`, {}],
    ],
  );
});

test('search_sites passes the words to /sites?search= and follows the next link', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${V1}/sites`, (req) =>
    req.query.get('$skiptoken')
      ? { body: graphPage(fake, [site(`${HOST},b,c`, 'Marketing-EU')]) }
      : { body: graphPage(fake, [site(MARKETING_ID, 'Marketing')], 'sites?search=marketing&$skiptoken=s2') },
  );
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({ name: 'search_sites', arguments: { query: 'marketing' } });

  const out = result.structuredContent as { count: number; more: boolean; sites: { name: string }[] };
  assert.deepEqual(
    [out.count, out.more, out.sites.map((s) => s.name)],
    [2, false, ['Marketing', 'Marketing-EU']],
  );
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { search: 'marketing', $top: '50' },
      { search: 'marketing', $skiptoken: 's2' },
    ],
  );
});

test('get_users passes OData options and follows @odata.nextLink up to top', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${V1}/users`, (req) =>
    req.query.get('$skiptoken') === 'u2'
      ? { body: graphPage(fake, [user('3', 'Lee Gu'), user('4', 'Nestor Wilke')], 'users?$skiptoken=u3') }
      : {
          body: {
            '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users',
            ...graphPage(
              fake,
              [user('1', 'Adele Vance'), user('2', 'Alex Wilber')],
              'users?$top=3&$skiptoken=u2',
            ),
          },
        },
  );
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'get_users',
    arguments: {
      top: 3,
      filter: "startswith(displayName,'A')",
      select: 'displayName,mail',
      orderby: 'displayName',
    },
  });

  const out = result.structuredContent as { count: number; more: boolean; users: { displayName: string }[] };
  assert.deepEqual(
    out.users.map((u) => u.displayName),
    ['Adele Vance', 'Alex Wilber', 'Lee Gu'],
  );
  assert.equal(out.more, true);
  assert.deepEqual(fake.requests.map(query), [
    {
      $filter: "startswith(displayName,'A')",
      $select: 'displayName,mail',
      $orderby: 'displayName',
      $top: '3',
    },
    { $top: '3', $skiptoken: 'u2' },
  ]);
});

test('list_site_pages reads the sitePage pages of the site with the OData options given', async (t) => {
  const fake = await fakeSharePoint(t);
  fake.route(`GET ${V1}/sites/${MARKETING_ID}/pages/microsoft.graph.sitePage`, {
    body: graphPage(fake, [sitePage('p1', 'Home.aspx', 'Home'), sitePage('p2', 'News.aspx', 'News')]),
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'list_site_pages',
    arguments: { site_id: MARKETING_ID, top: 10, orderby: 'createdDateTime desc' },
  });

  const out = result.structuredContent as {
    count: number;
    pages: { name: string; publishing_state: string }[];
  };
  assert.deepEqual(
    out.pages.map((p) => [p.name, p.publishing_state]),
    [
      ['Home.aspx', 'checkout'],
      ['News.aspx', 'checkout'],
    ],
  );
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), {
    $orderby: 'createdDateTime desc',
    $top: '10',
  });
});

test('get_site_page by name finds the page, then reads it with its canvas layout', async (t) => {
  const fake = await fakeSharePoint(t);
  const base = `${V1}/sites/${MARKETING_ID}/pages`;
  fake.route(`GET ${base}/microsoft.graph.sitePage`, {
    body: graphPage(fake, [sitePage('p1', 'Home.aspx', 'Home'), sitePage('p2', 'News.aspx', 'News')]),
  });
  const canvasLayout = { horizontalSections: [{ id: '1', layout: 'oneColumn', columns: [] }] };
  fake.route(`GET ${base}/p2/microsoft.graph.sitePage`, {
    body: { ...sitePage('p2', 'News.aspx', 'News'), canvasLayout },
  });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'get_site_page',
    arguments: { site_url: 'https://contoso.sharepoint.com/sites/Marketing', page_name: 'news' },
  });

  const out = result.structuredContent as { id: string; title: string; canvas_layout: unknown };
  assert.deepEqual([out.id, out.title, out.canvas_layout], ['p2', 'News', canvasLayout]);
  assert.deepEqual(query(only(fake, 'GET', `${base}/p2/microsoft.graph.sitePage`)), {
    $expand: 'canvasLayout',
  });

  const missing = await client.callTool({
    name: 'get_site_page',
    arguments: { site_id: MARKETING_ID, page_name: 'Nope' },
  });
  assert.equal(text(missing), 'Page not found: Nope');
  const neither = await client.callTool({ name: 'get_site_page', arguments: {} });
  assert.equal(text(neither), 'Give page_id or page_name');
});

test('create_site_page posts a sitePage with its web parts, and publishes it when asked', async (t) => {
  const fake = await fakeSharePoint(t);
  const base = `${V1}/sites/${MARKETING_ID}/pages`;
  fake.route(`POST ${base}`, (req) => ({
    status: 201,
    body: { ...sitePage('p9', 'Launch.aspx', 'Launch'), ...(req.body as object) },
  }));
  fake.route(`POST ${base}/p9/microsoft.graph.sitePage/publish`, { status: 204, body: '' });
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'create_site_page',
    arguments: {
      site_id: MARKETING_ID,
      page_name: 'Launch',
      page_title: 'Launch',
      web_parts: [
        { type: 'text', data: { text: 'Ships <today>' } },
        { type: 'd1d91016-032f-456d-98a4-721247c305e8', data: { title: 'Image' } },
      ],
      publish: true,
    },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal((result.structuredContent as { publishing_state: string }).publishing_state, 'published');
  assert.deepEqual(only(fake, 'POST', base).body, {
    '@odata.type': '#microsoft.graph.sitePage',
    name: 'Launch.aspx',
    title: 'Launch',
    pageLayout: 'article',
    canvasLayout: {
      horizontalSections: [
        {
          layout: 'oneColumn',
          id: '1',
          emphasis: 'none',
          columns: [
            {
              id: '1',
              width: 12,
              webparts: [
                { '@odata.type': '#microsoft.graph.textWebPart', innerHtml: '<p>Ships &lt;today&gt;</p>' },
                {
                  '@odata.type': '#microsoft.graph.standardWebPart',
                  webPartType: 'd1d91016-032f-456d-98a4-721247c305e8',
                  data: { title: 'Image' },
                },
              ],
            },
          ],
        },
      ],
    },
  });
  only(fake, 'POST', `${base}/p9/microsoft.graph.sitePage/publish`);
});

test('a web part of an unknown kind is refused before anything is sent', async (t) => {
  const fake = await fakeSharePoint(t);
  const client = await connect(sharepoint, { credentials });

  const result = await client.callTool({
    name: 'create_site_page',
    arguments: { page_name: 'X', page_title: 'X', web_parts: [{ type: 'carousel' }] },
  });

  assert.equal(text(result), 'web_parts[0].type must be "text" or a web part type id (a GUID); got carousel');
  assert.equal(fake.requests.length, 0);
});
