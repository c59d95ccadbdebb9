/**
 * The filter: which programmes a reader keeps, and the figure each one shows under it. Pure and
 * DOM-free; the rules are written down in docs/filters.md and pinned by tests/unit/filter.test.ts.
 *
 * Filtering is done in two steps, so that dragging a slider costs one pass over typed arrays:
 * {@link indexProgrammes} once per feed (folded search text, editions flattened into columns),
 * then {@link applyFilter} per filter change.
 */
import type { Level, Programme } from './feed/model.js';

export type { Level };

/** Every level, in the feed schema's order. */
export const LEVELS: readonly Level[] = [
  'commune',
  'intercommunality',
  'department',
  'region',
  'other',
];

/** What a reader narrows the programmes to. Every field is optional: absent means no constraint. */
export interface Filter {
  /** Inclusive range of edition years, `[from, to]`; `[2020, 2020]` for one year. */
  years?: [number, number];
  /**
   * Inclusive range of an edition's budget, `[min, max]`, in the feed's currency (per inhabitant
   * when `budgetPer` is `'inhabitant'`); `Infinity` as `max` for an open end.
   */
  budget?: [number, number];
  /** What `budget` ranges over. @default 'total' */
  budgetPer?: 'total' | 'inhabitant';
  /** Levels to keep; an empty list is no constraint. */
  levels?: Level[];
  /** Countries (ISO 3166-1 alpha-2, any case) to keep; an empty list is no constraint. */
  countries?: string[];
  /** Regions to keep, compared case- and accent-insensitively; an empty list is no constraint. */
  regions?: string[];
  /** Text search on name and place: every word must appear, case- and accent-insensitively. */
  q?: string;
}

/**
 * The names of the filter attributes (presets) of `<pb-map>` and `<pb-atlas>`, which are also the
 * keys of `url-state` and the parameters of embed.html.
 */
export const FILTER_ATTRIBUTES = [
  'years',
  'budget',
  'budget-per',
  'level',
  'region',
  'country',
  'q',
] as const;

/** One filter attribute's name. */
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];

/** The filter attributes of `<pb-map>`, as strings (absent attributes left out). */
export type FilterAttributes = Partial<Record<FilterAttribute, string>>;

/** What {@link applyFilter} keeps. */
export interface Selection {
  /** Indices of the kept programmes in the feed, in feed order. */
  indices: Uint32Array;
  /**
   * The figure of each kept programme (same order as `indices`): the budget, in the feed's
   * currency, of its latest matching edition that states one; NaN when none does.
   */
  figures: Float64Array;
  /** Programmes left out in per-inhabitant mode because their population is unknown or 0. */
  setAside: number;
  totals: {
    /** Kept programmes (`indices.length`). */
    programmes: number;
    /** Sum of the known figures. */
    budget: number;
    /** How many figures are known (not NaN): when below `programmes`, `budget` is partial. */
    budgetKnown: number;
    /** Sum of the populations of the kept programmes that state one. */
    population: number;
    /** Sum of the populations (above 0) of the kept programmes with a known figure. */
    budgetPopulation: number;
    /**
     * Sum of the known figures of the kept programmes that state a population above 0:
     * `populationBudget / budgetPopulation` is the selection's amount per inhabitant (a programme
     * whose budget or population is unknown weighs on neither side).
     */
    populationBudget: number;
  };
}

/** A feed prepared for fast filtering by {@link indexProgrammes}. Treat as opaque and read-only. */
export interface FilterIndex {
  /** The programmes indexed (kept, not copied). */
  readonly programmes: readonly Programme[];
  /** Editions of programme `i` are at `[editionStart[i], editionStart[i + 1])` in the columns below. */
  readonly editionStart: Uint32Array;
  readonly editionYear: Float64Array;
  /** NaN when the edition states no budget. */
  readonly editionBudget: Float64Array;
  /** NaN when unknown. */
  readonly population: Float64Array;
  /** 1 + index in {@link LEVELS}; 0 when unknown. */
  readonly level: Uint8Array;
  /** Code of the folded country, -1 when unknown; codes are the values of `countryCodes`. */
  readonly country: Int32Array;
  readonly countryCodes: ReadonlyMap<string, number>;
  /** Code of the folded region, -1 when unknown. */
  readonly region: Int32Array;
  readonly regionCodes: ReadonlyMap<string, number>;
  /** Folded `name + ' ' + place` of each programme (see {@link foldText}). */
  readonly search: readonly string[];
  /** Earliest and latest edition year in the feed; NaN when no programme has an edition. */
  readonly firstYear: number;
  readonly lastYear: number;
}

/**
 * Prepares programmes for {@link applyFilter} and {@link yearHistogram}: one pass, done once per
 * feed. The array is kept, not copied: do not mutate it afterwards.
 */
export function indexProgrammes(programmes: readonly Programme[]): FilterIndex {
  const n = programmes.length;
  let editions = 0;
  for (const p of programmes) editions += p.editions.length;

  const editionStart = new Uint32Array(n + 1);
  const editionYear = new Float64Array(editions);
  const editionBudget = new Float64Array(editions);
  const population = new Float64Array(n);
  const level = new Uint8Array(n);
  const country = new Int32Array(n);
  const region = new Int32Array(n);
  const countryCodes = new Map<string, number>();
  const regionCodes = new Map<string, number>();
  const search: string[] = new Array<string>(n);
  let firstYear = Infinity;
  let lastYear = -Infinity;

  let e = 0;
  for (let i = 0; i < n; i++) {
    const p = programmes[i]!;
    editionStart[i] = e;
    for (const edition of p.editions) {
      editionYear[e] = edition.year;
      editionBudget[e] = edition.budget ?? NaN;
      if (edition.year < firstYear) firstYear = edition.year;
      if (edition.year > lastYear) lastYear = edition.year;
      e++;
    }
    population[i] = p.population ?? NaN;
    level[i] = p.level === undefined ? 0 : LEVELS.indexOf(p.level) + 1;
    country[i] = code(countryCodes, p.country);
    region[i] = code(regionCodes, p.region);
    search[i] = foldText(p.place === undefined ? p.name : `${p.name} ${p.place}`);
  }
  editionStart[n] = e;

  const noEdition = firstYear > lastYear;
  return {
    programmes,
    editionStart,
    editionYear,
    editionBudget,
    population,
    level,
    country,
    countryCodes,
    region,
    regionCodes,
    search,
    firstYear: noEdition ? NaN : firstYear,
    lastYear: noEdition ? NaN : lastYear,
  };
}

/**
 * The programmes a filter keeps, in feed order, with the figure each shows and the totals a
 * summary needs. One pass over the index, allocation-free per programme.
 *
 * @example
 * const index = indexProgrammes(feed.programmes);
 * const { indices, figures, totals } = applyFilter(index, { years: [2020, 2024], budget: [1e5, 5e6] });
 */
export function applyFilter(index: FilterIndex, filter: Filter): Selection {
  const n = index.programmes.length;
  const c = compile(index, filter);
  const { editionStart, editionYear, editionBudget, population } = index;
  const indices = new Uint32Array(n);
  const figures = new Float64Array(n);
  let kept = 0;
  let setAside = 0;
  let budget = 0;
  let budgetKnown = 0;
  let populationSum = 0;
  let budgetPopulation = 0;
  let populationBudget = 0;

  for (let i = 0; i < n; i++) {
    if (!passesProgramme(index, c, i)) continue;
    const pop = population[i]!;
    const start = editionStart[i]!;
    const end = editionStart[i + 1]!;
    if (c.perInhabitant && !(pop > 0)) {
      // Set aside when the budget is all that could still keep it: kept by the rest in total mode.
      const unconstrained = !c.yearsOn && !c.budgetOn;
      if (unconstrained || anyYearIn(editionYear, start, end, c.yearMin, c.yearMax)) setAside++;
      continue;
    }
    // Latest first: the first matching edition that states a budget gives the figure.
    let matched = !c.yearsOn && !c.budgetOn;
    let figure = NaN;
    for (let e = end - 1; e >= start; e--) {
      const year = editionYear[e]!;
      if (year > c.yearMax) continue;
      if (year < c.yearMin) break;
      const b = editionBudget[e]!;
      if (c.budgetOn) {
        const v = c.perInhabitant ? b / pop : b;
        if (!(v >= c.budgetMin && v <= c.budgetMax)) continue; // NaN (no budget) fails too
      }
      matched = true;
      if (b === b) {
        figure = b;
        break;
      }
    }
    if (!matched) continue;
    indices[kept] = i;
    figures[kept] = figure;
    kept++;
    if (pop === pop) populationSum += pop;
    if (figure === figure) {
      budget += figure;
      budgetKnown++;
      if (pop > 0) {
        budgetPopulation += pop;
        populationBudget += figure;
      }
    }
  }

  return {
    indices: indices.slice(0, kept),
    figures: figures.slice(0, kept),
    setAside,
    totals: {
      programmes: kept,
      budget,
      budgetKnown,
      population: populationSum,
      budgetPopulation,
      populationBudget,
    },
  };
}

/**
 * Programmes per year kept by every constraint of the filter except the year range: for each
 * year `y` of the feed's span, how many programmes `{ ...filter, years: [y, y] }` keeps. For the
 * histogram under the year slider. Empty when the feed has no edition.
 */
export function yearHistogram(
  index: FilterIndex,
  filter: Filter,
): { year: number; count: number }[] {
  if (!(index.firstYear <= index.lastYear)) return [];
  const c = compile(index, { ...filter, years: undefined });
  const { editionStart, editionYear, editionBudget, population } = index;
  const counts = new Uint32Array(index.lastYear - index.firstYear + 1);
  for (let i = 0, n = index.programmes.length; i < n; i++) {
    if (!passesProgramme(index, c, i)) continue;
    const pop = population[i]!;
    if (c.perInhabitant && !(pop > 0)) continue;
    for (let e = editionStart[i]!, end = editionStart[i + 1]!; e < end; e++) {
      if (c.budgetOn) {
        const b = editionBudget[e]!;
        const v = c.perInhabitant ? b / pop : b;
        if (!(v >= c.budgetMin && v <= c.budgetMax)) continue;
      }
      counts[editionYear[e]! - index.firstYear]!++; // one edition per year: no double count
    }
  }
  return Array.from(counts, (count, k) => ({ year: index.firstYear + k, count }));
}

/**
 * The years of the editions of programme `i` that match the filter's year and budget ranges, in
 * increasing order: every edition year when neither is set. Only the edition rules are applied:
 * call it for programmes the filter keeps.
 */
export function matchingYears(index: FilterIndex, i: number, filter: Filter): number[] {
  const c = compile(index, filter);
  const pop = index.population[i]!;
  const years: number[] = [];
  for (let e = index.editionStart[i]!, end = index.editionStart[i + 1]!; e < end; e++) {
    const year = index.editionYear[e]!;
    if (year < c.yearMin || year > c.yearMax) continue;
    if (c.budgetOn) {
      const b = index.editionBudget[e]!;
      const v = c.perInhabitant ? b / pop : b;
      if (!(v >= c.budgetMin && v <= c.budgetMax)) continue;
    }
    years.push(year);
  }
  return years;
}

/**
 * Reads the filter attributes of `<pb-map>`. Never throws: a bad value is left out (no
 * constraint) and described in `problems`, one message per attribute. Empty values are absent.
 *
 * @example
 * parseFilterAttributes({ years: '2018-2024', budget: '100000-', level: 'commune' });
 * // → { filter: { years: [2018, 2024], budget: [100000, Infinity], levels: ['commune'] }, problems: [] }
 */
export function parseFilterAttributes(attributes: FilterAttributes): {
  filter: Filter;
  problems: string[];
} {
  const filter: Filter = {};
  const problems: string[] = [];
  const { years, budget, q } = attributes;
  const budgetPer = attributes['budget-per'];

  if (years !== undefined && years.trim() !== '') {
    const m = /^\s*(\d{1,4})\s*(?:-\s*(\d{1,4})\s*)?$/.exec(years);
    const from = Number(m?.[1]);
    const to = m?.[2] === undefined ? from : Number(m[2]);
    if (!m) {
      problems.push(
        `years="${years}" ignored: expected a year ("2020") or a range of years ("2018-2024").`,
      );
    } else if (from > to) {
      problems.push(`years="${years}" ignored: the first year is after the second.`);
    } else {
      filter.years = [from, to];
    }
  }

  if (budget !== undefined && budget.trim() !== '') {
    const num = String.raw`(\d+(?:\.\d+)?(?:e\+?\d+)?)`;
    const m = new RegExp(String.raw`^\s*${num}?\s*-\s*${num}?\s*$`, 'i').exec(budget);
    const min = m?.[1] === undefined ? 0 : Number(m[1]);
    const max = m?.[2] === undefined ? Infinity : Number(m[2]);
    if (!m || (m[1] === undefined && m[2] === undefined)) {
      problems.push(
        `budget="${budget}" ignored: expected a range of amounts such as "100000-5000000", "100000-" or "-5000000".`,
      );
    } else if (min > max) {
      problems.push(`budget="${budget}" ignored: the minimum is above the maximum.`);
    } else {
      filter.budget = [min, max];
    }
  }

  if (budgetPer !== undefined && budgetPer.trim() !== '') {
    const value = budgetPer.trim();
    if (value === 'total' || value === 'inhabitant') filter.budgetPer = value;
    else problems.push(`budget-per="${budgetPer}" ignored: expected "total" or "inhabitant".`);
  }

  const levels: Level[] = [];
  const unknown: string[] = [];
  for (const item of list(attributes.level)) {
    const level = LEVELS.find((l) => l === item.toLowerCase());
    if (level === undefined) unknown.push(item);
    else if (!levels.includes(level)) levels.push(level);
  }
  if (unknown.length > 0) {
    problems.push(
      `level: ${unknown.map((u) => `"${u}"`).join(', ')} ignored: expected any of ${LEVELS.join(', ')}, comma-separated.`,
    );
  }
  if (levels.length > 0) filter.levels = levels;

  const countries = list(attributes.country);
  if (countries.length > 0) filter.countries = countries;
  const regions = list(attributes.region);
  if (regions.length > 0) filter.regions = regions;
  if (q !== undefined && q.trim() !== '') filter.q = q.trim();

  return { filter, problems };
}

/**
 * The attributes that {@link parseFilterAttributes} reads back as the same filter (unconstrained
 * fields left out): `years="2020"` for a one-year range, `budget="100000-"` for an open end.
 */
export function filterToAttributes(filter: Filter): FilterAttributes {
  const attributes: FilterAttributes = {};
  if (filter.years) {
    const [from, to] = filter.years;
    attributes.years = from === to ? String(from) : `${from}-${to}`;
  }
  if (filter.budget) {
    const [min, max] = filter.budget;
    attributes.budget = `${min}-${max === Infinity ? '' : String(max)}`;
  }
  if (filter.budgetPer) attributes['budget-per'] = filter.budgetPer;
  if (filter.levels?.length) attributes.level = filter.levels.join(',');
  if (filter.regions?.length) attributes.region = filter.regions.join(',');
  if (filter.countries?.length) attributes.country = filter.countries.join(',');
  if (filter.q?.trim()) attributes.q = filter.q.trim();
  return attributes;
}

/**
 * Text as search compares it: decomposed (NFD) with diacritics dropped, lower case, ligatures
 * spelled out, every run of other characters than letters and digits turned into one space.
 *
 * @example
 * foldText("L'Haÿ-les-Roses"); // → 'l hay les roses'
 */
export function foldText(text: string): string {
  // Plain ASCII (most names): the same result without Unicode normalisation, several times faster.
  if (/^[\x20-\x7e]*$/.test(text)) {
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  }
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A filter turned into what the loops read. For the core's own loops (facets.ts), not the public API. */
export interface Compiled {
  yearsOn: boolean;
  yearMin: number;
  yearMax: number;
  budgetOn: boolean;
  budgetMin: number;
  budgetMax: number;
  perInhabitant: boolean;
  /** Indexed by `FilterIndex.level`; undefined when not constrained. */
  levels?: Uint8Array;
  /** Indexed by country code; undefined when not constrained. */
  countries?: Uint8Array;
  regions?: Uint8Array;
  /** Folded words of the text search; empty when not constrained. */
  words: string[];
}

/** Compiles a filter against an index. For the core's own loops (facets.ts). */
export function compile(index: FilterIndex, filter: Filter): Compiled {
  const c: Compiled = {
    yearsOn: filter.years !== undefined,
    yearMin: filter.years?.[0] ?? -Infinity,
    yearMax: filter.years?.[1] ?? Infinity,
    budgetOn: filter.budget !== undefined,
    budgetMin: filter.budget?.[0] ?? -Infinity,
    budgetMax: filter.budget?.[1] ?? Infinity,
    perInhabitant: filter.budgetPer === 'inhabitant',
    words: filter.q === undefined ? [] : foldText(filter.q).split(' ').filter(Boolean),
  };
  if (filter.levels?.length) {
    c.levels = new Uint8Array(LEVELS.length + 1);
    for (const level of filter.levels) c.levels[LEVELS.indexOf(level) + 1] = 1;
  }
  if (filter.countries?.length) c.countries = mask(index.countryCodes, filter.countries);
  if (filter.regions?.length) c.regions = mask(index.regionCodes, filter.regions);
  return c;
}

/** Level, country, region and text: the rules on the programme itself, not its editions. */
function passesProgramme(index: FilterIndex, c: Compiled, i: number): boolean {
  if (c.levels && c.levels[index.level[i]!] !== 1) return false;
  if (c.countries && c.countries[index.country[i]!] !== 1) return false; // -1 reads undefined
  if (c.regions && c.regions[index.region[i]!] !== 1) return false;
  if (c.words.length > 0) {
    const text = index.search[i]!;
    for (const word of c.words) if (!text.includes(word)) return false;
  }
  return true;
}

/** Whether an edition in `[start, end)` lies in `[min, max]`. For the core's own loops. */
export function anyYearIn(
  years: Float64Array,
  start: number,
  end: number,
  min: number,
  max: number,
) {
  for (let e = start; e < end; e++) if (years[e]! >= min && years[e]! <= max) return true;
  return false;
}

/** The code of a folded key, added to `codes` when new; -1 for no value. */
function code(codes: Map<string, number>, value: string | undefined): number {
  if (value === undefined) return -1;
  const key = foldText(value);
  let k = codes.get(key);
  if (k === undefined) codes.set(key, (k = codes.size));
  return k;
}

/** A 0/1 mask over codes: 1 for the codes of `values`. */
function mask(codes: ReadonlyMap<string, number>, values: readonly string[]): Uint8Array {
  const m = new Uint8Array(codes.size);
  for (const value of values) {
    const k = codes.get(foldText(value));
    if (k !== undefined) m[k] = 1;
  }
  return m;
}

/** Comma-separated items, trimmed, empty ones dropped. */
function list(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
