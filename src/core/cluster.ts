/**
 * Programmes grouped into clusters for a map view, with the sum of the figures they show.
 *
 * Built for filters that change all the time. A full supercluster index clusters every zoom level
 * from 16 down to 0 (17 passes over the points) before it can answer anything; a filter change
 * would pay all of it. Here each zoom level is its own one-pass supercluster index over the kept
 * points, built the first time that zoom is asked for and kept until the selection changes: a
 * filter change costs one pass for the zoom in view (about 1/15 of a full index), and zooming in
 * costs one pass per new level. Levels are clustered from the points themselves rather than from
 * the level below, so a cluster is always "the points within `radius` pixels of it" at that zoom.
 * Where a cluster splits ({@link PointClusters.expansionZoom}) is worked out on demand from its
 * own points.
 *
 * {@link PointClusters} works on flat arrays of coordinates and indices, so that it can run in a
 * worker (see cluster.worker.ts); {@link ProgrammeClusters} wraps it for programme objects.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { Programme } from './feed/model.js';
import { headlineBudget } from './figures.js';

/** Options of the cluster indexes; every field is optional. */
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

/**
 * Which programmes to cluster and the figure each sums: a filter's `Selection` fits. `figures[k]`
 * is the budget of programme `indices[k]`, NaN when unknown.
 */
export interface ClusterSelection {
  indices: ArrayLike<number>;
  figures: ArrayLike<number>;
}

/** One thing to draw, as {@link PointClusters} gives it: plain data, cheap to post from a worker. */
export type PointItem =
  | {
      kind: 'cluster';
      /** Cluster id for `getLeaves`, `expansionZoom` and `isStack`; valid until the next `select`. */
      id: number;
      /** [longitude, latitude] of the cluster's centre (the mean of its points' positions). */
      coordinates: [number, number];
      /** Number of points in the cluster. */
      count: number;
      /** Sum of the known figures of its points. */
      budget: number;
      /** How many figures `budget` sums: when below `count`, the sum is partial. */
      budgetCount: number;
    }
  | {
      kind: 'point';
      /** Index of the point in the coordinates given to `setPoints` (the feed's order). */
      index: number;
      /** [longitude, latitude], shifted by 360° when that puts it in the bbox. */
      coordinates: [number, number];
      /** The point's figure, when known. */
      budget?: number;
    };

/** One thing to draw in a view: a cluster of programmes, or a programme on its own. */
export type ClusterItem =
  | Extract<PointItem, { kind: 'cluster' }>
  | {
      kind: 'programme';
      /** Index of the programme in the array given to `load`. */
      index: number;
      programme: Programme;
      /** [longitude, latitude]: the programme's own, shifted by 360° when that puts it in the bbox. */
      coordinates: [number, number];
      /** The programme's figure under the selection (its headline budget without one), when known. */
      budget?: number;
    };

/** A point's properties: only what clustering needs, to keep 100,000 points small. */
interface PointProps {
  /** Index in the coordinates. */
  index: number;
  /** Figure; absent when unknown. */
  budget?: number;
}

/** What clusters accumulate. */
interface SumProps {
  budget: number;
  budgetCount: number;
}

type Level = Supercluster<PointProps, SumProps>;

/**
 * Clusters points given as flat coordinates, one zoom level at a time, with the sum of a figure
 * per point. DOM-free and transferable-friendly: the same class runs in the page or in a worker.
 *
 * @example
 * const clusters = new PointClusters();
 * clusters.setPoints(Float64Array.from(programmes.flatMap((p) => p.coordinates)));
 * clusters.select(selection.indices, selection.figures);
 * clusters.getClusters([-5.5, 41, 10, 51.5], 5);
 */
export class PointClusters {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<Required<ProgrammeClustersOptions>>;

  private coords: Float64Array = new Float64Array(0);
  /** One feature per point, made once per `setPoints`; a selection picks among them. */
  private all: PointFeature<PointProps>[] = [];
  private features: PointFeature<PointProps>[] = [];
  private levels = new Map<number, Level>();
  private expansions = new Map<number, number>();

  constructor(options: ProgrammeClustersOptions = {}) {
    this.options = {
      radius: options.radius ?? defaultOptions.radius,
      maxZoom: options.maxZoom ?? defaultOptions.maxZoom,
      minPoints: options.minPoints ?? defaultOptions.minPoints,
    };
  }

  /**
   * The positions of every point that may be selected, as `[lon0, lat0, lon1, lat1, …]`. Selects
   * none of them.
   */
  setPoints(coords: Float64Array): void {
    this.coords = coords;
    const n = coords.length >> 1;
    this.all = new Array<PointFeature<PointProps>>(n);
    for (let i = 0; i < n; i++) {
      this.all[i] = {
        type: 'Feature',
        properties: { index: i },
        geometry: { type: 'Point', coordinates: [coords[2 * i]!, coords[2 * i + 1]!] },
      };
    }
    this.select(new Uint32Array(0), new Float64Array(0));
  }

  /**
   * The points to cluster (indices into the coordinates) and the figure each sums (NaN when
   * unknown). Forgets every level built for the previous selection: cluster ids change.
   */
  select(indices: ArrayLike<number>, figures: ArrayLike<number>): void {
    // No allocation per point: a filter change on 100,000 programmes picks among ready features
    // and writes their figure (levels are rebuilt from these on demand, so nothing reads the old one).
    const features = new Array<PointFeature<PointProps>>(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const feature = this.all[indices[k]!];
      if (!feature) throw new RangeError(`No point at index ${indices[k]}.`);
      const figure = figures[k]!;
      feature.properties.budget = figure === figure ? figure : undefined;
      features[k] = feature;
    }
    this.features = features;
    this.levels.clear();
    this.expansions.clear();
  }

  /** How many points are selected. */
  get size(): number {
    return this.features.length;
  }

  /**
   * Clusters and lone points in a box at a zoom (floored, as supercluster does).
   *
   * The box may cross the antimeridian: west > east (`[170, -25, -170, -10]`) or east beyond 180
   * (`[170, -25, 190, -10]`, as MapLibre reports bounds over world copies). Longitudes come back in
   * the box's own frame (185 rather than -175 in that example), so that projecting them lands in
   * view.
   *
   * @param bbox `[west, south, east, north]` in degrees.
   */
  getClusters(bbox: [number, number, number, number], zoom: number): PointItem[] {
    if (this.features.length === 0) return [];
    const z = Math.max(0, Math.floor(zoom));
    const [west, , east] = bbox;
    const eastInFrame = east < west ? east + 360 : east;
    const inFrame = (lon: number): number => wrapInto(lon, west, eastInFrame);
    return this.level(Math.min(z, this.options.maxZoom))
      .getClusters(bbox, z)
      .map((f): PointItem => {
        const props = f.properties;
        // supercluster always writes two coordinates
        const [lon, lat] = f.geometry.coordinates as [number, number];
        if ('cluster' in props) {
          return {
            kind: 'cluster',
            id: props.cluster_id,
            coordinates: [inFrame(lon), lat],
            count: props.point_count,
            budget: props.budget,
            budgetCount: props.budgetCount,
          };
        }
        // The point's own coordinates, not supercluster's round trip through Mercator.
        const { index } = props;
        const item: PointItem = {
          kind: 'point',
          index,
          coordinates: [inFrame(this.coords[2 * index]!), this.coords[2 * index + 1]!],
        };
        if (props.budget !== undefined) item.budget = props.budget;
        return item;
      });
  }

  /**
   * The indices of a cluster's points, in supercluster's order.
   *
   * @param limit Most points to return; all of them by default.
   * @throws Error when no cluster of the current selection has this id.
   */
  getLeaves(clusterId: number, limit = Infinity): number[] {
    if (!(limit > 0)) return []; // supercluster reads 0 as its default of 10
    return this.levelOf(clusterId)
      .getLeaves(clusterId, limit)
      .map((f) => f.properties.index);
  }

  /**
   * The zoom at which a cluster's points no longer form one group, for "click to zoom";
   * `maxZoom + 1` when zooming cannot split it (see `isStack`).
   *
   * @throws Error when no cluster of the current selection has this id.
   */
  expansionZoom(clusterId: number): number {
    let zoom = this.expansions.get(clusterId);
    if (zoom !== undefined) return zoom;
    const from = this.zoomOf(clusterId);
    const leaves = this.levelOf(clusterId).getLeaves(clusterId, Infinity);
    zoom = this.options.maxZoom + 1;
    for (let z = from + 1; z <= this.options.maxZoom; z++) {
      if (this.createLevel(z).load(leaves).getClusters([-180, -90, 180, 90], z).length > 1) {
        zoom = z;
        break;
      }
    }
    this.expansions.set(clusterId, zoom);
    return zoom;
  }

  /**
   * Whether zooming cannot split a cluster, so the UI should list its points instead: they stand
   * at the same place, or within `radius` pixels of each other at `maxZoom` (a few dozen metres
   * at the defaults).
   *
   * @throws Error when no cluster of the current selection has this id.
   */
  isStack(clusterId: number): boolean {
    return this.expansionZoom(clusterId) > this.options.maxZoom;
  }

  /** The level of one zoom, built on first use. */
  private level(z: number): Level {
    let level = this.levels.get(z);
    if (!level) {
      level = this.createLevel(z).load(this.features);
      this.levels.set(z, level);
    }
    return level;
  }

  private createLevel(z: number): Level {
    return new Supercluster<PointProps, SumProps>({
      ...this.options,
      minZoom: z,
      maxZoom: z,
      map: (p) => ({ budget: p.budget ?? 0, budgetCount: p.budget === undefined ? 0 : 1 }),
      reduce: (sum, p) => {
        sum.budget += p.budget;
        sum.budgetCount += p.budgetCount;
      },
    });
  }

  /** The zoom a cluster id was made at: supercluster writes `zoom + 1` in its low 5 bits. */
  private zoomOf(clusterId: number): number {
    const n = this.features.length;
    const z = Number.isSafeInteger(clusterId) && clusterId >= n ? ((clusterId - n) % 32) - 1 : -1;
    if (!this.levels.has(z)) throw new Error('No cluster with the specified id.');
    return z;
  }

  private levelOf(clusterId: number): Level {
    return this.level(this.zoomOf(clusterId));
  }
}

/**
 * Clusters programmes for a map view and sums their figures, so that a cluster can say
 * "12 programmes, 4,3 M€" and whether that sum is partial. Synchronous, for Node and tests; the
 * map runs the same {@link PointClusters} in a worker.
 *
 * @example
 * const clusters = new ProgrammeClusters({ radius: 60 }).load(feed.programmes, selection);
 * for (const item of clusters.getClusters([-5.5, 41, 10, 51.5], 5)) {
 *   if (item.kind === 'cluster' && clusters.isStack(item.id)) list(clusters.getLeaves(item.id));
 * }
 */
export class ProgrammeClusters {
  /** The options in force, defaults filled in. */
  readonly options: Readonly<Required<ProgrammeClustersOptions>>;

  private programmes: readonly Programme[] = [];
  private points: PointClusters;

  constructor(options: ProgrammeClustersOptions = {}) {
    this.points = new PointClusters(options);
    this.options = this.points.options;
  }

  /**
   * Indexes programmes, replacing whatever was loaded before (cluster ids change). The array is
   * kept, not copied: do not mutate it afterwards. With a `selection`, only the programmes it
   * keeps are clustered and each sums its figure (the filter's); without, all of them, each with
   * its headline budget.
   */
  load(programmes: readonly Programme[], selection?: ClusterSelection): this {
    this.programmes = programmes;
    this.points.setPoints(coordinatesOf(programmes));
    if (selection) {
      this.points.select(selection.indices, selection.figures);
    } else {
      const indices = Uint32Array.from(programmes, (_, i) => i);
      const figures = Float64Array.from(programmes, (p) => headlineBudget(p) ?? NaN);
      this.points.select(indices, figures);
    }
    return this;
  }

  /** Clusters and lone programmes in a box at a zoom: see {@link PointClusters.getClusters}. */
  getClusters(bbox: [number, number, number, number], zoom: number): ClusterItem[] {
    return this.points.getClusters(bbox, zoom).map((item): ClusterItem => {
      if (item.kind === 'cluster') return item;
      const programme: ClusterItem = {
        kind: 'programme',
        index: item.index,
        programme: this.programmeAt(item.index),
        coordinates: item.coordinates,
      };
      if (item.budget !== undefined) programme.budget = item.budget;
      return programme;
    });
  }

  /**
   * The programmes of a cluster, in supercluster's order.
   *
   * @param limit Most programmes to return; all of them by default.
   * @throws Error when no cluster has this id.
   */
  getLeaves(clusterId: number, limit = Infinity): Programme[] {
    return this.points.getLeaves(clusterId, limit).map((i) => this.programmeAt(i));
  }

  /** See {@link PointClusters.expansionZoom}. */
  expansionZoom(clusterId: number): number {
    return this.points.expansionZoom(clusterId);
  }

  /** See {@link PointClusters.isStack}. */
  isStack(clusterId: number): boolean {
    return this.points.isStack(clusterId);
  }

  private programmeAt(index: number): Programme {
    const p = this.programmes[index];
    if (!p) throw new Error(`No programme at index ${index}.`);
    return p;
  }
}

/** `[lon0, lat0, lon1, lat1, …]` of programmes, for {@link PointClusters.setPoints}. */
export function coordinatesOf(programmes: readonly Programme[]): Float64Array {
  const coords = new Float64Array(programmes.length * 2);
  programmes.forEach((p, i) => {
    coords[2 * i] = p.coordinates[0];
    coords[2 * i + 1] = p.coordinates[1];
  });
  return coords;
}

/** `lon`, or `lon ± 360` when that one lies in `[west, east]` and `lon` does not. */
function wrapInto(lon: number, west: number, east: number): number {
  if (lon >= west && lon <= east) return lon;
  if (lon + 360 >= west && lon + 360 <= east) return lon + 360;
  if (lon - 360 >= west && lon - 360 <= east) return lon - 360;
  return lon;
}
