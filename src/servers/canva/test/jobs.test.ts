import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESIGN, design, designSummary } from './fake-canva.js';
import { assertRequest, data, failure, setup } from './harness.js';

const EXPORT_URLS = [
  'https://export-download.canva.com/DAFVztcvd9z/1/0/0001.png?X-Amz-Expires=86400',
  'https://export-download.canva.com/DAFVztcvd9z/2/0/0002.png?X-Amz-Expires=86400',
];

test('get_design with export_format creates an export job, polls it with backoff and progress, and returns the URLs', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  fake.route('POST /rest/v1/exports', { body: { job: { id: 'e-1', status: 'in_progress' } } });
  fake.once('GET /rest/v1/exports/e-1', { body: { job: { id: 'e-1', status: 'in_progress' } } });
  fake.route('GET /rest/v1/exports/e-1', {
    body: { job: { id: 'e-1', status: 'success', urls: EXPORT_URLS } },
  });
  const progress: number[] = [];
  const result = data(
    await call(
      'get_design',
      { design_id: DESIGN, export_format: 'png', export_pages: [1, 2] },
      { onprogress: (p) => progress.push(p.progress) },
    ),
  );
  assertRequest(fake.requests[1], {
    method: 'POST',
    path: '/rest/v1/exports',
    body: { design_id: DESIGN, format: { type: 'png', pages: [1, 2] } },
  });
  assertRequest(fake.requests[2], { method: 'GET', path: '/rest/v1/exports/e-1' });
  assertRequest(fake.requests[3], { method: 'GET', path: '/rest/v1/exports/e-1' });
  assert.equal(fake.requests.length, 4);
  assert.deepEqual(result.export, { job_id: 'e-1', format: 'png', urls: EXPORT_URLS });
  assert.equal(result.id, DESIGN);
  // One look before the job is created answered in_progress, then the poller's waits grow by half.
  assert.deepEqual(sleeps, [10, 15]);
  assert.deepEqual(progress, [1, 2]);
});

test('a jpg export gets the quality Canva requires; export_quality is passed on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  fake.route('POST /rest/v1/exports', {
    body: { job: { id: 'e-2', status: 'success', urls: EXPORT_URLS.slice(0, 1) } },
  });
  const result = data(
    await call('get_design', { design_id: DESIGN, export_format: 'jpg', export_quality: 'pro' }),
  );
  assert.deepEqual(fake.requests[1]?.body, {
    design_id: DESIGN,
    format: { type: 'jpg', quality: 90, export_quality: 'pro' },
  });
  assert.equal(fake.requests.length, 2, 'a job done at once needs no poll');
  assert.deepEqual((result.export as { urls: string[] }).urls, EXPORT_URLS.slice(0, 1));
});

test('a failed export gives Canva’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  fake.route('POST /rest/v1/exports', { body: { job: { id: 'e-3', status: 'in_progress' } } });
  fake.route('GET /rest/v1/exports/e-3', {
    body: {
      job: {
        id: 'e-3',
        status: 'failed',
        error: {
          code: 'license_required',
          message: 'User must be licensed to export the design with premium elements.',
        },
      },
    },
  });
  assert.equal(
    failure(await call('get_design', { design_id: DESIGN, export_format: 'pdf' })),
    `The pdf export of design ${DESIGN} failed: User must be licensed to export the design with premium elements. (license_required)`,
  );
});

test('a job still running at the deadline says so', async (t) => {
  const { fake, call } = await setup(t, undefined, { poll: { deadlineMs: 0 } });
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  fake.route('POST /rest/v1/exports', { body: { job: { id: 'e-4', status: 'in_progress' } } });
  assert.equal(
    failure(await call('get_design', { design_id: DESIGN, export_format: 'pdf' })),
    `The pdf export of design ${DESIGN} is still running after 0 s; Canva keeps running it; call the tool again later`,
  );
});

test('a client that cancels while an export runs stops the polling', async (t) => {
  const { fake, client } = await setup(t, undefined, {
    // A real (abortable) wait, long enough that only the cancellation can end it.
    poll: { initialDelayMs: 60_000, sleep: undefined },
  });
  fake.route(`GET /rest/v1/designs/${DESIGN}`, { body: { design: design() } });
  fake.route('POST /rest/v1/exports', { body: { job: { id: 'e-5', status: 'in_progress' } } });
  const controller = new AbortController();
  await assert.rejects(
    client.callTool(
      { name: 'get_design', arguments: { design_id: DESIGN, export_format: 'pdf' } },
      { signal: controller.signal, onprogress: () => controller.abort() },
    ),
  );
  assert.equal(fake.requests.filter((r) => r.path === '/rest/v1/exports/e-5').length, 0);
});

test('create_design from asset_url uploads the image (a job), then creates the design with its asset id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/url-asset-uploads', { body: { job: { id: 'u-1', status: 'in_progress' } } });
  fake.route('GET /rest/v1/url-asset-uploads/u-1', {
    body: {
      job: {
        id: 'u-1',
        status: 'success',
        asset: {
          type: 'image',
          id: 'Msd59349fz',
          name: 'Hero',
          tags: [],
          created_at: 1_709_294_400,
          updated_at: 1_709_294_400,
          owner: { user_id: 'u', team_id: 't' },
        },
      },
    },
  });
  fake.route('POST /rest/v1/designs', { body: { design: design('DNEW') } });
  const result = data(
    await call('create_design', {
      asset_url: 'https://images.example.com/hero.png',
      asset_name: 'Hero',
      design_type: { type: 'preset', name: 'presentation' },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/rest/v1/url-asset-uploads',
    body: { name: 'Hero', url: 'https://images.example.com/hero.png' },
  });
  assertRequest(fake.requests[1], { method: 'GET', path: '/rest/v1/url-asset-uploads/u-1' });
  assertRequest(fake.requests[2], {
    method: 'POST',
    path: '/rest/v1/designs',
    body: {
      type: 'type_and_asset',
      design_type: { type: 'preset', name: 'presentation' },
      asset_id: 'Msd59349fz',
    },
  });
  assert.equal(result.asset_id, 'Msd59349fz');
  assert.equal(result.created_by, 'create');
});

test('create_design from asset_base64 uploads the bytes with the name in Asset-Upload-Metadata', async (t) => {
  const { fake, call } = await setup(t);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  fake.route('POST /rest/v1/asset-uploads', { body: { job: { id: 'a-1', status: 'in_progress' } } });
  fake.route('GET /rest/v1/asset-uploads/a-1', {
    body: { job: { id: 'a-1', status: 'success', asset: { type: 'image', id: 'Masset1', name: 'Logo' } } },
  });
  fake.route('POST /rest/v1/designs', { body: { design: design('DNEW') } });
  data(await call('create_design', { asset_base64: png.toString('base64'), title: 'Logo – été' }));
  const upload = fake.requests[0];
  assert.equal(upload?.path, '/rest/v1/asset-uploads');
  assert.equal(upload?.headers['content-type'], 'application/octet-stream');
  assert.deepEqual(JSON.parse(String(upload?.headers['asset-upload-metadata'])), {
    name_base64: Buffer.from('Logo – été').toString('base64'),
  });
  assert.deepEqual(upload?.bytes, png);
  assert.deepEqual(fake.requests[2]?.body, {
    type: 'type_and_asset',
    asset_id: 'Masset1',
    title: 'Logo – été',
  });
});

test('a failed upload gives Canva’s reason and creates no design', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/url-asset-uploads', {
    body: {
      job: {
        id: 'u-2',
        status: 'failed',
        error: { code: 'fetch_failed', message: 'Could not fetch the URL' },
      },
    },
  });
  assert.equal(
    failure(await call('create_design', { asset_url: 'https://images.example.com/x.png' })),
    'The upload of asset Upload failed: Could not fetch the URL (fetch_failed)',
  );
  assert.equal(fake.requests.length, 1);
});

test('create_design with brand_template_id autofills the template (a job) and returns the new design', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/autofills', { body: { job: { id: 'f-1', status: 'in_progress' } } });
  fake.route('GET /rest/v1/autofills/f-1', {
    body: {
      job: {
        id: 'f-1',
        status: 'success',
        result: { type: 'create_design', design: designSummary('DFILL') },
      },
    },
  });
  const result = data(
    await call('create_design', {
      brand_template_id: 'DAFVztcvd9z',
      title: 'Menu – June',
      autofill_data: { headline: 'Summer menu', hero: { type: 'image', asset_id: 'Msd59349ff' } },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/rest/v1/autofills',
    body: {
      type: 'create_from_brand_template',
      brand_template_id: 'DAFVztcvd9z',
      title: 'Menu – June',
      data: {
        headline: { type: 'text', text: 'Summer menu' },
        hero: { type: 'image', asset_id: 'Msd59349ff' },
      },
    },
  });
  assertRequest(fake.requests[1], { method: 'GET', path: '/rest/v1/autofills/f-1' });
  assert.equal((result.design as { id: string; owner: unknown }).id, 'DFILL');
  assert.equal((result.design as { owner: unknown }).owner, null);
  assert.equal(result.created_by, 'autofill');
});

test('create_design with resize_design_id resizes the design (a job) into design_type', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/resizes', { body: { job: { id: 'r-1', status: 'in_progress' } } });
  fake.route('GET /rest/v1/resizes/r-1', {
    body: { job: { id: 'r-1', status: 'success', result: { design: designSummary('DSIZE') } } },
  });
  const result = data(
    await call('create_design', {
      resize_design_id: DESIGN,
      design_type: { type: 'custom', width: 1080, height: 1920 },
    }),
  );
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/rest/v1/resizes',
    body: { design_id: DESIGN, design_type: { type: 'custom', width: 1080, height: 1920 } },
  });
  assert.equal((result.design as { id: string }).id, 'DSIZE');
  assert.equal(result.created_by, 'resize');
});
