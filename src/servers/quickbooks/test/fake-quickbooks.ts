/**
 * QuickBooks Online Accounting API answers in the shapes Intuit documents: `{QueryResponse: {<Entity>:
 * [...], startPosition, maxResults}, time}` for queries, `{<Entity>: {...}, time}` for reads and
 * creates, and faults `{Fault: {Error: [{Message, Detail, code, element}], type}, time}` (lower-case
 * keys in 401 answers), which may come with HTTP 200.
 */
import type { FakeReply, FakeRoute, RecordedRequest } from '../../../testing/fake-service.js';

export const REALM = '9130349140958789';
export const BASE = `/v3/company/${REALM}`;
const TIME = '2025-03-01T09:17:31.892-08:00';

type Entity = Record<string, unknown>;

/** The statement of a query request, split into its entity and paging. */
export function parseQuery(req: RecordedRequest): {
  statement: string;
  entity: string;
  start: number;
  max: number;
} {
  const statement = req.query.get('query') ?? '';
  const entity = /FROM\s+(\w+)/i.exec(statement)?.[1] ?? '';
  const start = Number(/STARTPOSITION\s+(\d+)/i.exec(statement)?.[1] ?? 1);
  const max = Number(/MAXRESULTS\s+(\d+)/i.exec(statement)?.[1] ?? 100);
  return { statement, entity, start, max };
}

/**
 * GET /query over a fixed data set: the entity of the FROM clause, paged by STARTPOSITION and
 * MAXRESULTS (1-based). WHERE clauses are not evaluated: tests give each query's data by `pick`.
 */
export function queryRoute(data: Record<string, Entity[] | ((statement: string) => Entity[])>): FakeRoute {
  return (req) => {
    const { statement, entity, start, max } = parseQuery(req);
    const source = data[entity];
    const all = typeof source === 'function' ? source(statement) : (source ?? []);
    const page = all.slice(start - 1, start - 1 + max);
    return {
      body: {
        QueryResponse: page.length ? { [entity]: page, startPosition: start, maxResults: page.length } : {},
        time: TIME,
      },
    };
  };
}

export const entityAnswer = (entity: string, value: Entity): FakeReply => ({
  body: { [entity]: value, time: TIME },
});

export const fault = (
  type: string,
  errors: { Message: string; Detail?: string; code: string; element?: string }[],
  status = 400,
): FakeReply => ({
  status,
  body: { Fault: { Error: errors.map((e) => ({ element: '', ...e })), type }, time: TIME },
});

/** Intuit's 401: the fault in lower case. */
export const expiredToken: FakeReply = {
  status: 401,
  body: {
    fault: {
      error: [
        {
          message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401',
          detail: 'Token expired: eyJlbmMiOi...',
          code: '3200',
        },
      ],
      type: 'AUTHENTICATION',
    },
    time: TIME,
  },
};

export const objectNotFound = fault('ValidationFault', [
  {
    Message: 'Object Not Found',
    Detail:
      "Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees.",
    code: '610',
  },
]);

export const customer = (id: string, name: string, extra: Entity = {}): Entity => ({
  Id: id,
  DisplayName: name,
  Active: true,
  Balance: 0,
  SyncToken: '0',
  ...extra,
});

export const purchase = (
  id: string,
  date: string,
  amount: number,
  payee: { value: string; name: string },
  lines: Entity[] = [],
): Entity => ({
  Id: id,
  TxnDate: date,
  TotalAmt: amount,
  PaymentType: 'Cash',
  EntityRef: { ...payee, type: 'Vendor' },
  Line: lines,
});

export const expenseLine = (
  amount: number,
  account: { value: string; name: string },
  description = '',
): Entity => ({
  Id: '1',
  Amount: amount,
  DetailType: 'AccountBasedExpenseLineDetail',
  Description: description,
  AccountBasedExpenseLineDetail: { AccountRef: account, BillableStatus: 'NotBillable' },
});

export const invoice = (id: string, date: string, total: number, extra: Entity = {}): Entity => ({
  Id: id,
  DocNumber: `10${id}`,
  TxnDate: date,
  DueDate: date,
  TotalAmt: total,
  Balance: total,
  CustomerRef: { value: '1', name: 'Amy' },
  ...extra,
});

export const payment = (id: string, date: string, invoiceIds: string[]): Entity => ({
  Id: id,
  TxnDate: date,
  TotalAmt: 0,
  Line: [{ Amount: 0, LinkedTxn: invoiceIds.map((TxnId) => ({ TxnId, TxnType: 'Invoice' })) }],
});

export const account = (
  id: string,
  name: string,
  classification: string,
  type: string,
  balance: number,
): Entity => ({
  Id: id,
  Name: name,
  FullyQualifiedName: name,
  Classification: classification,
  AccountType: type,
  CurrentBalance: balance,
  Active: true,
});
