import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credits, filters, senders, team, user } from './fake-lemlist.js';
import { data, onlyRequest, setup } from './harness.js';

test('get_team answers the team of the key from GET /team', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/team', { body: team });
  assert.deepEqual(data(await call('get_team')), team);
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.equal(req.path, '/api/team');
});

test('get_senders wraps GET /team/senders’ list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/team/senders', { body: senders });
  assert.deepEqual(data(await call('get_senders')), { senders });
  assert.equal(onlyRequest(fake).path, '/api/team/senders');
});

test('get_credits answers GET /team/credits', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/team/credits', { body: credits });
  assert.deepEqual(data(await call('get_credits')), credits);
  assert.equal(onlyRequest(fake).path, '/api/team/credits');
});

test('get_user reads GET /users/{user_id}; an id with a slash is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/users/usr_eSrHPSoL9QVPUOsho', { body: user });
  assert.deepEqual(data(await call('get_user', { user_id: 'usr_eSrHPSoL9QVPUOsho' })), user);
  assert.equal(onlyRequest(fake).path, '/api/users/usr_eSrHPSoL9QVPUOsho');
  const bad = await call('get_user', { user_id: '../team' });
  assert.equal(bad.isError, true);
  assert.match(JSON.stringify(bad.content), /user_id/);
  assert.equal(fake.requests.length, 1);
});

test('get_database_filters wraps GET /database/filters’ list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/database/filters', { body: filters });
  assert.deepEqual(data(await call('get_database_filters')), { filters });
  assert.equal(onlyRequest(fake).path, '/api/database/filters');
});
