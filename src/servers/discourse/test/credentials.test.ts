import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiKeyCredentials } from '../../../auth/keys/prompt.js';
import { fakeFor, startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import discourse, { createDiscourseServer } from '../index.js';
import { category, invalidKey, notFound, userBody } from './fake-discourse.js';
import { assertAuth, data, FAST, failure, KEY } from './harness.js';

const categories = {
  category_list: { can_create_category: false, can_create_topic: true, categories: [category] },
};
const VALUES = {
  'metadata[Discourse URL]': 'https://forum.example.com/',
  'metadata[Username]': 'jane',
  value: KEY,
};
const auth = discourse.auth.kind === 'api_key' ? discourse.auth : assert.fail('an API-key server');

test('a credentials file in guMCP’s own layout works as it is', async (t) => {
  const fake = await fakeFor(t, 'discourse');
  fake.route('GET /categories.json', { body: categories });
  const client = await connect(createDiscourseServer(FAST), {
    credentials: {
      metadata: [
        { name: 'Username', placeholder: 'Your Discourse username', value: 'jane' },
        {
          name: 'Discourse URL',
          placeholder: 'https://example.discourse.com',
          value: 'https://forum.example.com',
        },
      ],
      value: KEY,
    },
  });
  t.after(() => client.close());
  const out = data(await client.callTool({ name: 'list_categories', arguments: {} }));
  assert.equal((out.categories as { url: string }[])[0]?.url, 'https://forum.example.com/c/support/4');
  assertAuth(fake.requests[0] as never);
});

test('sign-in checks the key with the forum and stores the fields under guMCP’s names', async (t) => {
  const fake = await fakeFor(t, 'discourse');
  fake.route('GET /u/jane.json', { body: userBody });

  assert.deepEqual(await apiKeyCredentials(auth, VALUES), VALUES);
  assert.equal(fake.requests.length, 1);
  assertAuth(fake.requests[0] as never);
  assert.equal(fake.requests[0]?.path, '/u/jane.json');
});

test('sign-in fails with what to fix for a refused key or an unknown user, without echoing the key', async (t) => {
  const fake = await fakeFor(t, 'discourse');
  fake.route('GET /u/jane.json', { status: 403, body: invalidKey });
  fake.route('GET /u/nobody.json', { status: 404, body: notFound });

  await assert.rejects(auth.verify?.(VALUES) ?? Promise.resolve(), (e: Error) => {
    assert.equal(
      e.message,
      'Discourse at https://forum.example.com refused the API key for "jane": check the key was copied whole, is not revoked, and belongs to that user (or to all users)',
    );
    assert.ok(!e.message.includes(KEY));
    return true;
  });
  await assert.rejects(auth.verify?.({ ...VALUES, 'metadata[Username]': 'nobody' }) ?? Promise.resolve(), {
    message: 'Discourse at https://forum.example.com has no user "nobody"',
  });
});

test('sign-in refuses a site URL that is not an https forum address, before any request', async (t) => {
  const fake = await fakeFor(t, 'discourse');
  const cases: [string, RegExp][] = [
    ['forum.example.com', /is not a URL; give it like https:\/\/forum.example.com/],
    ['http://forum.example.com', /must start with https:\/\//],
    ['ftp://forum.example.com', /must start with https:\/\//],
    ['https://jane:secret@forum.example.com', /without a user, query or fragment/],
    ['https://forum.example.com/?api_key=x', /without a user, query or fragment/],
  ];
  for (const [url, expected] of cases) {
    await assert.rejects(
      auth.verify?.({ ...VALUES, 'metadata[Discourse URL]': url }) ?? Promise.resolve(),
      expected,
    );
  }
  assert.equal(fake.requests.length, 0);
});

test('a forum on a private or loopback address is refused, at sign-in and at call time', async (t) => {
  delete process.env.GUMCP_DISCOURSE_API_URL;
  for (const url of [
    'https://127.0.0.1:8443',
    'https://[::1]/',
    'https://169.254.169.254/',
    'https://localhost/',
  ]) {
    await assert.rejects(
      auth.verify?.({ ...VALUES, 'metadata[Discourse URL]': url }) ?? Promise.resolve(),
      /points to a private or local network address/,
    );
  }
  const client = await connect(createDiscourseServer(FAST), {
    credentials: { ...VALUES, 'metadata[Discourse URL]': 'https://10.0.0.5/forum' },
  });
  t.after(() => client.close());
  assert.equal(
    failure(await client.callTool({ name: 'list_categories', arguments: {} })),
    'Refusing to call the Discourse URL https://10.0.0.5: it points to a private or local network address',
  );
});

test('with GUMCP_ALLOW_PRIVATE_URLS=1 the stored forum address is called as given, path included', async (t) => {
  const fake = await startFake();
  process.env.GUMCP_ALLOW_PRIVATE_URLS = '1';
  t.after(async () => {
    delete process.env.GUMCP_ALLOW_PRIVATE_URLS;
    await fake.close();
  });
  fake.route('GET /forum/categories.json', { body: categories });
  const client = await connect(createDiscourseServer(FAST), {
    credentials: { ...VALUES, 'metadata[Discourse URL]': `${fake.url}/forum` },
  });
  t.after(() => client.close());
  const out = data(await client.callTool({ name: 'list_categories', arguments: {} }));
  assert.equal((out.categories as { url: string }[])[0]?.url, `${fake.url}/forum/c/support/4`);
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/forum/categories.json'],
  );
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  const fake = await fakeFor(t, 'discourse');
  fake.route('GET /categories.json', { body: categories });
  let key = 'old-key';
  const client = await connect(createDiscourseServer(FAST), {
    credentials: async () => ({ ...VALUES, value: key }),
  });
  t.after(() => client.close());
  data(await client.callTool({ name: 'list_categories', arguments: {} }));
  // The user signs in again with a new key while the session stays open.
  key = 'new-key';
  data(await client.callTool({ name: 'list_categories', arguments: {} }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers['api-key']),
    ['old-key', 'new-key'],
  );
});
