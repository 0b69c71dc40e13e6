import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runKeysCommand } from '../../../cli/keys.js';
import { MemoryStore } from '../../../store/memory.js';
import { screen } from '../../oauth/test/screen.js';
import { verifyKey } from '../tenant-keys.js';

test('keys create prints the key once; list shows it without the key; revoke removes it', async () => {
  const store = new MemoryStore();
  const t = screen();
  await runKeysCommand(['create', '--user', 'alice'], { store, out: t.stream });
  const printed = t.take();
  const key = /^(gumcp_[0-9a-f]{8}_\S+)$/m.exec(printed)?.[1] ?? assert.fail(`no key in: ${printed}`);
  const id = key.split('_')[1] ?? '';
  assert.match(printed, new RegExp(`^Created key ${id} for user alice\\. It is shown only now`));
  assert.equal(await verifyKey(store, key), 'alice');

  await runKeysCommand(['list'], { store, out: t.stream });
  const listed = t.take();
  assert.match(listed, new RegExp(`^ID +USER +CREATED\\n${id} +alice +\\d{4}-\\d\\d-\\d\\dT`));
  assert.ok(!listed.includes(key.slice(15)), 'the list never shows a key');

  await runKeysCommand(['revoke', id], { store, out: t.stream });
  assert.equal(t.take(), `Revoked key ${id}.\n`);
  assert.equal(await verifyKey(store, key), undefined);
  await runKeysCommand(['list'], { store, out: t.stream });
  assert.equal(t.take(), 'No keys.\n');
});

test('keys commands with missing or unknown arguments fail with usage', async () => {
  const store = new MemoryStore();
  const out = screen().stream;
  await assert.rejects(runKeysCommand(['create'], { store, out }), /gumcp keys create needs --user <id>/);
  await assert.rejects(runKeysCommand(['revoke'], { store, out }), /gumcp keys revoke needs a key id/);
  await assert.rejects(
    runKeysCommand(['revoke', 'deadbeef'], { store, out }),
    /No key has the id "deadbeef"/,
  );
  await assert.rejects(runKeysCommand(['rotate'], { store, out }), /Unknown keys command "rotate"/);
  await assert.rejects(runKeysCommand(['list', '--bogus'], { store, out }), /Unknown option '--bogus'/);
});
