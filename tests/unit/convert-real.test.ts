/**
 * pb-feed convert on the real open data in ../shared/data (never copied into the repository):
 * Rennes' winning projects (EPSG:3857 metres, multi-line descriptions, projects on several
 * rows) and Paris' (";" separated, BOM, no coordinates: placed at their arrondissement).
 * The expected values were read from the raw files. Skipped, with a message, without them.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PbProgrammeInput } from '../../src/core/feed/model.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { EXIT, main } from '../../src/cli/pb-feed.js';

// ../shared/data beside the repository; PB_MAP_SHARED_DATA points elsewhere (or nowhere, to
// check the skip).
const DATA = process.env.PB_MAP_SHARED_DATA ?? resolve(__dirname, '../../../shared/data');
const RENNES = join(DATA, 'rennes/formated_budget.csv');
const PARIS = join(DATA, 'paris/bp_projets_gagnants.csv');
const missing = !existsSync(RENNES) || !existsSync(PARIS);
if (missing) {
  console.warn(
    `convert-real.test.ts skipped: the real data is not in ${DATA} (see SOURCES.md there)`,
  );
}

interface Converted {
  code: number;
  stderr: string;
  entries: PbProgrammeInput[];
  feed: Record<string, unknown>;
}

async function convert(input: string, ...options: string[]): Promise<Converted> {
  const out = join(await mkdtemp(join(tmpdir(), 'pb-real-')), 'feed.json');
  let stderr = '';
  const code = await main(['convert', input, '-o', out, ...options], {
    stdout: () => {},
    stderr: (t) => (stderr += t),
  });
  const text = await readFile(out, 'utf8');
  const parsed = parseFeed(text);
  expect(parsed.ok && parsed.problems).toEqual([]);
  const feed = JSON.parse(text) as Record<string, unknown>;
  return { code, stderr, entries: feed.programmes as PbProgrammeInput[], feed };
}

/** Web Mercator metres to degrees, from the formula (independent of proj4). */
function fromMercator(x: number, y: number): [number, number] {
  const R = 6378137;
  return [
    (x / R) * (180 / Math.PI),
    (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI),
  ];
}

function byId(entries: PbProgrammeInput[], id: string): PbProgrammeInput {
  const entry = entries.find((e) => e.id === id);
  expect(entry, id).toBeDefined();
  return entry as PbProgrammeInput;
}

describe.skipIf(missing)('pb-feed convert on Rennes (../shared/data/rennes)', () => {
  let r: Converted;
  beforeAll(async () => {
    r = await convert(RENNES, '--crs', 'EPSG:3857', '--title', 'Budget participatif de Rennes');
  }, 30_000);

  it('writes one entry per placed row and lists the 36 rows without coordinates', () => {
    expect(r.code).toBe(EXIT.problems); // written, with problems
    expect(r.stderr).toContain('read 219 rows');
    expect(r.entries).toHaveLength(183);
    const leftOut = [...r.stderr.matchAll(/^row (\d+): has no position .*\(row left out\)$/gm)];
    expect(leftOut.map((m) => Number(m[1]))).toEqual([
      17, 20, 30, 31, 32, 34, 35, 36, 37, 39, 42, 45, 58, 76, 83, 87, 90, 91, 99, 109, 133, 134,
      141, 151, 167, 170, 172, 174, 176, 178, 193, 204, 208, 218, 219, 220,
    ]);
  });

  it('keeps the years, and a project on several rows as several entries with unique ids', () => {
    const years: Record<string, number> = {};
    for (const e of r.entries) years[String(e.year)] = (years[String(e.year)] ?? 0) + 1;
    expect(years).toEqual({ 2016: 83, 2017: 53, 2018: 19, 2019: 25, undefined: 3 });
    // "Pose de cendriers de rue" (1-362) is on 9 rows, all with coordinates.
    const ashtrays = r.entries.filter((e) => e.id === '1-362' || e.id.startsWith('1-362-'));
    expect(ashtrays.map((e) => e.id)).toEqual([
      '1-362',
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `1-362-${n}`),
    ]);
    expect(new Set(ashtrays.map((e) => e.name))).toEqual(new Set(['Pose de cendriers de rue']));
    expect(new Set(ashtrays.map((e) => e.coordinates.join()))).toHaveProperty('size', 9);
    expect(r.stderr).toContain(
      'row 6, column "b_numero": "1-362" repeats the id of row 5; saved as "1-362-2"',
    );
  });

  it('reads known projects exactly, line breaks in descriptions included', () => {
    const hoche = byId(r.entries, '1-276');
    expect(hoche).toMatchObject({
      name: 'réaménager la place hoche',
      year: 2016,
      status: 'Réalisé',
      place: 'Centre',
    });
    expect(hoche.description).toMatch(
      /^Création d'une grande plateforme.*\nfavoriser la convivialité/s,
    );
    const [lon, lat] = fromMercator(-186676.10689087218, 6126051.290587812);
    expect(hoche.coordinates[0]).toBeCloseTo(lon, 5);
    expect(hoche.coordinates[1]).toBeCloseTo(lat, 5);
    // Place Hoche, Rennes: about 48.1153 N, 1.677 W.
    expect(Math.abs(lat - 48.1153) + Math.abs(lon + 1.677)).toBeLessThan(0.003);

    const landry = byId(r.entries, '7-177');
    expect(landry).toMatchObject({
      name: 'Projet d’aménagement de gradinages  « Théâtre de verdure du Landry »',
      year: 2019,
      status: 'Réalisé',
      place: 'Francisco Ferrer - Landry - Poterie',
    });
    const [llon, llat] = fromMercator(-183503.1674447915, 6123244.445785633);
    expect(landry.coordinates[0]).toBeCloseTo(llon, 5);
    expect(landry.coordinates[1]).toBeCloseTo(llat, 5);
  });

  it('puts every position inside Rennes: in its bounding box and in one of its 12 quartiers', async () => {
    // The commune of Rennes spans about 48.077-48.155 N and 1.753-1.624 W.
    for (const e of r.entries) {
      const [lon, lat] = e.coordinates;
      expect(lat, e.id).toBeGreaterThan(48.075);
      expect(lat, e.id).toBeLessThan(48.156);
      expect(lon, e.id).toBeGreaterThan(-1.755);
      expect(lon, e.id).toBeLessThan(-1.62);
    }
    const quartiersFile = join(DATA, 'rennes/quartiers.json');
    if (!existsSync(quartiersFile)) return;
    const records = JSON.parse(await readFile(quartiersFile, 'utf8')) as {
      fields: { geo_shape: { type: string; coordinates: number[][][] } };
    }[];
    const rings = records.flatMap((q) =>
      q.fields.geo_shape.type === 'Polygon'
        ? [q.fields.geo_shape.coordinates[0] as number[][]]
        : (q.fields.geo_shape.coordinates as unknown as number[][][][]).map(
            (p) => p[0] as number[][],
          ),
    );
    const outside = r.entries.filter((e) => !rings.some((ring) => inRing(e.coordinates, ring)));
    // One exception, in the data itself: 3-454, "Liaison Coulée verte Gayeulles et Forêt de
    // Rennes", a path leading out of the city, is drawn just north of the quartiers' outline.
    expect(outside.map((e) => e.id)).toEqual(['3-454']);
  });
});

/** Ray casting: whether [lon, lat] is inside a closed ring. */
function inRing([x, y]: [number, number], ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe.skipIf(missing)('pb-feed convert on Paris (../shared/data/paris)', () => {
  let p: Converted;
  beforeAll(async () => {
    p = await convert(PARIS, '--title', 'Budget participatif de Paris', '--licence', 'ODbL');
  }, 30_000);

  it('places all 1,214 rows at their arrondissement and says so', () => {
    expect(p.stderr).toContain('separated by ";"');
    expect(p.entries).toHaveLength(1214);
    expect(p.stderr).toContain('note: 1181 rows placed at their arrondissement (no coordinates)');
    expect(p.stderr).toContain('note: 33 rows placed at Paris Centre, code 75123');
    expect(p.stderr).not.toContain('(row left out)');
    const names = (p.feed.sources as { name: string }[]).map((s) => s.name).join(' | ');
    expect(names).toMatch(/Positions des communes : GeoNames.*CC BY 4\.0/);
  });

  it('adds up the budgets of each year as the file does', () => {
    const sums: Record<number, [number, number]> = {};
    for (const e of p.entries) {
      const [n, s] = sums[e.year as number] ?? [0, 0];
      sums[e.year as number] = [n + 1, s + (e.budget as number)];
    }
    expect(sums).toEqual({
      2014: [9, 17_700_000],
      2015: [187, 67_686_500],
      2016: [219, 94_057_207],
      2017: [196, 92_137_600],
      2018: [180, 87_605_900],
      2019: [194, 87_339_500],
      2021: [62, 74_630_000],
      2022: [62, 82_080_000],
      2023: [105, 74_172_000],
    });
  });

  it('reads known projects exactly, and names the five without a title after their id', () => {
    expect(byId(p.entries, '2206')).toMatchObject({
      name: 'Des jardins sur les murs',
      year: 2014,
      budget: 2_000_000,
      category: 'Environnement',
      status: 'FIN',
      url: 'https://decider.paris.fr/bp/jsp/site/Portal.jsp?document_id=2206&portlet_id=158',
    });
    const eole = byId(p.entries, '3720');
    expect(eole).toMatchObject({
      name: 'Une zone de remise en forme au jardin Eole',
      year: 2017,
      budget: 110_000,
      place: "jardin d'Eole",
    });
    // 75018: the 18th arrondissement, around 48.892 N, 2.348 E.
    expect(
      Math.abs(eole.coordinates[1] - 48.892) + Math.abs(eole.coordinates[0] - 2.348),
    ).toBeLessThan(0.02);
    expect(byId(p.entries, '2204')).toMatchObject({
      name: 'Projet 2204',
      year: 2014,
      budget: 1_500_000,
    });
    const untitled = [
      ...p.stderr.matchAll(/^row (\d+), column "Titre du projet lauréat": is empty/gm),
    ];
    expect(untitled.map((m) => Number(m[1]))).toEqual([2, 243, 341, 924, 981]);
    // 75123 (Paris Centre): between the 1st and 4th arrondissements.
    const louvois = byId(p.entries, '8689');
    expect(louvois).toMatchObject({ year: 2019, budget: 300_000 });
    expect(
      Math.abs(louvois.coordinates[1] - 48.862) + Math.abs(louvois.coordinates[0] - 2.349),
    ).toBeLessThan(0.01);
  });

  it('puts every position inside Paris', () => {
    for (const e of p.entries) {
      const [lon, lat] = e.coordinates;
      expect(lat, e.id).toBeGreaterThan(48.815);
      expect(lat, e.id).toBeLessThan(48.902);
      expect(lon, e.id).toBeGreaterThan(2.224);
      expect(lon, e.id).toBeLessThan(2.47);
    }
  });
});
