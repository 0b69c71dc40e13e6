import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { connectOver, type TransportKind } from '../../testing/clients.js';
import { type HostProcess, startHostProcess } from '../../testing/host-process.js';
import { text } from '../../testing/mcp.js';

/**
 * A user without credentials is told how to sign in where they are: over stdio, the `gumcp auth`
 * command they can run; over the remote host, its connect link, since a remote user has no CLI.
 */

let host: HostProcess;
const empty = mkdtempSync(join(tmpdir(), 'gumcp-advice-'));
const env = { GUMCP_OAUTH_CONFIG_DIR: empty, GUMCP_CREDENTIALS_DIR: empty };
before(async () => {
  host = await startHostProcess(env);
});
after(() => host.stop());

async function callWithoutCredentials(kind: TransportKind): Promise<string> {
  const client = await connectOver(kind, { hostUrl: host.url, serverId: 'github', sessionKey: 'alice', env });
  try {
    const result = await client.callTool({
      name: 'list_public_user_repositories',
      arguments: { username: 'octocat' },
    });
    assert.equal(result.isError, true);
    return text(result);
  } finally {
    await client.close();
  }
}

for (const kind of ['streamable-2025', 'streamable-2026', 'sse'] as const) {
  test(`${kind}: the re-authenticate message gives the host's connect link for this user`, async () => {
    assert.equal(
      await callWithoutCredentials(kind),
      `Not authenticated with github: no credentials are stored for this user. Connect github again at ${host.url}/connect/github?user_id=alice, adding &key=<your gumcp API key> if this host asks for one.`,
    );
  });
}

test('stdio: the re-authenticate message gives the gumcp auth command', async () => {
  assert.equal(
    await callWithoutCredentials('stdio'),
    'Not authenticated with github: no credentials are stored for this user. Re-authenticate with `gumcp auth github`.',
  );
});
