// The offline basemap's GeoJSON files, made at build time from world-atlas's TopoJSON
// (scripts/basemap-geojson.mjs): rounding, closed rings, no repeated positions, unwrapping.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_FILES,
  basemapGeoJSON,
  convertTopology,
  line,
  ring,
} from '../../scripts/basemap-geojson.mjs';

const world = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology;

/** At most 2 decimals. */
const rounded = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** What is wrong with positions: not rounded, repeated one after the other, a step across ±180°. */
function problems(positions: Position[]): string[] {
  const found: string[] = [];
  positions.forEach((p, i) => {
    if (p.length !== 2 || !rounded(p[0]!) || !rounded(p[1]!)) found.push(`${p} not rounded`);
    const previous = positions[i - 1];
    if (previous && same(previous, p)) found.push(`${p} repeated at ${i}`);
    if (previous && Math.abs(p[0]! - previous[0]!) >= 180)
      found.push(`a step across ±180° at ${p}`);
  });
  return found;
}

describe('basemap conversion: lines and rings', () => {
  it('rounds to 2 decimals and drops positions repeated once rounded', () => {
    expect(
      line([
        [2.3456, 48.8566],
        [2.3451, 48.8551], // the same once rounded
        [2.351, 48.86], // again
        [2.3612, 48.8649],
        [-0.0012, -0.0049], // 0, not -0
      ]),
    ).toEqual([
      [2.35, 48.86],
      [2.36, 48.86],
      [0, 0],
    ]);
  });

  it('unwraps longitudes across ±180° (each step stays short)', () => {
    expect(
      line([
        [179.904, 65.1],
        [-179.904, 65.2],
        [-179.5, 65.3],
        [179.5, 65.4],
      ]),
    ).toEqual([
      [179.9, 65.1],
      [180.1, 65.2],
      [180.5, 65.3],
      [179.5, 65.4],
    ]);
    expect(
      line([
        [-179.9, -16],
        [179.9, -16.1],
      ]),
    ).toEqual([
      [-179.9, -16],
      [-180.1, -16.1],
    ]);
  });

  it('keeps rings closed with at least 4 positions, and drops degenerate ones', () => {
    const square = [
      [1.001, 1.001],
      [2, 1],
      [2, 2],
      [1.002, 1.999],
      [1.003, 1.004], // repeats the first once rounded: dropped, the ring stays closed
      [1, 1],
    ];
    expect(ring(square)).toEqual([
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 1],
    ]);
    // A sliver that rounds to a segment, and a speck that rounds to a point.
    expect(
      ring([
        [5, 5],
        [5.001, 5.3],
        [5.004, 5.001],
        [5, 5],
      ]),
    ).toBeNull();
    expect(
      ring([
        [5, 5],
        [5.001, 5.001],
        [5.002, 5],
        [5, 5],
      ]),
    ).toBeNull();
    // A ring whose unwrapped end is a world away from its start (Antarctica) is closed anyway,
    // by the edge MapLibre drew implicitly before.
    const around = ring([
      [-180, -84],
      [-90, -80],
      [0, -78],
      [90, -80],
      [180, -84],
    ])!;
    expect(around[0]).toEqual([-180, -84]);
    expect(around[around.length - 1]).toEqual([-180, -84]);
    expect(around).toHaveLength(6);
  });
});

describe('basemap conversion: Natural Earth 1:50m', () => {
  const { land, borders } = convertTopology(world);

  it('keeps every land polygon, each ring closed, rounded, with no repeats', () => {
    const source = feature(world, world.objects['land'] as GeometryCollection);
    const count = (fc: typeof source) =>
      fc.features.reduce(
        (n, f) =>
          n +
          (f.geometry.type === 'MultiPolygon'
            ? f.geometry.coordinates.length
            : f.geometry.type === 'Polygon'
              ? 1
              : 0),
        0,
      );
    expect(land.type).toBe('FeatureCollection');
    const polygons = land.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    );
    // Specks of a few hundred metres may go; the land stays.
    expect(polygons.length).toBeGreaterThan(count(source) * 0.97);
    expect(polygons.length).toBeLessThanOrEqual(count(source));
    const found = polygons.flat().flatMap((r) => [
      ...(r.length < 4 ? [`ring at ${r[0]}: ${r.length} positions`] : []),
      ...(same(r[0]!, r[r.length - 1]!) ? [] : [`ring at ${r[0]} not closed`]),
      // The closing edge of a ring around the pole (Antarctica) spans the world, as it did.
      ...problems(r.slice(0, -1)),
      ...(same(r[r.length - 2]!, r[r.length - 1]!) ? [`ring at ${r[0]}: repeated end`] : []),
    ]);
    expect(found).toEqual([]);
    // Russia and Fiji cross 180°: their rings go on beyond it instead of across the world.
    const longitudes = polygons.flat(2).map((p) => p[0]!);
    expect(Math.max(...longitudes)).toBeGreaterThan(180);
  });

  it('keeps the borders between two countries as lines, rounded, with no repeats', () => {
    const source = mesh(world, world.objects['countries'] as GeometryCollection, (a, b) => a !== b);
    expect(borders.type).toBe('MultiLineString');
    expect(borders.coordinates.length).toBeGreaterThan(source.coordinates.length * 0.97);
    const found = borders.coordinates.flatMap((l) => [
      ...(l.length < 2 ? [`line at ${l[0]}: ${l.length} positions`] : []),
      ...problems(l),
    ]);
    expect(found).toEqual([]);
  });

  it('makes land in four files and borders in two, every shape in one of them, balanced', async () => {
    expect(BASEMAP_FILES).toEqual([
      'land-1.geojson',
      'land-2.geojson',
      'land-3.geojson',
      'land-4.geojson',
      'borders-1.geojson',
      'borders-2.geojson',
    ]);
    const read = async (name: string) => JSON.parse(await basemapGeoJSON(name)) as unknown;
    const landParts = (await Promise.all(BASEMAP_FILES.slice(0, 4).map(read))) as {
      features: { geometry: { type: string; coordinates: number[][][][] } }[];
    }[];
    const polygons = landParts.flatMap((part) => {
      expect(part.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon']);
      return part.features[0]!.geometry.coordinates;
    });
    const whole = land.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
    );
    const key = (p: unknown) => JSON.stringify(p);
    expect(polygons.map(key).sort()).toEqual(whole.map(key).sort());
    const positions = (p: number[][][]) => p.reduce((n, r) => n + r.length, 0);
    const weights = landParts.map((part) =>
      part.features[0]!.geometry.coordinates.reduce((n, p) => n + positions(p), 0),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    // The largest polygon (about a fifth of all positions) bounds how even the parts can be.
    for (const w of weights) expect(w / total).toBeGreaterThan(0.2);
    for (const w of weights) expect(w / total).toBeLessThan(0.3);

    const borderParts = (await Promise.all(BASEMAP_FILES.slice(4).map(read))) as {
      type: string;
      coordinates: number[][][];
    }[];
    expect(borderParts.map((p) => p.type)).toEqual(['MultiLineString', 'MultiLineString']);
    const lines = borderParts.flatMap((p) => p.coordinates);
    expect(lines.map(key).sort()).toEqual(borders.coordinates.map(key).sort());
    await expect(basemapGeoJSON('land.geojson')).rejects.toThrow(/no file/);
  });
});
