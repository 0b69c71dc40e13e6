import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nginx configuration operators are given (deploy/nginx/gumcp.conf); tests run exactly that. */
export const NGINX_CONF = join(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx/gumcp.conf');

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

export interface Nginx {
  readonly url: string;
  readonly child: ChildProcess;
  /** nginx's error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Runs nginx in the foreground on a free loopback port with the shipped configuration, its upstream
 * pointed at `hosts` (`127.0.0.1:port`). Throws when nginx is not installed (`apt-get install nginx`).
 */
export async function startNginx(hosts: readonly string[]): Promise<Nginx> {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx)');
  const port = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'gumcp-nginx-'));
  mkdirSync(join(prefix, 'logs'));
  const shipped = readFileSync(NGINX_CONF, 'utf8');
  const site = shipped
    .replace(/^\s*server 127\.0\.0\.1:\d+ [^\n]*\n/gm, '')
    .replace(
      /(upstream gumcp_hosts \{\n\s*hash [^\n]*\n)/,
      `$1${hosts.map((h) => `    server ${h} max_fails=1 fail_timeout=5s;\n`).join('')}`,
    )
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`);
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  const conf = [
    'daemon off;',
    'worker_processes 1;',
    'user root;',
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
    site,
    '}',
  ].join('\n');
  const file = join(prefix, 'nginx.conf');
  writeFileSync(file, conf);
  execFileSync(NGINX, ['-t', '-p', prefix, '-c', file], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', prefix, '-c', file], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 50) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/health_check`);
      break;
    } catch {
      if (waited > 5_000) throw new Error('nginx did not listen within 5 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    child,
    errors: () => readFileSync(join(prefix, 'logs', 'error.log'), 'utf8'),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        await once(child, 'exit');
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
