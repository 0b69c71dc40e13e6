import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_ID, calls, errorReply, me, ok, serve } from './fake-monday.js';
import { data, failure, setup, TOKEN } from './harness.js';

const COMPLEXITY = (seconds: number) =>
  errorReply({
    message: 'Complexity budget exhausted',
    code: 'COMPLEXITY_BUDGET_EXHAUSTED',
    extensions: { retry_in_seconds: seconds },
  });

test('401 asks the user to re-authenticate, without echoing the token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2', errorReply({ message: 'Not Authenticated', code: 'UNAUTHENTICATED' }, 401));
  const message = failure(await call('get_me'));
  assert.equal(
    message,
    'Not authenticated with monday: monday.com rejected the stored token (expired or revoked). Re-authenticate with `gumcp auth monday`.',
  );
  assert.ok(!message.includes(TOKEN));
  assert.equal(fake.requests.length, 1);
});

test("monday.com's older top-level error shape is understood, on a 401 and on a 200", async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2', { status: 401, body: { error_message: 'Not Authenticated', status_code: 401 } });
  fake.once('POST /v2', {
    body: {
      error_code: 'InvalidBoardIdException',
      error_message: 'Board not found',
      status_code: 200,
      account_id: ACCOUNT_ID,
    },
  });
  assert.match(
    failure(await call('get_me')),
    /^Not authenticated with monday: monday.com rejected the stored token/,
  );
  assert.equal(failure(await call('get_board', { board_id: 31 })), 'Board not found: 31');
});

test('a refused action names the scope the tool needs', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v2',
    errorReply({
      message: 'User unauthorized to perform action',
      code: 'UserUnauthorizedException',
      extensions: { error_data: {}, status_code: 403 },
      path: ['create_item'],
    }),
  );
  assert.equal(
    failure(await call('create_item', { board_id: 1, item_name: 'x' })),
    'Permission denied by monday.com: User unauthorized to perform action. The user may lack access to it, or the token ' +
      'may lack the scope "boards:write" (re-authenticate with `gumcp auth monday` to grant it).',
  );
});

test('an unknown id names it; a bad column value or column id names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(
    'POST /v2',
    errorReply({
      message: 'Item not found in board',
      code: 'InvalidItemIdException',
      extensions: { status_code: 200 },
    }),
  );
  fake.once(
    'POST /v2',
    errorReply({
      message:
        'invalid value - label does not exist in column. Please check our API documentation for the correct data structure for this column.',
      code: 'ColumnValueException',
      extensions: { status_code: 200, error_data: { column_type: 'status' } },
    }),
  );
  fake.once(
    'POST /v2',
    errorReply({ message: "This column ID doesn't exist for the board", code: 'InvalidColumnIdException' }),
  );
  const args = { board_id: 1, item_id: 77, column_id: 'status', value: { label: 'Nope' } };

  assert.equal(failure(await call('change_column_value', args)), 'Item not found: 77');
  assert.match(
    failure(await call('change_column_value', args)),
    /^Invalid arguments: value: invalid value - label does not exist/,
  );
  assert.equal(
    failure(await call('change_column_value', args)),
    "Invalid arguments: column_id: This column ID doesn't exist for the board",
  );
});

test('an exhausted complexity budget is waited out and retried, a mutation too', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2', COMPLEXITY(0));
  serve(fake, { create_group: () => ({ create_group: { id: 'g1', title: 'New' } }) });

  assert.equal(data(await call('create_group', { board_id: 1, group_name: 'New' })).id, 'g1');
  assert.equal(calls(fake).length, 2);
  assert.deepEqual(calls(fake)[0]?.variables, calls(fake)[1]?.variables);
});

test('a budget that stays exhausted says when to try again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2', COMPLEXITY(45));
  assert.equal(failure(await call('get_me')), 'Rate limited by monday.com; try again in 45 s');
  assert.equal(fake.requests.length, 1, 'a wait longer than the client accepts is not attempted');
});

test("the older ComplexityException ('reset in N seconds') and the IP limit are waited out too", async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2', {
    body: {
      error_code: 'ComplexityException',
      status_code: 429,
      error_message:
        'Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 0 seconds',
      error_data: {},
      errors: [
        'Complexity budget exhausted, query cost 30001 budget remaining 19986 out of 1000000 reset in 0 seconds',
      ],
      account_id: ACCOUNT_ID,
    },
  });
  fake.once(
    'POST /v2',
    errorReply(
      {
        message: 'IP rate limit exceeded',
        code: 'IP_RATE_LIMIT_EXCEEDED',
        extensions: { retry_in_seconds: 0 },
      },
      429,
    ),
  );
  serve(fake, { me: () => ({ me: me() }) });

  assert.equal(data(await call('get_me')).id, '4012689');
  assert.equal(fake.requests.length, 3);
});

test('429 with Retry-After is retried, then the call succeeds', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2', {
    status: 429,
    headers: { 'retry-after': '0' },
    body: { errors: [{ message: 'Rate Limit Exceeded', extensions: { code: 'RATE_LIMIT_EXCEEDED' } }] },
  });
  fake.route('POST /v2', ok({ me: me() }));
  assert.equal(data(await call('get_me')).name, 'Dana Monday');
  assert.equal(fake.requests.length, 2);
});

test('the daily call limit is not retried and says when it resets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2', {
    ...errorReply({ message: 'Daily limit exceeded', code: 'DAILY_LIMIT_EXCEEDED' }, 429),
    headers: { 'retry-after': '36000' },
  });
  assert.equal(
    failure(await call('get_me')),
    "monday.com's daily API call limit for this account is used up; it resets at midnight UTC",
  );
  assert.equal(fake.requests.length, 1);
});

test('5xx on a query is retried then reported; a mutation is not repeated', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2', { status: 502, body: '<html>Bad gateway</html>' });

  assert.equal(failure(await call('get_me')), 'monday.com failed (HTTP 502); try again later');
  assert.equal(fake.requests.length, 3);

  assert.equal(
    failure(await call('create_item', { board_id: 1, item_name: 'x' })),
    'monday.com failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 4);
});

test('other GraphQL errors are reported with monday.com’s message, even beside partial data', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    'POST /v2',
    errorReply({ message: "Field 'nope' doesn't exist on type 'Board'", code: 'undefinedField' }, 200, {
      boards: [],
    }),
  );
  assert.equal(
    failure(await call('get_boards')),
    "monday.com refused the request: Field 'nope' doesn't exist on type 'Board'",
  );
});

test('without stored credentials, or without an access token in them, no request is made', async (t) => {
  const none = await setup(t, async () => undefined);
  assert.match(
    failure(await none.call('get_me')),
    /^Not authenticated with monday: no credentials are stored/,
  );
  assert.equal(none.fake.requests.length, 0);

  const empty = await setup(t, { refresh_token: 'r' });
  assert.match(failure(await empty.call('get_me')), /stored credentials hold no access token/);
  assert.equal(empty.fake.requests.length, 0);
});

test('an error in the older shape that means nothing more is reported with its message', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2', {
    status: 400,
    body: { error_code: 'SomeOtherException', error_message: 'Something is off', status_code: 400 },
  });
  fake.once('POST /v2', {
    body: { error_code: 'SomeOtherException', error_message: 'Something else', status_code: 200 },
  });
  assert.equal(failure(await call('get_me')), 'monday.com refused the request: Something is off');
  assert.equal(failure(await call('get_me')), 'monday.com refused the request: Something else');
});
