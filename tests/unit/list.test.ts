import { describe, expect, it } from 'vitest';
import type { PbEdition, Programme } from '../../src/core/feed/model.js';
import { applyFilter, indexProgrammes, matchingYears, type Filter } from '../../src/core/filter.js';
import { generateFeed } from '../../src/core/generate.js';
import { parseFeed } from '../../src/core/feed/parse.js';
import {
  allPositions,
  collationRanks,
  ListOrder,
  listColumns,
  listRows,
  perInhabitantKeys,
  positionsOf,
  selectionPerInhabitant,
  sortPositions,
  yearKeys,
  type ListColumn,
  type SortDirection,
} from '../../src/core/list.js';

function programme(
  id: string,
  name: string,
  editions: PbEdition[],
  extra: Partial<Omit<Programme, 'id' | 'name' | 'editions'>> = {},
): Programme {
  return { id, name, coordinates: [0, 0], editions, ...extra };
}

// Names that a code-unit sort gets wrong (accents, case, numbers), ties on every numeric column,
// and a programme of each unknown: no place, no budget, no population, no edition.
const programmes: Programme[] = [
  programme(
    'a',
    'Rennes',
    [
      { year: 2016, budget: 3_500_000 },
      { year: 2017, budget: 3_500_000 },
    ],
    {
      place: 'Ille-et-Vilaine',
      population: 222_000,
    },
  ),
  programme(
    'b',
    'Écully',
    [
      { year: 2019, budget: 150_000 },
      { year: 2021, budget: 200_000 },
    ],
    {
      place: 'Rhône',
      population: 20_000,
    },
  ),
  programme('c', 'angers', [{ year: 2020 }, { year: 2022 }], { place: 'Maine-et-Loire' }),
  programme('d', 'Budget 10', [{ year: 2018, budget: 1_000_000 }], { population: 100_000 }),
  programme('e', 'Budget 9', [{ year: 2018, budget: 1_000_000 }], {
    place: 'Ain',
    population: 50_000,
  }),
  programme('f', 'Dijon', [], { place: 'Côte-d’Or', population: 156_000 }),
  programme('g', 'Zurich', [{ year: 2016, budget: 3_500_000 }, { year: 2019 }], {
    place: 'Zurich',
    population: 0,
  }),
];
const index = indexProgrammes(programmes);
const all = applyFilter(index, {});

/** Names of the rows of `order`. */
const names = (order: Uint32Array, selection = all) =>
  Array.from(order, (r) => programmes[selection.indices[r]!]!.name);

function sorted(column: ListColumn, direction: SortDirection, filter: Filter = {}, locale = 'fr') {
  const selection = applyFilter(index, filter);
  const order = new ListOrder().order(
    index,
    selection,
    filter,
    undefined,
    { column, direction },
    locale,
  );
  return names(order, selection);
}

describe('listColumns', () => {
  const columns = (list: Programme[]) => listColumns(indexProgrammes(list));

  it('shows every column when some programme states a budget and a population', () => {
    expect(columns(programmes)).toEqual(['name', 'place', 'years', 'budget', 'perInhabitant']);
  });

  it('leaves out budget and per inhabitant when no edition states a budget', () => {
    // A city's winning projects without amounts; a population alone gives no figure.
    const list = [
      programme('a', 'Jardin', [{ year: 2017 }], { population: 222_000 }),
      programme('b', 'Fresque', []),
    ];
    expect(columns(list)).toEqual(['name', 'place', 'years']);
  });

  it('leaves out per inhabitant when no programme with a budget has a population', () => {
    const list = [
      programme('a', 'Rennes', [{ year: 2017, budget: 1_000 }]),
      programme('b', 'Brest', [{ year: 2018, budget: 0 }], { population: 0 }),
      programme('c', 'Nantes', [{ year: 2019 }], { population: 320_000 }),
    ];
    expect(columns(list)).toEqual(['name', 'place', 'years', 'budget']);
    // One programme with both is enough, wherever it is in the feed.
    const more = [
      ...list,
      programme('d', 'Lorient', [{ year: 2020 }, { year: 2021, budget: 5 }], {
        population: 57_000,
      }),
    ];
    expect(columns(more)).toEqual(['name', 'place', 'years', 'budget', 'perInhabitant']);
  });
});

describe('collationRanks', () => {
  it('ranks as the collator orders, equal values sharing a rank, undefined as NaN', () => {
    const collator = new Intl.Collator('fr', { sensitivity: 'base' });
    expect(Array.from(collationRanks(['b', undefined, 'a', 'B', 'é', 'e'], collator))).toEqual([
      1,
      NaN,
      0,
      1,
      2,
      2,
    ]);
    expect(Array.from(collationRanks([], collator))).toEqual([]);
  });
});

describe('sortPositions', () => {
  const keys = new Float64Array([5, NaN, 1, 5, NaN, 3]);
  const positions = allPositions(6);

  it('sorts ascending and descending, unknowns last, ties in position order', () => {
    expect(Array.from(sortPositions(keys, positions, 'ascending'))).toEqual([2, 5, 0, 3, 1, 4]);
    expect(Array.from(sortPositions(keys, positions, 'descending'))).toEqual([0, 3, 5, 2, 1, 4]);
  });

  it('sorts a subset and leaves its input alone', () => {
    const subset = new Uint32Array([1, 3, 5]);
    expect(Array.from(sortPositions(keys, subset, 'ascending'))).toEqual([5, 3, 1]);
    expect(Array.from(subset)).toEqual([1, 3, 5]);
    expect(Array.from(sortPositions(keys, new Uint32Array(0), 'descending'))).toEqual([]);
  });
});

describe('sort keys', () => {
  it('gives the earliest then the latest matching year, NaN without one', () => {
    const first = (filter: Filter) => {
      const selection = applyFilter(index, filter);
      return Array.from(yearKeys(index, selection, filter));
    };
    expect(first({})).toEqual([
      2016_2017,
      2019_2021,
      2020_2022,
      2018_2018,
      2018_2018,
      NaN,
      2016_2019,
    ]);
    // Matching years only: Zurich's 2019 edition has no budget, so a budget range drops it.
    expect(first({ budget: [1_000_000, Infinity] })).toEqual([
      2016_2017, 2018_2018, 2018_2018, 2016_2016,
    ]);
    expect(first({ years: [2019, 2022] })).toEqual([2019_2021, 2020_2022, 2019_2019]);
  });

  it('agrees with matchingYears for every kept programme under any filter', () => {
    const feed = parseFeed(generateFeed({ count: 500, seed: 3 }));
    if (!feed.ok) throw new Error('generated feed did not parse');
    const big = indexProgrammes(feed.feed.programmes);
    const filters: Filter[] = [
      {},
      { years: [2018, 2021] },
      { budget: [100_000, 2_000_000] },
      { years: [2019, 2024], budget: [2, 20], budgetPer: 'inhabitant' },
    ];
    for (const filter of filters) {
      const selection = applyFilter(big, filter);
      const keys = yearKeys(big, selection, filter);
      selection.indices.forEach((i, r) => {
        const years = matchingYears(big, i, filter);
        const expected = years.length ? years[0]! * 10000 + years[years.length - 1]! : NaN;
        expect(keys[r]).toBe(expected);
      });
    }
  });

  it('divides the figure by the population when both are known and the population is above 0', () => {
    expect(Array.from(perInhabitantKeys(index, all))).toEqual([
      3_500_000 / 222_000,
      200_000 / 20_000,
      NaN, // no budget, no population
      10,
      20,
      NaN, // no edition
      NaN, // population 0
    ]);
  });
});

describe('ListOrder', () => {
  it('sorts names as the language does: accents and case ignored, numbers by value', () => {
    expect(sorted('name', 'ascending')).toEqual([
      'angers',
      'Budget 9',
      'Budget 10',
      'Dijon',
      'Écully',
      'Rennes',
      'Zurich',
    ]);
    expect(sorted('name', 'descending')).toEqual([
      'Zurich',
      'Rennes',
      'Écully',
      'Dijon',
      'Budget 10',
      'Budget 9',
      'angers',
    ]);
  });

  it('puts programmes without a place last, both ways', () => {
    expect(sorted('place', 'ascending')).toEqual([
      'Budget 9', // Ain
      'Dijon', // Côte-d’Or
      'Rennes', // Ille-et-Vilaine
      'angers', // Maine-et-Loire
      'Écully', // Rhône
      'Zurich',
      'Budget 10', // no place
    ]);
    expect(sorted('place', 'descending')).toEqual([
      'Zurich',
      'Écully',
      'angers',
      'Rennes',
      'Dijon',
      'Budget 9',
      'Budget 10',
    ]);
  });

  it('sorts budgets and amounts per inhabitant, unknowns last, ties in feed order', () => {
    expect(sorted('budget', 'ascending')).toEqual([
      'Écully', // 200 000, its latest budget
      'Budget 10',
      'Budget 9',
      'Rennes',
      'Zurich',
      'angers',
      'Dijon',
    ]);
    expect(sorted('budget', 'descending')).toEqual([
      'Rennes',
      'Zurich',
      'Budget 10',
      'Budget 9',
      'Écully',
      'angers',
      'Dijon',
    ]);
    expect(sorted('perInhabitant', 'descending')).toEqual([
      'Budget 9', // 20
      'Rennes', // 15.77
      'Écully', // 10
      'Budget 10', // 10
      'angers',
      'Dijon',
      'Zurich',
    ]);
  });

  it('sorts years by the first matching year, then the last', () => {
    expect(sorted('years', 'ascending')).toEqual([
      'Rennes', // 2016–2017
      'Zurich', // 2016, 2019
      'Budget 10',
      'Budget 9',
      'Écully',
      'angers',
      'Dijon', // no edition
    ]);
    // Under a filter, only the matching years count: Zurich's 2016 edition is out.
    expect(sorted('years', 'ascending', { years: [2017, 2019] })).toEqual([
      'Rennes', // 2017
      'Budget 10',
      'Budget 9',
      'Écully', // 2019
      'Zurich', // 2019
    ]);
    expect(sorted('years', 'descending', { budget: [160_000, 1_000_000] })).toEqual([
      'Écully', // 2021 only: its 2019 budget is out of range
      'Budget 10',
      'Budget 9',
    ]);
  });

  it('lists only a subset (the map’s view) when given one', () => {
    const list = new ListOrder();
    const inView = new Uint32Array([1, 3, 6]);
    const order = list.order(
      index,
      all,
      {},
      inView,
      { column: 'name', direction: 'ascending' },
      'fr',
    );
    expect(names(order)).toEqual(['Budget 10', 'Écully', 'Zurich']);
  });

  it('gives back the same order for the same inputs, and a new one when any changes', () => {
    const list = new ListOrder();
    const sort = { column: 'budget', direction: 'descending' } as const;
    const first = list.order(index, all, {}, undefined, sort, 'fr');
    expect(list.order(index, all, {}, undefined, { ...sort }, 'fr')).toBe(first);
    expect(
      list.order(index, all, {}, undefined, { ...sort, direction: 'ascending' }, 'fr'),
    ).not.toBe(first);
    const again = applyFilter(index, {});
    expect(list.order(index, again, {}, undefined, sort, 'fr')).not.toBe(first);
  });
});

describe('selectionPerInhabitant', () => {
  it('counts only programmes that state both a figure and a population above 0', () => {
    // Rennes, Écully, Budget 10, Budget 9; not angers (neither), Dijon (no figure), Zurich (0).
    const budget = 3_500_000 + 200_000 + 1_000_000 + 1_000_000;
    const population = 222_000 + 20_000 + 100_000 + 50_000;
    expect(selectionPerInhabitant(all)).toBe(budget / population);
    // Zurich's 3.5 M, over no inhabitant, is in the budget sum but not here.
    expect(all.totals.budget).toBe(budget + 3_500_000);
    expect(selectionPerInhabitant(applyFilter(index, { q: 'angers' }))).toBeNaN();
  });
});

describe('positionsOf', () => {
  it('finds each feed index in the selection, skipping those it does not hold', () => {
    const selection = applyFilter(index, { years: [2018, 2019] }); // b, d, e, g
    expect(Array.from(selection.indices)).toEqual([1, 3, 4, 6]);
    expect(Array.from(positionsOf(selection, new Uint32Array([1, 2, 4, 6])))).toEqual([0, 2, 3]);
    expect(Array.from(positionsOf(selection, new Uint32Array(0)))).toEqual([]);
  });
});

describe('listRows', () => {
  it('gives what each row shows, for a slice of the order', () => {
    const filter: Filter = { years: [2017, 2022] };
    const selection = applyFilter(index, filter);
    const order = new ListOrder().order(
      index,
      selection,
      filter,
      undefined,
      { column: 'name', direction: 'ascending' },
      'fr',
    );
    expect(listRows(index, selection, filter, order, 0, 3)).toEqual([
      {
        index: 2,
        id: 'c',
        name: 'angers',
        place: 'Maine-et-Loire',
        years: [2020, 2022],
        budget: NaN,
        perInhabitant: NaN,
      },
      {
        index: 4,
        id: 'e',
        name: 'Budget 9',
        place: 'Ain',
        years: [2018],
        budget: 1_000_000,
        perInhabitant: 20,
      },
      { index: 3, id: 'd', name: 'Budget 10', years: [2018], budget: 1_000_000, perInhabitant: 10 },
    ]);
    expect(
      listRows(index, selection, filter, order, 4, 100).map((r) => [r.name, r.years, r.budget]),
    ).toEqual([
      ['Rennes', [2017], 3_500_000],
      ['Zurich', [2019], NaN],
    ]);
  });
});
