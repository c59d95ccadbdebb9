#!/usr/bin/env node
// Usage: node scripts/check-sizes.mjs [--update]      (after `npm run build`; part of `npm test`)
//
// The weight of what a page loads, gzip -9, against the figures stored in bundle-sizes.json:
// fails (exit 1) when a bundle grows past its stored figure, so growth is a decision someone
// makes (`npm run sizes -- --update`, then commit the file), not an accident. Bundles:
//   initial   pb-map.js and every chunk it imports statically: what a page loads before a map
//             comes into view
//   map       the lazy map chunk and what it imports that the initial code does not
//   worker    the clustering worker
//   maplibre-worker, basemap   MapLibre's worker and the offline basemap (loaded with the map)

import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stored = join(root, 'bundle-sizes.json');
const update = process.argv.includes('--update');

if (!existsSync(join(dist, 'pb-map.js'))) {
  console.error('check-sizes: dist/pb-map.js is missing: run `npm run build` first.');
  process.exit(2);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** A JS file and every file it imports statically (not `import()`), recursively. */
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g,
  )) {
    staticClosure(join(dirname(file), spec), seen);
  }
  return seen;
}

/** The files a dynamic `import("./x")` in `files` names (vite writes them with backquotes). */
function dynamicImports(files) {
  const out = new Set();
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(
      /import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g,
    )) {
      out.add(join(dirname(file), spec));
    }
  }
  return out;
}

const initial = staticClosure(join(dist, 'pb-map.js'));
const map = new Set();
for (const entry of dynamicImports(initial)) {
  for (const f of staticClosure(entry)) if (!initial.has(f)) map.add(f);
}
const assets = readdirSync(join(dist, 'assets'));
const asset = (prefix) => {
  const name = assets.find((a) => a.startsWith(prefix) && !a.endsWith('.map'));
  if (!name) throw new Error(`check-sizes: no dist/assets/${prefix}*`);
  return join(dist, 'assets', name);
};
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);

const measured = {
  initial: sum(initial),
  map: sum(map),
  worker: gz(asset('cluster.worker-')),
  'maplibre-worker': gz(asset('maplibre-gl-worker-')),
  basemap: gz(asset('countries-')),
};
const files = {
  initial: [...initial].map((f) => relative(dist, f)),
  map: [...map].map((f) => relative(dist, f)),
};

const budget = existsSync(stored) ? JSON.parse(readFileSync(stored, 'utf8')).bytes : {};
let failed = false;
console.log('bundle            gzip -9 bytes   stored   ');
for (const [name, bytes] of Object.entries(measured)) {
  const limit = budget[name];
  const over = limit !== undefined && bytes > limit;
  failed ||= over;
  const mark = limit === undefined ? 'new' : over ? `OVER by ${bytes - limit}` : 'ok';
  console.log(
    `${name.padEnd(17)} ${String(bytes).padStart(13)}   ${String(limit ?? '-').padStart(7)}   ${mark}`,
  );
}
console.log(`initial = ${files.initial.join(' + ')}`);

if (update) {
  const text = {
    note: 'gzip -9 bytes of the built bundles; `npm test` fails when one grows past its figure. Update with `npm run sizes -- --update` after `npm run build`, and say why in the commit.',
    bytes: measured,
  };
  writeFileSync(stored, `${JSON.stringify(text, null, 2)}\n`);
  console.log(`check-sizes: wrote ${relative(root, stored)}`);
} else if (failed) {
  console.error('check-sizes: a bundle grew past its stored figure (bundle-sizes.json).');
  process.exit(1);
} else if (Object.keys(budget).length === 0) {
  console.error('check-sizes: no bundle-sizes.json: run `npm run sizes -- --update`.');
  process.exit(1);
}
