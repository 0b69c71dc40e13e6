import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI } from '../../testing/host-process.js';
import { COMMANDS, commandHelp } from '../help.js';

const gumcp = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('gumcp help, --help, -h and no command print the overview of every command and exit 0', () => {
  for (const args of [['help'], ['--help'], ['-h'], []]) {
    const run = gumcp(...args);
    assert.equal(run.status, 0, args.join(' '));
    assert.match(run.stdout, /^Usage: gumcp <command> \[options\]/);
    for (const name of Object.keys(COMMANDS)) assert.match(run.stdout, new RegExp(`^  ${name} `, 'm'));
    assert.equal(run.stderr, '');
  }
});

test('every command has its own help: usage, options, environment and an example', () => {
  for (const name of Object.keys(COMMANDS)) {
    const help = commandHelp(name) ?? assert.fail(name);
    assert.match(help, new RegExp(`^Usage: gumcp ${name}`), name);
    assert.match(help, /\nExample:\n {2}\S/, name);
  }
  assert.match(commandHelp('serve') ?? '', /\n {2}--port <n> +MCP port/);
  assert.match(commandHelp('serve') ?? '', /\n {2}GUMCP_API_KEYS +required, off, or auto/);
});

test('gumcp <command> --help, -h and gumcp help <command> print that help and exit 0', () => {
  for (const [args, first] of [
    [['auth', '--help'], 'Usage: gumcp auth <server>'],
    [['keys', '-h'], 'Usage: gumcp keys create'],
    [['help', 'auth'], 'Usage: gumcp auth <server>'],
    [['run', '--server', 'slack', '--help'], 'Usage: gumcp run --server <id>'],
    [['help', '--help'], 'Usage: gumcp help'],
  ] as const) {
    const run = gumcp(...args);
    assert.equal(run.status, 0, args.join(' '));
    assert.ok(run.stdout.startsWith(first), `${args.join(' ')}: ${run.stdout.slice(0, 60)}`);
    assert.match(run.stdout, /\nExample:\n/);
  }
});

test('an unknown command says so, shows the overview, and exits 2', () => {
  for (const args of [['bogus'], ['help', 'bogus']]) {
    const run = gumcp(...args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /^Unknown command "bogus"\.\n\nUsage: gumcp <command>/);
  }
});
