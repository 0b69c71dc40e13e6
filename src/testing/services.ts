import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';

/**
 * The real servers some tests need: PostgreSQL and Redis on loopback (every machine of this project
 * runs them). On a machine without them those tests are skipped, saying why; with
 * GUMCP_REQUIRE_SERVICES=1 (as `.ci/run` sets) a missing server fails them instead.
 */

export const POSTGRES_URL = process.env.GUMCP_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.GUMCP_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const required = () => process.env.GUMCP_REQUIRE_SERVICES === '1';

/**
 * Runs `open` (which connects to the server); when the server cannot be reached, skips the test with
 * the reason, or fails it when services are required. Returns undefined when skipped.
 */
export async function withService<T>(
  t: TestContext,
  name: string,
  open: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await open();
  } catch (error) {
    const reason = `${name} is not reachable (${(error as Error).message})`;
    if (required()) throw new Error(`${reason}; GUMCP_REQUIRE_SERVICES=1 makes it required`);
    t.skip(`${reason}: skipped; set GUMCP_REQUIRE_SERVICES=1 to require it`);
    return undefined;
  }
}

/**
 * A new, empty PostgreSQL database for one test run (the server outlives runs, and a deployment
 * test must not meet another run's data or encryption key), dropped by `drop`.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `gumcp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
