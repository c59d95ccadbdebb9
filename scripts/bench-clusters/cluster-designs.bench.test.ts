// Where the time of a filter change goes in clustering, measured in Node, side by side in one
// run (interleaved, so a busy machine slows both alike): pb-map's PointClusters (one-pass level
// for the zoom in view) against a full supercluster index (17 levels) of the same selection.
// Prints a table; asserts nothing (a benchmark, not a test). Run: `npm run bench:clusters`.

import Supercluster from 'supercluster';
import { test } from 'vitest';
import { PointClusters, coordinatesOf } from '../../src/core/cluster.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { applyFilter, indexProgrammes, type Filter } from '../../src/core/filter.js';
import { generateFeed } from '../../src/core/generate.js';

const RUNS = 7;
const FRANCE: [number, number, number, number] = [-5, 41, 10, 52];

test('clustering designs', () => {
  const rows: string[][] = [];
  for (const count of [12_000, 100_000]) {
    const parsed = parseFeed(generateFeed({ count, seed: 1 }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { programmes } = parsed.feed;
    const index = indexProgrammes(programmes);
    const ours = new PointClusters();
    ours.setPoints(coordinatesOf(programmes));
    const times = new Map<string, number[]>();
    const time = (key: string, run: () => void) => {
      const start = performance.now();
      run();
      const list = times.get(key) ?? [];
      list.push(performance.now() - start);
      times.set(key, list);
    };
    const filters: [string, Filter][] = [
      ['no filter', {}],
      ['years 2018-2022', { years: [2018, 2022] }],
    ];
    for (let run = 0; run < RUNS; run++) {
      for (const [name, filter] of filters) {
        const selection = applyFilter(index, filter);
        for (const zoom of [3, 6, 9]) {
          time(`${name}|pb-map, zoom ${zoom}`, () => {
            ours.select(selection.indices, selection.figures);
            ours.getClusters(FRANCE, zoom);
          });
        }
        time(`${name}|full supercluster`, () => {
          const features = Array.from(selection.indices, (i, k) => ({
            type: 'Feature' as const,
            properties: { index: i, budget: selection.figures[k] },
            geometry: { type: 'Point' as const, coordinates: programmes[i]!.coordinates },
          }));
          new Supercluster({ radius: 60, maxZoom: 16 }).load(features).getClusters(FRANCE, 6);
        });
      }
    }
    for (const [key, list] of times) {
      list.sort((a, b) => a - b);
      const [filter, design] = key.split('|') as [string, string];
      const kept = applyFilter(index, filters.find(([n]) => n === filter)![1]).totals.programmes;
      rows.push([
        String(count),
        filter,
        String(kept),
        design,
        list[RUNS >> 1]!.toFixed(1),
        list[0]!.toFixed(1),
      ]);
    }
  }
  const header = ['programmes', 'filter', 'kept', 'design', 'median ms', 'min ms'];
  console.log([header, ...rows].map((r) => r.join(' | ')).join('\n'));
});
