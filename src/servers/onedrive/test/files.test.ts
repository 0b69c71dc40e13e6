import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_ERRORS, graphPage } from '../../../providers/microsoft/test/graph-fake.js';
import { only, query } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import onedrive from '../index.js';
import { DRIVE, driveItem, folderItem, startOneDriveFake } from './fake-onedrive.js';

const credentials = { access_token: 'eyJ0.onedrive-files' };
const SELECT = 'id,name,size,webUrl,createdDateTime,lastModifiedDateTime,folder,file,package,parentReference';

test('list_files lists the root’s children by name, with each item’s kind, size and path', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root/children`, {
    body: { value: [folderItem('Documents', '/', 4), driveItem('notes.txt', '/', { size: 2048 })] },
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({ name: 'list_files', arguments: {} });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${DRIVE}/root/children`);
  assert.equal(req.headers.authorization, 'Bearer eyJ0.onedrive-files');
  assert.deepEqual(query(req), { $select: SELECT, $orderby: 'name asc', $top: '200' });
  assert.deepEqual(result.structuredContent, {
    folder: '/',
    count: 2,
    more: false,
    items: [
      {
        id: '01BYE5RZDOCUMENTS',
        name: 'Documents',
        type: 'folder',
        path: '/Documents',
        size: 4096,
        childCount: 4,
        createdDateTime: '2025-05-01T08:00:00Z',
        lastModifiedDateTime: '2025-06-01T09:00:00Z',
        webUrl: 'https://contoso-my.sharepoint.com/personal/me/Documents/Documents',
      },
      {
        id: '01BYE5RZNOTESTXT',
        name: 'notes.txt',
        type: 'file',
        path: '/notes.txt',
        size: 2048,
        mimeType: 'text/plain',
        createdDateTime: '2025-05-01T08:00:00Z',
        lastModifiedDateTime: '2025-06-01T09:00:00Z',
        webUrl: 'https://contoso-my.sharepoint.com/personal/me/Documents/notes.txt',
      },
    ],
  });
});

test('list_files addresses a folder by path, its segments escaped, and follows @odata.nextLink to the limit', async (t) => {
  const fake = await startOneDriveFake(t);
  const folder = `${DRIVE}/root:/Q3 plans/R&D #2:/children`;
  fake.route(`GET ${folder}`, (req) =>
    req.query.get('$skiptoken')
      ? {
          body: graphPage(fake, [
            driveItem('c.txt', '/Q3 plans/R&D #2'),
            driveItem('d.txt', '/Q3 plans/R&D #2'),
          ]),
        }
      : {
          body: graphPage(
            fake,
            [driveItem('a.txt', '/Q3 plans/R&D #2'), driveItem('b.txt', '/Q3 plans/R&D #2')],
            'me/drive/root:/Q3%20plans/R%26D%20%232:/children?$top=3&$skiptoken=Paged%3dTRUE%26p_SortBehavior%3d0',
          ),
        },
  );
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'list_files',
    arguments: { folder_path: '/Q3 plans/R&D #2/', limit: 3 },
  });

  const data = result.structuredContent as {
    folder: string;
    count: number;
    more: boolean;
    items: { path: string }[];
  };
  assert.deepEqual([data.folder, data.count, data.more], ['/Q3 plans/R&D #2', 3, true]);
  assert.equal(data.items[2]?.path, '/Q3 plans/R&D #2/c.txt');
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.query.get('$top'), r.query.get('$skiptoken')]),
    [
      [folder, '3', null],
      [folder, '3', 'Paged=TRUE&p_SortBehavior=0'],
    ],
  );
});

test('list_files of a missing folder names it; a path with .. is refused before Graph is called', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root:/Nope:/children`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(onedrive, { credentials });

  const missing = await client.callTool({ name: 'list_files', arguments: { folder_path: 'Nope' } });
  const dotted = await client.callTool({
    name: 'list_files',
    arguments: { folder_path: '/Documents/../..' },
  });

  assert.equal(text(missing), 'Folder not found: /Nope');
  assert.match(text(dotted), /^folder_path: "\/Documents\/\.\.\/\.\." may not contain \. or \.\. segments/);
  assert.equal(fake.requests.length, 1);
});

test('search_files quotes the term as OData wants and pages to the limit', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root/search(q='O''Brien 50% plan')`, {
    body: {
      value: [
        {
          ...driveItem('OBrien plan.docx', '/Documents'),
          parentReference: { driveId: 'x', id: 'y' },
          searchResult: { onClickTelemetryUrl: 'https://bing.com/x' },
        },
      ],
    },
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({
    name: 'search_files',
    arguments: { search_term: "O'Brien 50% plan" },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${DRIVE}/root/search(q='O''Brien 50% plan')`);
  assert.deepEqual(query(req), { $select: SELECT, $top: '50' });
  const data = result.structuredContent as { count: number; items: { name: string; path?: string }[] };
  assert.equal(data.count, 1);
  assert.deepEqual([data.items[0]?.name, data.items[0]?.path], ['OBrien plan.docx', undefined]);
});

test('create_folder posts the folder with guMCP’s rename-on-conflict, at the root or under a path', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`POST ${DRIVE}/root/children`, { status: 201, body: folderItem('Inbox', '/', 0) });
  fake.route(`POST ${DRIVE}/root:/Documents/2025:/children`, {
    status: 201,
    body: folderItem('Receipts 1', '/Documents/2025', 0),
  });
  const client = await connect(onedrive, { credentials });

  const atRoot = await client.callTool({
    name: 'create_folder',
    arguments: { folder_path: '/', folder_name: 'Inbox' },
  });
  const nested = await client.callTool({
    name: 'create_folder',
    arguments: { folder_path: 'Documents/2025', folder_name: 'Receipts' },
  });
  const slashed = await client.callTool({
    name: 'create_folder',
    arguments: { folder_path: '/', folder_name: 'a/b' },
  });

  assert.deepEqual(only(fake, 'POST', `${DRIVE}/root/children`).body, {
    name: 'Inbox',
    folder: {},
    '@microsoft.graph.conflictBehavior': 'rename',
  });
  assert.deepEqual(only(fake, 'POST', `${DRIVE}/root:/Documents/2025:/children`).body, {
    name: 'Receipts',
    folder: {},
    '@microsoft.graph.conflictBehavior': 'rename',
  });
  assert.equal((atRoot.structuredContent as { type: string }).type, 'folder');
  assert.deepEqual(
    [
      (nested.structuredContent as { name: string; path: string }).name,
      (nested.structuredContent as { path: string }).path,
    ],
    ['Receipts 1', '/Documents/2025/Receipts 1'],
  );
  assert.equal(text(slashed), 'folder_name: a name, without / or \\');
  assert.equal(fake.requests.length, 2);
});

test('delete_item reads the item, deletes it by id, and says what went', async (t) => {
  const fake = await startOneDriveFake(t);
  const old = folderItem('Old', '/Archive', 12);
  fake.route(`GET ${DRIVE}/root:/Archive/Old`, { body: old });
  fake.route(`DELETE ${DRIVE}/items/${old.id}`, { status: 204, body: '' });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({ name: 'delete_item', arguments: { item_path: '/Archive/Old' } });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, r.headers.authorization]),
    [
      ['GET', `${DRIVE}/root:/Archive/Old`, 'Bearer eyJ0.onedrive-files'],
      ['DELETE', `${DRIVE}/items/${old.id}`, 'Bearer eyJ0.onedrive-files'],
    ],
  );
  const data = result.structuredContent as {
    deleted: boolean;
    item: { name: string; type: string; childCount: number };
  };
  assert.deepEqual(
    [data.deleted, data.item.name, data.item.type, data.item.childCount],
    [true, 'Old', 'folder', 12],
  );
});

test('delete_item of a missing path names it and deletes nothing; the root cannot be deleted', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`GET ${DRIVE}/root:/gone.txt`, { status: 404, body: GRAPH_ERRORS.notFound });
  const client = await connect(onedrive, { credentials });

  const missing = await client.callTool({ name: 'delete_item', arguments: { item_path: 'gone.txt' } });
  const root = await client.callTool({ name: 'delete_item', arguments: { item_path: '/' } });

  assert.equal(text(missing), 'Item not found: /gone.txt');
  assert.equal(text(root), "item_path: give the path of a file or folder, not the drive's root");
  assert.equal(fake.requests.filter((r) => r.method === 'DELETE').length, 0);
});

test('get_file_sharing_link asks createLink for a view link by default, and returns the link', async (t) => {
  const fake = await startOneDriveFake(t);
  fake.route(`POST ${DRIVE}/root:/Documents/plan.docx:/createLink`, (req) => ({
    status: 201,
    body: {
      id: '123ABC',
      roles: [(req.body as { type: string }).type === 'edit' ? 'write' : 'read'],
      link: {
        type: (req.body as { type: string }).type,
        scope: (req.body as { scope?: string }).scope ?? 'organization',
        webUrl: 'https://contoso-my.sharepoint.com/:w:/g/personal/me/EaBcD',
        application: { id: '1234', displayName: 'gumcp' },
      },
      hasPassword: false,
    },
  }));
  const client = await connect(onedrive, { credentials });

  const view = await client.callTool({
    name: 'get_file_sharing_link',
    arguments: { file_path: '/Documents/plan.docx' },
  });
  const edit = await client.callTool({
    name: 'get_file_sharing_link',
    arguments: { file_path: 'Documents/plan.docx', type: 'edit', scope: 'users' },
  });

  assert.deepEqual(
    fake.requests.map((r) => [r.body, r.headers.authorization]),
    [
      [{ type: 'view' }, 'Bearer eyJ0.onedrive-files'],
      [{ type: 'edit', scope: 'users' }, 'Bearer eyJ0.onedrive-files'],
    ],
  );
  assert.deepEqual(view.structuredContent, {
    path: '/Documents/plan.docx',
    link: 'https://contoso-my.sharepoint.com/:w:/g/personal/me/EaBcD',
    type: 'view',
    scope: 'organization',
    permissionId: '123ABC',
  });
  assert.equal((edit.structuredContent as { scope: string }).scope, 'users');
});

test('a sharing link may be asked again: a 5xx is retried, since Graph returns the existing link', async (t) => {
  const fake = await startOneDriveFake(t);
  const path = `${DRIVE}/root:/a.txt:/createLink`;
  fake.once(`POST ${path}`, { status: 503, headers: { 'retry-after': '0' }, body: GRAPH_ERRORS.unavailable });
  fake.route(`POST ${path}`, {
    body: {
      id: 'P1',
      roles: ['read'],
      link: { type: 'view', scope: 'anonymous', webUrl: 'https://1drv.ms/t/s!Ab' },
    },
  });
  const client = await connect(onedrive, { credentials });

  const result = await client.callTool({ name: 'get_file_sharing_link', arguments: { file_path: 'a.txt' } });

  assert.equal((result.structuredContent as { link: string }).link, 'https://1drv.ms/t/s!Ab');
  assert.equal(fake.requests.length, 2);
});
