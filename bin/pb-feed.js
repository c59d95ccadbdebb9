#!/usr/bin/env node
// pb-feed: the built command line (dist/cli/pb-feed.js), or one line saying how to build it.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/pb-feed.js', import.meta.url);
let cli;
try {
  cli = await import(built.href);
} catch (error) {
  // Only the built file itself missing; a dependency missing inside it is a real error.
  const missing = `Cannot find module '${fileURLToPath(built)}'`;
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).startsWith(missing)) {
    const root = dirname(dirname(fileURLToPath(import.meta.url)));
    console.error(`pb-feed is not built yet: run \`npm run build\` in ${root}`);
    process.exit(2);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
});
