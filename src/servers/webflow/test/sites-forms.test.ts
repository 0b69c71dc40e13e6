import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { authorizedBy, form, paged, SITE_ID, site, submission } from './fake-webflow.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const SITE = {
  id: SITE_ID,
  displayName: "The Hitchhiker's Guide to the Galaxy",
  shortName: 'hitchhikers-guide',
  workspaceId: '580e63fc8c9a982ac9b8b744',
  timeZone: 'Europe/London',
  createdOn: '2016-10-24T19:41:29.156Z',
  lastUpdated: '2023-04-02T12:42:00.000Z',
  lastPublished: '2023-04-02T12:42:00.000Z',
  previewUrl: 'https://screenshots.webflow.com/sites/6258612d1ee792848f805dcf/preview.png',
  customDomains: [
    {
      id: '589a331aa51e760df7ccb89d',
      url: 'hitchhikersguide.galaxy',
      lastPublished: '2023-04-02T12:42:00.000Z',
    },
  ],
  locales: {
    primary: {
      id: '653fd9af6a07fc9cfd7a5e57',
      cmsLocaleId: '653ad57de882f528b32e810e',
      displayName: 'English (United States)',
      tag: 'en-US',
      enabled: false,
    },
    secondary: [
      {
        id: '653fd9af6a07fc9cfd7a5e56',
        cmsLocaleId: '653fd9af6a07fc9cfd7a5e5d',
        displayName: 'French (France)',
        tag: 'fr-FR',
        enabled: true,
      },
    ],
  },
};

test('get_authorized_user reads /token/authorized_by', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/token/authorized_by', { body: authorizedBy() });
  const out = data(await call('get_authorized_user'));
  const req = onlyRequest(fake);
  assert.equal(req.method, 'GET');
  assert.deepEqual(out, {
    id: '545bbecb7bdd6769632504a7',
    email: 'some@email.com',
    firstName: 'Some',
    lastName: 'One',
  });
});

test('list_sites and get_site give sites with their domains and locales', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/sites', {
    body: { sites: [site(), site('62f3b1f7eafac55d0c64ef91', { locales: undefined })] },
  });
  fake.route(`GET /v2/sites/${SITE_ID}`, { body: site() });
  const list = data(await call('list_sites'));
  assert.equal(list.count, 2);
  assert.deepEqual((list.sites as unknown[])[0], SITE);
  assert.equal((list.sites as { locales: unknown }[])[1]?.locales, null);
  assert.deepEqual(data(await call('get_site', { site_id: SITE_ID })), SITE);
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    ['GET /v2/sites', `GET /v2/sites/${SITE_ID}`],
  );
});

test('get_custom_domains lists the domains of a site', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}/custom_domains`, {
    body: {
      customDomains: [{ id: '589a331aa51e760df7ccb89d', url: 'test-api-domain.com', lastPublished: null }],
    },
  });
  assert.deepEqual(data(await call('get_custom_domains', { site_id: SITE_ID })), {
    site_id: SITE_ID,
    count: 1,
    customDomains: [{ id: '589a331aa51e760df7ccb89d', url: 'test-api-domain.com', lastPublished: null }],
  });
  onlyRequest(fake);
});

test('list_forms sends offset and limit and flattens the fields Webflow keys by id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}/forms`, paged('forms', [form('589a331aa51e760df7ccb89e')]));
  const out = data(await call('list_forms', { site_id: SITE_ID, limit: 10, offset: 0 }));
  assert.deepEqual(query(onlyRequest(fake)), { offset: '0', limit: '10' });
  assert.deepEqual(out, {
    count: 1,
    offset: 0,
    total: 1,
    next_offset: null,
    forms: [
      {
        id: '589a331aa51e760df7ccb89e',
        displayName: 'Email Form',
        siteId: SITE_ID,
        pageId: '6419db964a9c43f6a3af6348',
        pageName: 'Home',
        formElementId: '4e038d2c-6a1e-4953-7be9-a59a2b453177',
        createdOn: '2016-10-24T19:41:29.156Z',
        lastUpdated: '2016-10-24T19:43:17.271Z',
        fields: [
          {
            id: '660d5bcc9c0772150459dfb1',
            displayName: 'Name',
            type: 'Plain',
            placeholder: null,
            userVisible: true,
          },
          {
            id: '589a331aa51e760df7ccb89d',
            displayName: 'Email',
            type: 'Email',
            placeholder: 'Enter your email',
            userVisible: true,
          },
        ],
      },
    ],
  });
});

test("a form's fields given as the description's schema has them (one object keyed by id) read the same", async (t) => {
  const { fake, call } = await setup(t);
  const fields = {
    '660d5bcc9c0772150459dfb1': { displayName: 'Name', type: 'Plain', placeholder: null, userVisible: true },
  };
  fake.route(`GET /v2/sites/${SITE_ID}/forms`, paged('forms', [form('f1', { fields })]));
  const out = data(await call('list_forms', { site_id: SITE_ID }));
  assert.deepEqual((out.forms as { fields: unknown[] }[])[0]?.fields, [
    {
      id: '660d5bcc9c0772150459dfb1',
      displayName: 'Name',
      type: 'Plain',
      placeholder: null,
      userVisible: true,
    },
  ]);
});

test('list_form_submissions and get_form_submission return the submitted values', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'GET /v2/forms/6321ca84df3949bfc6752327/submissions',
    paged('formSubmissions', [submission('s1')]),
  );
  fake.route('GET /v2/form_submissions/s1', { body: submission('s1') });
  const list = data(await call('list_form_submissions', { form_id: '6321ca84df3949bfc6752327', limit: '5' }));
  const one = data(await call('get_form_submission', { form_submission_id: 's1' }));
  assert.deepEqual(query(fake.requests[0] as never), { offset: '0', limit: '5' });
  const expected = {
    id: 's1',
    formId: '6321ca84df3949bfc6752327',
    displayName: 'Sample Form',
    siteId: SITE_ID,
    dateSubmitted: '2022-09-14T12:35:16.117Z',
    localeId: null,
    formResponse: { 'First Name': 'Arthur', 'Last Name': 'Dent' },
  };
  assert.deepEqual(list.formSubmissions, [expected]);
  assert.deepEqual(one, expected);
});

test('list_form_submissions_by_site filters by elementId', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}/form_submissions`, paged('formSubmissions', [submission('s2')]));
  const out = data(
    await call('list_form_submissions_by_site', {
      site_id: SITE_ID,
      element_id: '4e038d2c-6a1e-4953-7be9-a59a2b453177',
      offset: 0,
    }),
  );
  assert.deepEqual(query(onlyRequest(fake)), {
    elementId: '4e038d2c-6a1e-4953-7be9-a59a2b453177',
    offset: '0',
    limit: '100',
  });
  assert.equal(out.count, 1);
});

test('delete_form_submission sends DELETE and answers what it deleted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('DELETE /v2/form_submissions/s1', { status: 204 });
  assert.deepEqual(data(await call('delete_form_submission', { form_submission_id: 's1' })), {
    deleted: true,
    form_submission_id: 's1',
  });
  assert.equal(onlyRequest(fake).method, 'DELETE');
});

test('ids that could leave the path, and limits out of range, are refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_site', { site_id: '../sites' })),
    /site_id: must be a Webflow site id/,
  );
  assert.match(failure(await call('list_forms', { site_id: SITE_ID, limit: 1001 })), /limit/);
  assert.match(failure(await call('list_forms', { site_id: SITE_ID, offset: -1 })), /offset/);
  assert.equal(fake.requests.length, 0);
});
