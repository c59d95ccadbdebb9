#!/usr/bin/env node
// Usage: npm run bench:cold [-- --count 12000 --rounds 5 --seed bench]
//
// Cold-start benchmark: from navigation to the first clusters drawn, and the blocking time on
// the way, for three pages showing the same generated feed at 1000×700 in headless Chromium:
//   pb-map.html    what a host page writes: <script type="module" src="dist/pb-map.js"> + <pb-map>
//                  (offline basemap included, as a reader gets it)
//   leaflet.html   Leaflet 1.9 + Leaflet.markercluster with its defaults (no basemap)
//   maplibre.html  MapLibre 6 with a clustered GeoJSON source, circles and counts (no basemap)
// Each load is cold: a fresh incognito browser context with the HTTP cache off. The pages are
// loaded in rotating order, `rounds` times each; medians are reported. "Blocking time" is the
// sum over long tasks (> 50 ms, PerformanceObserver 'longtask') of their time beyond 50 ms,
// from navigation until 1.5 s after the first clusters (stricter than Lighthouse's FCP→TTI
// window, which starts later). See docs/performance.md.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, NOT_FOUND_MESSAGE, findChromium } from '../find-chromium.mjs';
import { serve } from '../bench/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'bench-results');
const { values: options } = parseArgs({
  options: {
    count: { type: 'string', default: '12000' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: 'bench' },
  },
});
const count = Number(options.count);
const rounds = Number(options.rounds);
const PAGES = ['pb-map', 'leaflet', 'maplibre'];
const BUDGET_BLOCKING_MS = 200;
const log = (...args) => console.error('[bench:cold]', ...args);

if (!existsSync(join(root, 'dist/pb-map.js')) || !existsSync(join(root, 'dist/cli/pb-feed.js'))) {
  log('dist/ is missing: npm run build');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
mkdirSync(join(outDir, 'feeds'), { recursive: true });
const feedFile = `bench-results/feeds/programmes-${count}-seed-${options.seed}.json`;
const generated = spawnSync(
  process.execPath,
  ['bin/pb-feed.js', 'generate', '--count', String(count), '--seed', options.seed, '-o', feedFile],
  { cwd: root, encoding: 'utf8' },
);
if (generated.status !== 0) {
  console.error(`bench:cold: pb-feed generate failed:\n${generated.stderr}`);
  process.exit(1);
}

const executablePath = findChromium();
if (!executablePath) {
  console.error(NOT_FOUND_MESSAGE);
  process.exit(1);
}
const server = await serve(root);
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  defaultViewport: { width: 1000, height: 700, deviceScaleFactor: 1 },
  args: [...CHROMIUM_ARGS, '--window-size=1000,700', '--force-device-scale-factor=1'],
});
const browserVersion = await browser.version();
const watchdog = setTimeout(async () => {
  console.error('bench:cold: gave up after 10 min');
  await browser.close().catch(() => {});
  process.exit(1);
}, 10 * 60_000);
watchdog.unref();

const round0Shot = new Set(PAGES);
const runs = Object.fromEntries(PAGES.map((p) => [p, []]));
const loadBefore = loadavg()[0];
try {
  for (let round = 0; round < rounds; round++) {
    const order = PAGES.map((_, i) => PAGES[(i + round) % PAGES.length]);
    for (const name of order) {
      const result = await coldLoad(name);
      runs[name].push(result);
      log(
        `round ${round + 1} ${name}: first clusters ${result.firstClustersMs} ms, blocking ${result.blockingMs} ms`,
      );
    }
  }
} finally {
  clearTimeout(watchdog);
  await browser.close().catch(() => {});
  await server.close();
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};
const summary = Object.fromEntries(
  PAGES.map((p) => [
    p,
    Object.fromEntries(
      ['firstClustersMs', 'blockingMs', 'longestTaskMs', 'longTasks', 'fcpMs'].map((k) => [
        k,
        median(runs[p].map((r) => r[k] ?? 0)),
      ]),
    ),
  ]),
);
const pb = summary['pb-map'];
const verdict = {
  notLaterThanLeaflet: pb.firstClustersMs <= summary.leaflet.firstClustersMs,
  blockingUnderBudget: pb.blockingMs < BUDGET_BLOCKING_MS,
};
const lines = [
  `## Cold start, ${count} programmes, ${rounds} cold loads per page (medians)`,
  '',
  `${new Date().toISOString()}, ${browserVersion}, ${availableParallelism()} CPUs, load ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
  '',
  '| page | first clusters (ms) | blocking time (ms) | longest task (ms) | long tasks | FCP (ms) |',
  '|---|---:|---:|---:|---:|---:|',
  ...PAGES.map((p) => {
    const s = summary[p];
    return `| ${p} | ${s.firstClustersMs} | ${s.blockingMs} | ${s.longestTaskMs} | ${s.longTasks} | ${s.fcpMs} |`;
  }),
  '',
  `pb-map first clusters no later than Leaflet: ${verdict.notLaterThanLeaflet ? 'yes' : 'NO'}; blocking time under ${BUDGET_BLOCKING_MS} ms: ${verdict.blockingUnderBudget ? 'yes' : 'NO'}`,
  '',
  'Every run: ' +
    PAGES.map(
      (p) => `${p} ${runs[p].map((r) => `${r.firstClustersMs}/${r.blockingMs}`).join(', ')}`,
    ).join('; ') +
    ' (first clusters / blocking, ms)',
];
const markdown = lines.join('\n');
console.log(markdown);
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..*/, '');
writeFileSync(
  join(outDir, `cold-${stamp}.json`),
  JSON.stringify({ count, rounds, runs, summary, verdict }, null, 2) + '\n',
);
writeFileSync(join(outDir, `cold-${stamp}.md`), markdown + '\n');
log(`wrote bench-results/cold-${stamp}.json and .md`);

async function coldLoad(name) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const url = `${server.origin}/scripts/bench-cold/${name}.html?feed=/${feedFile}`;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await page.waitForFunction(() => window.cold?.result || window.cold?.error, {
      timeout: 120_000,
      polling: 100,
    });
    const { result, error } = await page.evaluate(() => ({
      result: window.cold.result,
      error: window.cold.error,
    }));
    if (error) throw new Error(`${name}: ${error}\n${errors.join('\n')}`);
    if (round0Shot.has(name)) {
      round0Shot.delete(name);
      await page.screenshot({ path: join(outDir, `cold-${name}.png`) });
    }
    return result;
  } finally {
    await context.close();
  }
}
