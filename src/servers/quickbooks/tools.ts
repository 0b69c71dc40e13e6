import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import {
  balanceTotals,
  cashFlow,
  DUPLICATE_WINDOW_DAYS,
  dayOf,
  duplicatePairs,
  isoDay,
  type Period,
  paymentPatterns,
  periodStart,
  ratio,
  rdAccounts,
  sredExpenses,
  sumTotals,
} from './analysis.js';
import { type ApiFactory, type Entity, QUERY_PAGE, type QuickBooksApi, qbString } from './api.js';

/** The most transactions of one kind an analysis reads; past it the result says it is partial. */
export const MAX_TRANSACTIONS = 10_000;

const date = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((s) => !Number.isNaN(dayOf(s)) && isoDay(dayOf(s)) === s, { message: 'is not a calendar date' })
    .describe(`${what} (YYYY-MM-DD)`);

const range = { start_date: date('First day of the analysis'), end_date: date('Last day of the analysis') };

function checkRange(start: string, end: string): void {
  if (start > end) throw new ToolError('Invalid arguments: end_date: it is before start_date');
}

const between = (start: string, end: string) => `TxnDate >= '${start}' AND TxnDate <= '${end}'`;

/** Every transaction of a kind in a period (up to MAX_TRANSACTIONS). */
async function transactions(
  qb: QuickBooksApi,
  entity: 'Invoice' | 'Purchase' | 'Payment',
  where: string,
): Promise<{ items: Entity[]; truncated: boolean }> {
  return qb.query(entity, `SELECT * FROM ${entity} WHERE ${where}`, MAX_TRANSACTIONS);
}

const partialNote = (truncated: boolean, what: string) =>
  truncated
    ? `Only the first ${MAX_TRANSACTIONS} ${what} were read; narrow the period for a complete analysis.`
    : undefined;

const customerSchema = z.object({
  id: z.string(),
  display_name: z.string(),
  company_name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  balance: z.number().optional(),
  active: z.boolean().optional(),
});

function toCustomer(c: Entity): z.input<typeof customerSchema> {
  const email = (c.PrimaryEmailAddr as { Address?: string } | undefined)?.Address;
  const phone = (c.PrimaryPhone as { FreeFormNumber?: string } | undefined)?.FreeFormNumber;
  return {
    id: String(c.Id ?? ''),
    display_name: String(c.DisplayName ?? ''),
    ...(typeof c.CompanyName === 'string' ? { company_name: c.CompanyName } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(typeof c.Balance === 'number' ? { balance: c.Balance } : {}),
    ...(typeof c.Active === 'boolean' ? { active: c.Active } : {}),
  };
}

/** Customers scanned for email, phone and company matches, which QuickBooks' query cannot search. */
const SCAN = QUERY_PAGE;

const digits = (s: string) => s.replace(/\D/g, '');

/** Year-to-date revenue and expenses a year before, beside this year's. */
interface Trends {
  previous_period_start: string;
  previous_period_end: string;
  previous_revenue: number;
  previous_expenses: number;
  revenue_change_percent: number | null;
  expenses_change_percent: number | null;
}

/** The six tools of guMCP's QuickBooks server; all read. `today` is the clock of the relative periods. */
export function quickbooksTools(connect: ApiFactory, today: () => string): Record<string, AnyToolDef> {
  return {
    search_customers: tool({
      description:
        'Find customers by name (any part of the display name), email, phone or company name. Names are searched across all ' +
        `customers; email, phone and company among the first ${SCAN}.`,
      input: z.object({
        query: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .describe('Text to find in the name, email, phone or company'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(1000)
          .default(10)
          .describe('Maximum number of customers (1-1000, default 10)'),
      }),
      output: z.object({
        customers: z.array(customerSchema),
        count: z.number(),
        note: z.string().optional(),
      }),
      annotations: reads,
      async handler({ query, limit }, ctx) {
        const qb = connect(ctx);
        // QuickBooks' query has LIKE (with %) but no OR, and not every field is filterable: names are
        // searched by the service, the rest here.
        const byName = await qb.query(
          'Customer',
          `SELECT * FROM Customer WHERE DisplayName LIKE ${qbString(`%${query}%`)}`,
          limit,
        );
        const found = new Map(byName.items.map((c) => [String(c.Id), c]));
        let note: string | undefined;
        if (found.size < limit) {
          const scan = await qb.query('Customer', 'SELECT * FROM Customer', SCAN);
          const needle = query.toLowerCase();
          const phoneDigits = digits(query);
          for (const c of scan.items) {
            if (found.size >= limit) break;
            const { email = '', phone = '', company_name = '' } = toCustomer(c);
            const hit =
              email.toLowerCase().includes(needle) ||
              company_name.toLowerCase().includes(needle) ||
              (phoneDigits.length >= 3 && digits(phone).includes(phoneDigits));
            if (hit) found.set(String(c.Id), c);
          }
          if (scan.truncated)
            note = `Email, phone and company were searched among the first ${SCAN} customers only.`;
        }
        const customers = [...found.values()].slice(0, limit).map(toCustomer);
        return { customers, count: customers.length, ...(note ? { note } : {}) };
      },
    }),

    analyze_sred: tool({
      description:
        'Find expenses of a period booked to research and development accounts (names with research, development, R&D or ' +
        'engineering), as a first look at SR&ED eligibility. A preliminary analysis, not tax advice.',
      input: z.object(range),
      output: z.object({
        start_date: z.string(),
        end_date: z.string(),
        rd_accounts: z.array(z.object({ id: z.string(), name: z.string() })),
        expenses: z.array(
          z.object({
            transaction_id: z.string(),
            date: z.string(),
            vendor: z.string(),
            account: z.string(),
            amount: z.number(),
            description: z.string(),
          }),
        ),
        count: z.number(),
        total: z.number(),
        note: z.string(),
      }),
      annotations: reads,
      async handler({ start_date, end_date }, ctx) {
        checkRange(start_date, end_date);
        const qb = connect(ctx);
        const accounts = await qb.query(
          'Account',
          "SELECT * FROM Account WHERE AccountType = 'Expense'",
          MAX_TRANSACTIONS,
        );
        const rd = rdAccounts(accounts.items);
        const purchases = await transactions(qb, 'Purchase', between(start_date, end_date));
        const { expenses, total } = sredExpenses(purchases.items, new Set(rd.map((a) => a.id)));
        const partial = partialNote(purchases.truncated, 'purchases');
        return {
          start_date,
          end_date,
          rd_accounts: rd,
          expenses,
          count: expenses.length,
          total,
          note: `${partial ? `${partial} ` : ''}A preliminary analysis only: consult an SR&ED specialist for eligibility.`,
        };
      },
    }),

    analyze_cash_flow: tool({
      description:
        'Income (invoices) and expenses (purchases) per month, quarter or year over the last periods, up to today, with the trend of the net.',
      input: z.object({
        period: z
          .string()
          .trim()
          .toLowerCase()
          .pipe(z.enum(['month', 'quarter', 'year']))
          .describe("The period: 'month', 'quarter' or 'year'"),
        num_periods: z
          .number()
          .int()
          .min(1)
          .max(60)
          .default(6)
          .describe('How many periods, the current one included (default 6)'),
      }),
      output: z.object({
        period: z.string(),
        start_date: z.string(),
        end_date: z.string(),
        periods: z.array(
          z.object({ period: z.string(), income: z.number(), expenses: z.number(), net: z.number() }),
        ),
        trend: z.string(),
        note: z.string().optional(),
      }),
      annotations: reads,
      async handler({ period, num_periods }, ctx) {
        const qb = connect(ctx);
        const end = today();
        const start = periodStart(end, period as Period, num_periods - 1);
        const invoices = await transactions(qb, 'Invoice', between(start, end));
        const purchases = await transactions(qb, 'Purchase', between(start, end));
        const flow = cashFlow(invoices.items, purchases.items, period as Period, start, end);
        const note = partialNote(invoices.truncated || purchases.truncated, 'invoices or purchases');
        return { period, start_date: start, end_date: end, ...flow, ...(note ? { note } : {}) };
      },
    }),

    find_duplicate_transactions: tool({
      description:
        `Find pairs of purchases that may be one expense booked twice: the same amount within ${DUPLICATE_WINDOW_DAYS} days, scored ` +
        '0.6 for the amount, 0.3 for the same payee and up to 0.1 for close dates.',
      input: z.object({
        ...range,
        threshold: z
          .number()
          .min(0)
          .max(1)
          .default(0.9)
          .describe(
            'Lowest similarity to report, 0.0-1.0 (default 0.9: same amount and payee within a week)',
          ),
      }),
      output: z.object({
        pairs: z.array(
          z.object({
            score: z.number(),
            amount: z.number(),
            days_apart: z.number(),
            same_payee: z.boolean(),
            first: z.object({ id: z.string(), date: z.string(), payee: z.string() }),
            second: z.object({ id: z.string(), date: z.string(), payee: z.string() }),
          }),
        ),
        count: z.number(),
        transactions_checked: z.number(),
        note: z.string().optional(),
      }),
      annotations: reads,
      async handler({ start_date, end_date, threshold }, ctx) {
        checkRange(start_date, end_date);
        const purchases = await transactions(connect(ctx), 'Purchase', between(start_date, end_date));
        const pairs = duplicatePairs(purchases.items, threshold);
        const note = partialNote(purchases.truncated, 'purchases');
        return {
          pairs,
          count: pairs.length,
          transactions_checked: purchases.items.length,
          ...(note ? { note } : {}),
        };
      },
    }),

    analyze_customer_payment_patterns: tool({
      description:
        'How a customer (or all customers) paid invoices over the last months: share paid, average days to pay, early, on-time and late payments.',
      input: z.object({
        customer_id: z
          .string()
          .trim()
          .regex(/^\d+$/, 'must be the numeric id of a QuickBooks customer')
          .optional()
          .describe('Id of the customer (default: all customers)'),
        lookback_months: z
          .number()
          .int()
          .min(1)
          .max(120)
          .default(12)
          .describe('How many months back to look (default 12)'),
      }),
      output: z.object({
        customer: z.string(),
        customer_id: z.string().optional(),
        start_date: z.string(),
        end_date: z.string(),
        total_invoices: z.number(),
        paid_invoices: z.number(),
        unpaid_invoices: z.number(),
        payment_rate_percent: z.number(),
        average_days_to_pay: z.number().nullable(),
        early_payments: z.number(),
        on_time_payments: z.number(),
        late_payments: z.number(),
        open_balance: z.number(),
        note: z.string().optional(),
      }),
      annotations: reads,
      async handler({ customer_id, lookback_months }, ctx) {
        const qb = connect(ctx);
        const end = today();
        const d = new Date(dayOf(end));
        const start = isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - lookback_months, d.getUTCDate()));
        const customer = customer_id ? await qb.read('customer', 'Customer', customer_id) : undefined;
        const where = `${customer_id ? `CustomerRef = ${qbString(customer_id)} AND ` : ''}${between(start, end)}`;
        const invoices = await transactions(qb, 'Invoice', where);
        const payments = await transactions(qb, 'Payment', where);
        const note = partialNote(invoices.truncated || payments.truncated, 'invoices or payments');
        return {
          customer: customer ? String(customer.DisplayName ?? customer_id) : 'All customers',
          ...(customer_id ? { customer_id } : {}),
          start_date: start,
          end_date: end,
          ...paymentPatterns(invoices.items, payments.items),
          ...(note ? { note } : {}),
        };
      },
    }),

    generate_financial_metrics: tool({
      description:
        "Key figures and ratios: assets, liabilities and equity (the accounts' current balances), revenue (invoices) and expenses " +
        '(purchases) of the year to date, current ratio, debt ratios, margin, ROA and ROE; with trends, the same period a year before.',
      input: z.object({
        as_of_date: date('Last day of the year-to-date figures (default today)').optional(),
        include_trends: z
          .boolean()
          .default(true)
          .describe('Compare with the same period of the year before (default true)'),
      }),
      output: z.object({
        as_of_date: z.string(),
        balance_sheet: z.object({
          total_assets: z.number(),
          total_liabilities: z.number(),
          total_equity: z.number(),
          current_assets: z.number(),
          current_liabilities: z.number(),
        }),
        income_statement: z.object({
          period_start: z.string(),
          total_revenue: z.number(),
          total_expenses: z.number(),
          net_income: z.number(),
        }),
        ratios: z.object({
          current_ratio: z.number().nullable(),
          debt_to_equity: z.number().nullable(),
          debt_to_assets: z.number().nullable(),
          profit_margin_percent: z.number().nullable(),
          return_on_assets_percent: z.number().nullable(),
          return_on_equity_percent: z.number().nullable(),
        }),
        trends: z
          .object({
            previous_period_start: z.string(),
            previous_period_end: z.string(),
            previous_revenue: z.number(),
            previous_expenses: z.number(),
            revenue_change_percent: z.number().nullable(),
            expenses_change_percent: z.number().nullable(),
          })
          .optional(),
        note: z.string(),
      }),
      annotations: reads,
      async handler({ as_of_date, include_trends }, ctx) {
        const qb = connect(ctx);
        const asOf = as_of_date ?? today();
        const year = Number(asOf.slice(0, 4));
        const yearStart = `${year}-01-01`;
        const accounts = await qb.query('Account', 'SELECT * FROM Account', MAX_TRANSACTIONS);
        const invoices = await transactions(qb, 'Invoice', between(yearStart, asOf));
        const purchases = await transactions(qb, 'Purchase', between(yearStart, asOf));
        const balance = balanceTotals(accounts.items);
        const revenue = sumTotals(invoices.items);
        const expenses = sumTotals(purchases.items);
        const net = Math.round((revenue - expenses) * 100) / 100;
        let trends: Trends | undefined;
        if (include_trends) {
          const previousStart = `${year - 1}-01-01`;
          const previousEnd = `${year - 1}${asOf.slice(4) === '-02-29' ? '-02-28' : asOf.slice(4)}`;
          const before = between(previousStart, previousEnd);
          const previousRevenue = sumTotals((await transactions(qb, 'Invoice', before)).items);
          const previousExpenses = sumTotals((await transactions(qb, 'Purchase', before)).items);
          trends = {
            previous_period_start: previousStart,
            previous_period_end: previousEnd,
            previous_revenue: previousRevenue,
            previous_expenses: previousExpenses,
            revenue_change_percent: ratio(revenue - previousRevenue, previousRevenue, true),
            expenses_change_percent: ratio(expenses - previousExpenses, previousExpenses, true),
          };
        }
        const partial = partialNote(invoices.truncated || purchases.truncated, 'invoices or purchases');
        return {
          as_of_date: asOf,
          balance_sheet: balance,
          income_statement: {
            period_start: yearStart,
            total_revenue: revenue,
            total_expenses: expenses,
            net_income: net,
          },
          ratios: {
            current_ratio: ratio(balance.current_assets, balance.current_liabilities),
            debt_to_equity: ratio(balance.total_liabilities, balance.total_equity),
            debt_to_assets: ratio(balance.total_liabilities, balance.total_assets),
            profit_margin_percent: ratio(net, revenue, true),
            return_on_assets_percent: ratio(net, balance.total_assets, true),
            return_on_equity_percent: ratio(net, balance.total_equity, true),
          },
          ...(trends ? { trends } : {}),
          note:
            `${partial ? `${partial} ` : ''}Balances are the accounts' current balances, not balances as of ${asOf}; revenue is ` +
            'invoiced amounts and expenses are purchases (bills are not counted). For statements, use QuickBooks reports.',
        };
      },
    }),
  };
}
