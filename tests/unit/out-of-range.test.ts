/**
 * Values at and past the edges, through the whole core: numbers that JSON turns into Infinity
 * (`1e999`), coordinates on the antimeridian, at the poles and at Web Mercator's limit, 100
 * programmes at one spot, feeds of one and of no entry, and a feed of 50 MB at the loader.
 * What a reader would notice is checked: an entry lost or kept wrongly, a NaN or an infinite
 * number anywhere a map or a summary reads, a camera that cannot be set, a download that never
 * ends.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticCamera, framePadding, viewBox } from '../../src/core/camera.js';
import { PointClusters, ProgrammeClusters, coordinatesOf } from '../../src/core/cluster.js';
import { programmeFigures } from '../../src/core/figures.js';
import { applyFilter, indexProgrammes, yearHistogram } from '../../src/core/filter.js';
import {
  FRAME_MAX_ZOOM,
  WORLD,
  firstView,
  frameBox,
  mainCluster,
} from '../../src/core/first-view.js';
import { convert } from '../../src/cli/convert/convert.js';
import { readTable } from '../../src/cli/convert/read.js';
import { DEFAULT_MAX_BYTES, loadFeed } from '../../src/core/feed/load.js';
import type { Feed, ParseResult, Programme } from '../../src/core/feed/model.js';
import { parseFeed } from '../../src/core/feed/parse.js';

function ok(result: ParseResult): Feed {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.feed;
}

/** Every number in `value` (objects, arrays, typed arrays), with its path. */
function numbersIn(value: unknown, path = '$', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (ArrayBuffer.isView(value)) {
    Array.from(value as unknown as ArrayLike<number>).forEach((v, i) =>
      out.push([`${path}[${i}]`, v]),
    );
  } else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  }
  return out;
}

/** The paths of the numbers in `value` that are NaN or infinite. */
function notFinite(value: unknown): string[] {
  return numbersIn(value)
    .filter(([, n]) => !Number.isFinite(n))
    .map(([path, n]) => `${path} = ${n}`);
}

const SIZES = [
  { clientWidth: 800, clientHeight: 500 },
  { clientWidth: 320, clientHeight: 240 },
  { clientWidth: 1, clientHeight: 1 },
];

describe('numbers that JSON reads as Infinity (1e999)', () => {
  const entry = (id: string, extra: string) =>
    `{"id":"${id}","name":"${id}","coordinates":[2.35,48.85]${extra}}`;
  const text = `{"version":1,"programmes":[
    ${entry('ok', ',"year":2020,"budget":1000,"population":500')},
    ${entry('budget', ',"year":2020,"budget":1e999')},
    ${entry('edition-budget', ',"editions":[{"year":2021,"budget":-1e999}]')},
    ${entry('year', ',"year":1e999')},
    ${entry('population', ',"year":2020,"budget":5,"population":1e999')},
    ${entry('voters', ',"voters":1e999,"projects":-1e999')},
    {"id":"lon","name":"lon","coordinates":[1e999,48.85]},
    {"id":"lat","name":"lat","coordinates":[2.35,-1e999]}
  ]}`;

  it('leaves out the entries whose position or figures are infinite, drops infinite optional counts', () => {
    const result = parseFeed(text);
    const feed = ok(result);
    expect(feed.programmes.map((p) => p.id)).toEqual(['ok', 'population', 'voters']);
    const dropped = (id: string) =>
      result.problems.filter((p) => p.id === id).map((p) => [p.path, p.dropped]);
    expect(dropped('budget')).toEqual([['$.programmes[1].budget', 'entry']]);
    expect(dropped('edition-budget')).toEqual([['$.programmes[2].editions[0].budget', 'entry']]);
    expect(dropped('year')).toEqual([['$.programmes[3].year', 'entry']]);
    expect(dropped('population')).toEqual([['$.programmes[4].population', 'field']]);
    expect(dropped('voters')).toEqual([
      ['$.programmes[5].voters', 'field'],
      ['$.programmes[5].projects', 'field'],
    ]);
    expect(result.problems.some((p) => p.path === '$.programmes[6].coordinates[0]')).toBe(true);
    expect(result.problems.some((p) => p.path === '$.programmes[7].coordinates[1]')).toBe(true);
    expect(notFinite(feed)).toEqual([]);
  });

  it('gives finite figures, totals and clusters for what it kept', () => {
    const feed = ok(parseFeed(text));
    const index = indexProgrammes(feed.programmes);
    for (const filter of [
      {},
      { budgetPer: 'inhabitant' as const },
      { years: [2020, 2020] as [number, number] },
    ]) {
      const selection = applyFilter(index, filter);
      expect(notFinite(selection.totals)).toEqual([]);
    }
    expect(notFinite(feed.programmes.map(programmeFigures))).toEqual([]);
    const clusters = new ProgrammeClusters().load(feed.programmes);
    expect(
      notFinite(clusters.getClusters(WORLD, 3).map((c) => ({ ...c, programme: undefined }))),
    ).toEqual([]);
  });

  it('refuses NaN and Infinity given as values (a feed built in code)', () => {
    const result = parseFeed({
      version: 1,
      programmes: [
        { id: 'a', name: 'A', coordinates: [NaN, 0] },
        { id: 'b', name: 'B', coordinates: [0, 0], year: 2020, budget: NaN },
        { id: 'c', name: 'C', coordinates: [0, 0], population: Infinity },
      ],
    });
    const feed = ok(result);
    expect(feed.programmes.map((p) => p.id)).toEqual(['c']);
    expect(feed.programmes[0]?.population).toBeUndefined();
    expect(result.problems.map((p) => [p.id ?? null, p.dropped])).toEqual([
      ['a', 'entry'],
      ['b', 'entry'],
      ['c', 'field'],
    ]);
  });
});

describe('pb-feed convert: cells too large for a number', () => {
  // 400 nines, or 1 and 308 zeros times 100 for the cents, are past the largest double: read as
  // Infinity, which JSON writes as null, and pb-map would then leave the entry out.
  const huge = '9'.repeat(400);
  const sheet = [
    'id;nom;annee;budget;votants;population;lat;lon',
    `a;A;2020;${huge};${huge};${huge};48.1;-1.6`,
    `b;B;2020;1${'0'.repeat(308)};5;${'9'.repeat(330)};48.1;-1.6`,
    'c;C;2021;3 000 €;12;1000;48.2;-1.7',
  ].join('\n');

  it('leaves the value out and keeps the row, reported at its row and column', async () => {
    const result = await convert(readTable(sheet), {});
    if (!result.ok) throw new Error(result.error);
    expect(notFinite(result.feed)).toEqual([]);
    expect(result.feed.programmes.map((p) => [p.id, p.budget, p.voters, p.population])).toEqual([
      ['a', undefined, undefined, undefined],
      ['b', 1e308, 5, undefined],
      ['c', 3000, 12, 1000],
    ]);
    expect(
      result.report.problems.map((p) => [p.row, p.column, p.effect, p.message.slice(0, 14)]),
    ).toEqual([
      [2, 'budget', 'field', expect.any(String)],
      [2, 'votants', 'field', expect.any(String)],
      [2, 'population', 'field', expect.any(String)],
      [3, 'population', 'field', expect.any(String)],
    ]);
    // What is written reads back whole.
    const back = parseFeed(JSON.stringify(result.feed));
    expect(back.ok && back.problems).toEqual([]);
    expect(back.ok && back.feed.programmes).toHaveLength(3);
  });

  it('reads GeoJSON numbers as the numbers they are, whatever their digits', async () => {
    const features = [1234.567, 1e21, 1.5e-7, 7].map((budget, i) => ({
      type: 'Feature',
      id: `f${i}`,
      geometry: { type: 'Point', coordinates: [2.35, 48.85] },
      properties: { nom: `N${i}`, annee: 2020, budget, population: 1e21 },
    }));
    const result = await convert(
      readTable(JSON.stringify({ type: 'FeatureCollection', features })),
      {},
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.report.problems).toEqual([]);
    // Amounts are kept to the cent (docs/pb-feed.md).
    expect(result.feed.programmes.map((p) => [p.budget, p.population])).toEqual([
      [1234.57, 1e21],
      [1e21, 1e21],
      [0, 1e21],
      [7, 1e21],
    ]);
  });

  it('converts a file whose only row has such a cell', async () => {
    const result = await convert(readTable(sheet.split('\n').slice(0, 2).join('\n')), {});
    expect(result.ok && result.feed.programmes.map((p) => p.id)).toEqual(['a']);
  });
});

// ---------------------------------------------------------------------------------------------

/** Programmes at the edges of the world. */
const EDGES: [number, number][] = [
  [180, 0],
  [-180, 0],
  [0, 90],
  [0, -90],
  [180, 90],
  [-180, -90],
  [0, 85.06],
  [0, -85.06],
  [0, 85.051129],
  [179.999999, 85.05113],
  [-179.999999, -85.05113],
  [2.35, 48.85],
];

function feedAt(
  positions: readonly [number, number][],
  extra: (i: number) => object = () => ({}),
): Feed {
  return ok(
    parseFeed({
      version: 1,
      programmes: positions.map((coordinates, i) => ({
        id: `p${i}`,
        name: `P ${i}`,
        coordinates,
        year: 2020,
        budget: 1000 * (i + 1),
        population: 100,
        ...extra(i),
      })),
    }),
  );
}

/** Runs a feed through filter, clustering and first view, and returns every output. */
function throughTheCore(feed: Feed, size = SIZES[0]!) {
  const index = indexProgrammes(feed.programmes);
  const selection = applyFilter(index, {});
  const coords = coordinatesOf(feed.programmes);
  const clusters = new PointClusters();
  clusters.setPoints(coords);
  clusters.select(selection.indices, selection.figures);
  const perZoom = [];
  for (let z = 0; z <= 18; z++) {
    perZoom.push(clusters.getClusters(WORLD, z));
    // Boxes across the antimeridian, both ways MapLibre reports them.
    perZoom.push(clusters.getClusters([170, -90, -170, 90], z));
    perZoom.push(clusters.getClusters([170, -90, 190, 90], z));
  }
  const groups = clusters.getClusters(WORLD, 2);
  const main = mainCluster(groups);
  const box = frameBox(
    groups,
    main && clusters.getLeaves(main.id),
    (i) => [coords[2 * i]!, coords[2 * i + 1]!],
    coords.length >> 1,
  );
  const view = firstView(coords, selection, size);
  const camera = new StaticCamera(size, [0, 0], 0);
  camera.fitBounds(
    [
      [box[0], box[1]],
      [box[2], box[3]],
    ],
    { padding: framePadding(size), maxZoom: FRAME_MAX_ZOOM },
  );
  const bounds = camera.getBounds();
  const cameraOut = {
    center: camera.getCenter(),
    zoom: camera.getZoom(),
    bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    viewBox: viewBox(camera),
    projected: feed.programmes.map((p) => camera.project(p.coordinates)),
  };
  return { selection, perZoom, box, view, camera: cameraOut };
}

describe('coordinates at the antimeridian, the poles and the Web Mercator limit', () => {
  it('keeps every edge position through parsing, exactly', () => {
    const feed = feedAt(EDGES);
    expect(feed.programmes.map((p) => p.coordinates)).toEqual(EDGES);
  });

  it('gives no NaN or infinite number in selection, clusters, framing or camera', () => {
    for (const size of SIZES) {
      const out = throughTheCore(feedAt(EDGES), size);
      expect(notFinite(out)).toEqual([]);
      expect(out.view).toBeDefined();
      expect(out.view!.zoom).toBeGreaterThanOrEqual(0);
      expect(Math.abs(out.view!.center[1])).toBeLessThanOrEqual(85.06);
    }
  });

  it('shows every programme at zoom 0, whatever the edge', () => {
    const out = throughTheCore(feedAt(EDGES));
    const world = out.perZoom[0]!;
    const count = world.reduce((n, item) => n + (item.kind === 'cluster' ? item.count : 1), 0);
    expect(count).toBe(EDGES.length);
  });

  it('frames each edge position alone at a finite camera', () => {
    for (const position of EDGES) {
      for (const size of SIZES) {
        const out = throughTheCore(feedAt([position]), size);
        expect(notFinite(out), `${position}`).toEqual([]);
        expect(out.view!.zoom).toBe(FRAME_MAX_ZOOM);
        expect(out.view!.items).toHaveLength(1);
      }
    }
  });

  it('frames a pair on both sides of the antimeridian', () => {
    const out = throughTheCore(
      feedAt([
        [179.5, -17],
        [-179.5, -17],
      ]),
    );
    expect(notFinite(out)).toEqual([]);
  });
});

describe('100 programmes at exactly the same place', () => {
  const same = Array.from({ length: 100 }, (): [number, number] => [-1.6778, 48.1173]);

  it('stay one cluster of 100 at every zoom up to the highest, a stack that zooming cannot split', () => {
    const feed = feedAt(same);
    const clusters = new ProgrammeClusters().load(feed.programmes);
    const { maxZoom } = clusters.options;
    for (let z = 0; z <= maxZoom; z++) {
      const items = clusters.getClusters(WORLD, z);
      expect(items, `zoom ${z}`).toHaveLength(1);
      const [item] = items;
      if (item?.kind !== 'cluster') throw new Error(`zoom ${z}: not a cluster`);
      expect(item.count).toBe(100);
      expect(item.budget).toBe(same.reduce((sum, _, i) => sum + 1000 * (i + 1), 0));
      expect(item.budgetCount).toBe(100);
      expect(item.coordinates[0]).toBeCloseTo(-1.6778, 6);
      expect(item.coordinates[1]).toBeCloseTo(48.1173, 6);
      expect(clusters.isStack(item.id)).toBe(true);
      expect(clusters.expansionZoom(item.id)).toBe(maxZoom + 1);
      const leaves = clusters.getLeaves(item.id);
      expect(new Set(leaves.map((p) => p.id)).size).toBe(100);
    }
    // Past the highest zoom, each programme stands alone, at its own place.
    const above = clusters.getClusters(WORLD, maxZoom + 1);
    expect(above).toHaveLength(100);
    expect(above.every((i) => i.kind === 'programme')).toBe(true);
  });

  it('frame at the highest first-view zoom, on the spot, with no NaN', () => {
    const out = throughTheCore(feedAt(same));
    expect(notFinite(out)).toEqual([]);
    expect(out.view!.zoom).toBe(FRAME_MAX_ZOOM);
    expect(out.view!.center[0]).toBeCloseTo(-1.6778, 6);
    expect(out.view!.center[1]).toBeCloseTo(48.1173, 6);
    const [item] = out.view!.items;
    expect(out.view!.items).toHaveLength(1);
    expect(item?.kind === 'cluster' && item.count).toBe(100);
  });
});

describe('feeds of one entry and of none', () => {
  it('a feed of one entry: parsed, figured, framed', () => {
    const feed = feedAt([[-4.4861, 48.3904]]);
    expect(feed.programmes).toHaveLength(1);
    const out = throughTheCore(feed);
    expect(notFinite(out)).toEqual([]);
    expect(out.selection.totals).toMatchObject({ programmes: 1, budget: 1000, budgetKnown: 1 });
    expect(out.view!.center[0]).toBeCloseTo(-4.4861, 6);
    expect(out.view!.center[1]).toBeCloseTo(48.3904, 6);
    expect(programmeFigures(feed.programmes[0]!)).toEqual({
      firstYear: 2020,
      lastYear: 2020,
      years: [2020],
      latestBudget: 1000,
      latestBudgetYear: 2020,
      perInhabitant: 10,
      totalBudget: 1000,
    });
  });

  it('a feed of one entry without editions, budget or population: no NaN in its figures', () => {
    const feed = ok(
      parseFeed({ version: 1, programmes: [{ id: 'a', name: 'A', coordinates: [0, 0] }] }),
    );
    const out = throughTheCore(feed);
    expect(notFinite({ ...out, selection: { ...out.selection, figures: [] } })).toEqual([]);
    // Its figure is unknown (NaN by contract in `figures`), and the totals say so.
    expect(out.selection.totals).toMatchObject({ programmes: 1, budget: 0, budgetKnown: 0 });
    expect(programmeFigures(feed.programmes[0]!)).toEqual({ years: [], totalBudget: 0 });
  });

  it('a feed of no entry: one clear error, and empty figures everywhere', () => {
    const result = parseFeed('{"version":1,"programmes":[]}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('no-programmes');
    const programmes: Programme[] = [];
    const index = indexProgrammes(programmes);
    const selection = applyFilter(index, { years: [2020, 2024], budgetPer: 'inhabitant' });
    expect(selection.totals).toEqual({
      programmes: 0,
      budget: 0,
      budgetKnown: 0,
      population: 0,
      budgetPopulation: 0,
      populationBudget: 0,
    });
    expect(yearHistogram(index, {})).toEqual([]);
    expect(firstView(new Float64Array(0), selection, SIZES[0]!)).toBeUndefined();
    expect(new ProgrammeClusters().load(programmes).getClusters(WORLD, 5)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A feed of 50 MB at the loader, from a local server that streams it (nothing on disk).

const MB = 1024 * 1024;
const SMALL = '{"version":1,"programmes":[{"id":"a","name":"A","coordinates":[2.35,48.85]}]}';
let server: Server;
let base: string;
/** Bytes the server managed to send on its last response before the client stopped reading. */
let sent = 0;
let finished: Promise<void> = Promise.resolve();

/**
 * Streams a body of `total` bytes: the small feed, then spaces (valid JSON whitespace), in 64 KB
 * chunks, waiting for the socket to drain; stops when the client goes away.
 */
function stream(res: import('node:http').ServerResponse, total: number): void {
  sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let done!: () => void;
  finished = new Promise((resolve) => (done = resolve));
  res.on('close', () => done());
  const head = Buffer.from(SMALL);
  res.write(head);
  sent = head.length;
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const total = Number(url.searchParams.get('bytes'));
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (url.searchParams.has('declared')) headers['content-length'] = total;
    res.writeHead(200, headers);
    stream(res, total);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a 50 MB feed at the loader', () => {
  it('refuses an endless body past 50 MB quickly, without reading on', async () => {
    const start = performance.now();
    const result = await loadFeed(`${base}/feed.json?bytes=${400 * MB}`, { timeoutMs: 60_000 });
    const took = performance.now() - start;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('too-large');
    await finished;
    // It stopped reading soon after the limit: what the server got out is the limit plus what
    // sat in the socket's buffers, far from the 400 MB on offer.
    expect(sent).toBeGreaterThan(DEFAULT_MAX_BYTES);
    expect(sent).toBeLessThan(DEFAULT_MAX_BYTES + 16 * MB);
    expect(took).toBeLessThan(15_000);
  }, 30_000);

  it('refuses a body whose declared length is past 50 MB before reading it', async () => {
    const result = await loadFeed(`${base}/feed.json?bytes=${60 * MB}&declared`);
    expect(!result.ok && result.error.code).toBe('too-large');
    await finished;
    expect(sent).toBeLessThan(16 * MB);
  }, 30_000);

  it('parses a feed of exactly 50 MB, and refuses one byte more', async () => {
    const at = await loadFeed(`${base}/feed.json?bytes=${DEFAULT_MAX_BYTES}`, {
      timeoutMs: 60_000,
    });
    expect(at.ok && at.feed.programmes.map((p) => p.id)).toEqual(['a']);
    const over = await loadFeed(`${base}/feed.json?bytes=${DEFAULT_MAX_BYTES + 1}`, {
      timeoutMs: 60_000,
    });
    expect(!over.ok && over.error.code).toBe('too-large');
  }, 60_000);
});
