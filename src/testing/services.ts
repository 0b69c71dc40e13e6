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
