import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { doc, errors, JSONAPI, PROFILE_ID, profile } from './fake-klaviyo.js';
import { answer, data, failure, only, route, setup } from './harness.js';

const flat = (p: ReturnType<typeof profile>) => ({ id: p.id, ...p.attributes });

test('create_profile posts a JSON:API profile, address fields under location, and says whom it created', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'profiles'), answer(doc(profile()), 201));

  const out = data(
    await call('create_profile', {
      email: 'ada@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      city: 'London',
      latitude: '51.5072',
      longitude: -0.1276,
      timezone: 'Europe/London',
      properties: { plan: 'pro' },
    }),
  );

  assert.deepEqual(out, {
    profile: flat(profile()),
    message: `Created Klaviyo profile ${PROFILE_ID} for ada@example.com.`,
  });
  assert.deepEqual(only(fake, 'POST', 'profiles').body, {
    data: {
      type: 'profile',
      attributes: {
        email: 'ada@example.com',
        first_name: 'Ada',
        last_name: 'Lovelace',
        location: { city: 'London', latitude: '51.5072', longitude: -0.1276, timezone: 'Europe/London' },
        properties: { plan: 'pro' },
      },
    },
  });
});

test('create_profile needs an identifier and is not retried after a 500', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('create_profile', { first_name: 'Ada' })),
    'Invalid arguments: give email, phone_number or external_id to identify the profile',
  );
  assert.match(failure(await call('create_profile', { phone_number: '5550006' })), /phone_number/);
  assert.equal(fake.requests.length, 0);

  fake.route(route('POST', 'profiles'), {
    status: 500,
    headers: JSONAPI,
    body: errors(500, 'error', 'A server error occurred.', 'A server error occurred.'),
  });
  assert.equal(
    failure(await call('create_profile', { email: 'ada@example.com' })),
    'Klaviyo failed (HTTP 500); the profile may have been created, so look it up with get_profiles (filter by email) before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a profile that exists is named by its id (409 duplicate_profile)', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'profiles'), {
    status: 409,
    headers: JSONAPI,
    body: errors(
      409,
      'duplicate_profile',
      'Conflict.',
      'A profile already exists with one of these identifiers.',
      { pointer: '/data/attributes' },
      { duplicate_profile_id: PROFILE_ID },
    ),
  });
  assert.equal(
    failure(await call('create_profile', { email: 'ada@example.com' })),
    `A Klaviyo profile with this email, phone number or external id already exists (profile_id ${PROFILE_ID}); ` +
      `nothing was created. Use update_profile with profile_id ${PROFILE_ID} to change it.`,
  );
});

test('get_profiles passes the filter and sparse fields, and asks for full pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'profiles'), answer(doc([profile()])));

  const out = data(
    await call('get_profiles', {
      filter: "equals(email,'ada@example.com')",
      include_fields: ['email', 'first_name'],
    }),
  );

  assert.deepEqual(out, { profiles: [flat(profile())] });
  assert.deepEqual(query(only(fake, 'GET', 'profiles')), {
    filter: "equals(email,'ada@example.com')",
    'fields[profile]': 'email,first_name',
    'page[size]': '100',
  });
});

test('get_profile reads one profile by id; an unknown id is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `profiles/${PROFILE_ID}`), answer(doc(profile())));
  assert.deepEqual(data(await call('get_profile', { profile_id: PROFILE_ID, include_fields: ['email'] })), {
    profile: flat(profile()),
  });
  assert.deepEqual(query(only(fake, 'GET', `profiles/${PROFILE_ID}`)), { 'fields[profile]': 'email' });

  fake.route(route('GET', 'profiles/NOPE'), {
    status: 404,
    headers: JSONAPI,
    body: errors(404, 'not_found', 'Not found.', 'A profile with id NOPE does not exist.'),
  });
  assert.equal(failure(await call('get_profile', { profile_id: 'NOPE' })), 'Profile not found: NOPE');
  assert.match(failure(await call('get_profile', { profile_id: '../lists' })), /profile_id/);
});

test('update_profile patches only the fields given (null clears one) and names what changed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    route('PATCH', `profiles/${PROFILE_ID}`),
    answer(doc(profile(PROFILE_ID, { title: 'Countess' }))),
  );

  const out = data(
    await call('update_profile', {
      profile_id: PROFILE_ID,
      title: 'Countess',
      organization: null,
      zip: 'N1 9GU',
    }),
  );

  assert.equal(out.message, `Updated organization, title, zip of Klaviyo profile ${PROFILE_ID}.`);
  assert.equal((out.profile as { title: string }).title, 'Countess');
  assert.deepEqual(only(fake, 'PATCH', `profiles/${PROFILE_ID}`).body, {
    data: {
      type: 'profile',
      id: PROFILE_ID,
      attributes: { title: 'Countess', organization: null, location: { zip: 'N1 9GU' } },
    },
  });
});

test('update_profile without a change is refused; a refused field is named by its argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('update_profile', { profile_id: PROFILE_ID })),
    'Invalid arguments: give at least one field to change',
  );
  fake.route(route('PATCH', `profiles/${PROFILE_ID}`), {
    status: 400,
    headers: JSONAPI,
    body: errors(400, 'invalid', 'Invalid input.', 'Invalid timezone.', {
      pointer: '/data/attributes/location/timezone',
    }),
  });
  assert.equal(
    failure(await call('update_profile', { profile_id: PROFILE_ID, timezone: 'Mars/Olympus' })),
    `Klaviyo rejected the request for Profile ${PROFILE_ID} (HTTP 400): timezone: Invalid timezone.`,
  );
});
