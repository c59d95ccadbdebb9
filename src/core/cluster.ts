/**
 * Programmes grouped into clusters for a map view, with the sum of their headline budgets.
 * A thin layer over supercluster: it keeps only an index and a figure per point, and hands back
 * programmes rather than GeoJSON.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { Programme } from './feed/model.js';
import { headlineBudget } from './figures.js';

/** Options of {@link ProgrammeClusters}; every field is optional. */
export interface ProgrammeClustersOptions {
  /** Cluster radius, in CSS pixels (on 512-pixel tiles, as MapLibre draws them). @default 60 */
  radius?: number;
  /** Highest zoom at which programmes are still grouped; above it every programme stands alone. @default 16 */
  maxZoom?: number;
  /** Fewest programmes that make a cluster. @default 2 */
  minPoints?: number;
}

const defaultOptions: Required<ProgrammeClustersOptions> = {
  radius: 60,
  maxZoom: 16,
  minPoints: 2,
};

/** One thing to draw in a view: a cluster of programmes, or a programme on its own. */
export type ClusterItem =
  | {
      kind: 'cluster';
      /** Cluster id for {@link ProgrammeClusters.getLeaves}, `expansionZoom` and `isStack`; valid until the next `load`. */
      id: number;
      /** [longitude, latitude] of the cluster's centre (the mean of its programmes' positions). */
      coordinates: [number, number];
      /** Number of programmes in the cluster. */
      count: number;
      /** Sum of the headline budgets (latest annual budget) of the programmes that state one. */
      budget: number;
      /** How many programmes `budget` sums: when below `count`, the sum is partial. */
      budgetCount: number;
      /** Zoom at which the cluster splits; `maxZoom + 1` when zooming cannot split it (see `isStack`). */
      expansionZoom: number;
    }
  | {
      kind: 'programme';
      /** Index of the programme in the array given to `load`. */
      index: number;
      programme: Programme;
      /** [longitude, latitude]: the programme's own, shifted by 360° when that puts it in the bbox. */
      coordinates: [number, number];
      /** The programme's headline budget (latest annual budget), when it states one. */
      budget?: number;
    };

/**
 * Which programmes to cluster and the figure each sums: a filter's `Selection` fits. `figures[k]`
 * is the budget of programme `indices[k]`, NaN when unknown.
 */
export interface ClusterSelection {
  indices: ArrayLike<number>;
  figures: ArrayLike<number>;
}

/** A point's properties: only what clustering needs, to keep 100,000 points small. */
interface PointProps {
  /** Index in the loaded array. */
  index: number;
  /** Headline budget; absent when unknown. */
  budget?: number;
}

/** What clusters accumulate. */
interface SumProps {
  budget: number;
  budgetCount: number;
}

/**
 * Clusters programmes for a map view and sums their headline budgets, so that a cluster can say
 * "12 programmes, 4,3 M€" and whether that sum is partial.
 *
 * @example
 * const clusters = new ProgrammeClusters({ radius: 60 }).load(feed.programmes);
 * for (const item of clusters.getClusters([-5.5, 41, 10, 51.5], 5)) {
 *   if (item.kind === 'cluster' && clusters.isStack(item.id)) list(clusters.getLeaves(item.id));
 * }
 */
export class ProgrammeClusters {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<Required<ProgrammeClustersOptions>>;

  private programmes: readonly Programme[] = [];
  private index: Supercluster<PointProps, SumProps>;

  constructor(options: ProgrammeClustersOptions = {}) {
    this.options = {
      radius: options.radius ?? defaultOptions.radius,
      maxZoom: options.maxZoom ?? defaultOptions.maxZoom,
      minPoints: options.minPoints ?? defaultOptions.minPoints,
    };
    this.index = this.createIndex().load([]);
  }

  /**
   * Indexes programmes, replacing whatever was loaded before (cluster ids change). The array is
   * kept, not copied: do not mutate it afterwards. With a `selection`, only the programmes it
   * keeps are clustered and each sums its figure (the filter's); without, all of them, each with
   * its headline budget.
   */
  load(programmes: readonly Programme[], selection?: ClusterSelection): this {
    this.programmes = programmes;
    const points: PointFeature<PointProps>[] = [];
    const count = selection ? selection.indices.length : programmes.length;
    for (let k = 0; k < count; k++) {
      const index = selection ? selection.indices[k]! : k;
      const p = this.programmeAt(index);
      const figure = selection ? selection.figures[k]! : headlineBudget(p);
      const budget = figure === undefined || Number.isNaN(figure) ? undefined : figure;
      points.push({
        type: 'Feature',
        properties: budget === undefined ? { index } : { index, budget },
        geometry: { type: 'Point', coordinates: p.coordinates },
      });
    }
    this.index = this.createIndex().load(points);
    return this;
  }

  /**
   * Clusters and lone programmes in a box at a zoom (floored, as supercluster does).
   *
   * The box may cross the antimeridian: west > east (`[170, -25, -170, -10]`) or east beyond 180
   * (`[170, -25, 190, -10]`, as MapLibre reports bounds over world copies) are both queried as two
   * boxes by supercluster. Longitudes come back in the box's own frame (185 rather than -175 in
   * that example), so that projecting them lands in view.
   *
   * @param bbox `[west, south, east, north]` in degrees.
   */
  getClusters(bbox: [number, number, number, number], zoom: number): ClusterItem[] {
    const [west, , east] = bbox;
    const eastInFrame = east < west ? east + 360 : east;
    const inFrame = (lon: number): number => wrapInto(lon, west, eastInFrame);

    return this.index.getClusters(bbox, zoom).map((f): ClusterItem => {
      const props = f.properties;
      if ('cluster' in props) {
        // supercluster always writes two coordinates
        const [lon, lat] = f.geometry.coordinates as [number, number];
        return {
          kind: 'cluster',
          id: props.cluster_id,
          coordinates: [inFrame(lon), lat],
          count: props.point_count,
          budget: props.budget,
          budgetCount: props.budgetCount,
          expansionZoom: this.expansionZoom(props.cluster_id),
        };
      }
      const programme = this.programmeAt(props.index);
      const [lon, lat] = programme.coordinates;
      const item: ClusterItem = {
        kind: 'programme',
        index: props.index,
        programme,
        coordinates: [inFrame(lon), lat],
      };
      if (props.budget !== undefined) item.budget = props.budget;
      return item;
    });
  }

  /**
   * The programmes of a cluster, in supercluster's order.
   *
   * @param limit Most programmes to return; all of them by default.
   * @throws Error when no cluster has this id.
   */
  getLeaves(clusterId: number, limit = Infinity): Programme[] {
    if (!(limit > 0)) return []; // supercluster reads 0 as its default of 10
    return this.index.getLeaves(clusterId, limit).map((f) => this.programmeAt(f.properties.index));
  }

  /**
   * The zoom at which a cluster splits into several, for "click to zoom"; `maxZoom + 1` when
   * zooming cannot split it.
   *
   * @throws Error when no cluster has this id.
   */
  expansionZoom(clusterId: number): number {
    return Math.min(this.index.getClusterExpansionZoom(clusterId), this.options.maxZoom + 1);
  }

  /**
   * Whether zooming cannot split a cluster, so the UI should list its programmes instead: they
   * stand at the same place, or within `radius` pixels of each other at `maxZoom` (a few dozen
   * metres at the defaults).
   *
   * @throws Error when no cluster has this id.
   */
  isStack(clusterId: number): boolean {
    // Programmes at identical coordinates are never apart at any zoom, so their cluster lasts
    // up to maxZoom and its expansion zoom is maxZoom + 1: this one test covers both cases.
    return this.expansionZoom(clusterId) > this.options.maxZoom;
  }

  private createIndex(): Supercluster<PointProps, SumProps> {
    return new Supercluster<PointProps, SumProps>({
      ...this.options,
      map: (p) => ({ budget: p.budget ?? 0, budgetCount: p.budget === undefined ? 0 : 1 }),
      reduce: (sum, p) => {
        sum.budget += p.budget;
        sum.budgetCount += p.budgetCount;
      },
    });
  }

  private programmeAt(index: number): Programme {
    const p = this.programmes[index];
    if (!p) throw new Error(`No programme at index ${index}.`);
    return p;
  }
}

/** `lon`, or `lon ± 360` when that one lies in `[west, east]` and `lon` does not. */
function wrapInto(lon: number, west: number, east: number): number {
  if (lon >= west && lon <= east) return lon;
  if (lon + 360 >= west && lon + 360 <= east) return lon + 360;
  if (lon - 360 >= west && lon - 360 <= east) return lon - 360;
  return lon;
}
