#!/usr/bin/env node
// Usage: node scripts/check-sizes.mjs [--update]      (after `npm run build`; part of `npm test`)
//
// The weight of what a page loads, gzip -9, against the figures stored in bundle-sizes.json:
// fails (exit 1) when a bundle grows past its stored figure, so growth is a decision someone
// makes (`npm run sizes -- --update`, then commit the file), not an accident. Bundles:
//   initial        what a page with one <pb-map> loads before the map comes into view: pb-map.js
//                  (the autoloader) and <pb-map>'s chunk, with everything they import statically
//                  (its feed is not fetched before either, unless another element follows it)
//   atlas-initial  the same for a page with one <pb-atlas> (its inner elements load with its map)
//   four-elements  a page with <pb-map>, <pb-filters>, <pb-list> and <pb-summary>
//   feed           the parser on the page, where no worker can run (a CSP without worker-src)
//   feed-worker    the worker that downloads, checks and indexes a feed: it loads when a map
//                  nears the viewport or something on the page follows its data, not before
//   map            the lazy map chunk (MapLibre) and what it imports that the elements do not
//   worker         the clustering worker
//   maplibre-worker, basemap   MapLibre's worker and the offline basemap's GeoJSON files
//                  (land in four, borders in two; loaded with the map)
//   classic        dist/pb-map.iife.js, the classic-script loader

import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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
    /(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g,
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

const entry = staticClosure(join(dist, 'pb-map.js'));
/** The chunk a dynamic import in `files` names whose file name starts with `prefix-`. */
function lazyChunk(files, prefix) {
  const found = [...dynamicImports(files)].find((f) => basename(f).startsWith(`${prefix}-`));
  if (!found) throw new Error(`check-sizes: no chunk ${prefix}-* imported lazily by ${[...files]}`);
  return found;
}
/** What a page showing `tags` loads before a map comes into view: the entry, then each tag's chunk. */
function pageWith(...tags) {
  const files = new Set(entry);
  for (const tag of tags) staticClosure(lazyChunk(entry, tag), files);
  return files;
}
const minus = (files, already) => new Set([...files].filter((f) => !already.has(f)));

const initial = pageWith('pb-map');
const fourElements = pageWith('pb-map', 'pb-filters', 'pb-list', 'pb-summary');
const atlas = pageWith('pb-atlas');
const feed = minus(staticClosure(lazyChunk(initial, 'load')), initial);
const map = minus(staticClosure(lazyChunk(initial, 'maplibre')), fourElements);

const assets = readdirSync(join(dist, 'assets'));
const asset = (prefix) => {
  const name = assets.find((a) => a.startsWith(prefix) && !a.endsWith('.map'));
  if (!name) throw new Error(`check-sizes: no dist/assets/${prefix}*`);
  return join(dist, 'assets', name);
};
const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);

const measured = {
  initial: sum(initial),
  'atlas-initial': sum(atlas),
  'four-elements': sum(fourElements),
  feed: sum(feed),
  map: sum(map),
  'feed-worker': gz(asset('feed.worker-')),
  worker: gz(asset('cluster.worker-')),
  'maplibre-worker': gz(asset('maplibre-gl-worker-')),
  basemap: assets
    .filter((a) => /^(land|borders)-\d+-.*\.geojson$/.test(a))
    .reduce((n, a) => n + gz(join(dist, 'assets', a)), 0),
  classic: gz(join(dist, 'pb-map.iife.js')),
};

const storedJson = existsSync(stored) ? JSON.parse(readFileSync(stored, 'utf8')) : {};
const budget = storedJson.bytes ?? {};
/** Limits set by the product, not by the last build: `--update` never raises them. */
const ceilings = storedJson.ceilings ?? {};
let failed = false;
console.log('bundle            gzip -9 bytes   stored   ');
for (const [name, bytes] of Object.entries(measured)) {
  const limit = budget[name];
  const over = limit !== undefined && bytes > limit;
  const ceiling = ceilings[name];
  const overCeiling = ceiling !== undefined && bytes > ceiling;
  failed ||= over || overCeiling;
  const mark = overCeiling
    ? `OVER the ceiling of ${ceiling} by ${bytes - ceiling}`
    : limit === undefined
      ? 'new'
      : over
        ? `OVER by ${bytes - limit}`
        : 'ok';
  console.log(
    `${name.padEnd(17)} ${String(bytes).padStart(13)}   ${String(limit ?? '-').padStart(7)}   ${mark}`,
  );
}
console.log(`initial = ${[...initial].map((f) => relative(dist, f)).join(' + ')}`);

if (update) {
  const over = Object.entries(ceilings).filter(([name, max]) => measured[name] > max);
  if (over.length) {
    console.error(`check-sizes: over a ceiling, not recorded: ${over.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
  const text = {
    note: "gzip -9 bytes of the built bundles; `npm test` fails when one grows past its figure. Update with `npm run sizes -- --update` after `npm run build`, and say why in the commit. `ceilings` are the product's limits (issue 5: at most 25 KB before a map comes into view) and are never raised by --update.",
    ceilings,
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
