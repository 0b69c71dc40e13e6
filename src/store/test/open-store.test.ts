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
      'Unknown store URL scheme "mysql:" in GUMCP_STORE (expected memory: or sqlite:<path>)',
    );
    return true;
  });
});
