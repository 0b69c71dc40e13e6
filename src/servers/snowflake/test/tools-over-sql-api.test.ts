import assert from 'node:assert/strict';
import { createHash, createPublicKey } from 'node:crypto';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { createSnowflakeServer } from '../index.js';
import { HANDLE, jwtClaims, resultSet, STATEMENTS, statusResult, submitted, testKey } from './fake-sqlapi.js';
import { ACCOUNT, data, keyPair, setup, USER } from './harness.js';

const fingerprint = () =>
  `SHA256:${createHash('sha256')
    .update(createPublicKey(testKey().pem).export({ type: 'spki', format: 'der' }))
    .digest('base64')}`;

test('create_database sends CREATE DATABASE with a key-pair JWT, a requestId and the user agent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, statusResult('Database SALES successfully created.'));

  const result = data(await call('create_database', { db_name: 'sales' }));

  assert.deepEqual(result, { database: 'SALES', status: 'Database SALES successfully created.' });
  const [req] = fake.requests;
  assert.ok(req);
  assert.deepEqual(req.body, { statement: 'CREATE DATABASE sales', timeout: 60 });
  assert.match(String(query(req).requestId), /^[0-9a-f-]{36}$/);
  assert.equal(query(req).retry, undefined, 'a first attempt is no retry');
  assert.equal(req.headers['user-agent'], 'gumcp-snowflake/1.0');
  assert.equal(req.headers['content-type'], 'application/json');
  const claims = jwtClaims(req);
  assert.equal(claims.sub, `MYORG-MYACCOUNT.${USER.toUpperCase()}`);
  assert.equal(claims.iss, `MYORG-MYACCOUNT.${USER.toUpperCase()}.${fingerprint()}`);
  assert.equal((claims.exp as number) - (claims.iat as number), 59 * 60);
});

test('list_databases runs SHOW DATABASES and keeps the main fields, or all with full', async (t) => {
  const { fake, call } = await setup(t);
  const columns = [
    { name: 'created_on', type: 'timestamp_ltz', scale: 3 },
    { name: 'name', type: 'text' },
    { name: 'is_default', type: 'text' },
    { name: 'is_current', type: 'text' },
    { name: 'origin', type: 'text' },
    { name: 'owner', type: 'text' },
    { name: 'comment', type: 'text' },
    { name: 'options', type: 'text' },
    { name: 'retention_time', type: 'text' },
    { name: 'kind', type: 'text' },
  ];
  const row = ['1718000000.123000000', 'SALES', 'N', 'N', '', 'SYSADMIN', 'Sales data', '', '1', 'STANDARD'];
  fake.route(`POST ${STATEMENTS}`, resultSet(columns, [[row]]));

  const result = data(await call('list_databases'));
  assert.deepEqual(result, {
    databases: [
      {
        name: 'SALES',
        owner: 'SYSADMIN',
        comment: 'Sales data',
        created_on: '2024-06-10T06:13:20.123Z',
        kind: 'STANDARD',
        origin: '',
        retention_time: '1',
        is_default: 'N',
        is_current: 'N',
      },
    ],
    count: 1,
    total: 1,
    truncated: false,
  });
  assert.equal(submitted(fake)[0]?.statement, 'SHOW DATABASES');

  const all = data(await call('list_databases', { full: true }));
  assert.equal((all.databases as Record<string, unknown>[])[0]?.options, '');
});

test('create_table checks and writes the columns, qualified by database and schema, on the warehouse named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, statusResult('Table ORDERS successfully created.'));

  const result = data(
    await call('create_table', {
      database_name: 'SALES',
      warehouse_name: 'COMPUTE_WH',
      table_name: 'orders',
      columns:
        'id NUMBER(38, 0) not null primary key, "Customer Name" varchar(100), placed timestamp_ntz, amount double precision',
    }),
  );

  assert.deepEqual(result, {
    table: 'SALES.PUBLIC.orders',
    columns: [
      'id NUMBER(38,0) NOT NULL PRIMARY KEY',
      '"Customer Name" VARCHAR(100)',
      'placed TIMESTAMP_NTZ',
      'amount DOUBLE PRECISION',
    ],
    status: 'Table ORDERS successfully created.',
  });
  assert.deepEqual(submitted(fake)[0], {
    statement:
      'CREATE TABLE SALES.PUBLIC.orders (id NUMBER(38,0) NOT NULL PRIMARY KEY, "Customer Name" VARCHAR(100), ' +
      'placed TIMESTAMP_NTZ, amount DOUBLE PRECISION)',
    timeout: 60,
    warehouse: 'COMPUTE_WH',
  });
});

test('create_table takes the columns as a list of objects too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, statusResult('Table T successfully created.'));
  data(
    await call('create_table', {
      database_name: 'SALES',
      schema_name: 'RAW',
      table_name: 'T',
      columns: [
        { name: 'id', type: 'int', not_null: true, unique: true },
        { name: 'payload', type: 'VARIANT' },
        { name: 'embedding', type: 'vector(float, 256)' },
      ],
    }),
  );
  assert.equal(
    submitted(fake)[0]?.statement,
    'CREATE TABLE SALES.RAW.T (id INT NOT NULL UNIQUE, payload VARIANT, embedding VECTOR(FLOAT, 256))',
  );
});

test('list_tables runs SHOW TABLES IN DATABASE, or IN SCHEMA when one is named', async (t) => {
  const { fake, call } = await setup(t);
  const columns = [
    { name: 'created_on', type: 'timestamp_ltz', scale: 3 },
    { name: 'name', type: 'text' },
    { name: 'database_name', type: 'text' },
    { name: 'schema_name', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'comment', type: 'text' },
    { name: 'cluster_by', type: 'text' },
    { name: 'rows', type: 'fixed', precision: 38, scale: 0 },
    { name: 'bytes', type: 'fixed', precision: 38, scale: 0 },
    { name: 'owner', type: 'text' },
  ];
  const row = (name: string) => [
    '1718000000.000000000',
    name,
    'SALES',
    'PUBLIC',
    'TABLE',
    '',
    '',
    '42',
    '2048',
    'SYSADMIN',
  ];
  fake.route(`POST ${STATEMENTS}`, resultSet(columns, [[row('ORDERS'), row('ITEMS')]]));

  const result = data(await call('list_tables', { database_name: 'SALES' }));
  assert.equal(result.count, 2);
  assert.deepEqual((result.tables as unknown[])[0], {
    name: 'ORDERS',
    database_name: 'SALES',
    schema_name: 'PUBLIC',
    kind: 'TABLE',
    rows: 42,
    bytes: 2048,
    owner: 'SYSADMIN',
    comment: '',
    created_on: '2024-06-10T06:13:20.000Z',
  });
  data(
    await call('list_tables', { database_name: 'SALES', schema_name: '"Raw Data"', warehouse_name: 'WH' }),
  );
  assert.deepEqual(
    submitted(fake).map((b) => [b.statement, b.warehouse]),
    [
      ['SHOW TABLES IN DATABASE SALES', undefined],
      ['SHOW TABLES IN SCHEMA SALES."Raw Data"', 'WH'],
    ],
  );
});

test('describe_table reads DESCRIBE TABLE into typed column descriptions', async (t) => {
  const { fake, call } = await setup(t);
  const columns = [
    'name',
    'type',
    'kind',
    'null?',
    'default',
    'primary key',
    'unique key',
    'check',
    'expression',
    'comment',
  ].map((name) => ({ name, type: 'text' }));
  fake.route(
    `POST ${STATEMENTS}`,
    resultSet(columns, [
      [
        ['ID', 'NUMBER(38,0)', 'COLUMN', 'N', null, 'Y', 'N', null, null, 'Order id'],
        ['PLACED', 'TIMESTAMP_NTZ(9)', 'COLUMN', 'Y', 'CURRENT_TIMESTAMP()', 'N', 'N', null, null, null],
      ],
    ]),
  );

  const result = data(await call('describe_table', { database_name: 'SALES', table_name: 'ORDERS' }));
  assert.deepEqual(result, {
    table: 'SALES.PUBLIC.ORDERS',
    columns: [
      {
        name: 'ID',
        type: 'NUMBER(38,0)',
        kind: 'COLUMN',
        nullable: false,
        default: null,
        primary_key: true,
        unique_key: false,
        comment: 'Order id',
      },
      {
        name: 'PLACED',
        type: 'TIMESTAMP_NTZ(9)',
        kind: 'COLUMN',
        nullable: true,
        default: 'CURRENT_TIMESTAMP()',
        primary_key: false,
        unique_key: false,
        comment: null,
      },
    ],
  });
  assert.equal(submitted(fake)[0]?.statement, 'DESCRIBE TABLE SALES.PUBLIC.ORDERS');
});

test('list_warehouses runs SHOW WAREHOUSES', async (t) => {
  const { fake, call } = await setup(t);
  const columns = [
    'name',
    'state',
    'type',
    'size',
    'running',
    'queued',
    'auto_suspend',
    'auto_resume',
    'owner',
    'comment',
  ].map((name) => ({
    name,
    type: name === 'running' || name === 'queued' || name === 'auto_suspend' ? 'fixed' : 'text',
    scale: 0,
  }));
  fake.route(
    `POST ${STATEMENTS}`,
    resultSet(columns, [
      [['COMPUTE_WH', 'SUSPENDED', 'STANDARD', 'X-Small', '0', '0', '600', 'true', 'SYSADMIN', '']],
    ]),
  );
  const result = data(await call('list_warehouses'));
  assert.deepEqual(result.warehouses, [
    {
      name: 'COMPUTE_WH',
      state: 'SUSPENDED',
      type: 'STANDARD',
      size: 'X-Small',
      running: 0,
      queued: 0,
      auto_suspend: 600,
      auto_resume: 'true',
      owner: 'SYSADMIN',
      comment: '',
    },
  ]);
  assert.equal(submitted(fake)[0]?.statement, 'SHOW WAREHOUSES');
});

test('create_warehouse writes only checked values: size from the list, integer, booleans; suspended by default', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`POST ${STATEMENTS}`, statusResult('Warehouse REPORTING successfully created.'));
  fake.route(`POST ${STATEMENTS}`, statusResult('REPORTING already exists, statement succeeded.'));

  const created = data(await call('create_warehouse', { warehouse_name: 'reporting' }));
  assert.deepEqual(created, {
    warehouse: 'REPORTING',
    created: true,
    status: 'Warehouse REPORTING successfully created.',
    size: 'XSMALL',
    auto_suspend: 300,
    auto_resume: true,
    initially_suspended: true,
  });
  const again = data(
    await call('create_warehouse', {
      warehouse_name: 'reporting',
      warehouse_size: '2X-Large',
      auto_suspend: 60,
      auto_resume: false,
      initially_suspended: false,
    }),
  );
  assert.equal(again.created, false);
  assert.deepEqual(
    submitted(fake).map((b) => b.statement),
    [
      "CREATE WAREHOUSE IF NOT EXISTS reporting WITH WAREHOUSE_SIZE = 'XSMALL' AUTO_SUSPEND = 300 AUTO_RESUME = TRUE INITIALLY_SUSPENDED = TRUE",
      "CREATE WAREHOUSE IF NOT EXISTS reporting WITH WAREHOUSE_SIZE = 'XXLARGE' AUTO_SUSPEND = 60 AUTO_RESUME = FALSE INITIALLY_SUSPENDED = FALSE",
    ],
  );
});

test('execute_query runs in the database named, binds values, and returns typed rows', async (t) => {
  const { fake, call } = await setup(t, keyPair({ warehouse: 'COMPUTE_WH', role: 'ANALYST' }));
  fake.route(
    `POST ${STATEMENTS}`,
    resultSet(
      [
        { name: 'ID', type: 'fixed', precision: 38, scale: 0, nullable: false },
        { name: 'CUSTOMER', type: 'text', length: 100 },
        { name: 'PAID', type: 'boolean' },
      ],
      [[['7', 'Acme', 'true']]],
    ),
  );

  const result = data(
    await call('execute_query', {
      database_name: 'SALES',
      query: 'SELECT id, customer, paid FROM orders WHERE id = ? AND customer = ? AND paid = ? AND note IS ?',
      bindings: [7, "O'Brien; DROP TABLE orders", true, null],
    }),
  );

  assert.deepEqual(result, {
    columns: [
      { name: 'ID', type: 'fixed', nullable: false },
      { name: 'CUSTOMER', type: 'text', nullable: true },
      { name: 'PAID', type: 'boolean', nullable: true },
    ],
    rows: [{ ID: 7, CUSTOMER: 'Acme', PAID: true }],
    row_count: 1,
    total_rows: 1,
    truncated: false,
    query_id: HANDLE,
  });
  assert.deepEqual(submitted(fake)[0], {
    statement:
      'SELECT id, customer, paid FROM orders WHERE id = ? AND customer = ? AND paid = ? AND note IS ?',
    timeout: 300,
    database: 'SALES',
    warehouse: 'COMPUTE_WH',
    role: 'ANALYST',
    bindings: {
      '1': { type: 'FIXED', value: '7' },
      '2': { type: 'TEXT', value: "O'Brien; DROP TABLE orders" },
      '3': { type: 'BOOLEAN', value: 'true' },
      '4': { type: 'TEXT', value: null },
    },
  });
});

test('execute_query passes the quoted names as Snowflake stores them in the SQL API’s case-sensitive fields', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${STATEMENTS}`, resultSet([{ name: 'N', type: 'fixed', scale: 0 }], [[['1']]]));
  data(
    await call('execute_query', {
      database_name: '"My ""Big"" Db"',
      schema_name: 'raw',
      warehouse_name: '"wh-1"',
      query: 'select 1 as n',
      timeout_seconds: 10,
    }),
  );
  const body = submitted(fake)[0];
  assert.equal(body?.database, 'My "Big" Db');
  assert.equal(body?.schema, 'RAW');
  assert.equal(body?.warehouse, 'wh-1');
  assert.equal(body?.timeout, 10);
});

test('a programmatic access token goes as a bearer token of type PROGRAMMATIC_ACCESS_TOKEN', async (t) => {
  const { fake, call } = await setup(t, {
    account: ACCOUNT,
    username: USER,
    programmatic_access_token: 'pat-abc',
  });
  fake.route(`POST ${STATEMENTS}`, statusResult('Database D successfully created.'));
  data(await call('create_database', { db_name: 'D' }));
  const [req] = fake.requests;
  assert.equal(req?.headers.authorization, 'Bearer pat-abc');
  assert.equal(req?.headers['x-snowflake-authorization-token-type'], 'PROGRAMMATIC_ACCESS_TOKEN');
});

test('the server’s default export is the same server', () => {
  assert.equal(createSnowflakeServer().id, 'snowflake');
});
