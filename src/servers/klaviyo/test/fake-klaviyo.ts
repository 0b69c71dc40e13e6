/**
 * Klaviyo API answers (revision 2026-07-15) in the shapes of Klaviyo's OpenAPI description
 * (github.com/klaviyo/openapi, openapi/stable.json): JSON:API documents with `data`, `links` and
 * `included`, and JSON:API error documents.
 */

export const ORIGIN = 'https://a.klaviyo.com';
const self = (path: string) => ({ self: `${ORIGIN}/api/${path}` });
const rel = (path: string, name: string, data?: { type: string; id: string }[]) => ({
  ...(data ? { data } : {}),
  links: { self: `${ORIGIN}/api/${path}/relationships/${name}`, related: `${ORIGIN}/api/${path}/${name}` },
});

export const PROFILE_ID = '01GDDKASAP8TKDDA2GRZDSVP4H';
export const CAMPAIGN_ID = '01HXCAMPAIGN0000000000000A';
export const MESSAGE_ID = '01HXMESSAGE00000000000000A';
export const LIST_ID = 'Y6nRLr';
export const METRIC_ID = 'RESQ6t';

export function profile(id = PROFILE_ID, attributes: Record<string, unknown> = {}) {
  return {
    type: 'profile',
    id,
    attributes: {
      email: 'ada@example.com',
      phone_number: '+15005550006',
      external_id: null,
      first_name: 'Ada',
      last_name: 'Lovelace',
      organization: 'Analytical Engines',
      locale: 'en-GB',
      title: 'Engineer',
      image: null,
      created: '2025-01-15T10:00:00+00:00',
      updated: '2025-02-01T10:00:00+00:00',
      last_event_date: null,
      location: {
        address1: null,
        address2: null,
        city: 'London',
        country: 'United Kingdom',
        latitude: null,
        longitude: null,
        region: null,
        zip: null,
        timezone: 'Europe/London',
        ip: null,
      },
      properties: { plan: 'pro' },
      ...attributes,
    },
    relationships: { lists: rel(`profiles/${id}`, 'lists'), segments: rel(`profiles/${id}`, 'segments') },
    links: self(`profiles/${id}`),
  };
}

/** A profile as a list's profiles are answered: with the time it joined the list. */
export function member(id = PROFILE_ID) {
  return profile(id, { joined_group_at: '2025-03-01T12:00:00+00:00' });
}

/** A JSON:API document; a page's `links.next` is absolute, as Klaviyo writes it. */
export function doc(data: unknown, extra: { next?: string; included?: unknown[]; self?: string } = {}) {
  return {
    data,
    links: { self: extra.self ?? `${ORIGIN}/api/`, ...(extra.next ? { next: extra.next } : {}) },
    ...(extra.included ? { included: extra.included } : {}),
  };
}

export function campaign(id = CAMPAIGN_ID, attributes: Record<string, unknown> = {}) {
  return {
    type: 'campaign',
    id,
    attributes: {
      name: 'May sale',
      status: 'Draft',
      archived: false,
      audiences: { included: [LIST_ID, 'SgMnt1'], excluded: ['UnSb01'] },
      send_options: { use_smart_sending: true },
      tracking_options: {
        add_tracking_params: false,
        custom_tracking_params: null,
        is_tracking_clicks: true,
        is_tracking_opens: true,
      },
      send_strategy: { method: 'immediate' },
      created_at: '2025-05-01T09:00:00+00:00',
      scheduled_at: null,
      updated_at: '2025-05-02T09:00:00+00:00',
      send_time: null,
      ...attributes,
    },
    relationships: {
      'campaign-messages': rel(`campaigns/${id}`, 'campaign-messages', [
        { type: 'campaign-message', id: MESSAGE_ID },
      ]),
      tags: rel(`campaigns/${id}`, 'tags', []),
    },
    links: self(`campaigns/${id}`),
  };
}

export function campaignMessage(id = MESSAGE_ID, channel: 'email' | 'sms' = 'email') {
  const definition =
    channel === 'email'
      ? {
          channel: 'email',
          label: 'May sale',
          content: {
            subject: 'Everything 20% off',
            preview_text: 'This week only',
            from_email: 'shop@acme.example',
            from_label: 'Acme',
            reply_to_email: null,
            cc_email: null,
            bcc_email: null,
          },
        }
      : { channel: 'sms', content: { body: 'Sale! 20% off' }, render_options: { shorten_links: true } };
  return {
    type: 'campaign-message',
    id,
    attributes: {
      definition,
      send_times: [],
      created_at: '2025-05-01T09:00:00+00:00',
      updated_at: '2025-05-02T09:00:00+00:00',
    },
    relationships: {
      campaign: rel(`campaign-messages/${id}`, 'campaign'),
      template: rel(`campaign-messages/${id}`, 'template'),
    },
    links: self(`campaign-messages/${id}`),
  };
}

/** The answer of POST /campaign-message-assign-template, in its own (older) message shape. */
export function assignedMessage(id = MESSAGE_ID, templateId = 'TmPl01') {
  return {
    data: {
      type: 'campaign-message',
      id,
      attributes: {
        label: 'May sale',
        channel: 'email',
        content: {
          subject: 'Everything 20% off',
          preview_text: 'This week only',
          from_email: 'shop@acme.example',
          from_label: 'Acme',
        },
        send_times: [],
        created_at: '2025-05-01T09:00:00+00:00',
        updated_at: '2025-05-02T09:00:00+00:00',
      },
      relationships: {
        template: {
          data: { type: 'template', id: templateId },
          links: rel(`campaign-messages/${id}`, 'template').links,
        },
      },
      links: self(`campaign-messages/${id}`),
    },
    links: self('campaign-message-assign-template'),
  };
}

export function sendJob(id = CAMPAIGN_ID, status = 'queued') {
  return { type: 'campaign-send-job', id, attributes: { status }, links: self(`campaign-send-jobs/${id}`) };
}

export function estimation(id = CAMPAIGN_ID, count = 1234) {
  return {
    type: 'campaign-recipient-estimation',
    id,
    attributes: { estimated_recipient_count: count },
    links: self(`campaign-recipient-estimations/${id}`),
  };
}

export function list(id = LIST_ID, name = 'Newsletter', attributes: Record<string, unknown> = {}) {
  return {
    type: 'list',
    id,
    attributes: {
      name,
      created: '2024-01-01T00:00:00+00:00',
      updated: '2025-01-01T00:00:00+00:00',
      opt_in_process: 'single_opt_in',
      ...attributes,
    },
    relationships: { profiles: rel(`lists/${id}`, 'profiles'), tags: rel(`lists/${id}`, 'tags') },
    links: self(`lists/${id}`),
  };
}

export function metric(id = METRIC_ID, name = 'Placed Order') {
  return {
    type: 'metric',
    id,
    attributes: {
      name,
      created: '2024-01-01T00:00:00+00:00',
      updated: '2025-01-01T00:00:00+00:00',
      integration: {
        object: 'integration',
        id: '0eMvjm',
        key: 'shopify',
        name: 'Shopify',
        category: 'eCommerce',
      },
    },
    relationships: { 'flow-triggers': rel(`metrics/${id}`, 'flow-triggers') },
    links: self(`metrics/${id}`),
  };
}

/** A JSON:API error document, as Klaviyo answers every error. */
export function errors(
  status: number,
  code: string,
  title: string,
  detail: string,
  source?: { pointer?: string; parameter?: string },
  meta?: Record<string, unknown>,
) {
  return {
    errors: [
      {
        id: '7e5d3a55-1d0b-4c6e-9c4e-1b2f7d9c0a11',
        status,
        code,
        title,
        detail,
        ...(source ? { source } : {}),
        ...(meta ? { meta } : {}),
      },
    ],
  };
}

export const notFound = (what: string, id: string) =>
  errors(404, 'not_found', 'Not found.', `A ${what} with id ${id} does not exist.`);
export const unauthenticated = errors(
  401,
  'not_authenticated',
  'Authentication credentials were not provided.',
  'Missing or invalid access token.',
);
export const throttled = errors(
  429,
  'throttled',
  'Request was throttled.',
  'Request was throttled. Expected available in 1 second.',
);
export const JSONAPI = { 'content-type': 'application/vnd.api+json' };
