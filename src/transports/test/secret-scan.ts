import assert from 'node:assert/strict';

/** The forms a secret can take in output: as it is, form- or URL-encoded, and JSON-escaped. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      json,
    ]),
  ];
}

/**
 * Asserts that no secret appears in any of the collected outputs. Secrets shorter than 8
 * characters are refused: they would match by chance and prove nothing.
 */
export function assertNoSecrets(outputs: Record<string, string>, secrets: Record<string, string>): void {
  for (const [name, secret] of Object.entries(secrets)) {
    assert.ok(secret.length >= 8, `the ${name} used in the test is too short to scan for`);
    for (const [where, text] of Object.entries(outputs)) {
      for (const form of forms(secret)) {
        assert.ok(!text.includes(form), `the ${name} appears in ${where}`);
      }
    }
  }
}

/**
 * Wraps the global fetch so that every response body this process receives is kept, chunk by chunk
 * as it arrives: streams that are still open (an SSE response the client stopped reading) count for
 * what they delivered. Call `bodies()` once the servers have stopped.
 */
export function recordResponseBodies(): { bodies: () => string; restore: () => void } {
  const original = globalThis.fetch;
  const received: string[] = [];
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const copy = response.clone().body;
    if (copy) {
      const index = received.push('') - 1;
      const decoder = new TextDecoder();
      void (async () => {
        try {
          for await (const chunk of copy) received[index] += decoder.decode(chunk, { stream: true });
        } catch {
          // Cut off by a closing server: what arrived is kept.
        }
      })();
    }
    return response;
  };
  return {
    bodies: () => received.join('\n'),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
