// Generates src/core/feed/types.generated.ts from src/core/feed/feed.schema.json, the single
// source of truth of the feed format. `--check` fails when the committed file is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const schemaPath = new URL('../src/core/feed/feed.schema.json', import.meta.url);
const outPath = new URL('../src/core/feed/types.generated.ts', import.meta.url);
const schema = JSON.parse(await readFile(schemaPath, 'utf8'));
const body = await compile(schema, 'PbFeed', {
  bannerComment:
    '/* Generated from feed.schema.json by scripts/gen-feed-types.mjs (npm run gen:types). Do not edit. */',
  additionalProperties: false,
  style: { singleQuote: true, printWidth: 100 },
});
if (process.argv.includes('--check')) {
  const current = await readFile(outPath, 'utf8').catch(() => '');
  if (current !== body) {
    console.error('src/core/feed/types.generated.ts is out of date: run `npm run gen:types`.');
    process.exit(1);
  }
} else {
  await writeFile(outPath, body);
  console.log('wrote src/core/feed/types.generated.ts');
}
