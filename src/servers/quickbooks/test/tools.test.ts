import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  account,
  customer,
  entityAnswer,
  expenseLine,
  invoice,
  payment,
  purchase,
  queryRoute,
  REALM,
} from './fake-quickbooks.js';
import { assertRequests, data, failure, setup, statements } from './harness.js';

const Q = `GET /v3/company/${REALM}/query`;
const ACME = { value: '56', name: 'Acme Supplies' };
const LAB = { value: '77', name: 'Lab Parts' };

test('search_customers searches names with LIKE, then emails, phones and companies among the customers', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    queryRoute({
      Customer: (s) => {
        const all = [
          customer('1', "Amy's Bird Sanctuary"),
          customer('2', 'Bill’s Windsurf', { PrimaryEmailAddr: { Address: 'amy@windsurf.example' } }),
          customer('3', 'Cool Cars', { PrimaryPhone: { FreeFormNumber: '(415) 555-9933' } }),
        ];
        // DisplayName LIKE '%…%', as QuickBooks evaluates it (case-insensitively).
        const like = /LIKE '%(.*)%'/.exec(s)?.[1]?.replace(/\\(.)/g, '$1').toLowerCase();
        return like === undefined
          ? all
          : all.filter((c) => String(c.DisplayName).toLowerCase().includes(like));
      },
    }),
  );
  const out = data(await call('search_customers', { query: "amy's" }));
  assert.deepEqual(
    (out.customers as { id: string }[]).map((c) => c.id),
    ['1'],
  );
  assert.deepEqual(statements(fake), [
    "SELECT * FROM Customer WHERE DisplayName LIKE '%amy\\'s%' STARTPOSITION 1 MAXRESULTS 10",
    'SELECT * FROM Customer STARTPOSITION 1 MAXRESULTS 1000',
  ]);
  assertRequests(fake.requests);

  const byMail = data(await call('search_customers', { query: 'amy@windsurf', limit: 5 }));
  assert.deepEqual(
    (byMail.customers as { email?: string }[]).map((c) => c.email),
    ['amy@windsurf.example'],
  );
  const byPhone = data(await call('search_customers', { query: '555-9933' }));
  assert.deepEqual(byPhone.customers, [
    { id: '3', display_name: 'Cool Cars', phone: '(415) 555-9933', balance: 0, active: true },
  ]);
});

test('analyze_sred sums the purchase lines booked to R&D expense accounts in the period', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    queryRoute({
      Account: [
        account('90', 'Research & Development', 'Expense', 'Expense', 0),
        account('91', 'Office Supplies', 'Expense', 'Expense', 0),
      ],
      Purchase: [
        purchase('200', '2025-01-10', 1500.5, LAB, [
          expenseLine(1000.25, { value: '90', name: 'Research & Development' }, 'Sensors'),
          expenseLine(500.25, { value: '91', name: 'Office Supplies' }),
        ]),
        purchase('201', '2025-02-01', 99.1, ACME, [
          expenseLine(99.1, { value: '90', name: 'Research & Development' }),
        ]),
      ],
    }),
  );
  const out = data(await call('analyze_sred', { start_date: '2025-01-01', end_date: '2025-02-28' }));
  assert.deepEqual(out.rd_accounts, [{ id: '90', name: 'Research & Development' }]);
  assert.equal(out.count, 2);
  assert.equal(out.total, 1099.35);
  assert.deepEqual((out.expenses as unknown[])[0], {
    transaction_id: '200',
    date: '2025-01-10',
    vendor: 'Lab Parts',
    account: 'Research & Development',
    amount: 1000.25,
    description: 'Sensors',
  });
  assert.deepEqual(statements(fake), [
    "SELECT * FROM Account WHERE AccountType = 'Expense' STARTPOSITION 1 MAXRESULTS 1000",
    "SELECT * FROM Purchase WHERE TxnDate >= '2025-01-01' AND TxnDate <= '2025-02-28' STARTPOSITION 1 MAXRESULTS 1000",
  ]);
  assertRequests(fake.requests);
});

test('a period that ends before it starts is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('find_duplicate_transactions', { start_date: '2025-03-01', end_date: '2025-02-01' })),
    'Invalid arguments: end_date: it is before start_date',
  );
  assert.match(
    failure(await call('analyze_sred', { start_date: '2025-02-30', end_date: '2025-03-01' })),
    /start_date/,
  );
  assert.equal(fake.requests.length, 0);
});

test('analyze_cash_flow buckets invoices and purchases by quarter up to today, empty quarters included', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    queryRoute({
      Invoice: [invoice('1', '2024-05-02', 1000), invoice('2', '2025-01-20', 3000)],
      Purchase: [purchase('9', '2024-06-30', 400, ACME)],
    }),
  );
  const out = data(await call('analyze_cash_flow', { period: 'Quarter', num_periods: 4 }));
  assert.equal(out.start_date, '2024-04-01');
  assert.equal(out.end_date, '2025-03-15');
  assert.deepEqual(out.periods, [
    { period: '2024-Q2', income: 1000, expenses: 400, net: 600 },
    { period: '2024-Q3', income: 0, expenses: 0, net: 0 },
    { period: '2024-Q4', income: 0, expenses: 0, net: 0 },
    { period: '2025-Q1', income: 3000, expenses: 0, net: 3000 },
  ]);
  assert.equal(out.trend, 'increasing');
  assert.deepEqual(statements(fake), [
    "SELECT * FROM Invoice WHERE TxnDate >= '2024-04-01' AND TxnDate <= '2025-03-15' STARTPOSITION 1 MAXRESULTS 1000",
    "SELECT * FROM Purchase WHERE TxnDate >= '2024-04-01' AND TxnDate <= '2025-03-15' STARTPOSITION 1 MAXRESULTS 1000",
  ]);
  assert.match(failure(await call('analyze_cash_flow', { period: 'week' })), /period/);
});

test('find_duplicate_transactions scores same-amount purchases within a week and keeps those over the threshold', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    queryRoute({
      Purchase: [
        purchase('1', '2025-01-03', 250, ACME),
        purchase('2', '2025-01-03', 250, ACME),
        purchase('3', '2025-01-05', 250, LAB),
        purchase('4', '2025-01-30', 250, ACME),
        purchase('5', '2025-01-04', 80, ACME),
      ],
    }),
  );
  const strict = data(
    await call('find_duplicate_transactions', { start_date: '2025-01-01', end_date: '2025-01-31' }),
  );
  assert.equal(strict.transactions_checked, 5);
  assert.deepEqual(strict.pairs, [
    {
      score: 1,
      amount: 250,
      days_apart: 0,
      same_payee: true,
      first: { id: '1', date: '2025-01-03', payee: 'Acme Supplies' },
      second: { id: '2', date: '2025-01-03', payee: 'Acme Supplies' },
    },
  ]);
  const loose = data(
    await call('find_duplicate_transactions', {
      start_date: '2025-01-01',
      end_date: '2025-01-31',
      threshold: 0.6,
    }),
  );
  assert.equal(loose.count, 3);
  assert.deepEqual(
    (loose.pairs as { score: number }[]).map((p) => p.score),
    [1, 0.671, 0.671],
  );
});

test('analyze_customer_payment_patterns reads the customer and matches payments to its invoices', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v3/company/${REALM}/customer/58`, entityAnswer('Customer', customer('58', 'Cool Cars')));
  fake.route(
    Q,
    queryRoute({
      Invoice: [
        invoice('10', '2025-01-01', 100, { DueDate: '2025-01-31', Balance: 0 }),
        invoice('11', '2025-01-15', 200, { DueDate: '2025-01-20', Balance: 0 }),
        invoice('12', '2025-02-01', 300, { DueDate: '2025-03-01', Balance: 300 }),
      ],
      Payment: [payment('500', '2025-01-11', ['10']), payment('501', '2025-01-25', ['11'])],
    }),
  );
  const out = data(
    await call('analyze_customer_payment_patterns', { customer_id: '58', lookback_months: 3 }),
  );
  assert.deepEqual(out, {
    customer: 'Cool Cars',
    customer_id: '58',
    start_date: '2024-12-15',
    end_date: '2025-03-15',
    total_invoices: 3,
    paid_invoices: 2,
    unpaid_invoices: 1,
    payment_rate_percent: 66.7,
    average_days_to_pay: 10,
    early_payments: 1,
    on_time_payments: 0,
    late_payments: 1,
    open_balance: 300,
  });
  assert.deepEqual(
    statements(fake).map((s) => s.replace(/ STARTPOSITION.*/, '')),
    [
      "SELECT * FROM Invoice WHERE CustomerRef = '58' AND TxnDate >= '2024-12-15' AND TxnDate <= '2025-03-15'",
      "SELECT * FROM Payment WHERE CustomerRef = '58' AND TxnDate >= '2024-12-15' AND TxnDate <= '2025-03-15'",
    ],
  );
  assertRequests(fake.requests);
});

test('generate_financial_metrics sums balances by classification, the year to date and the year before', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    Q,
    queryRoute({
      Account: [
        account('1', 'Checking', 'Asset', 'Bank', 5000),
        account('2', 'Equipment', 'Asset', 'Fixed Asset', 3000),
        account('3', 'Accounts Payable', 'Liability', 'Accounts Payable', 2000),
        account('4', 'Opening Balance Equity', 'Equity', 'Equity', 4000),
      ],
      Invoice: (s) =>
        s.includes("'2025-01-01'") ? [invoice('1', '2025-02-01', 1000)] : [invoice('0', '2024-02-01', 500)],
      Purchase: (s) =>
        s.includes("'2025-01-01'")
          ? [purchase('7', '2025-02-02', 400, ACME)]
          : [purchase('6', '2024-02-02', 400, ACME)],
    }),
  );
  const out = data(await call('generate_financial_metrics', { as_of_date: '2025-03-01' }));
  assert.deepEqual(out.balance_sheet, {
    total_assets: 8000,
    total_liabilities: 2000,
    total_equity: 4000,
    current_assets: 5000,
    current_liabilities: 2000,
  });
  assert.deepEqual(out.income_statement, {
    period_start: '2025-01-01',
    total_revenue: 1000,
    total_expenses: 400,
    net_income: 600,
  });
  assert.deepEqual(out.ratios, {
    current_ratio: 2.5,
    debt_to_equity: 0.5,
    debt_to_assets: 0.25,
    profit_margin_percent: 60,
    return_on_assets_percent: 7.5,
    return_on_equity_percent: 15,
  });
  assert.deepEqual(out.trends, {
    previous_period_start: '2024-01-01',
    previous_period_end: '2024-03-01',
    previous_revenue: 500,
    previous_expenses: 400,
    revenue_change_percent: 100,
    expenses_change_percent: 0,
  });
  assert.equal(statements(fake).length, 5);
  const withoutTrends = data(await call('generate_financial_metrics', { include_trends: false }));
  assert.equal(withoutTrends.as_of_date, '2025-03-15');
  assert.equal(withoutTrends.trends, undefined);
});
