import assert from 'node:assert/strict';
import { Writable } from 'node:stream';

/** A stand-in terminal: collects what is written, and waits (bounded) for some text to appear. */
export function screen() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return {
    stream,
    text: () => text,
    /** What was written since the last call. */
    take(): string {
      const taken = text;
      text = '';
      return taken;
    },
    async waitFor(needle: string): Promise<void> {
      for (let i = 0; i < 200 && !text.includes(needle); i++) await new Promise((r) => setTimeout(r, 5));
      assert.ok(text.includes(needle), `"${needle}" never appeared on screen`);
    },
  };
}
