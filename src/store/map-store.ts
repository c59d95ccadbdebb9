/**
 * One map's shared selection: the feed, the filter, what the filter keeps, and the map's view.
 * `<pb-map>` owns one; `<pb-filters>`, `<pb-list>` and `<pb-summary>` that name the map with
 * `for` follow it. There is no global state: two maps on a page have two stores.
 *
 * Data flows one way: feed → filter → selection → the elements draw it. Elements change the store
 * only through {@link MapStore.setFilter} and (for the map) {@link MapStore.setView}.
 */
import type { Feed } from '../core/feed/model.js';
import {
  applyFilter,
  indexProgrammes,
  type Filter,
  type FilterIndex,
  type Selection,
} from '../core/filter.js';

/** The part of the world the map shows. */
export interface MapView {
  /** [longitude, latitude] of the centre. */
  center: [number, number];
  zoom: number;
  /** [west, south, east, north] in degrees; east may exceed 180 when the view crosses the antimeridian. */
  bounds: [number, number, number, number];
}

/** Who made a change: a person (through an element), or the page's script / the element itself. */
export type ChangeOrigin = 'user' | 'script';

/** What changed in a notification. */
export type StoreChange = 'feed' | 'filter' | 'selection' | 'view';

/** Everything the elements draw from. Read-only: change it through the store's methods. */
export interface StoreState {
  /** The loaded feed; undefined while loading, on error, or with no `src`. */
  readonly feed?: Feed;
  /** The feed prepared for filtering (see `indexProgrammes`). */
  readonly index?: FilterIndex;
  /** The filter in force (also when no feed is loaded yet). */
  readonly filter: Filter;
  /** What the filter keeps of the feed; undefined without a feed. */
  readonly selection?: Selection;
  /** The map's view, once the map is shown. */
  readonly view?: MapView;
  /**
   * Feed indices of the kept programmes that stand inside the view, in feed order; undefined
   * until both a selection and a view exist.
   */
  readonly inView?: Uint32Array;
}

/** Called after each change, with what changed and who changed it. */
export type StoreListener = (
  state: StoreState,
  changes: ReadonlySet<StoreChange>,
  origin: ChangeOrigin,
) => void;

/**
 * The selection shared by a map and the elements that follow it.
 *
 * @example
 * const off = map.store.subscribe((state, changes) => {
 *   if (changes.has('selection')) console.log(state.selection?.totals.programmes);
 * });
 * map.store.setFilter({ years: [2018, 2024] }, 'user');
 */
export class MapStore {
  private current: StoreState = stateOf({ filter: {} });
  private listeners = new Set<StoreListener>();

  /**
   * @param onFollowed called when something that shows the store's data subscribes (a list,
   *   figures, filters, a page's own script): the map then loads its feed even out of view.
   */
  constructor(private readonly onFollowed?: () => void) {}

  /** The current state; a new object after each change. */
  get state(): StoreState {
    return this.current;
  }

  /**
   * Calls `listener` after every change, and once at once with the current state (changes
   * empty). Returns the function that stops it. A map out of view loads its feed once something
   * subscribes, unless `follows` is false (the map's own parts pass false: they show nothing
   * until it is in view).
   */
  subscribe(listener: StoreListener, follows = true): () => void {
    if (follows) this.onFollowed?.();
    this.listeners.add(listener);
    listener(this.current, new Set(), 'script');
    return () => this.listeners.delete(listener);
  }

  /**
   * A new feed (or none): indexes it (unless given its index, made off the page by the feed
   * worker) and applies the current filter to it.
   */
  setFeed(feed: Feed | undefined, prepared?: FilterIndex): void {
    const { filter, view } = this.current;
    if (!feed) {
      this.commit(stateOf({ filter, view }), ['feed', 'selection'], 'script');
      return;
    }
    const index =
      prepared?.programmes === feed.programmes ? prepared : indexProgrammes(feed.programmes);
    const selection = applyFilter(index, filter);
    this.commit(stateOf({ feed, index, filter, selection, view }), ['feed', 'selection'], 'script');
  }

  /** Replaces the filter (a whole filter, not a patch) and recomputes the selection. */
  setFilter(filter: Filter, origin: ChangeOrigin = 'script'): void {
    const { feed, index, view } = this.current;
    const selection = index ? applyFilter(index, filter) : undefined;
    this.commit(stateOf({ feed, index, filter, selection, view }), ['filter', 'selection'], origin);
  }

  /** The map moved (called by `<pb-map>`). */
  setView(view: MapView, origin: ChangeOrigin = 'script'): void {
    const { feed, index, filter, selection } = this.current;
    this.commit(stateOf({ feed, index, filter, selection, view }), ['view'], origin);
  }

  private commit(next: StoreState, changes: StoreChange[], origin: ChangeOrigin): void {
    this.current = next;
    const set = new Set(changes);
    for (const listener of [...this.listeners]) listener(next, set, origin);
  }
}

/**
 * A state whose `inView` is worked out the first time it is read: a filter change on 100,000
 * programmes does not pay for it unless something (a list following the view) asks.
 */
function stateOf(fields: Omit<StoreState, 'inView'>): StoreState {
  let inView: Uint32Array | undefined;
  let known = false;
  const state = { ...fields } as StoreState;
  Object.defineProperty(state, 'inView', {
    enumerable: true,
    get(): Uint32Array | undefined {
      if (!known) {
        known = true;
        const { feed, selection, view } = fields;
        if (feed && selection && view) {
          inView = programmesInBounds(feed, selection.indices, view.bounds);
        }
      }
      return inView;
    },
  });
  return state;
}

/**
 * The indices (among `indices`) of the programmes inside `bounds`, in the same order. The box may
 * cross the antimeridian (`east` beyond 180, or `west` above `east`).
 */
export function programmesInBounds(
  feed: Feed,
  indices: Uint32Array,
  bounds: [number, number, number, number],
): Uint32Array {
  const [west, south, east0, north] = bounds;
  const east = east0 < west ? east0 + 360 : east0;
  const out = new Uint32Array(indices.length);
  let n = 0;
  for (const i of indices) {
    const [lon, lat] = feed.programmes[i]!.coordinates;
    if (lat < south || lat > north) continue;
    if (
      (lon >= west && lon <= east) ||
      (lon + 360 >= west && lon + 360 <= east) ||
      (lon - 360 >= west && lon - 360 <= east)
    ) {
      out[n++] = i;
    }
  }
  return out.slice(0, n);
}
