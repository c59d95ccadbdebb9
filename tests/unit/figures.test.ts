import { describe, expect, it } from 'vitest';
import type { PbEdition, Programme } from '../../src/core/feed/model.js';
import { headlineBudget, programmeFigures } from '../../src/core/figures.js';

function programme(editions: PbEdition[], population?: number): Programme {
  const p: Programme = { id: 'fr-35238', name: 'Rennes', coordinates: [-1.68, 48.11], editions };
  if (population !== undefined) p.population = population;
  return p;
}

describe('programmeFigures', () => {
  it('gives no year and a zero total for a programme without editions', () => {
    expect(programmeFigures(programme([], 220_000))).toStrictEqual({ years: [], totalBudget: 0 });
    expect(headlineBudget(programme([]))).toBeUndefined();
  });

  it('gives the years but no budget when no edition states one', () => {
    const p = programme([{ year: 2019, voters: 1200 }, { year: 2021 }], 220_000);
    expect(programmeFigures(p)).toStrictEqual({
      firstYear: 2019,
      lastYear: 2021,
      years: [2019, 2021],
      totalBudget: 0,
    });
  });

  it('takes the latest edition that states a budget as the headline, per inhabitant from it', () => {
    const p = programme(
      [
        { year: 2022, budget: 3_000_000 },
        { year: 2023, budget: 3_500_000 },
        { year: 2024, voters: 15_000 },
      ],
      250_000,
    );
    expect(programmeFigures(p)).toStrictEqual({
      firstYear: 2022,
      lastYear: 2024,
      years: [2022, 2023, 2024],
      latestBudget: 3_500_000,
      latestBudgetYear: 2023,
      perInhabitant: 14,
      totalBudget: 6_500_000,
    });
    expect(headlineBudget(p)).toBe(3_500_000);
  });

  it('gives no amount per inhabitant when the population is unknown or 0', () => {
    const editions = [{ year: 2024, budget: 50_000 }];
    expect(programmeFigures(programme(editions)).perInhabitant).toBeUndefined();
    expect(programmeFigures(programme(editions, 0))).toStrictEqual({
      firstYear: 2024,
      lastYear: 2024,
      years: [2024],
      latestBudget: 50_000,
      latestBudgetYear: 2024,
      totalBudget: 50_000,
    });
  });

  it('counts a budget of 0 as stated: it is the headline, not an older one', () => {
    const p = programme(
      [
        { year: 2020, budget: 80_000 },
        { year: 2021, budget: 0 },
      ],
      4_000,
    );
    expect(programmeFigures(p)).toStrictEqual({
      firstYear: 2020,
      lastYear: 2021,
      years: [2020, 2021],
      latestBudget: 0,
      latestBudgetYear: 2021,
      perInhabitant: 0,
      totalBudget: 80_000,
    });
    expect(headlineBudget(p)).toBe(0);
  });
});
