import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ServerRegistry } from '../../core/registry.js';

/** The sources of the servers (tsc does not copy READMEs to dist/). */
const SOURCES = join(dirname(fileURLToPath(import.meta.url)), '../../../src/servers');

test('every server has a README that names each of its tools', async () => {
  const servers = await new ServerRegistry().loadAll();
  assert.ok(servers.length >= 8);
  for (const { definition } of servers) {
    const readme = join(SOURCES, definition.id, 'README.md');
    assert.ok(existsSync(readme), `src/servers/${definition.id}/README.md exists`);
    const text = readFileSync(readme, 'utf8');
    for (const name of Object.keys(definition.tools)) {
      assert.ok(text.includes(`\`${name}\``), `${definition.id}'s README names ${name}`);
    }
  }
});
