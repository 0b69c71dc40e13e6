/**
 * Patreon API v2 answers in the shapes of Patreon's documentation (docs.patreon.com, "APIv2: Resource
 * Endpoints" and "APIv2: Resources"; its source is github.com/Patreon/platform-documentation): JSON:API
 * documents with `data`, `included`, `meta.pagination` (`total`, `cursors.next`), and the error body
 * `{ errors: [{ code, code_name, detail, id, status, title }] }`.
 */

export const BASE = '/api/oauth2/v2';
export const API = `https://www.patreon.com${BASE}`;

export const CAMPAIGN_ID = '1234560';

export function userResource(id = '111', attributes: Record<string, unknown> = {}) {
  return {
    attributes: { email: 'some_email@email.com', full_name: 'Platform Team', ...attributes },
    id,
    relationships: {
      campaign: {
        data: { id: CAMPAIGN_ID, type: 'campaign' },
        links: { related: `${API}/campaigns/${CAMPAIGN_ID}` },
      },
    },
    type: 'user',
  };
}

export function campaignResource(id = CAMPAIGN_ID, relationships?: Record<string, unknown>) {
  return {
    attributes: {
      created_at: '2018-05-04T23:34:08+00:00',
      creation_name: 'online communities',
      image_small_url: 'https://example.url',
      image_url: 'https://example.url',
      is_charged_immediately: false,
      is_monthly: false,
      is_nsfw: false,
      one_liner: null,
      patron_count: 2,
      pay_per_name: 'creation',
      pledge_url: `/bePatron?c=${id}`,
      published_at: '2018-05-09T17:12:01+00:00',
      summary: 'Putting the internet to work for creators.',
      url: 'https://www.patreon.com/platform',
      vanity: 'platform',
    },
    id,
    ...(relationships ? { relationships } : {}),
    type: 'campaign',
  };
}

export function tierResource(id = '54321') {
  return {
    attributes: {
      amount_cents: 100,
      created_at: '2018-04-01T04:15:41.403645+00:00',
      description: 'A tier',
      patron_count: 32,
      published: true,
      published_at: '2018-04-01T02:55:36.938342+00:00',
      title: 'Patron',
      url: `/bePatron?c=1231345&rid=${id}`,
    },
    id,
    type: 'tier',
  };
}

export function memberResource(id: string, tierId = '54321') {
  return {
    attributes: {
      full_name: 'Platform Team',
      last_charge_date: '2018-04-01T21:28:06+00:00',
      last_charge_status: 'Paid',
      campaign_lifetime_support_cents: 400,
      currently_entitled_amount_cents: 400,
      patron_status: 'active_patron',
    },
    id,
    relationships: { currently_entitled_tiers: { data: [{ id: tierId, type: 'tier' }] } },
    type: 'member',
  };
}

export function postResource(id: string) {
  return {
    attributes: {
      title: `Post ${id}`,
      content: '<p>Hello patrons</p>',
      url: `/posts/${id}`,
      published_at: '2019-01-02T03:04:05.000+00:00',
      is_public: false,
      is_paid: false,
      embed_url: null,
      embed_data: null,
      tiers: ['54321'],
    },
    id,
    type: 'post',
  };
}

/** `meta.pagination` with the cursor of the next page (none on the last). */
export const meta = (total: number, next: string | null) => ({
  pagination: { ...(next ? { cursors: { next } } : { cursors: { next: null } }), total },
});

export const patreonError = (
  status: number,
  code: number | null,
  codeName: string,
  detail: string,
  extra = {},
) => ({
  errors: [
    {
      code,
      code_name: codeName,
      detail,
      id: 'eb96e70d-909f-40cc-a3dc-e922cc90ea0a',
      status: String(status),
      title: detail,
      ...extra,
    },
  ],
});

export const unauthorized = patreonError(
  401,
  1,
  'Unauthorized',
  "The server could not verify that you are authorized to access the URL requested.  You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required.",
);
export const notFound = patreonError(404, 3, 'ResourceMissing', 'The resource you requested was not found.');
export const throttled = (seconds: number) =>
  patreonError(429, null, 'RequestThrottled', 'You have made too many attempts. Please try again later.', {
    retry_after_seconds: seconds,
  });
