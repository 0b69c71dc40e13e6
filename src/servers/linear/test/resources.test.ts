import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ENG, fakeLinear, linearClient, linearTeam, operation, TOKEN, variables } from './fake-linear.js';

const teams = Array.from({ length: 60 }, (_, i) =>
  linearTeam({ id: `team-${i}`, key: `T${i}`, name: `Team ${i}`, description: i === 0 ? 'First' : null }),
);

test('teams are listed 50 to a page, Linear’s end cursor being the resource cursor', async (t) => {
  const fake = await fakeLinear(t, { teams });
  const client = await linearClient(t);

  // One page at a time: listResources() without a cursor would walk them all.
  const first = await client.request({ method: 'resources/list', params: {} });
  assert.ok(first.nextCursor);
  const second = await client.listResources({ cursor: first.nextCursor });

  assert.equal(first.resources.length, 50);
  assert.deepEqual(first.resources[0], {
    uri: 'linear://team/team-0',
    name: 'Team: Team 0 (T0)',
    description: 'First',
    mimeType: 'application/json',
  });
  assert.equal(second.resources.length, 10);
  assert.equal(second.resources[9]?.uri, 'linear://team/team-59');
  assert.equal(second.nextCursor, undefined);
  assert.deepEqual(
    fake.requests.map((r) => [operation(r), variables(r), r.headers.authorization]),
    [
      ['Teams', { first: 50, after: null }, `Bearer ${TOKEN}`],
      ['Teams', { first: 50, after: 'c:50' }, `Bearer ${TOKEN}`],
    ],
  );
});

test('reading a team gives its states in workflow order, its labels and members', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  const { contents } = await client.readResource({ uri: `linear://team/${ENG.id}` });

  assert.equal(contents[0]?.mimeType, 'application/json');
  const team = JSON.parse(String((contents[0] as { text: string }).text));
  assert.equal(team.key, 'ENG');
  assert.deepEqual(
    team.states.map((s: { name: string }) => s.name),
    ['Todo', 'In Progress', 'Done'],
  );
  assert.deepEqual(team.labels, [{ id: 'label-bug', name: 'Bug', color: '#eb5757' }]);
  assert.equal(team.members[0].email, 'ada@example.com');
  assert.deepEqual(
    fake.requests.map((r) => [operation(r), variables(r)]),
    [['Team', { id: ENG.id }]],
  );
});

test('reading an unknown team names it', async (t) => {
  await fakeLinear(t);
  const client = await linearClient(t);

  await assert.rejects(client.readResource({ uri: 'linear://team/nope' }), /Team not found: nope/);
});
