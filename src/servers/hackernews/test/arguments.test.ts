import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertCatalogTools, type CatalogTool } from '../../../testing/catalog.js';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import hackernews from '../index.js';
import { call, startFakeHackerNews } from './fake-hn.js';

let fake: FakeService;
before(async () => {
  fake = await startFakeHackerNews();
});
after(() => fake.close());

const rejected: [tool: string, args: Record<string, unknown>, message: RegExp][] = [
  [
    'get_top_stories',
    { limit: 0 },
    /^Invalid arguments for tool get_top_stories: limit: limit must be between 1 and 30$/,
  ],
  ['get_top_stories', { limit: 31 }, /limit: limit must be between 1 and 30$/],
  ['get_latest_posts', { limit: 2.5 }, /limit: .*expected int, received number/],
  ['get_latest_posts', { limit: '5' }, /limit: .*expected number, received string/],
  ['get_story_details', {}, /^Invalid arguments for tool get_story_details: id: .*expected number/],
  ['get_story_details', { id: -1 }, /id: .*>0/],
  ['get_comments', { limit: 5 }, /story_id: .*expected number/],
  ['get_comments', { story_id: 1, limit: 51 }, /limit: limit must be between 1 and 50$/],
  ['get_user', {}, /username: .*expected string/],
  ['get_user', { username: '../topstories' }, /username: username may hold only letters, digits/],
  ['get_user', { username: '' }, /username: username may hold only/],
  ['get_stories_by_type', { limit: 5 }, /type: /],
  ['get_stories_by_type', { type: 'jobs' }, /type: .*"top"\|"new"\|"best"\|"ask"\|"show"\|"job"/],
  ['get_stories_by_type', { type: 'top', limit: 100 }, /limit: limit must be between 1 and 30$/],
];

test('invalid arguments are tool errors naming the argument, and reach no upstream', async () => {
  const client = await connect(hackernews);
  for (const [tool, args, message] of rejected) {
    const result = await call(client, tool, args);
    assert.equal(result.isError, true, `${tool} ${JSON.stringify(args)}`);
    assert.match(text(result), message, `${tool} ${JSON.stringify(args)}`);
  }
  assert.deepEqual(fake.requests, []);
});

test('the tools are the catalog’s, with its parameters, and read-only, open-world annotations', async () => {
  const client = await connect(hackernews);
  const { tools } = await client.listTools();
  const byName = new Map(tools.map((t) => [t.name, t]));
  const catalog: Record<string, CatalogTool> = {
    get_top_stories: { params: ['limit'], required: [] },
    get_latest_posts: { params: ['limit'], required: [] },
    get_story_details: { params: ['id'], required: ['id'] },
    get_comments: { params: ['story_id', 'limit'], required: ['story_id'] },
    get_user: { params: ['username'], required: ['username'] },
    get_stories_by_type: { params: ['type', 'limit'], required: ['type'] },
  };
  assertCatalogTools(tools, catalog);
  for (const listed of tools) {
    assert.equal(listed.annotations?.readOnlyHint, true, listed.name);
    assert.equal(listed.annotations?.openWorldHint, true, listed.name);
  }
  const type = byName.get('get_stories_by_type')?.inputSchema.properties?.type as { enum?: string[] };
  assert.deepEqual(type.enum, ['top', 'new', 'best', 'ask', 'show', 'job']);
});
