import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse.js';
import { generateFeed } from '../../src/core/generate.js';

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

  it('places programmes where participatory budgets are: Europe first, France dense, overseas present', () => {
    const { programmes } = generateFeed({ count: 12_000, seed: 1 });
    const share = (test: (p: (typeof programmes)[number]) => boolean) =>
      programmes.filter(test).length / programmes.length;
    const [lonOf, latOf] = [
      (p: (typeof programmes)[number]) => p.coordinates[0],
      (p: (typeof programmes)[number]) => p.coordinates[1],
    ];
    const europe = share((p) => lonOf(p) > -11 && lonOf(p) < 40 && latOf(p) > 35 && latOf(p) < 71);
    const southAmerica = share(
      (p) => lonOf(p) < -34 && lonOf(p) > -82 && latOf(p) < 13 && latOf(p) > -56,
    );
    const northAmerica = share((p) => lonOf(p) < -52 && latOf(p) > 24);
    // World Atlas 2019: Europe ~39 %, South America ~26 %, North America ~1.5 %.
    expect(europe).toBeGreaterThan(0.3);
    expect(europe).toBeLessThan(0.5);
    expect(southAmerica).toBeGreaterThan(0.18);
    expect(southAmerica).toBeLessThan(0.34);
    expect(northAmerica).toBeGreaterThan(0.005);
    expect(northAmerica).toBeLessThan(0.05);
    const france = programmes.filter((p) => p.country === 'FR');
    expect(france.length / programmes.length).toBeGreaterThan(0.05);
    const regions = new Set(france.map((p) => p.region));
    for (const overseas of ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte']) {
      expect(regions, overseas).toContain(overseas);
    }
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateFeed({ count: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateFeed({ count: 1.5, seed: 1 })).toThrow(RangeError);
  });
});
