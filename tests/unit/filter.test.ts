import { describe, expect, it } from 'vitest';
import type { PbEdition, Programme } from '../../src/core/feed/model.js';
import {
  applyFilter,
  filterToAttributes,
  foldText,
  indexProgrammes,
  matchingYears,
  parseFilterAttributes,
  yearHistogram,
  type Filter,
  type Selection,
} from '../../src/core/filter.js';

function programme(
  id: string,
  editions: PbEdition[],
  extra: Partial<Omit<Programme, 'id' | 'editions'>> = {},
): Programme {
  return { id, name: id, coordinates: [0, 0], editions, ...extra };
}

// Editions chosen so that every rule has a programme on each side of it.
const feed: Programme[] = [
  programme(
    'rennes',
    [
      { year: 2019, budget: 3_500_000 },
      { year: 2021, budget: 4_000_000 },
      { year: 2023 }, // no budget
    ],
    {
      name: 'Rennes',
      place: 'Ille-et-Vilaine',
      country: 'FR',
      region: 'Bretagne',
      level: 'commune',
      population: 220_000,
    },
  ),
  programme('nantes', [{ year: 2020, budget: 0 }], {
    name: 'Nantes',
    place: 'Loire-Atlantique',
    country: 'FR',
    region: 'Pays de la Loire',
    level: 'commune',
    population: 320_000,
  }),
  programme('gironde', [{ year: 2019, budget: 1_000_000 }], {
    name: 'Département de la Gironde',
    country: 'FR',
    region: 'Nouvelle-Aquitaine',
    level: 'department',
    // population unknown
  }),
  programme('lisboa', [{ year: 2018, budget: 2_500_000 }], {
    name: 'Lisboa',
    country: 'PT',
    level: 'commune',
    population: 0,
  }),
  programme('empty', [], { name: 'Saint-Étienne', place: 'Loire', country: 'FR' }),
];
const index = indexProgrammes(feed);

/** The selection as ids and figures, for readable expectations. */
function kept(filter: Filter): { ids: string[]; figures: number[]; setAside: number } {
  const s: Selection = applyFilter(index, filter);
  return {
    ids: Array.from(s.indices, (i) => feed[i]!.id),
    figures: Array.from(s.figures),
    setAside: s.setAside,
  };
}

describe('applyFilter: years and budget', () => {
  it('keeps everything with an empty filter, each showing its latest known budget', () => {
    expect(kept({})).toStrictEqual({
      ids: ['rennes', 'nantes', 'gironde', 'lisboa', 'empty'],
      figures: [4_000_000, 0, 1_000_000, 2_500_000, NaN],
      setAside: 0,
    });
  });

  it('keeps a programme with an edition in the year range, showing its latest matching budget', () => {
    expect(kept({ years: [2019, 2020] })).toStrictEqual({
      ids: ['rennes', 'nantes', 'gironde'],
      figures: [3_500_000, 0, 1_000_000],
      setAside: 0,
    });
  });

  it('takes a one-year range as that year only', () => {
    expect(kept({ years: [2021, 2021] }).ids).toStrictEqual(['rennes']);
    expect(kept({ years: [2022, 2022] }).ids).toStrictEqual([]);
  });

  it('shows NaN when no matching edition states a budget, and keeps the programme', () => {
    expect(kept({ years: [2023, 2025] })).toStrictEqual({
      ids: ['rennes'],
      figures: [NaN],
      setAside: 0,
    });
  });

  it('falls back to an earlier matching edition that states a budget', () => {
    expect(kept({ years: [2021, 2023] }).figures).toStrictEqual([4_000_000]);
  });

  it('excludes programmes with no edition as soon as years or budget are constrained', () => {
    expect(kept({ years: [1900, 2100] }).ids).not.toContain('empty');
    expect(kept({ budget: [0, Infinity] }).ids).not.toContain('empty');
  });

  it('requires one edition in the year range AND in the budget range', () => {
    // Rennes: 2019 is in the years but 3.5 M is not in the budget; 2021 has 4 M but is not in the years.
    expect(kept({ years: [2019, 2020], budget: [3_600_000, 5_000_000] }).ids).toStrictEqual([]);
    expect(kept({ years: [2019, 2021], budget: [3_600_000, 5_000_000] })).toStrictEqual({
      ids: ['rennes'],
      figures: [4_000_000],
      setAside: 0,
    });
  });

  it('picks the latest edition matching the budget range, not the latest one', () => {
    expect(kept({ budget: [3_000_000, 3_500_000] }).figures).toStrictEqual([3_500_000]);
  });

  it('treats budget ranges as inclusive and 0 as a real budget', () => {
    expect(kept({ budget: [0, 1_000_000] }).ids).toStrictEqual(['nantes', 'gironde']);
    expect(kept({ budget: [1, 1_000_000] }).ids).toStrictEqual(['gironde']);
    expect(kept({ budget: [1_000_000, 1_000_000] }).ids).toStrictEqual(['gironde']);
  });

  it('never matches an edition without a budget when the budget is constrained', () => {
    expect(kept({ years: [2023, 2023], budget: [0, Infinity] }).ids).toStrictEqual([]);
  });
});

describe('applyFilter: per inhabitant', () => {
  it('ranges over budget / population and sets aside unknown or zero populations', () => {
    // Rennes: 3.5 M / 220,000 ≈ 15.9, 4 M / 220,000 ≈ 18.2; Nantes: 0.
    expect(kept({ budget: [15, 16], budgetPer: 'inhabitant' })).toStrictEqual({
      ids: ['rennes'],
      figures: [3_500_000], // the figure stays in euros
      setAside: 2, // gironde (unknown), lisboa (0); empty has no population either
    });
  });

  it('counts as set aside only programmes that pass every other constraint', () => {
    expect(kept({ budgetPer: 'inhabitant' }).setAside).toBe(3); // gironde, lisboa, empty
    expect(kept({ budgetPer: 'inhabitant', years: [2019, 2019] }).setAside).toBe(1); // gironde
    expect(kept({ budgetPer: 'inhabitant', countries: ['PT'] }).setAside).toBe(1); // lisboa
  });

  it('keeps a budget of 0 per inhabitant in a range starting at 0', () => {
    expect(kept({ budget: [0, 0], budgetPer: 'inhabitant' }).ids).toStrictEqual(['nantes']);
  });

  it('sets nothing aside in total mode', () => {
    expect(kept({ budget: [0, Infinity], budgetPer: 'total' }).setAside).toBe(0);
  });
});

describe('applyFilter: level, place and text', () => {
  it('keeps the listed levels only; programmes without a level are left out', () => {
    expect(kept({ levels: ['department'] }).ids).toStrictEqual(['gironde']);
    expect(kept({ levels: ['commune', 'department'] }).ids).toStrictEqual([
      'rennes',
      'nantes',
      'gironde',
      'lisboa',
    ]);
  });

  it('matches countries and regions case- and accent-insensitively', () => {
    expect(kept({ countries: ['pt'] }).ids).toStrictEqual(['lisboa']);
    expect(kept({ regions: ['bretagne', 'PAYS DE LA LOIRE'] }).ids).toStrictEqual([
      'rennes',
      'nantes',
    ]);
    expect(kept({ regions: ['Nouvelle Aquitaine'] }).ids).toStrictEqual(['gironde']);
    expect(kept({ regions: ['Atlantis'] }).ids).toStrictEqual([]);
  });

  it('treats empty lists as no constraint', () => {
    expect(kept({ levels: [], countries: [], regions: [] }).ids).toHaveLength(5);
  });

  it('searches name and place, every word, ignoring case, accents and punctuation', () => {
    expect(kept({ q: 'saint etienne' }).ids).toStrictEqual(['empty']);
    expect(kept({ q: 'SAINT-ÉTIENNE' }).ids).toStrictEqual(['empty']);
    expect(kept({ q: 'loire' }).ids).toStrictEqual(['nantes', 'empty']); // place
    expect(kept({ q: 'loire nantes' }).ids).toStrictEqual(['nantes']);
    expect(kept({ q: 'departement gironde' }).ids).toStrictEqual(['gironde']);
    expect(kept({ q: 'rennes lisboa' }).ids).toStrictEqual([]);
    expect(kept({ q: '   ' }).ids).toHaveLength(5);
  });

  it('matches words anywhere in the text, not only at word starts', () => {
    expect(kept({ q: 'enne' }).ids).toStrictEqual(['rennes', 'empty']);
  });
});

describe('applyFilter: totals', () => {
  it('sums figures and populations of what it keeps', () => {
    expect(applyFilter(index, { years: [2018, 2023] }).totals).toStrictEqual({
      programmes: 4,
      budget: 4_000_000 + 0 + 1_000_000 + 2_500_000,
      budgetKnown: 4,
      population: 220_000 + 320_000 + 0,
      budgetPopulation: 220_000 + 320_000,
      populationBudget: 4_000_000 + 0,
    });
    expect(applyFilter(index, {}).totals).toStrictEqual({
      programmes: 5,
      budget: 7_500_000,
      budgetKnown: 4,
      population: 540_000,
      budgetPopulation: 540_000,
      populationBudget: 4_000_000 + 0,
    });
  });

  it('leaves unknown figures out of the budget sum', () => {
    expect(applyFilter(index, { years: [2023, 2023] }).totals).toStrictEqual({
      programmes: 1,
      budget: 0,
      budgetKnown: 0,
      population: 220_000,
      budgetPopulation: 0,
      populationBudget: 0,
    });
  });

  it('handles an empty feed', () => {
    const s = applyFilter(indexProgrammes([]), { years: [2020, 2020] });
    expect(s.indices).toStrictEqual(new Uint32Array(0));
    expect(s.totals.programmes).toBe(0);
  });
});

describe('matchingYears', () => {
  it('gives the years of the matching editions', () => {
    expect(matchingYears(index, 0, {})).toStrictEqual([2019, 2021, 2023]);
    expect(matchingYears(index, 0, { years: [2020, 2023] })).toStrictEqual([2021, 2023]);
    expect(matchingYears(index, 0, { budget: [0, 3_600_000] })).toStrictEqual([2019]);
  });
});

describe('yearHistogram', () => {
  it('counts programmes per year over the feed span, ignoring the year range', () => {
    expect(yearHistogram(index, { years: [2021, 2021] })).toStrictEqual([
      { year: 2018, count: 1 },
      { year: 2019, count: 2 },
      { year: 2020, count: 1 },
      { year: 2021, count: 1 },
      { year: 2022, count: 0 },
      { year: 2023, count: 1 },
    ]);
  });

  it('applies every other constraint, the budget per edition', () => {
    expect(
      yearHistogram(index, { budget: [1_000_000, 3_500_000], countries: ['FR'] }).map(
        (b) => b.count,
      ),
    ).toStrictEqual([0, 2, 0, 0, 0, 0]);
  });

  it('agrees with applyFilter on a one-year range', () => {
    const filter: Filter = { budget: [0, 4_000_000], levels: ['commune'] };
    for (const { year, count } of yearHistogram(index, filter)) {
      expect(applyFilter(index, { ...filter, years: [year, year] }).totals.programmes).toBe(count);
    }
  });

  it('is empty when no programme has an edition', () => {
    expect(yearHistogram(indexProgrammes([programme('x', [])]), {})).toStrictEqual([]);
  });
});

describe('parseFilterAttributes', () => {
  it('reads every attribute', () => {
    expect(
      parseFilterAttributes({
        years: '2018-2024',
        budget: '100000-5000000',
        'budget-per': 'inhabitant',
        level: 'commune, department',
        region: 'Bretagne,Pays de la Loire',
        country: 'FR',
        q: ' rennes ',
      }),
    ).toStrictEqual({
      filter: {
        years: [2018, 2024],
        budget: [100_000, 5_000_000],
        budgetPer: 'inhabitant',
        levels: ['commune', 'department'],
        regions: ['Bretagne', 'Pays de la Loire'],
        countries: ['FR'],
        q: 'rennes',
      },
      problems: [],
    });
  });

  it('reads one year and open budget ends', () => {
    expect(parseFilterAttributes({ years: '2020' }).filter).toStrictEqual({ years: [2020, 2020] });
    expect(parseFilterAttributes({ budget: '100000-' }).filter).toStrictEqual({
      budget: [100_000, Infinity],
    });
    expect(parseFilterAttributes({ budget: '-5000000' }).filter).toStrictEqual({
      budget: [0, 5_000_000],
    });
    expect(parseFilterAttributes({ budget: '2.5-10' }).filter).toStrictEqual({ budget: [2.5, 10] });
  });

  it('treats empty values as absent, without a problem', () => {
    expect(
      parseFilterAttributes({ years: '', budget: ' ', level: '', region: ',', q: '' }),
    ).toStrictEqual({ filter: {}, problems: [] });
  });

  it('ignores bad values, one clear problem each, never throwing', () => {
    expect(
      parseFilterAttributes({
        years: '2024-2018',
        budget: 'lots',
        'budget-per': 'capita',
        level: 'commune,city',
      }),
    ).toStrictEqual({
      filter: { levels: ['commune'] },
      problems: [
        'years="2024-2018" ignored: the first year is after the second.',
        'budget="lots" ignored: expected a range of amounts such as "100000-5000000", "100000-" or "-5000000".',
        'budget-per="capita" ignored: expected "total" or "inhabitant".',
        'level: "city" ignored: expected any of commune, intercommunality, department, region, other, comma-separated.',
      ],
    });
    expect(parseFilterAttributes({ years: 'since 2018' }).problems).toStrictEqual([
      'years="since 2018" ignored: expected a year ("2020") or a range of years ("2018-2024").',
    ]);
    expect(parseFilterAttributes({ budget: '-' }).problems).toHaveLength(1);
    expect(parseFilterAttributes({ budget: '5000000-100000' }).problems).toStrictEqual([
      'budget="5000000-100000" ignored: the minimum is above the maximum.',
    ]);
    expect(parseFilterAttributes({ budget: '100000' }).problems).toHaveLength(1);
  });
});

describe('filterToAttributes', () => {
  it('writes the canonical attributes', () => {
    expect(
      filterToAttributes({ years: [2020, 2020], budget: [100_000, Infinity], levels: [] }),
    ).toStrictEqual({ years: '2020', budget: '100000-' });
    expect(filterToAttributes({})).toStrictEqual({});
  });

  it.each<Filter>([
    {},
    { years: [2018, 2024] },
    { years: [2020, 2020] },
    { budget: [0, 5_000_000] },
    { budget: [100_000, Infinity] },
    { budget: [2.5, 10], budgetPer: 'inhabitant' },
    { budgetPer: 'total' },
    {
      years: [2014, 2025],
      budget: [1_000, 100_000_000],
      levels: ['commune', 'intercommunality', 'department', 'region', 'other'],
      countries: ['FR', 'PT'],
      regions: ['Bretagne', 'Pays de la Loire'],
      q: 'saint étienne',
    },
  ])('round-trips %j', (filter) => {
    const { filter: back, problems } = parseFilterAttributes(filterToAttributes(filter));
    expect(problems).toStrictEqual([]);
    expect(back).toStrictEqual(filter);
  });

  it('round-trips canonical attribute strings', () => {
    const attributes = { years: '2018-2024', budget: '100000-5000000', level: 'commune,region' };
    expect(filterToAttributes(parseFilterAttributes(attributes).filter)).toStrictEqual(attributes);
  });
});

describe('foldText', () => {
  it('folds case, accents, ligatures and punctuation', () => {
    expect(foldText("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(foldText('  ŒUVRE  Straße ')).toBe('oeuvre strasse');
  });

  it('gives plain ASCII text (its fast path) the same folding as any other text', () => {
    expect(foldText('  Budget Participatif -- Saint-Denis (93), 2024!  ')).toBe(
      'budget participatif saint denis 93 2024',
    );
    expect(foldText('A_B\tC~D')).toBe('a b c d'); // the tab is not printable ASCII: slow path
    // Every printable ASCII character, folded both ways: one result.
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    expect(foldText(ascii)).toBe(foldText(`${ascii}é`).replace(/ e$/, ''));
  });
});
