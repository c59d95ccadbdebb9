/**
 * Facet counts: how many programmes each filter control leaves, for `<pb-filters>`. Pure and
 * DOM-free, one pass over the typed columns of a {@link FilterIndex}, with the rules of
 * docs/filters.md (those of `applyFilter`, which tests/unit/facets.test.ts checks against).
 */
import { LEVELS, anyYearIn, compile, type Filter, type FilterIndex, type Level } from './filter.js';

/** One value of a region or country facet. */
export interface FacetValue {
  /** The value as the feed first spells it ("Bretagne", "FR"): put it in the filter as is. */
  name: string;
  /** The folded value the filter compares (see `foldText`). */
  key: string;
  /** Programmes the filter keeps with this control set to this value alone. */
  count: number;
}

/** What {@link facetCounts} answers. */
export interface FacetCounts {
  /** Programmes in the feed. */
  total: number;
  /** Programmes the whole filter keeps (`applyFilter(index, filter).totals.programmes`). */
  kept: number;
  /** Programmes set aside in per-inhabitant mode (`Selection.setAside`). */
  setAside: number;
  /**
   * The levels some programme of the feed states, in {@link LEVELS} order, each with the count
   * the filter keeps with `levels: [level]`.
   */
  levels: { level: Level; count: number }[];
  /** Every region of the feed, sorted by name (French collation), with `regions: [name]` counts. */
  regions: FacetValue[];
  /** Every country of the feed, sorted by name, with `countries: [name]` counts. */
  countries: FacetValue[];
  /** Programmes kept without the year range (every other constraint applied). */
  withoutYears: number;
  /** Programmes kept without the budget range (`budgetPer` still applies: set-aside stays aside). */
  withoutBudget: number;
  /** Programmes kept without the text search. */
  withoutText: number;
}

/**
 * For each control, how many programmes it leaves: per level, region and country value, the count
 * the filter keeps with that control set to that one value and every other constraint applied
 * (classic facet counts); for the year range, budget range and text, the count kept without that
 * constraint, so that an interface can say "150 of 187".
 *
 * @example
 * const f = facetCounts(index, { years: [2020, 2024], levels: ['commune'] });
 * f.levels; // [{ level: 'commune', count: 120 }, { level: 'department', count: 9 }]
 * f.withoutYears; // communes kept whatever the years
 */
export function facetCounts(index: FilterIndex, filter: Filter): FacetCounts {
  const names = namesOf(index);
  const c = compile(index, filter);
  const { editionStart, editionYear, editionBudget, population, level, region, country } = index;
  const n = index.programmes.length;
  const levelCounts = new Uint32Array(LEVELS.length + 1);
  const regionCounts = new Uint32Array(index.regionCodes.size);
  const countryCounts = new Uint32Array(index.countryCodes.size);
  let kept = 0;
  let setAside = 0;
  let withoutYears = 0;
  let withoutBudget = 0;
  let withoutText = 0;
  const neither = !c.yearsOn && !c.budgetOn;

  for (let i = 0; i < n; i++) {
    // The rules on the programme itself; every count needs at least three of these four.
    const lv = level[i]!;
    const rg = region[i]!;
    const ct = country[i]!;
    const L = !c.levels || c.levels[lv] === 1;
    const C = !c.countries || c.countries[ct] === 1; // -1 reads undefined
    const R = !c.regions || c.regions[rg] === 1;
    let failed = (L ? 0 : 1) + (C ? 0 : 1) + (R ? 0 : 1);
    if (failed > 1) continue;
    const T = c.words.length === 0 || hasWords(index.search[i]!, c.words);
    if (!T) failed++;
    if (failed > 1) continue;

    const pop = population[i]!;
    const start = editionStart[i]!;
    const end = editionStart[i + 1]!;
    if (c.perInhabitant && !(pop > 0)) {
      // As applyFilter: set aside when the budget is all that could still keep it.
      if (failed === 0 && (neither || anyYearIn(editionYear, start, end, c.yearMin, c.yearMax))) {
        setAside++;
      }
      continue;
    }

    // The editions: years and budget together (E), years alone (Y), budget alone (B).
    let E = neither;
    let Y = !c.yearsOn;
    let B = !c.budgetOn;
    if (!(E && Y && B)) {
      for (let e = start; e < end; e++) {
        const year = editionYear[e]!;
        const inYears = year >= c.yearMin && year <= c.yearMax;
        let inBudget = true;
        if (c.budgetOn) {
          const b = editionBudget[e]!;
          const v = c.perInhabitant ? b / pop : b;
          inBudget = v >= c.budgetMin && v <= c.budgetMax; // NaN (no budget) fails
        }
        if (inYears) Y = true;
        if (inBudget) B = true;
        if (inYears && inBudget) E = true;
        if (E && Y && B) break;
      }
    }

    if (failed === 0) {
      if (E) kept++;
      if (B) withoutYears++;
      if (Y) withoutBudget++;
    }
    if (!E) continue;
    if (C && R && T && lv > 0) levelCounts[lv]!++;
    if (L && C && T && rg >= 0) regionCounts[rg]!++;
    if (L && R && T && ct >= 0) countryCounts[ct]!++;
    if (L && C && R) withoutText++;
  }

  return {
    total: n,
    kept,
    setAside,
    levels: names.levels.map((level) => ({
      level,
      count: levelCounts[LEVELS.indexOf(level) + 1]!,
    })),
    regions: names.regions.map(({ name, key, code }) => ({
      name,
      key,
      count: regionCounts[code]!,
    })),
    countries: names.countries.map(({ name, key, code }) => ({
      name,
      key,
      count: countryCounts[code]!,
    })),
    withoutYears,
    withoutBudget,
    withoutText,
  };
}

/** What does not depend on the filter: the values present in the feed, named and sorted. */
interface Names {
  levels: Level[];
  regions: { name: string; key: string; code: number }[];
  countries: { name: string; key: string; code: number }[];
}

const namesCache = new WeakMap<FilterIndex, Names>();
let collator: Intl.Collator | undefined;

function namesOf(index: FilterIndex): Names {
  let names = namesCache.get(index);
  if (names) return names;
  const present = new Uint8Array(LEVELS.length + 1);
  const regionNames: (string | undefined)[] = new Array(index.regionCodes.size);
  const countryNames: (string | undefined)[] = new Array(index.countryCodes.size);
  index.programmes.forEach((p, i) => {
    present[index.level[i]!] = 1;
    const rg = index.region[i]!;
    if (rg >= 0) regionNames[rg] ??= p.region;
    const ct = index.country[i]!;
    if (ct >= 0) countryNames[ct] ??= p.country;
  });
  collator ??= new Intl.Collator('fr');
  const sorted = (codes: ReadonlyMap<string, number>, spelled: (string | undefined)[]) =>
    Array.from(codes, ([key, code]) => ({ name: spelled[code] ?? key, key, code })).sort(
      (a, b) => collator!.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  names = {
    levels: LEVELS.filter((_, k) => present[k + 1] === 1),
    regions: sorted(index.regionCodes, regionNames),
    countries: sorted(index.countryCodes, countryNames),
  };
  namesCache.set(index, names);
  return names;
}

function hasWords(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}
