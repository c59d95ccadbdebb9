/**
 * What a programme weighs on the map, computed in one place so that filters, clusters, cards and
 * lists agree. Pure functions: no DOM, no Intl, no state.
 */
import type { Programme } from './feed/model.js';

/** The figures of one programme, from its editions and population. */
export interface ProgrammeFigures {
  /** Year of the first edition; absent when the programme has no edition. */
  firstYear?: number;
  /** Year of the most recent edition; absent when the programme has no edition. */
  lastYear?: number;
  /** The years of its editions, in increasing order. */
  years: number[];
  /**
   * Budget of the most recent edition that states one (0 included): the programme's headline
   * figure, summed in cluster badges. Absent when no edition states a budget.
   */
  latestBudget?: number;
  /** Year of the edition `latestBudget` comes from. */
  latestBudgetYear?: number;
  /** `latestBudget / population`, when both are known and the population is above 0. */
  perInhabitant?: number;
  /** Sum of the budgets of all editions; 0 when none states a budget. */
  totalBudget: number;
}

/**
 * The map's headline figure for a programme: its latest annual budget, that is the budget of the
 * most recent edition that states one. `undefined` when no edition does.
 *
 * Cheaper than {@link programmeFigures} (no allocation), for indexing thousands of programmes.
 */
export function headlineBudget(p: Programme): number | undefined {
  return p.editions[latestBudgetIndex(p)]?.budget;
}

/**
 * Computes the figures of a programme.
 *
 * @example
 * programmeFigures({ ...p, population: 1000, editions: [{ year: 2023, budget: 5000 }, { year: 2024 }] });
 * // → { firstYear: 2023, lastYear: 2024, years: [2023, 2024], latestBudget: 5000,
 * //     latestBudgetYear: 2023, perInhabitant: 5, totalBudget: 5000 }
 */
export function programmeFigures(p: Programme): ProgrammeFigures {
  // Editions are sorted by year, one per year (see Programme), so no sorting here.
  const years = p.editions.map((e) => e.year);
  const figures: ProgrammeFigures = { years, totalBudget: 0 };
  if (years.length > 0) {
    figures.firstYear = years[0];
    figures.lastYear = years[years.length - 1];
  }
  for (const e of p.editions) figures.totalBudget += e.budget ?? 0;

  const latest = p.editions[latestBudgetIndex(p)];
  if (latest?.budget !== undefined) {
    figures.latestBudget = latest.budget;
    figures.latestBudgetYear = latest.year;
    if (p.population !== undefined && p.population > 0) {
      figures.perInhabitant = latest.budget / p.population;
    }
  }
  return figures;
}

/** Index of the most recent edition that states a budget, -1 when none does. */
function latestBudgetIndex(p: Programme): number {
  for (let i = p.editions.length - 1; i >= 0; i--) {
    if (p.editions[i]?.budget !== undefined) return i;
  }
  return -1;
}
