import { describe, expect, it } from 'vitest';
import { facetCounts } from '../../src/core/facets.js';
import type { PbEdition, Programme } from '../../src/core/feed/model.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import { applyFilter, indexProgrammes, LEVELS, type Filter } from '../../src/core/filter.js';
import { generateFeed } from '../../src/core/generate.js';

function programme(
  id: string,
  editions: PbEdition[],
  extra: Partial<Omit<Programme, 'id' | 'editions'>> = {},
): Programme {
  return { id, name: id, coordinates: [0, 0], editions, ...extra };
}

// Every rule has a programme on each side of it.
const feed: Programme[] = [
  programme(
    'rennes',
    [
      { year: 2019, budget: 3_500_000 },
      { year: 2021, budget: 4_000_000 },
      { year: 2023 }, // no budget
    ],
    { country: 'FR', region: 'Bretagne', level: 'commune', population: 220_000 },
  ),
  programme('nantes', [{ year: 2020, budget: 0 }], {
    place: 'Loire-Atlantique',
    country: 'FR',
    region: 'Pays de la Loire',
    level: 'commune',
    population: 320_000,
  }),
  programme('gironde', [{ year: 2019, budget: 1_000_000 }], {
    country: 'FR',
    region: 'Nouvelle-Aquitaine',
    level: 'department',
    // population unknown
  }),
  programme('lisboa', [{ year: 2018, budget: 2_500_000 }], {
    country: 'PT',
    level: 'commune',
    population: 0,
  }),
  programme('brest', [{ year: 2021, budget: 500_000 }], {
    country: 'fr', // another spelling of the same country
    region: 'BRETAGNE', // and of the same region
    level: 'commune',
    population: 140_000,
  }),
  programme('ecole', [{ year: 2022, budget: 10_000 }], {
    name: 'Écoles de Vannes',
    country: 'FR',
    region: 'Bretagne',
    level: 'other',
    population: 50_000,
  }),
  programme('empty', [], { name: 'Saint-Étienne', place: 'Loire', country: 'FR' }),
];
const index = indexProgrammes(feed);

/** The facet counts as plain records, for readable expectations. */
function counts(filter: Filter) {
  const f = facetCounts(index, filter);
  return {
    kept: f.kept,
    setAside: f.setAside,
    levels: Object.fromEntries(f.levels.map((l) => [l.level, l.count])),
    regions: Object.fromEntries(f.regions.map((r) => [r.name, r.count])),
    countries: Object.fromEntries(f.countries.map((c) => [c.name, c.count])),
    withoutYears: f.withoutYears,
    withoutBudget: f.withoutBudget,
    withoutText: f.withoutText,
  };
}

/** What applyFilter keeps: the reference every facet count must agree with. */
const keep = (filter: Filter) => applyFilter(index, filter).totals.programmes;

describe('facetCounts: values', () => {
  it('lists the levels present, in LEVELS order, and regions and countries by name, first spelling', () => {
    const f = facetCounts(index, {});
    expect(f.total).toBe(7);
    expect(f.levels.map((l) => l.level)).toStrictEqual(['commune', 'department', 'other']);
    expect(f.regions).toStrictEqual([
      { name: 'Bretagne', key: 'bretagne', count: 3 },
      { name: 'Nouvelle-Aquitaine', key: 'nouvelle aquitaine', count: 1 },
      { name: 'Pays de la Loire', key: 'pays de la loire', count: 1 },
    ]);
    expect(f.countries).toStrictEqual([
      { name: 'FR', key: 'fr', count: 6 },
      { name: 'PT', key: 'pt', count: 1 },
    ]);
  });

  it('sorts names with the French collation (accents do not send a name to the end)', () => {
    const i = indexProgrammes([
      programme('a', [], { region: 'Occitanie' }),
      programme('b', [], { region: 'Île-de-France' }),
      programme('c', [], { region: 'Auvergne-Rhône-Alpes' }),
      programme('d', [], { region: 'Hauts-de-France' }),
    ]);
    expect(facetCounts(i, {}).regions.map((r) => r.name)).toStrictEqual([
      'Auvergne-Rhône-Alpes',
      'Hauts-de-France',
      'Île-de-France',
      'Occitanie',
    ]);
  });

  it('answers an empty feed with zeros and empty lists', () => {
    expect(facetCounts(indexProgrammes([]), { years: [2020, 2021], q: 'x' })).toStrictEqual({
      total: 0,
      kept: 0,
      setAside: 0,
      levels: [],
      regions: [],
      countries: [],
      withoutYears: 0,
      withoutBudget: 0,
      withoutText: 0,
    });
  });
});

describe('facetCounts: counts', () => {
  it('with no filter, counts each value and keeps everything', () => {
    expect(counts({})).toStrictEqual({
      kept: 7,
      setAside: 0,
      levels: { commune: 4, department: 1, other: 1 },
      regions: { Bretagne: 3, 'Nouvelle-Aquitaine': 1, 'Pays de la Loire': 1 },
      countries: { FR: 6, PT: 1 },
      withoutYears: 7,
      withoutBudget: 7,
      withoutText: 7,
    });
  });

  it('counts a value with its own control set to it alone, every other constraint applied', () => {
    // The level constraint does not narrow the level counts, but narrows regions and countries.
    expect(counts({ levels: ['department'] })).toStrictEqual({
      kept: 1,
      setAside: 0,
      levels: { commune: 4, department: 1, other: 1 },
      regions: { Bretagne: 0, 'Nouvelle-Aquitaine': 1, 'Pays de la Loire': 0 },
      countries: { FR: 1, PT: 0 },
      withoutYears: 1,
      withoutBudget: 1,
      withoutText: 1,
    });
    expect(counts({ regions: ['bretagne'], levels: ['commune'] })).toMatchObject({
      kept: 2,
      levels: { commune: 2, department: 0, other: 1 },
      regions: { Bretagne: 2, 'Nouvelle-Aquitaine': 0, 'Pays de la Loire': 1 },
      countries: { FR: 2, PT: 0 },
    });
  });

  it('takes a one-year range as that year only', () => {
    expect(counts({ years: [2021, 2021] })).toStrictEqual({
      kept: 2, // rennes, brest
      setAside: 0,
      levels: { commune: 2, department: 0, other: 0 },
      regions: { Bretagne: 2, 'Nouvelle-Aquitaine': 0, 'Pays de la Loire': 0 },
      countries: { FR: 2, PT: 0 },
      withoutYears: 7,
      withoutBudget: 2,
      withoutText: 2,
    });
  });

  it('counts nothing in a range with no edition, yet says what removing it would give', () => {
    expect(counts({ years: [2030, 2040], levels: ['commune'] })).toStrictEqual({
      kept: 0,
      setAside: 0,
      levels: { commune: 0, department: 0, other: 0 },
      regions: { Bretagne: 0, 'Nouvelle-Aquitaine': 0, 'Pays de la Loire': 0 },
      countries: { FR: 0, PT: 0 },
      withoutYears: 4,
      withoutBudget: 0,
      withoutText: 0,
    });
  });

  it('requires one edition in both the years and the budget, like applyFilter', () => {
    // Rennes: 2019 is in the years but 3.5 M is not in the budget; 2021 is in neither.
    const filter: Filter = { years: [2019, 2020], budget: [3_600_000, 5_000_000] };
    expect(counts(filter)).toMatchObject({ kept: 0, withoutYears: 1, withoutBudget: 3 });
    expect(keep(filter)).toBe(0);
    expect(keep({ budget: filter.budget })).toBe(1);
    expect(keep({ years: filter.years })).toBe(3); // rennes, nantes, gironde
  });

  it('treats a budget of 0 as a real budget, and an edition without one as unknown', () => {
    expect(counts({ budget: [0, 0] })).toMatchObject({
      kept: 1, // nantes
      levels: { commune: 1, department: 0, other: 0 },
      withoutBudget: 7,
    });
    expect(counts({ years: [2023, 2023], budget: [0, Infinity] })).toMatchObject({
      kept: 0,
      withoutYears: 6, // every programme with a budget
      withoutBudget: 1, // rennes, whose 2023 edition states no budget
    });
  });

  it('sets aside unknown and zero populations per inhabitant, also without a budget range', () => {
    // Rennes 3.5 M / 220,000 ≈ 15.9 and 4 M ≈ 18.2; Brest 500,000 / 140,000 ≈ 3.6; Vannes 0.2.
    expect(counts({ budgetPer: 'inhabitant', budget: [1, 20] })).toStrictEqual({
      kept: 2, // rennes, brest
      setAside: 2, // gironde (unknown), lisboa (0); empty has no edition a budget could keep
      levels: { commune: 2, department: 0, other: 0 },
      regions: { Bretagne: 2, 'Nouvelle-Aquitaine': 0, 'Pays de la Loire': 0 },
      countries: { FR: 2, PT: 0 },
      withoutYears: 2,
      withoutBudget: 4, // rennes, nantes, brest, ecole: the set-aside stay aside
      withoutText: 2,
    });
    expect(counts({ budgetPer: 'inhabitant' }).setAside).toBe(3); // and empty, with no range
    expect(counts({ budgetPer: 'inhabitant', budget: [0, 0] }).kept).toBe(1); // nantes: 0 €/hab
    expect(counts({ budgetPer: 'inhabitant', years: [2019, 2019] }).setAside).toBe(1); // gironde
  });

  it('counts the text search like applyFilter, and without it', () => {
    expect(counts({ q: 'loire' })).toMatchObject({
      kept: 2, // nantes (place), empty (Saint-Étienne, Loire)
      levels: { commune: 1, department: 0, other: 0 },
      countries: { FR: 2, PT: 0 },
      withoutText: 7,
    });
    expect(counts({ q: 'ecoles', regions: ['Bretagne'] })).toMatchObject({
      kept: 1,
      regions: { Bretagne: 1, 'Nouvelle-Aquitaine': 0, 'Pays de la Loire': 0 },
      withoutText: 3,
    });
  });

  it('counts 0 for every value of a control set to a value the feed lacks', () => {
    expect(counts({ regions: ['Atlantis'] })).toMatchObject({
      kept: 0,
      regions: { Bretagne: 3, 'Nouvelle-Aquitaine': 1, 'Pays de la Loire': 1 },
      countries: { FR: 0, PT: 0 },
      withoutText: 0,
    });
  });
});

describe('facetCounts agrees with applyFilter', () => {
  const synthetic = parseFeed(generateFeed({ count: 3000, seed: 5 }));
  if (!synthetic.ok) throw new Error('generated feed did not parse');
  const programmes = synthetic.feed.programmes;
  const big = indexProgrammes(programmes);
  const base = facetCounts(big, {});
  const region = base.regions[Math.floor(base.regions.length / 2)]!.name;
  const filters: Filter[] = [
    {},
    { years: [2018, 2020] },
    { years: [2021, 2021], levels: ['commune'] },
    { budget: [100_000, 2_000_000] },
    { budget: [0, 50_000], years: [2015, 2024], countries: ['FR'] },
    { budgetPer: 'inhabitant' },
    { budgetPer: 'inhabitant', budget: [2, 10], regions: [region] },
    { q: 'budget', levels: ['commune', 'department'] },
    { q: 'ar', years: [2019, 2022], budget: [50_000, Infinity], countries: ['FR', 'ES'] },
  ];

  it.each(filters.map((f) => [JSON.stringify(f), f] as const))('%s', (_, filter) => {
    const f = facetCounts(big, filter);
    const n = (changed: Filter) => applyFilter(big, changed).totals.programmes;
    const selection = applyFilter(big, filter);
    expect(f.kept).toBe(selection.totals.programmes);
    expect(f.setAside).toBe(selection.setAside);
    expect(f.withoutYears).toBe(n({ ...filter, years: undefined }));
    expect(f.withoutBudget).toBe(n({ ...filter, budget: undefined }));
    expect(f.withoutText).toBe(n({ ...filter, q: undefined }));
    expect(f.levels.map((l) => l.count)).toStrictEqual(
      f.levels.map((l) => n({ ...filter, levels: [l.level] })),
    );
    expect(f.regions.map((r) => r.count)).toStrictEqual(
      f.regions.map((r) => n({ ...filter, regions: [r.name] })),
    );
    expect(f.countries.map((c) => c.count)).toStrictEqual(
      f.countries.map((c) => n({ ...filter, countries: [c.name] })),
    );
    expect(f.levels.every((l) => LEVELS.includes(l.level))).toBe(true);
  });
});
