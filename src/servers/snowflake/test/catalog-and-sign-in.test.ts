import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { jwtAccount, readCredentials } from '../credentials.js';
import { createSnowflakeServer } from '../index.js';
import { LOGIN, QUERY, routeDriver, rows, wrongPassword } from './fake-driver.js';
import { error, jwtClaims, resultSet, STATEMENTS } from './fake-sqlapi.js';
import { ACCOUNT, fast, keyPair, PASSWORD, PAT, password, USER } from './harness.js';

const catalog = catalogServer('snowflake');
const snowflake = createSnowflakeServer(fast([]));

const verify = (values: Record<string, string>) => {
  if (snowflake.auth.kind !== 'api_key' || !snowflake.auth.verify) throw new Error('no verify');
  return snowflake.auth.verify(values);
};

test('snowflake lists the catalog’s eight tools with their parameters, required ones and output schemas', async () => {
  const { tools } = await (await connect(snowflake)).listTools();
  assert.equal(tools.length, 8);
  assertCatalogTools(tools, catalog.tools, {
    list_databases: ['max_rows', 'full'],
    list_tables: ['schema_name', 'max_rows', 'full'],
    list_warehouses: ['max_rows', 'full'],
    create_warehouse: ['initially_suspended'],
    execute_query: ['warehouse_name', 'schema_name', 'bindings', 'max_rows', 'timeout_seconds'],
  });
});

test('annotations: listings read; creations add; the warehouse is created if absent; a query may do anything', async () => {
  const { tools } = await (await connect(snowflake)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: ['list_databases', 'list_tables', 'describe_table', 'list_warehouses'],
    destructive: ['execute_query'],
    notIdempotent: ['create_database', 'create_table', 'execute_query'],
  });
});

test('auth keeps guMCP’s username, password and account; the other ways in are optional extras', () => {
  assert.equal(snowflake.auth.kind, 'api_key');
  if (snowflake.auth.kind !== 'api_key') return;
  const fields = snowflake.auth.fields;
  assert.deepEqual(
    fields.slice(0, 3).map((f) => f.name),
    catalog.auth.credentialFields,
  );
  const secret = fields.filter((f) => f.secret).map((f) => f.name);
  assert.deepEqual(secret, [
    'password',
    'private_key',
    'private_key_passphrase',
    'programmatic_access_token',
  ]);
  assert.deepEqual(
    fields.filter((f) => !f.optional).map((f) => f.name),
    ['username', 'account'],
  );
});

test('the sign-in path: a private key wins, then a PAT, then the password guMCP stored', () => {
  const all = { ...password(), private_key: keyPair().private_key, programmatic_access_token: PAT };
  assert.equal(readCredentials(all).signIn.kind, 'key_pair');
  assert.equal(readCredentials({ ...all, private_key: '' }).signIn.kind, 'pat');
  assert.equal(readCredentials(password()).signIn.kind, 'password');
  const creds = readCredentials({ ...password(), warehouse: 'WH', database: '"Mixed Case"' });
  assert.deepEqual(creds.defaults.database, { sql: '"Mixed Case"', name: 'Mixed Case' });
  assert.equal(
    readCredentials({ ...password(), account: 'https://MyOrg-MyAccount.snowflakecomputing.com/' }).account,
    ACCOUNT,
  );
});

test('the JWT names the account without region or cloud, upper case', () => {
  assert.equal(jwtAccount('xy12345.us-east-2.aws'), 'XY12345');
  assert.equal(jwtAccount('myorg-myaccount'), 'MYORG-MYACCOUNT');
  assert.equal(jwtAccount('myorg-myaccount.global'), 'MYORG');
});

test('sign-in with a key pair runs SELECT CURRENT_USER() through the SQL API, and stores a pasted URL as the account', async (t) => {
  const fake = await fakeFor(t, 'snowflake');
  fake.route(
    `POST ${STATEMENTS}`,
    resultSet([{ name: 'CURRENT_USER()', type: 'text' }], [[[USER.toUpperCase()]]]),
  );
  const stored = await verify(keyPair({ account: 'https://myorg-myaccount.snowflakecomputing.com' }));
  assert.deepEqual(stored, { account: ACCOUNT });
  const req = only(fake, 'POST', STATEMENTS);
  assert.equal((req.body as { statement: string }).statement, 'SELECT CURRENT_USER()');
  assert.equal(jwtClaims(req).sub, `MYORG-MYACCOUNT.${USER.toUpperCase()}`);
  assert.equal(await verify(keyPair()), undefined, 'nothing more to store');
});

test('sign-in with a password signs in through the driver; a wrong one fails without echoing it', async (t) => {
  const fake = await fakeFor(t, 'snowflake');
  routeDriver(fake, () => rows([{ name: 'CURRENT_USER()', type: 'text' }], [[USER.toUpperCase()]]));
  assert.equal(await verify(password()), undefined);
  assert.equal(fake.requests.filter((r) => r.path === QUERY).length, 1);

  fake.route(`POST ${LOGIN}`, wrongPassword);
  await assert.rejects(verify(password()), (e: Error) => {
    assert.match(e.message, /Incorrect username or password was specified/);
    assert.ok(!e.message.includes(PASSWORD));
    return true;
  });
});

test('sign-in with a rejected PAT, or with nothing to sign in with, fails clearly', async (t) => {
  const fake = await fakeFor(t, 'snowflake');
  fake.route(`POST ${STATEMENTS}`, error(401, '390303', 'Invalid OAuth access token.'));
  await assert.rejects(
    verify({ account: ACCOUNT, username: USER, programmatic_access_token: PAT }),
    (e: Error) => {
      assert.match(e.message, /rejected the programmatic access token \(code 390303\)/);
      assert.ok(!e.message.includes(PAT));
      return true;
    },
  );
  await assert.rejects(verify({ account: ACCOUNT, username: USER }), {
    message: 'the credentials hold no password, private_key or programmatic_access_token',
  });
  await assert.rejects(
    verify({ account: 'not a host!', username: USER, password: 'x' }),
    /not a Snowflake account identifier/,
  );
});
