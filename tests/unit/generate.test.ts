import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse.js';
import type { PbProgrammeInput } from '../../src/core/feed/model.js';
import { generateFeed } from '../../src/core/generate.js';

const CONTINENT: Record<string, string> = {
  ...Object.fromEntries(
    ['FR', 'PT', 'ES', 'IT', 'DE', 'PL', 'GB', 'BE', 'NL', 'SE', 'CZ', 'SK', 'IS'].map((c) => [
      c,
      'Europe',
    ]),
  ),
  ...Object.fromEntries(['BR', 'PE', 'DO', 'AR', 'CO', 'EC'].map((c) => [c, 'Latin America'])),
  ...Object.fromEntries(['KR', 'CN', 'ID', 'PH', 'IN', 'TW'].map((c) => [c, 'Asia'])),
  ...Object.fromEntries(['SN', 'CM', 'MG', 'MZ', 'KE', 'CD'].map((c) => [c, 'Africa'])),
  US: 'North America',
  CA: 'North America',
};
const OVERSEAS = ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];

describe('generateFeed', () => {
  it('gives the same feed for the same seed and another for another seed', () => {
    const a = JSON.stringify(generateFeed({ count: 200, seed: 7 }));
    expect(JSON.stringify(generateFeed({ count: 200, seed: 7 }))).toBe(a);
    expect(JSON.stringify(generateFeed({ count: 200, seed: 8 }))).not.toBe(a);
  });

  it('says it is synthetic and holds exactly count programmes with unique ids', () => {
    const feed = generateFeed({ count: 1234, seed: 'bench' });
    expect(feed.title).toBe('Synthetic feed: 1234 programmes (seed bench) — not real data');
    expect(feed.programmes).toHaveLength(1234);
    expect(new Set(feed.programmes.map((p) => p.id)).size).toBe(1234);
    expect(feed.programmes[0]!.id).toBe('syn-000001');
  });

  it('writes only valid programmes: the parser reports no problem', () => {
    const result = parseFeed(JSON.stringify(generateFeed({ count: 3000, seed: 11 })));
    expect(result.problems).toEqual([]);
    expect(result.ok && result.feed.programmes.length).toBe(3000);
  });

  it('follows the World Atlas shares by continent and the French figures in a 12,000 feed', () => {
    const { programmes } = generateFeed({ count: 12_000, seed: 'atlas' });
    const shareOf = (list: PbProgrammeInput[], test: (p: PbProgrammeInput) => boolean) =>
      list.filter(test).length / list.length;
    const continent = (name: string) =>
      shareOf(programmes, (p) => CONTINENT[p.country ?? ''] === name);
    // PB World Atlas 2019, of 11,598: 4,600 / 3,070 / 2,770 / 980 / 178.
    expect(continent('Europe')).toBeGreaterThan(0.36);
    expect(continent('Europe')).toBeLessThan(0.43);
    expect(continent('Latin America')).toBeGreaterThan(0.24);
    expect(continent('Latin America')).toBeLessThan(0.29);
    expect(continent('Asia')).toBeGreaterThan(0.21);
    expect(continent('Asia')).toBeLessThan(0.26);
    expect(continent('Africa')).toBeGreaterThan(0.07);
    expect(continent('Africa')).toBeLessThan(0.1);
    expect(continent('North America')).toBeGreaterThan(0.01);
    expect(continent('North America')).toBeLessThan(0.022);
    // Every country is one the table knows, so the shares above cover every programme.
    expect(programmes.filter((p) => CONTINENT[p.country ?? ''] === undefined)).toEqual([]);
    const france = programmes.filter((p) => p.country === 'FR');
    expect(france.length / programmes.length).toBeGreaterThan(0.07);
    expect(france.length / programmes.length).toBeLessThan(0.1);
    // A quarter of French programmes are in Bretagne and Pays de la Loire.
    const west = shareOf(france, (p) => p.region === 'Bretagne' || p.region === 'Pays de la Loire');
    expect(west).toBeGreaterThan(0.21);
    expect(west).toBeLessThan(0.29);
    // Only French programmes carry a région, and every French one does.
    expect(programmes.every((p) => (p.country === 'FR') === (p.region !== undefined))).toBe(true);
  });

  it('shows every overseas département in a 5,000 feed, on its own island', () => {
    const { programmes } = generateFeed({ count: 5000, seed: 1 });
    // [west, south, east, north] around each territory's land.
    const boxes: Record<string, readonly [number, number, number, number]> = {
      Guadeloupe: [-61.81, 15.83, -61.0, 16.52],
      Martinique: [-61.23, 14.39, -60.81, 14.88],
      Guyane: [-54.6, 2.1, -51.6, 5.8],
      'La Réunion': [55.21, -21.39, 55.84, -20.87],
      Mayotte: [45.01, -13.0, 45.3, -12.63],
    };
    for (const region of OVERSEAS) {
      const here = programmes.filter((p) => p.region === region);
      expect(here.length, region).toBeGreaterThan(0);
      const [west, south, east, north] = boxes[region]!;
      const outside = here.filter(
        ({ coordinates: [lon, lat] }) => lon < west || lon > east || lat < south || lat > north,
      );
      expect(outside, region).toEqual([]);
    }
  });

  it('keeps the first programmes when the count grows, so small and large feeds agree', () => {
    const small = generateFeed({ count: 50, seed: 'grow' }).programmes;
    const large = generateFeed({ count: 500, seed: 'grow' }).programmes;
    expect(large.slice(0, 50)).toEqual(small);
  });

  it('gives each programme figures a real budget could have', () => {
    const feed = generateFeed({ count: 2000, seed: 'figures' });
    const early = new Set(['BR', 'PE', 'DO', 'AR', 'CO', 'EC']);
    for (const p of feed.programmes) {
      const editions = p.editions ?? [];
      const years = editions.map((e) => e.year);
      expect(editions.length).toBeGreaterThanOrEqual(1);
      expect(editions.length).toBeLessThanOrEqual(10);
      // Consecutive years, from 2014 (from 1989 in Latin America), up to 2025.
      expect(years).toEqual(years.map((_, i) => years[0]! + i));
      expect(years[0]!).toBeGreaterThanOrEqual(early.has(p.country!) ? 1989 : 2014);
      expect(years.at(-1)!).toBeLessThanOrEqual(2025);
      expect(p.population!).toBeGreaterThanOrEqual(2000);
      expect(p.population!).toBeLessThanOrEqual(2_000_000);
      expect(p.url).toBe(`https://example.org/pb/${p.id}`);
      for (const { budget } of editions) {
        expect(budget! % 1000).toBe(0);
        // 1.80 to 45 € per inhabitant, give or take the rounding to 1,000 €.
        expect(budget! / p.population!).toBeGreaterThan(1.8 - 500 / p.population!);
        expect(budget! / p.population!).toBeLessThan(45 + 500 / p.population!);
      }
    }
    const communes = feed.programmes.filter((p) => p.level === 'commune').length;
    expect(communes / feed.programmes.length).toBeGreaterThan(0.7);
    const older = feed.programmes.filter((p) => p.editions![0]!.year < 2014).length;
    expect(older).toBeGreaterThan(0);
    expect(older / feed.programmes.length).toBeLessThan(0.02);
    // Names say what the place is called, in French for France.
    for (const p of feed.programmes) expect(p.name).toContain(p.place);
    const french = feed.programmes.filter((p) => p.country === 'FR');
    expect(french.filter((p) => !p.name.startsWith('Budget participatif '))).toEqual([]);
  });

  it('names itself synthetic, with a fixed date and its generator as source', () => {
    const { programmes, ...meta } = generateFeed({ count: 3, seed: 42 });
    expect(programmes).toHaveLength(3);
    expect(meta).toEqual({
      version: 1,
      title: 'Synthetic feed: 3 programmes (seed 42) — not real data',
      description:
        'Invented participatory budgets for demos and load tests, generated by pb-feed generate. ' +
        'Places, names, populations, budgets, voters and projects are made up; only the spread ' +
        'over the world follows the published counts.',
      updated: '2025-01-01',
      currency: 'EUR',
      licence: 'CC0 1.0 (synthetic data)',
      kind: 'programmes',
      sources: [
        { name: 'Generated by pb-feed generate --count 3 --seed 42' },
        { name: 'Shares by continent: PB World Atlas 2019', url: 'https://pbatlas.net' },
      ],
    });
    // A number seed and its decimal string are the same seed, as on the command line.
    expect(generateFeed({ count: 3, seed: '42' })).toEqual(generateFeed({ count: 3, seed: 42 }));
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateFeed({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateFeed({ count: 1.5, seed: 1 })).toThrow(RangeError);
  });
});
