/**
 * The rows of `<pb-list>`: which programmes of a selection are listed, in what order, and what
 * each row shows. Pure and DOM-free.
 *
 * Sorting 100,000 rows has to stay well under 100 ms, so nothing is compared as an object or a
 * string while sorting: every column is turned into one number per row (a {@link Float64Array},
 * NaN for unknown), names and places into their rank in collation order, computed once per feed
 * and locale; then an array of row positions is sorted on those numbers.
 */
import { matchingYears, type Filter, type FilterIndex, type Selection } from './filter.js';

/** The columns of the list, in display order. */
export type ListColumn = 'name' | 'place' | 'years' | 'budget' | 'perInhabitant';

/** Every column, in display order. */
export const LIST_COLUMNS: readonly ListColumn[] = [
  'name',
  'place',
  'years',
  'budget',
  'perInhabitant',
];

/** Which figures a feed states at all (see {@link statedFigures}). */
export interface StatedFigures {
  /** Some edition states a budget. */
  budget: boolean;
  /** Some edition states a budget of a programme with a population above 0. */
  perInhabitant: boolean;
}

const statedMemo = new WeakMap<FilterIndex, StatedFigures>();

/**
 * Which figures the indexed feed states at all, so that an interface can leave out a budget
 * control or column where no programme has a figure to show (a city's projects without
 * amounts). Computed once per index.
 */
export function statedFigures(index: FilterIndex): StatedFigures {
  let stated = statedMemo.get(index);
  if (!stated) {
    const { editionStart, editionBudget, population } = index;
    stated = { budget: false, perInhabitant: false };
    for (let i = 0; i < index.programmes.length && !stated.perInhabitant; i++) {
      for (let e = editionStart[i]!; e < editionStart[i + 1]!; e++) {
        if (editionBudget[e]! >= 0) {
          stated.budget = true;
          if (population[i]! > 0) stated.perInhabitant = true;
          break;
        }
      }
    }
    statedMemo.set(index, stated);
  }
  return stated;
}

/**
 * The columns worth showing for a feed: every one, less the budget and per-inhabitant columns
 * when no programme states the figure (they would hold only dashes).
 */
export function listColumns(index: FilterIndex): readonly ListColumn[] {
  const stated = statedFigures(index);
  return LIST_COLUMNS.filter(
    (column) =>
      (column !== 'budget' || stated.budget) &&
      (column !== 'perInhabitant' || stated.perInhabitant),
  );
}

/** The two ways a column sorts (the values of `aria-sort`). */
export type SortDirection = 'ascending' | 'descending';

/** Which column the list is sorted on, and which way. */
export interface ListSort {
  column: ListColumn;
  direction: SortDirection;
}

/** One row of the list: a kept programme and the figures it shows under the filter. */
export interface ListRow {
  /** Index of the programme in the feed. */
  index: number;
  id: string;
  name: string;
  place?: string;
  /** Years of its editions that match the filter, increasing (see `matchingYears`). */
  years: number[];
  /** Its figure under the filter (see `Selection.figures`); NaN when unknown. */
  budget: number;
  /** `budget / population`; NaN when either is unknown or the population is 0. */
  perInhabitant: number;
}

/**
 * The rank of each value in the collator's order, as a number per value: equal values (for the
 * collator) share a rank, `undefined` gets NaN. Sorting on ranks then sorts as the collator does.
 *
 * @example
 * collationRanks(['b', undefined, 'a', 'B'], new Intl.Collator('fr', { sensitivity: 'base' }));
 * // → Float64Array [1, NaN, 0, 1]
 */
export function collationRanks(
  values: readonly (string | undefined)[],
  collator: Intl.Collator,
): Float64Array {
  const n = values.length;
  const ranks = new Float64Array(n).fill(NaN);
  const known: number[] = [];
  for (let i = 0; i < n; i++) if (values[i] !== undefined) known.push(i);
  const compare = collator.compare;
  known.sort((a, b) => compare(values[a]!, values[b]!) || a - b);
  let rank = -1;
  let previous: string | undefined;
  for (const i of known) {
    const value = values[i]!;
    if (rank < 0 || compare(previous!, value) !== 0) rank++;
    ranks[i] = rank;
    previous = value;
  }
  return ranks;
}

/**
 * The key the years column sorts on, per position in the selection: its earliest matching year,
 * then its latest (`first * 10000 + last`); NaN when no edition matches (a programme with no
 * edition, kept when the filter has no year or budget range). The matching rule is
 * `matchingYears`' (docs/filters.md), applied in one pass over the index's columns.
 */
export function yearKeys(index: FilterIndex, selection: Selection, filter: Filter): Float64Array {
  const { editionStart, editionYear, editionBudget, population } = index;
  const [yearMin, yearMax] = filter.years ?? [-Infinity, Infinity];
  const budgetOn = filter.budget !== undefined;
  const [budgetMin, budgetMax] = filter.budget ?? [-Infinity, Infinity];
  const perInhabitant = filter.budgetPer === 'inhabitant';
  const indices = selection.indices;
  const keys = new Float64Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r]!;
    const pop = population[i]!;
    let first = NaN;
    let last = NaN;
    for (let e = editionStart[i]!, end = editionStart[i + 1]!; e < end; e++) {
      const year = editionYear[e]!;
      if (year < yearMin || year > yearMax) continue;
      if (budgetOn) {
        const b = editionBudget[e]!;
        const v = perInhabitant ? b / pop : b;
        if (!(v >= budgetMin && v <= budgetMax)) continue;
      }
      if (first !== first) first = year;
      last = year;
    }
    keys[r] = first * 10000 + last;
  }
  return keys;
}

/** Amount per inhabitant of each row of the selection: its figure / population; NaN when unknown or the population is not above 0. */
export function perInhabitantKeys(index: FilterIndex, selection: Selection): Float64Array {
  const { indices, figures } = selection;
  const keys = new Float64Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const pop = index.population[indices[r]!]!;
    keys[r] = pop > 0 ? figures[r]! / pop : NaN;
  }
  return keys;
}

/**
 * The amount per inhabitant of a whole selection: the sum of the figures of the programmes that
 * state both a figure and a population above 0, over the sum of those populations (the
 * selection's `populationBudget / budgetPopulation`); NaN when no programme does.
 */
export function selectionPerInhabitant(selection: Selection): number {
  const { populationBudget, budgetPopulation } = selection.totals;
  return budgetPopulation > 0 ? populationBudget / budgetPopulation : NaN;
}

/**
 * Where each of `subset` (feed indices, in feed order, all kept by the selection, as
 * `StoreState.inView`) stands in `selection.indices`. Indices the selection does not hold are
 * skipped. One merge walk: both are in feed order.
 */
export function positionsOf(selection: Selection, subset: Uint32Array): Uint32Array {
  const indices = selection.indices;
  const out = new Uint32Array(subset.length);
  let n = 0;
  let r = 0;
  for (const i of subset) {
    while (r < indices.length && indices[r]! < i) r++;
    if (r < indices.length && indices[r] === i) out[n++] = r;
  }
  return n === subset.length ? out : out.slice(0, n);
}

/** Positions `0 … n - 1`: every row of a selection of `n` programmes, in feed order. */
export function allPositions(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let r = 0; r < n; r++) out[r] = r;
  return out;
}

/**
 * `positions` sorted on `keys[position]`, into a new array: ascending or descending, unknown
 * keys (NaN) always last; ties, and the unknown keys, in the order of `positions` either way.
 */
export function sortPositions(
  keys: Float64Array,
  positions: Uint32Array,
  direction: SortDirection,
): Uint32Array {
  const out = new Uint32Array(positions.length);
  let known = 0;
  let unknown = positions.length;
  // Known keys from the front, unknown ones from the back (then turned back into position order).
  for (const p of positions) {
    if (keys[p] === keys[p]) out[known++] = p;
    else out[--unknown] = p;
  }
  const head = out.subarray(0, known);
  if (direction === 'ascending') head.sort((a, b) => keys[a]! - keys[b]! || a - b);
  else head.sort((a, b) => keys[b]! - keys[a]! || a - b);
  out.subarray(known).reverse();
  return out;
}

/** The rows at `order[from … to)`: what the list shows of those programmes. */
export function listRows(
  index: FilterIndex,
  selection: Selection,
  filter: Filter,
  order: Uint32Array,
  from: number,
  to: number,
): ListRow[] {
  const rows: ListRow[] = [];
  const end = Math.min(to, order.length);
  for (let k = Math.max(0, from); k < end; k++) {
    const r = order[k]!;
    const i = selection.indices[r]!;
    const p = index.programmes[i]!;
    const budget = selection.figures[r]!;
    const pop = index.population[i]!;
    const row: ListRow = {
      index: i,
      id: p.id,
      name: p.name,
      years: matchingYears(index, i, filter),
      budget,
      perInhabitant: pop > 0 ? budget / pop : NaN,
    };
    if (p.place !== undefined) row.place = p.place;
    rows.push(row);
  }
  return rows;
}

/**
 * The order of a list, remembered: sort keys are computed once per feed and locale (names and
 * places) or once per selection (the other columns), and the last order is kept, so that asking
 * again with the same inputs costs nothing. Inputs are compared by identity: the store gives a
 * new selection (and a new `inView`) on each change and keeps the old ones otherwise.
 *
 * @example
 * const list = new ListOrder();
 * const order = list.order(state.index, state.selection, state.filter, undefined, sort, 'fr');
 * const rows = listRows(state.index, state.selection, state.filter, order, 0, 100);
 */
export class ListOrder {
  private ranksOf?: {
    index: FilterIndex;
    locale: string;
    name?: Float64Array;
    place?: Float64Array;
  };
  private keysOf?: { selection: Selection; keys: Partial<Record<ListColumn, Float64Array>> };
  private last?: {
    index: FilterIndex;
    selection: Selection;
    subset: Uint32Array | undefined;
    column: ListColumn;
    direction: SortDirection;
    locale: string;
    order: Uint32Array;
  };

  /**
   * The positions in `selection` of the rows to list, in order: every row of the selection, or
   * only those of `subset` (feed indices in feed order, such as `StoreState.inView`).
   */
  order(
    index: FilterIndex,
    selection: Selection,
    filter: Filter,
    subset: Uint32Array | undefined,
    sort: ListSort,
    locale: string,
  ): Uint32Array {
    const last = this.last;
    if (
      last &&
      last.index === index &&
      last.selection === selection &&
      last.subset === subset &&
      last.column === sort.column &&
      last.direction === sort.direction &&
      last.locale === locale
    ) {
      return last.order;
    }
    const positions = subset
      ? positionsOf(selection, subset)
      : allPositions(selection.indices.length);
    const keys = this.keys(index, selection, filter, sort.column, locale);
    const order = sortPositions(keys, positions, sort.direction);
    this.last = { index, selection, subset, ...sort, locale, order };
    return order;
  }

  /** The sort keys of one column, per position in the selection. */
  keys(
    index: FilterIndex,
    selection: Selection,
    filter: Filter,
    column: ListColumn,
    locale: string,
  ): Float64Array {
    if (column === 'name' || column === 'place') {
      const selected = this.ranks(index, locale, column);
      const { indices } = selection;
      const keys = new Float64Array(indices.length);
      for (let r = 0; r < indices.length; r++) keys[r] = selected[indices[r]!]!;
      return keys;
    }
    if (this.keysOf?.selection !== selection) this.keysOf = { selection, keys: {} };
    const cache = this.keysOf.keys;
    return (cache[column] ??=
      column === 'years'
        ? yearKeys(index, selection, filter)
        : column === 'budget'
          ? selection.figures
          : perInhabitantKeys(index, selection));
  }

  /** Collation ranks of every programme's name or place in the feed, computed on first use. */
  private ranks(index: FilterIndex, locale: string, column: 'name' | 'place'): Float64Array {
    if (this.ranksOf?.index !== index || this.ranksOf.locale !== locale) {
      this.ranksOf = { index, locale };
    }
    const cache = this.ranksOf;
    return (cache[column] ??= collationRanks(
      index.programmes.map((p) => (column === 'name' ? p.name : p.place)),
      new Intl.Collator(locale, { numeric: true }),
    ));
  }
}
