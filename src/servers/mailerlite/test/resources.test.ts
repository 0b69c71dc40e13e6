import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import {
  audience,
  campaign,
  cursorPage,
  form,
  group,
  IDS,
  numberedPage,
  one,
  subscriber,
  webhook,
} from './fake-mailerlite.js';
import { assertAuth, setup } from './harness.js';

type Contents = { uri: string; mimeType?: string; text?: string }[];
const json = (contents: Contents) => JSON.parse(contents[0]?.text ?? 'null') as Record<string, unknown>;

test('the catalog’s four resource templates are listed', async (t) => {
  const { client } = await setup(t);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(resourceTemplates.map((r) => r.uriTemplate).sort(), [
    'mailerlite://campaign/{campaign_id}',
    'mailerlite://form/{form_id}',
    'mailerlite://group/{group_id}',
    'mailerlite://webhook/{webhook_id}',
  ]);
});

/** Empty lists of every kind but the one a test is about. */
function emptyLists(fake: Awaited<ReturnType<typeof setup>>['fake'], except: string): void {
  for (const path of [
    'groups',
    'campaigns',
    'forms/popup',
    'forms/embedded',
    'forms/promotion',
    'webhooks',
  ]) {
    if (path !== except) fake.route(`GET /api/${path}`, { body: numberedPage(path, [], 1, 1, 0) });
  }
}

test('campaigns are listed status after status, page after page', async (t) => {
  const { fake, client } = await setup(t);
  emptyLists(fake, 'campaigns');
  fake.route('GET /api/campaigns', (req) => {
    const status = req.query.get('filter[status]');
    const page = Number(req.query.get('page'));
    if (status === 'draft' && page === 1)
      return { body: numberedPage('campaigns', [campaign('1', 'D1')], 1, 2, 2, 1) };
    if (status === 'draft') return { body: numberedPage('campaigns', [campaign('2', 'D2')], 2, 2, 2, 1) };
    if (status === 'ready') return { body: numberedPage('campaigns', [], 1, 1, 0) };
    return { body: numberedPage('campaigns', [campaign('3', 'S1', { status: 'sent' })], 1, 1, 1) };
  });
  const uris: string[] = [];
  let cursor: string | undefined;
  const cursors: (string | undefined)[] = [];
  do {
    const page = await client.listResources(cursor ? { cursor } : {});
    uris.push(...page.resources.filter((r) => r.uri.startsWith('mailerlite://campaign/')).map((r) => r.uri));
    cursor = page.nextCursor;
    cursors.push(cursor);
  } while (cursor && cursors.length < 20);
  assert.deepEqual(uris, ['mailerlite://campaign/1', 'mailerlite://campaign/2', 'mailerlite://campaign/3']);
  const asked = fake.requests
    .filter((r) => r.path === '/api/campaigns')
    .map((r) => `${r.query.get('filter[status]')}:${r.query.get('page')}`);
  assert.deepEqual(asked, ['draft:1', 'draft:2', 'ready:1', 'sent:1']);
});

test('a campaign reads as JSON with its audience', async (t) => {
  const { fake, client } = await setup(t);
  fake.route(`GET /api/campaigns/${IDS.campaign}`, {
    body: one(
      campaign(IDS.campaign, 'November', {
        basic_filter_for_humans: audience([{ id: IDS.group, name: 'Newsletter' }]),
      }),
    ),
  });
  const { contents } = await client.readResource({ uri: `mailerlite://campaign/${IDS.campaign}` });
  const c = json(contents as Contents);
  assert.equal(c.resource, 'campaign');
  assert.equal(c.name, 'November');
  assert.deepEqual((c.audience as { groups: unknown }).groups, [{ id: IDS.group, name: 'Newsletter' }]);
  assert.equal((contents as Contents)[0]?.mimeType, 'application/json');
  assertAuth(only(fake, 'GET', `/api/campaigns/${IDS.campaign}`));
});

test('a group reads with its counts and first active subscribers, found in the group list', async (t) => {
  const { fake, client } = await setup(t);
  fake.route('GET /api/groups', (req) =>
    req.query.get('page') === '2'
      ? { body: numberedPage('groups', [group(IDS.group, 'Newsletter')], 2, 2, 101, 100) }
      : { body: numberedPage('groups', [group('1', 'Other')], 1, 2, 101, 100) },
  );
  const members = Array.from({ length: 25 }, (_, i) => subscriber(String(i + 1), `m${i}@example.com`));
  fake.route(`GET /api/groups/${IDS.group}/subscribers`, {
    body: cursorPage(`groups/${IDS.group}/subscribers`, members, 'more', 25),
  });
  const { contents } = await client.readResource({ uri: `mailerlite://group/${IDS.group}` });
  const g = json(contents as Contents);
  assert.equal(g.name, 'Newsletter');
  assert.equal(g.active_count, 120);
  assert.equal((g.subscribers as { email: string }[]).length, 25);
  assert.equal(g.more_subscribers, true);
  assert.deepEqual(query(only(fake, 'GET', `/api/groups/${IDS.group}/subscribers`)), {
    'filter[status]': 'active',
    limit: '25',
  });
  await assert.rejects(client.readResource({ uri: 'mailerlite://group/999' }), /Group not found: 999/);
});

test('forms are listed type after type; a webhook reads without its secret; a bad id is refused', async (t) => {
  const { fake, client } = await setup(t);
  emptyLists(fake, 'forms/popup');
  fake.route('GET /api/forms/popup', {
    body: numberedPage('forms/popup', [form(IDS.form, 'Popup')], 1, 1, 1),
  });
  fake.route('GET /api/webhooks', { body: numberedPage('webhooks', [webhook(IDS.webhook, 'CRM')], 1, 1, 1) });
  fake.route(`GET /api/webhooks/${IDS.webhook}`, { body: one(webhook(IDS.webhook, 'CRM')) });

  const seen: string[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await client.listResources(cursor ? { cursor } : {});
    seen.push(...page.resources.map((r) => r.uri));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  assert.ok(seen.includes(`mailerlite://form/${IDS.form}`));
  assert.ok(seen.includes(`mailerlite://webhook/${IDS.webhook}`));
  assert.deepEqual(
    fake.requests.filter((r) => r.path.startsWith('/api/forms/')).map((r) => r.path),
    ['/api/forms/popup', '/api/forms/embedded', '/api/forms/promotion'],
  );

  const { contents } = await client.readResource({ uri: `mailerlite://webhook/${IDS.webhook}` });
  const w = json(contents as Contents);
  assert.equal(w.name, 'CRM');
  assert.equal('secret' in w, false);
  await assert.rejects(client.readResource({ uri: 'mailerlite://form/..%2Fsubscribers' }), /Invalid form id/);
});
