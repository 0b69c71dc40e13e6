import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MemoryStore } from '../memory.js';
import { openStore } from '../open.js';
import { SqliteStore } from '../sqlite.js';
import { tempDir } from './helpers.js';

test('sqlite:<relative path> opens a file under the working directory that later opens find again', async (t) => {
  const dir = await tempDir(t);
  const before = process.cwd();
  process.chdir(dir);
  t.after(() => process.chdir(before));

  const store = await openStore('sqlite:data/gumcp.db');
  assert.ok(store instanceof SqliteStore);
  await store.set('ns', 'k', 'v');
  await store.close();
  assert.ok(existsSync(join(dir, 'data', 'gumcp.db')));

  const again = await openStore('sqlite://data/gumcp.db');
  assert.equal(await again.get('ns', 'k'), 'v');
  await again.close();
});

test('sqlite:///absolute/path opens that file', async (t) => {
  const file = join(await tempDir(t), 'abs.db');
  const store = await openStore(`sqlite://${file}`);
  await store.close();
  assert.ok(existsSync(file));
});

test('memory: still opens a memory store; bad URLs fail with what to write instead', async () => {
  assert.ok((await openStore('memory:')) instanceof MemoryStore);
  await assert.rejects(
    openStore('sqlite:'),
    /GUMCP_STORE=sqlite: needs a file path, e.g. sqlite:data\/gumcp.db/,
  );
  await assert.rejects(openStore('mysql://u:secret@h/db'), (error: Error) => {
    assert.equal(
      error.message,
      'Unknown store URL scheme "mysql:" (expected memory:, sqlite:<path>, postgres://… or redis://…)',
    );
    return true;
  });
});

test('a lazy sqlite store creates no file until used, then behaves as the store itself', async (t) => {
  const file = join(await tempDir(t), 'lazy.db');
  const unused = await openStore(`sqlite:${file}`, { lazy: true });
  await unused.close();
  assert.equal(existsSync(file), false, 'closing an unused lazy store opens nothing');

  const store = await openStore(`sqlite:${file}`, { lazy: true });
  await store.set('ns', 'b', 2);
  await store.set('ns', 'a', 1, 60);
  assert.ok(existsSync(file));
  assert.equal(await store.get('ns', 'a'), 1);
  assert.deepEqual(await store.keys('ns'), ['a', 'b']);
  assert.equal(await store.delete('ns', 'b'), true);
  await store.close();
  const again = await openStore(`sqlite:${file}`);
  assert.deepEqual(await again.keys('ns'), ['a']);
  await again.close();
});

test('a lazy store still checks its URL at once, and a failing open fails the call that needed it', async (t) => {
  await assert.rejects(openStore('sqlite:', { lazy: true }), /needs a file path/);
  // A folder cannot be opened as a database file.
  const store = await openStore(`sqlite:${await tempDir(t)}`, { lazy: true });
  await assert.rejects(store.get('ns', 'k'));
  await store.close();
});
