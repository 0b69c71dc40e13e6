import type { TestContext } from 'node:test';
import {
  type FakeReply,
  type FakeService,
  fakeFor,
  type RecordedRequest,
} from '../../../testing/fake-service.js';

/**
 * A stateful fake of PayPal's REST APIs on loopback, answering in the shapes of PayPal's OpenAPI
 * descriptions (github.com/paypal/paypal-rest-api-specifications: checkout_orders_v2,
 * catalogs_products_v1, billing_subscriptions_v1, invoicing_v2): the client-credentials token endpoint
 * (HTTP Basic, `grant_type=client_credentials`), orders, products, plans, subscriptions and invoice
 * search with `page`/`page_size`/`total_required` and HATEOAS links, PayPal's error bodies (`name`,
 * `message`, `debug_id`, `details[]`), and PayPal-Request-Id: a create repeated with an id is answered
 * with the first result.
 */

type Obj = Record<string, unknown>;

export const CLIENT_ID = 'AYSq3RDGsmBLJE-otTkBtM-jBRd1TCQwFf9RGfwddNXWz0uFU9ztymylOhRS';
export const CLIENT_SECRET = 'EGnHDxD_qRPdaLdZz8iCr8N7_MzF-YHPTkjs6NKYQvQSBngp4PTTVWkPZRbL';
export const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
export const TIME = '2024-05-01T10:00:00Z';
export const DEBUG_ID = 'b56bddcbd0e8a';
const SANDBOX = 'https://api-m.sandbox.paypal.com';

export const paypalError = (status: number, name: string, message: string, details?: Obj[]): FakeReply => ({
  status,
  body: {
    name,
    message,
    debug_id: DEBUG_ID,
    ...(details ? { details } : {}),
    links: [
      {
        href: `https://developer.paypal.com/docs/api/overview/#error`,
        rel: 'information_link',
        method: 'GET',
      },
    ],
  },
});

export const authFailure = paypalError(
  401,
  'AUTHENTICATION_FAILURE',
  'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
);
export const notAuthorized = paypalError(
  403,
  'NOT_AUTHORIZED',
  'Authorization failed due to insufficient permissions.',
  [
    {
      issue: 'PERMISSION_DENIED',
      description: 'You do not have permission to access or perform operations on this resource.',
    },
  ],
);
export const notFound = paypalError(404, 'RESOURCE_NOT_FOUND', 'The specified resource does not exist.', [
  {
    issue: 'INVALID_RESOURCE_ID',
    description: 'Specified resource ID does not exist. Please check the resource ID and try again.',
  },
]);
export const rateLimited = paypalError(
  429,
  'RATE_LIMIT_REACHED',
  'Too many requests. Blocked due to rate limiting.',
);
export const internal = paypalError(500, 'INTERNAL_SERVER_ERROR', 'An internal server error occurred.');

const link = (href: string, rel: string, method = 'GET') => ({ href, rel, method });

export const order = (id: string, extra: Obj = {}): Obj => ({
  id,
  intent: 'CAPTURE',
  status: 'CREATED',
  purchase_units: [{ reference_id: 'default', amount: { currency_code: 'USD', value: '100.00' } }],
  create_time: TIME,
  links: [
    link(`${SANDBOX}/v2/checkout/orders/${id}`, 'self'),
    link(`https://www.sandbox.paypal.com/checkoutnow?token=${id}`, 'approve'),
    link(`${SANDBOX}/v2/checkout/orders/${id}`, 'update', 'PATCH'),
    link(`${SANDBOX}/v2/checkout/orders/${id}/capture`, 'capture', 'POST'),
  ],
  ...extra,
});

export const product = (id: string, extra: Obj = {}): Obj => ({
  id,
  name: 'Video Streaming Service',
  description: 'Video streaming service',
  type: 'SERVICE',
  category: 'SOFTWARE',
  image_url: 'https://example.com/streaming.jpg',
  home_url: 'https://example.com/home',
  create_time: TIME,
  update_time: TIME,
  links: [
    link(`${SANDBOX}/v1/catalogs/products/${id}`, 'self'),
    link(`${SANDBOX}/v1/catalogs/products/${id}`, 'edit', 'PATCH'),
  ],
  ...extra,
});

export const billingCycle = {
  frequency: { interval_unit: 'MONTH', interval_count: 1 },
  tenure_type: 'REGULAR',
  sequence: 1,
  total_cycles: 12,
  pricing_scheme: { fixed_price: { value: '10.00', currency_code: 'USD' } },
};

export const plan = (id: string, extra: Obj = {}): Obj => ({
  id,
  product_id: 'PROD-1',
  name: 'Basic plan',
  description: 'Basic plan',
  status: 'ACTIVE',
  billing_cycles: [billingCycle],
  payment_preferences: {
    auto_bill_outstanding: true,
    setup_fee: { value: '0', currency_code: 'USD' },
    setup_fee_failure_action: 'CONTINUE',
    payment_failure_threshold: 3,
  },
  taxes: { percentage: '10', inclusive: false },
  quantity_supported: false,
  create_time: TIME,
  update_time: TIME,
  links: [
    link(`${SANDBOX}/v1/billing/plans/${id}`, 'self'),
    link(`${SANDBOX}/v1/billing/plans/${id}`, 'edit', 'PATCH'),
  ],
  ...extra,
});

export const subscription = (id: string, extra: Obj = {}): Obj => ({
  id,
  status: 'APPROVAL_PENDING',
  status_update_time: TIME,
  plan_id: 'P-1',
  plan_overridden: false,
  start_time: TIME,
  quantity: '1',
  subscriber: {
    name: { given_name: 'John', surname: 'Doe' },
    email_address: 'customer@example.com',
    payer_id: '2J6QB8YJQSJRJ',
  },
  create_time: TIME,
  links: [
    link(`https://www.sandbox.paypal.com/webapps/billing/subscriptions?ba_token=BA-${id}`, 'approve'),
    link(`${SANDBOX}/v1/billing/subscriptions/${id}`, 'edit', 'PATCH'),
    link(`${SANDBOX}/v1/billing/subscriptions/${id}`, 'self'),
  ],
  ...extra,
});

export const invoice = (id: string, extra: Obj = {}): Obj => ({
  id,
  status: 'SENT',
  detail: {
    invoice_number: `#${id.slice(-4)}`,
    reference: 'deal-ref',
    invoice_date: '2024-05-01',
    currency_code: 'USD',
    payment_term: { term_type: 'NET_10', due_date: '2024-05-11' },
    metadata: { create_time: TIME },
  },
  invoicer: { email_address: 'merchant@example.com' },
  primary_recipients: [
    {
      billing_info: {
        name: { given_name: 'Stephanie', surname: 'Meyers' },
        email_address: 'bill-me@example.com',
      },
    },
  ],
  amount: { currency_code: 'USD', value: '74.21' },
  due_amount: { currency_code: 'USD', value: '74.21' },
  links: [link(`${SANDBOX}/v2/invoicing/invoices/${id}`, 'self')],
  ...extra,
});

interface Saved {
  path: string;
  reply: FakeReply;
}

export interface PayPalFake {
  fake: FakeService;
  orders: Map<string, Obj>;
  products: Map<string, Obj>;
  plans: Map<string, Obj>;
  subscriptions: Map<string, Obj>;
  invoices: Map<string, Obj>;
  /** How many objects the creates made (a replay makes none). */
  created(): number;
  /** Token requests the fake answered, and the tokens it gave. */
  tokens: string[];
  /** Makes every token given so far invalid (revoked, or expired early). */
  revokeTokens(): void;
  /** Makes the next `count` POSTs to `path` do their work (or replay it) but answer `status` instead. */
  loseAnswers(path: string, count?: number, status?: number): void;
  /** Only the requests to `method path`. */
  requestsTo(method: string, path: string): RecordedRequest[];
  /** Every answer the fake gave, in order, beside its request. */
  replies: { method: string; path: string; status: number; body: unknown }[];
}

/** Starts the fake on 127.0.0.1 as the sandbox host (GUMCP_PAYPAL_API_URL, or `serverId`); closed after the test. */
export async function startPayPal(t: TestContext, serverId = 'paypal'): Promise<PayPalFake> {
  const fake = await fakeFor(t, serverId);
  const stores = {
    orders: new Map<string, Obj>(),
    products: new Map<string, Obj>(),
    plans: new Map<string, Obj>(),
    subscriptions: new Map<string, Obj>(),
    invoices: new Map<string, Obj>(),
  };
  const tokens: string[] = [];
  const valid = new Set<string>();
  const saved = new Map<string, Saved>();
  const lost = new Map<string, { count: number; status: number }>();
  const replies: PayPalFake['replies'] = [];
  let created = 0;

  const record = (req: RecordedRequest, reply: FakeReply): FakeReply => {
    replies.push({ method: req.method, path: req.path, status: reply.status ?? 200, body: reply.body });
    return reply;
  };

  fake.route('POST /v1/oauth2/token', (req) => {
    if (req.headers.authorization !== BASIC || req.rawBody !== 'grant_type=client_credentials') {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Client Authentication failed' },
      };
    }
    const token = `A21AAFake${tokens.length + 1}`;
    tokens.push(token);
    valid.add(token);
    return {
      body: {
        scope: 'https://uri.paypal.com/services/invoicing https://uri.paypal.com/services/subscriptions',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-80W284485P519543T',
        expires_in: 32400,
        nonce: '2024-05-01T10:00:00ZfakeNonce',
      },
    };
  });

  const id = (prefix: string) => `${prefix}${String(++created).padStart(4, '0')}FAKE`;
  const body = (req: RecordedRequest) => (req.body && typeof req.body === 'object' ? (req.body as Obj) : {});

  /** A page of `all`, with links and (with total_required) the counts. */
  const page = (req: RecordedRequest, key: string, all: Obj[]): FakeReply => {
    const size = Number(req.query.get('page_size') ?? 10);
    const number = Number(req.query.get('page') ?? 1);
    const items = all.slice((number - 1) * size, number * size);
    const pages = Math.max(1, Math.ceil(all.length / size));
    const href = (p: number) => `${SANDBOX}${req.path}?page_size=${size}&page=${p}`;
    return {
      body: {
        [key]: items,
        ...(req.query.get('total_required') === 'true'
          ? { total_items: all.length, total_pages: pages }
          : {}),
        links: [
          link(href(number), 'self'),
          ...(number < pages ? [link(href(number + 1), 'next')] : []),
          ...(number > 1 ? [link(href(number - 1), 'prev')] : []),
        ],
      },
    };
  };

  const setStatus = (planId: string, from: string[], to: string, action: string): FakeReply => {
    const p = stores.plans.get(planId);
    if (!p) return notFound;
    if (!from.includes(String(p.status))) {
      return paypalError(
        422,
        'UNPROCESSABLE_ENTITY',
        'The requested action could not be performed, semantically incorrect, or failed business validation.',
        [
          {
            issue: 'PLAN_STATUS_INVALID',
            description: `Invalid plan status for ${action} action; plan status should be ${action === 'activate' ? 'either created or inactive' : 'active'}.`,
          },
        ],
      );
    }
    p.status = to;
    return { status: 204, body: '' };
  };

  /** The work of each endpoint: what PayPal would do and answer. */
  const work = (req: RecordedRequest): FakeReply => {
    const b = body(req);
    const parts = req.path.split('/').filter(Boolean);
    const route = `${req.method} /${parts.slice(0, 3).join('/')}`;
    const [, , , first, action] = parts;
    switch (route) {
      case 'POST /v2/checkout/orders': {
        if (first && action === 'confirm-payment-source') {
          const o = stores.orders.get(first);
          if (!o) return notFound;
          Object.assign(o, {
            status: 'PAYER_ACTION_REQUIRED',
            payment_source: b.payment_source,
            links: [
              link(`https://www.sandbox.paypal.com/checkoutnow?token=${first}`, 'payer-action'),
              link(`${SANDBOX}/v2/checkout/orders/${first}`, 'self'),
            ],
          });
          return { body: o };
        }
        const o = order(id('5O19'), { intent: b.intent, purchase_units: b.purchase_units });
        stores.orders.set(String(o.id), o);
        return { status: 201, body: o };
      }
      case 'GET /v2/checkout/orders':
        return first && stores.orders.has(first) ? { body: stores.orders.get(first) } : notFound;
      case 'POST /v1/catalogs/products': {
        const p = product(id('PROD-'), { ...b });
        stores.products.set(String(p.id), p);
        return { status: 201, body: p };
      }
      case 'GET /v1/catalogs/products':
        if (first) return stores.products.has(first) ? { body: stores.products.get(first) } : notFound;
        return page(req, 'products', [...stores.products.values()]);
      case 'PATCH /v1/catalogs/products': {
        const p = first ? stores.products.get(first) : undefined;
        if (!p) return notFound;
        for (const op of req.body as { path: string; value: unknown }[])
          p[op.path.replace(/^\//, '')] = op.value;
        return { status: 204, body: '' };
      }
      case 'POST /v1/billing/plans': {
        if (first && action === 'activate')
          return setStatus(first, ['CREATED', 'INACTIVE'], 'ACTIVE', 'activate');
        if (first && action === 'deactivate') return setStatus(first, ['ACTIVE'], 'INACTIVE', 'deactivate');
        if (!stores.products.has(String(b.product_id))) {
          return paypalError(
            422,
            'UNPROCESSABLE_ENTITY',
            'The requested action could not be performed, semantically incorrect, or failed business validation.',
            [
              {
                field: '/product_id',
                value: String(b.product_id),
                location: 'body',
                issue: 'INVALID_PRODUCT_ID',
                description: 'Invalid product id.',
              },
            ],
          );
        }
        const p = plan(id('P-'), { ...b, status: b.status ?? 'ACTIVE' });
        stores.plans.set(String(p.id), p);
        return { status: 201, body: p };
      }
      case 'GET /v1/billing/plans': {
        if (first) return stores.plans.has(first) ? { body: stores.plans.get(first) } : notFound;
        const product = req.query.get('product_id');
        return page(
          req,
          'plans',
          [...stores.plans.values()].filter((p) => !product || p.product_id === product),
        );
      }
      case 'PATCH /v1/billing/plans': {
        const p = first ? stores.plans.get(first) : undefined;
        if (!p) return notFound;
        for (const op of req.body as { path: string; value: unknown }[]) {
          const keys = op.path.replace(/^\//, '').split('/');
          const last = keys.pop() as string;
          let node = p;
          for (const k of keys) node = node[k] as Obj;
          node[last] = op.value;
        }
        return { status: 204, body: '' };
      }
      case 'POST /v1/billing/subscriptions': {
        const s = subscription(id('I-'), {
          plan_id: b.plan_id,
          quantity: b.quantity ?? '1',
          custom_id: b.custom_id,
        });
        stores.subscriptions.set(String(s.id), s);
        return {
          status: 201,
          body: req.headers.prefer === 'return=minimal' ? { id: s.id, status: s.status, links: s.links } : s,
        };
      }
      case 'GET /v1/billing/subscriptions':
        return first && stores.subscriptions.has(first)
          ? { body: stores.subscriptions.get(first) }
          : notFound;
      case 'POST /v2/invoicing/search-invoices': {
        const status = b.status as string[] | undefined;
        const all = [...stores.invoices.values()].filter((i) => !status || status.includes(String(i.status)));
        return page(req, 'items', all);
      }
      default:
        return notFound;
    }
  };

  for (const method of ['GET', 'POST', 'PATCH']) {
    fake.route(`${method} /v*`, (req) => {
      const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!valid.has(token)) return record(req, authFailure);
      const requestId = req.method === 'POST' ? req.headers['paypal-request-id'] : undefined;
      const before = typeof requestId === 'string' ? saved.get(requestId) : undefined;
      let reply = before && before.path === req.path ? before.reply : undefined;
      if (!reply) {
        reply = work(req);
        if (typeof requestId === 'string') saved.set(requestId, { path: req.path, reply });
      }
      const loss = req.method === 'POST' ? lost.get(req.path) : undefined;
      if (loss) {
        loss.count -= 1;
        if (loss.count <= 0) lost.delete(req.path);
        return record(req, internal.status === loss.status ? internal : { ...internal, status: loss.status });
      }
      return record(req, reply);
    });
  }

  return {
    fake,
    ...stores,
    created: () => created,
    tokens,
    revokeTokens: () => valid.clear(),
    loseAnswers: (path, count = 1, status = 500) => lost.set(path, { count, status }),
    requestsTo: (method, path) => fake.requests.filter((r) => r.method === method && r.path === path),
    replies,
  };
}
