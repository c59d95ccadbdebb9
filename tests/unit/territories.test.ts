import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  DROM,
  METROPOLE,
  boxesOverlap,
  dromOf,
  inBox,
  mercator,
  squareProjection,
  type DromCode,
} from '../../src/core/territories.js';

/** Each DROM's prefecture, [longitude, latitude]. */
const CAPITALS: Record<DromCode, [string, [number, number]]> = {
  GP: ['Basse-Terre', [-61.7325, 15.9985]],
  MQ: ['Fort-de-France', [-61.0667, 14.6]],
  GF: ['Cayenne', [-52.3269, 4.9333]],
  RE: ['Saint-Denis', [55.4504, -20.8823]],
  YT: ['Mamoudzou', [45.2279, -12.7806]],
};

describe('territories', () => {
  it('lists the five DROM once each', () => {
    expect(DROM.map((t) => t.code).sort()).toEqual(['GF', 'GP', 'MQ', 'RE', 'YT']);
  });

  it.each(Object.entries(CAPITALS))('puts %s’s capital inside its box', (code, [, at]) => {
    const territory = DROM.find((t) => t.code === code)!;
    expect(inBox(at, territory.box)).toBe(true);
    expect(dromOf(at)?.code).toBe(code);
    expect(inBox(at, METROPOLE)).toBe(false);
  });

  it('keeps metropolitan cities, Corsica included, in the metropole and out of the DROM', () => {
    const cities: [number, number][] = [
      [2.35, 48.85], // Paris
      [-4.49, 48.39], // Brest
      [-5.1, 48.46], // Ouessant
      [7.75, 48.58], // Strasbourg
      [2.38, 51.03], // Dunkirk
      [3.05, 42.7], // Perpignan
      [9.45, 42.7], // Bastia
      [9.16, 41.39], // Bonifacio
    ];
    for (const city of cities) {
      expect(inBox(city, METROPOLE), String(city)).toBe(true);
      expect(dromOf(city), String(city)).toBeUndefined();
    }
  });

  it('has boxes that overlap neither the metropole nor each other', () => {
    for (const t of DROM) {
      expect(boxesOverlap(t.box, METROPOLE), t.code).toBe(false);
      for (const u of DROM) if (u !== t) expect(boxesOverlap(t.box, u.box)).toBe(false);
    }
  });

  it('holds every polygon of France in Natural Earth (the insets’ outlines) in one box', () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('world-atlas/countries-50m.json');
    const world = JSON.parse(readFileSync(path, 'utf8')) as Topology;
    const countries = feature(
      world,
      world.objects['countries'] as GeometryCollection<{ name: string }>,
    );
    const france = countries.features.find((f) => f.properties.name === 'France');
    const polygons = (france!.geometry as MultiPolygon).coordinates;
    const found = new Set<string>();
    for (const polygon of polygons) {
      const ring = polygon[0]! as [number, number][];
      const boxes = [
        ...(ring.every((p) => inBox(p, METROPOLE)) ? ['metropole'] : []),
        ...DROM.filter((t) => ring.every((p) => inBox(p, t.box))).map((t) => t.code),
      ];
      expect(boxes, `polygon near ${ring[0]}`).toHaveLength(1);
      found.add(boxes[0]!);
    }
    expect([...found].sort()).toEqual(['GF', 'GP', 'MQ', 'RE', 'YT', 'metropole']);
  });

  it('projects in Web Mercator', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5]);
    expect(mercator([180, 0])[0]).toBe(1);
    const [, north] = mercator([0, 60]);
    const [, south] = mercator([0, -60]);
    expect(north).toBeCloseTo(1 - south, 12);
    expect(north).toBeLessThan(0.5); // y grows southwards
  });

  it('fits a box in a square, centred, with the matching map zoom', () => {
    const guyane = DROM.find((t) => t.code === 'GF')!.box;
    const { project, zoom } = squareProjection(guyane, 80, 0.05);
    const [x0, y0] = project([guyane[0], guyane[3]]);
    const [x1, y1] = project([guyane[2], guyane[1]]);
    // Guyane is taller than wide: it fills the height, less the margins, and is centred across.
    expect(y0).toBeCloseTo(0.05, 9);
    expect(y1).toBeCloseTo(0.95, 9);
    expect(x0 + x1).toBeCloseTo(1, 9);
    expect(x1 - x0).toBeLessThan(0.9);
    // At that zoom a 512-pixel world shows the box's height in 90% of 80 pixels.
    const [, top] = mercator([0, guyane[3]]);
    const [, bottom] = mercator([0, guyane[1]]);
    expect(512 * 2 ** zoom * (bottom - top)).toBeCloseTo(72, 6);
  });

  it('leaves room where margins ask for it (a caption at the top)', () => {
    const reunion = DROM.find((t) => t.code === 'RE')!.box;
    const { project, zoom } = squareProjection(reunion, 80, [0.2, 0.05, 0.05, 0.05]);
    const [x0, y0] = project([reunion[0], reunion[3]]);
    const [x1, y1] = project([reunion[2], reunion[1]]);
    expect(Math.min(y0, y1)).toBeGreaterThanOrEqual(0.2 - 1e-9);
    expect(Math.max(y0, y1)).toBeLessThanOrEqual(0.95 + 1e-9);
    expect(x0).toBeGreaterThanOrEqual(0.05 - 1e-9);
    expect(x1).toBeLessThanOrEqual(0.95 + 1e-9);
    // Touches the free area on one axis at least, centred on the other.
    expect(Math.abs(y1 - y0 - 0.75) < 1e-9 || Math.abs(x1 - x0 - 0.9) < 1e-9).toBe(true);
    expect(zoom).toBeLessThan(squareProjection(reunion, 80, 0).zoom);
  });
});
