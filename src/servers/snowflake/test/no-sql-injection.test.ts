import assert from 'node:assert/strict';
import { test } from 'node:test';
import { text } from '../../../testing/mcp.js';
import { columnDefinitions, ident, isIdentifier, warehouseSize } from '../sql.js';
import { failure, setup } from './harness.js';

const ATTACKS = [
  'sales; DROP DATABASE prod',
  'sales --',
  'a.b',
  '"x"; DROP TABLE t; --"',
  '"unterminated',
  'x"y',
  "o'brien",
  '1abc',
  '',
  `"${'\u0000'}"`,
  `${'a'.repeat(256)}`,
];

test('a name that is not exactly one identifier is refused, naming the argument, before anything is sent', async (t) => {
  const { fake, call } = await setup(t);
  for (const attack of ATTACKS) {
    for (const [tool, args] of [
      ['create_database', { db_name: attack }],
      ['create_table', { database_name: 'D', table_name: attack, columns: 'id INT' }],
      ['create_table', { database_name: 'D', schema_name: attack, table_name: 'T', columns: 'id INT' }],
      ['list_tables', { database_name: attack }],
      ['describe_table', { database_name: 'D', table_name: attack }],
      ['create_warehouse', { warehouse_name: attack }],
      ['execute_query', { database_name: attack, query: 'select 1' }],
      ['execute_query', { database_name: 'D', warehouse_name: attack, query: 'select 1' }],
    ] as const) {
      const result = await call(tool, args);
      const message = failure(result);
      assert.match(
        message,
        /must be one Snowflake identifier/,
        `${tool} ${JSON.stringify(attack)}: ${text(result)}`,
      );
    }
  }
  assert.equal(fake.requests.length, 0);
});

test('column definitions allow a name, a known type and constraints, and nothing else', async (t) => {
  const { fake, call } = await setup(t);
  for (const [columns, why] of [
    ['id INT); DROP TABLE x; --', /column 1 .* has a type Snowflake does not know, or more than a type/],
    ["id INT DEFAULT 'x'", /column 1/],
    ['id INT, name', /column 2 .* does not start with a column name/],
    ['id FOO', /type Snowflake does not know/],
    ['id INT, , name TEXT', /column 2/],
    ['"a"b" INT', /does not start with a column name/],
    ['', /Too small|at least/],
  ] as const) {
    const message = failure(await call('create_table', { database_name: 'D', table_name: 'T', columns }));
    assert.match(message, why, `${JSON.stringify(columns)}: ${message}`);
  }
  const listed = failure(
    await call('create_table', {
      database_name: 'D',
      table_name: 'T',
      columns: [{ name: 'x; drop', type: 'INT' }],
    }),
  );
  assert.match(listed, /must be one Snowflake identifier/);
  const typed = failure(
    await call('create_table', {
      database_name: 'D',
      table_name: 'T',
      columns: [{ name: 'x', type: 'INT) ; drop' }],
    }),
  );
  assert.match(typed, /column 1 \(x\) has a type Snowflake does not know/);
  assert.equal(fake.requests.length, 0);
});

test('warehouse_size must be one of Snowflake’s sizes', async (t) => {
  const { fake, call } = await setup(t);
  const message = failure(
    await call('create_warehouse', { warehouse_name: 'W', warehouse_size: "XSMALL' AUTO_SUSPEND = 0 --" }),
  );
  assert.match(message, /warehouse_size/);
  assert.match(message, /must be one of X-SMALL, SMALL/);
  assert.match(
    failure(await call('create_warehouse', { warehouse_name: 'W', auto_suspend: -1 })),
    /auto_suspend/,
  );
  assert.match(
    failure(await call('create_warehouse', { warehouse_name: 'W', auto_suspend: 1.5 })),
    /auto_suspend/,
  );
  assert.equal(fake.requests.length, 0);
});

test('identifiers: unquoted ones fold to upper case, quoted ones keep their case and unescape ""', () => {
  assert.deepEqual(ident('my_db$1'), { sql: 'my_db$1', name: 'MY_DB$1' });
  assert.deepEqual(ident('"My ""Big"" Db"'), { sql: '"My ""Big"" Db"', name: 'My "Big" Db' });
  assert.equal(isIdentifier('"a"'), true);
  assert.equal(isIdentifier('""'), false);
  assert.equal(isIdentifier('"a""'), false);
  for (const attack of ATTACKS) assert.equal(isIdentifier(attack), false, attack);
});

test('column definitions are written back canonically', () => {
  assert.deepEqual(
    columnDefinitions(
      '( id number( 38 , 0 ) not  null , "Display Name" varchar , ts timestamp_tz(3) null )',
    ).map((d) => d.sql),
    ['id NUMBER(38,0) NOT NULL', '"Display Name" VARCHAR', 'ts TIMESTAMP_TZ(3) NULL'],
  );
  assert.deepEqual(
    columnDefinitions('k int autoincrement primary key, v variant unique').map((d) => d.sql),
    ['k INT AUTOINCREMENT PRIMARY KEY', 'v VARIANT UNIQUE'],
  );
});

test('warehouse sizes are read in every spelling Snowflake documents', () => {
  assert.equal(warehouseSize('X-Small'), 'XSMALL');
  assert.equal(warehouseSize('xsmall'), 'XSMALL');
  assert.equal(warehouseSize('2X-LARGE'), 'XXLARGE');
  assert.equal(warehouseSize('x4large'), 'X4LARGE');
  assert.equal(warehouseSize('HUGE'), undefined);
});
