/**
 * The analyses of guMCP's QuickBooks tools, as pure functions of the entities the API returned, so
 * each rule can be read and tested apart from the calls. Amounts are summed in cents to avoid
 * floating-point drift, and dates are calendar dates (YYYY-MM-DD) in UTC.
 */
import type { Entity } from './api.js';

type Ref = { value?: string; name?: string };

const ref = (value: unknown): Ref => (value && typeof value === 'object' ? (value as Ref) : {});
const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
const cents = (value: unknown): number => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n * 100) : 0;
};
const money = (c: number): number => c / 100;

const DAY = 86_400_000;
export const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number => Math.round((dayOf(b) - dayOf(a)) / DAY);

// SR&ED

/** Expense account names that suggest research and development work. */
const RD_NAME = /research|development|\br\s*&\s*d\b|engineering/i;

export interface SredExpense {
  transaction_id: string;
  date: string;
  vendor: string;
  account: string;
  amount: number;
  description: string;
}

export function rdAccounts(accounts: readonly Entity[]): { id: string; name: string }[] {
  return accounts
    .filter((a) => RD_NAME.test(str(a.Name)) || RD_NAME.test(str(a.FullyQualifiedName)))
    .map((a) => ({ id: str(a.Id), name: str(a.FullyQualifiedName) || str(a.Name) }));
}

/** The lines of purchases booked to the R&D accounts. */
export function sredExpenses(
  purchases: readonly Entity[],
  accountIds: ReadonlySet<string>,
): { expenses: SredExpense[]; total: number } {
  const expenses: SredExpense[] = [];
  let total = 0;
  for (const p of purchases) {
    for (const line of Array.isArray(p.Line) ? (p.Line as Entity[]) : []) {
      const detail = line.AccountBasedExpenseLineDetail as Record<string, unknown> | undefined;
      const account = ref(detail?.AccountRef);
      if (!account.value || !accountIds.has(account.value)) continue;
      total += cents(line.Amount);
      expenses.push({
        transaction_id: str(p.Id),
        date: str(p.TxnDate),
        vendor: ref(p.EntityRef).name ?? '',
        account: account.name ?? account.value,
        amount: money(cents(line.Amount)),
        description: str(line.Description),
      });
    }
  }
  return { expenses, total: money(total) };
}

// Cash flow

export type Period = 'month' | 'quarter' | 'year';

/** The period a date falls in: 2024-03, 2024-Q1 or 2024. */
export function periodKey(date: string, period: Period): string {
  const [year = '', month = '01'] = date.split('-');
  if (period === 'year') return year;
  if (period === 'quarter') return `${year}-Q${Math.floor((Number(month) - 1) / 3) + 1}`;
  return `${year}-${month}`;
}

/** The first day of the period `back` periods before the one `today` is in. */
export function periodStart(today: string, period: Period, back: number): string {
  const d = new Date(dayOf(today));
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  const month = period === 'year' ? 0 : d.getUTCMonth() - (d.getUTCMonth() % months);
  return isoDay(Date.UTC(d.getUTCFullYear(), month - back * months, 1));
}

export interface PeriodFlow {
  period: string;
  income: number;
  expenses: number;
  net: number;
}

/** Invoiced income and purchase expenses per period, every period of the range listed (empty ones too). */
export function cashFlow(
  invoices: readonly Entity[],
  purchases: readonly Entity[],
  period: Period,
  start: string,
  today: string,
): { periods: PeriodFlow[]; trend: 'increasing' | 'decreasing' | 'stable' | 'not enough data' } {
  const sums = new Map<string, { income: number; expenses: number }>();
  for (let d = start; d <= today; d = periodStart(isoDay(dayOf(d)), period, -1)) {
    sums.set(periodKey(d, period), { income: 0, expenses: 0 });
  }
  for (const [list, field] of [
    [invoices, 'income'],
    [purchases, 'expenses'],
  ] as const) {
    for (const t of list) {
      const bucket = sums.get(periodKey(str(t.TxnDate), period));
      if (bucket) bucket[field] += cents(t.TotalAmt);
    }
  }
  const periods = [...sums].map(([key, s]) => ({
    period: key,
    income: money(s.income),
    expenses: money(s.expenses),
    net: money(s.income - s.expenses),
  }));
  const first = periods[0]?.net;
  const last = periods.at(-1)?.net;
  const trend =
    periods.length < 2 || first === undefined || last === undefined
      ? 'not enough data'
      : last > first
        ? 'increasing'
        : last < first
          ? 'decreasing'
          : 'stable';
  return { periods, trend };
}

// Duplicates

/** Purchases are compared only when at most this many days apart. */
export const DUPLICATE_WINDOW_DAYS = 7;

export interface DuplicatePair {
  score: number;
  amount: number;
  days_apart: number;
  same_payee: boolean;
  first: { id: string; date: string; payee: string };
  second: { id: string; date: string; payee: string };
}

/**
 * Pairs of purchases that may be one expense booked twice. Only purchases of the same total (above
 * zero), at most 7 days apart, are compared; their similarity is 0.6 for the amount, 0.3 more for the
 * same payee, and up to 0.1 more the closer their dates (0.1 on the same day, 0 at 7 days). The
 * default threshold 0.9 keeps guMCP's rule: same amount, same payee, within a week.
 */
export function duplicatePairs(purchases: readonly Entity[], threshold: number): DuplicatePair[] {
  const byAmount = new Map<number, Entity[]>();
  for (const p of purchases) {
    const amount = cents(p.TotalAmt);
    if (amount <= 0 || !str(p.TxnDate)) continue;
    byAmount.set(amount, [...(byAmount.get(amount) ?? []), p]);
  }
  const pairs: DuplicatePair[] = [];
  for (const [amount, group] of byAmount) {
    const sorted = [...group].sort((a, b) => str(a.TxnDate).localeCompare(str(b.TxnDate)));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i] as Entity;
        const b = sorted[j] as Entity;
        const days = daysBetween(str(a.TxnDate), str(b.TxnDate));
        if (days > DUPLICATE_WINDOW_DAYS) break;
        const payeeA = ref(a.EntityRef);
        const payeeB = ref(b.EntityRef);
        const samePayee = !!payeeA.value && payeeA.value === payeeB.value;
        const score =
          Math.round((0.6 + (samePayee ? 0.3 : 0) + 0.1 * (1 - days / DUPLICATE_WINDOW_DAYS)) * 1000) / 1000;
        if (score < threshold) continue;
        const side = (t: Entity, payee: Ref) => ({
          id: str(t.Id),
          date: str(t.TxnDate),
          payee: payee.name ?? payee.value ?? '',
        });
        pairs.push({
          score,
          amount: money(amount),
          days_apart: days,
          same_payee: samePayee,
          first: side(a, payeeA),
          second: side(b, payeeB),
        });
      }
    }
  }
  return pairs.sort((x, y) => y.score - x.score || x.first.date.localeCompare(y.first.date));
}

// Payment patterns

export interface PaymentPatterns {
  total_invoices: number;
  paid_invoices: number;
  unpaid_invoices: number;
  payment_rate_percent: number;
  average_days_to_pay: number | null;
  early_payments: number;
  on_time_payments: number;
  late_payments: number;
  open_balance: number;
}

/**
 * How invoices were paid: an invoice is paid when a payment links to it (its first payment's date
 * gives the days to pay and whether it came before, on or after the due date) or its balance is 0.
 */
export function paymentPatterns(invoices: readonly Entity[], payments: readonly Entity[]): PaymentPatterns {
  const paidOn = new Map<string, string>();
  for (const payment of payments) {
    for (const line of Array.isArray(payment.Line) ? (payment.Line as Entity[]) : []) {
      for (const linked of Array.isArray(line.LinkedTxn) ? (line.LinkedTxn as Entity[]) : []) {
        if (linked.TxnType !== 'Invoice') continue;
        const id = str(linked.TxnId);
        const date = str(payment.TxnDate);
        const known = paidOn.get(id);
        if (!known || date < known) paidOn.set(id, date);
      }
    }
  }
  let paid = 0;
  let dated = 0;
  let totalDays = 0;
  let early = 0;
  let onTime = 0;
  let late = 0;
  let open = 0;
  for (const invoice of invoices) {
    const id = str(invoice.Id);
    const paidDate = paidOn.get(id);
    open += cents(invoice.Balance);
    if (!paidDate && cents(invoice.Balance) > 0) continue;
    paid++;
    if (!paidDate) continue;
    const issued = str(invoice.TxnDate);
    const due = str(invoice.DueDate) || issued;
    dated++;
    totalDays += daysBetween(issued, paidDate);
    if (paidDate < due) early++;
    else if (paidDate === due) onTime++;
    else late++;
  }
  const total = invoices.length;
  return {
    total_invoices: total,
    paid_invoices: paid,
    unpaid_invoices: total - paid,
    payment_rate_percent: total ? Math.round((paid / total) * 1000) / 10 : 0,
    average_days_to_pay: dated ? Math.round((totalDays / dated) * 10) / 10 : null,
    early_payments: early,
    on_time_payments: onTime,
    late_payments: late,
    open_balance: money(open),
  };
}

// Financial metrics

const CURRENT_ASSETS = new Set(['Bank', 'Accounts Receivable', 'Other Current Asset']);
const CURRENT_LIABILITIES = new Set(['Accounts Payable', 'Credit Card', 'Other Current Liability']);

export interface BalanceTotals {
  total_assets: number;
  total_liabilities: number;
  total_equity: number;
  current_assets: number;
  current_liabilities: number;
}

/** Sums of the accounts' current balances by classification. */
export function balanceTotals(accounts: readonly Entity[]): BalanceTotals {
  let assets = 0;
  let liabilities = 0;
  let equity = 0;
  let currentAssets = 0;
  let currentLiabilities = 0;
  for (const a of accounts) {
    const balance = cents(a.CurrentBalance);
    const type = str(a.AccountType);
    if (a.Classification === 'Asset') {
      assets += balance;
      if (CURRENT_ASSETS.has(type)) currentAssets += balance;
    } else if (a.Classification === 'Liability') {
      liabilities += balance;
      if (CURRENT_LIABILITIES.has(type)) currentLiabilities += balance;
    } else if (a.Classification === 'Equity') {
      equity += balance;
    }
  }
  return {
    total_assets: money(assets),
    total_liabilities: money(liabilities),
    total_equity: money(equity),
    current_assets: money(currentAssets),
    current_liabilities: money(currentLiabilities),
  };
}

export const sumTotals = (list: readonly Entity[]): number =>
  money(list.reduce((s, t) => s + cents(t.TotalAmt), 0));

/** a / b rounded to 2 places (times 100 for a percentage), or null when b is 0. */
export const ratio = (a: number, b: number, percent = false): number | null =>
  b === 0 ? null : Math.round((a / b) * (percent ? 100 : 1) * 100) / 100;
