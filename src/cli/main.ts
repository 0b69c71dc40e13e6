#!/usr/bin/env node
import { fail, runCli } from './cli.js';

runCli(process.argv.slice(2)).catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
