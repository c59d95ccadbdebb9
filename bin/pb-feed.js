#!/usr/bin/env node
// pb-feed: the built command line (dist/cli/pb-feed.js), or one line saying how to build it.
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/pb-feed.js', import.meta.url);
let cli;
try {
  cli = await import(built.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('pb-feed.js')) {
    const root = fileURLToPath(new URL('..', import.meta.url));
    console.error(`pb-feed is not built yet: run \`npm run build\` in ${root}`);
    process.exit(2);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
