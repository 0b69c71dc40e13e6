import { parseArgs } from 'node:util';
import { createKey, listKeys, revokeKey } from '../auth/keys/tenant-keys.js';
import type { KeyValueStore } from '../store/types.js';
import { commandHelp } from './help.js';

const KEYS_USAGE = commandHelp('keys') ?? '';

/** `gumcp keys create --user <id>`: prints the new key, the only time it is ever shown. */
export async function keysCreate(
  store: KeyValueStore,
  userId: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  const created = await createKey(store, userId);
  out.write(
    `Created key ${created.id} for user ${created.userId}. It is shown only now; keep it somewhere safe:\n${created.key}\n`,
  );
}

/** `gumcp keys list` */
export async function keysList(store: KeyValueStore, out: NodeJS.WritableStream): Promise<void> {
  const keys = await listKeys(store);
  if (!keys.length) {
    out.write('No keys.\n');
    return;
  }
  const width = Math.max(4, ...keys.map((k) => k.userId.length));
  out.write(`${'ID'.padEnd(10)}${'USER'.padEnd(width + 2)}CREATED\n`);
  for (const k of keys) out.write(`${k.id.padEnd(10)}${k.userId.padEnd(width + 2)}${k.createdAt}\n`);
}

/** `gumcp keys revoke <id>` */
export async function keysRevoke(
  store: KeyValueStore,
  id: string,
  out: NodeJS.WritableStream,
): Promise<void> {
  if (!(await revokeKey(store, id)))
    throw new Error(`No key has the id "${id}"; \`gumcp keys list\` shows them`);
  out.write(`Revoked key ${id}.\n`);
}

/** Dispatches `gumcp keys <subcommand> ...`; `args` is what follows `keys`. */
export async function runKeysCommand(
  args: readonly string[],
  options: { store: KeyValueStore; out?: NodeJS.WritableStream },
): Promise<void> {
  const out = options.out ?? process.stdout;
  const [subcommand, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { user: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  switch (subcommand) {
    case 'create':
      if (!values.user) throw new Error(`gumcp keys create needs --user <id>\n\n${KEYS_USAGE}`);
      return keysCreate(options.store, values.user, out);
    case 'list':
      return keysList(options.store, out);
    case 'revoke': {
      const id = positionals[0];
      if (!id) throw new Error(`gumcp keys revoke needs a key id\n\n${KEYS_USAGE}`);
      return keysRevoke(options.store, id, out);
    }
    default:
      throw new Error(subcommand ? `Unknown keys command "${subcommand}"\n\n${KEYS_USAGE}` : KEYS_USAGE);
  }
}
