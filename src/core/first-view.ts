/**
 * Where a map first looks, and what it first shows: the box of a selection's main group, and the
 * clusters of the view that frames it. `<pb-map>` frames each new feed this way (through its
 * clustering worker); the feed worker also works the whole first view out as soon as it has read
 * the feed ({@link firstView}), so that the page draws it the moment the feed arrives instead of
 * asking the clustering worker for it afterwards. DOM-free.
 */
import { StaticCamera, framePadding, viewBox, type Size } from './camera.js';
import { PointClusters, type PointItem } from './cluster.js';
import type { Filter, Selection } from './filter.js';

/** The highest zoom the first view frames a selection at (a single programme, a small town). */
export const FRAME_MAX_ZOOM = 11;

/** The whole world, to cluster at zoom 2 when looking for the main group. */
export const WORLD: [number, number, number, number] = [-180, -90, 180, 90];

/** At zoom 2, the cluster that holds three quarters of the points, if one does: the main group. */
export function mainCluster(
  groups: readonly PointItem[],
): Extract<PointItem, { kind: 'cluster' }> | undefined {
  const total = groups.reduce((n, g) => n + (g.kind === 'cluster' ? g.count : 1), 0);
  const main = groups.find((g) => g.kind === 'cluster' && g.count >= total * 0.75);
  return main?.kind === 'cluster' ? main : undefined;
}

/**
 * The box `[west, south, east, north]` a map frames a selection in, from its clusters at zoom 2
 * and the points of its main group (`mainLeaves`, when {@link mainCluster} found one): those
 * points; else the points that stand alone at zoom 2; else, when there are none, every one of
 * the `count` points. `positionOf(i)` is point i's `[longitude, latitude]`.
 */
export function frameBox(
  groups: readonly PointItem[],
  mainLeaves: readonly number[] | undefined,
  positionOf: (i: number) => readonly [number, number],
  count: number,
): [number, number, number, number] {
  let indices: readonly number[] =
    mainLeaves ?? groups.flatMap((g) => (g.kind === 'point' ? [g.index] : []));
  if (indices.length === 0) indices = Array.from({ length: count }, (_, i) => i);
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const i of indices) {
    const [lon, lat] = positionOf(i);
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [w, s, e, n];
}

/** What the first view depends on besides the feed: the filter in force, and the map's size. */
export interface FirstViewRequest {
  filter: Filter;
  width: number;
  height: number;
}

/** The first view of a selection in a map of `size`, and its clusters. */
export interface FirstView {
  center: [number, number];
  zoom: number;
  items: PointItem[];
}

/**
 * The view `<pb-map>` frames a selection in (its main group, see {@link mainCluster}) and the
 * clusters of that view, as its clustering worker would give them: same options, same ids.
 * Undefined for an empty selection or a map with no size.
 */
export function firstView(
  coords: Float64Array,
  selection: Pick<Selection, 'indices' | 'figures'>,
  size: Size,
): FirstView | undefined {
  if (selection.indices.length === 0 || !(size.clientWidth > 0 && size.clientHeight > 0)) {
    return undefined;
  }
  const clusters = new PointClusters();
  clusters.setPoints(coords);
  clusters.select(selection.indices, selection.figures);
  const groups = clusters.getClusters(WORLD, 2);
  const main = mainCluster(groups);
  const [w, s, e, n] = frameBox(
    groups,
    main && clusters.getLeaves(main.id),
    (i) => [coords[2 * i]!, coords[2 * i + 1]!],
    coords.length >> 1,
  );
  const camera = new StaticCamera(size, [0, 0], 0);
  camera.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding: framePadding(size), maxZoom: FRAME_MAX_ZOOM },
  );
  const { bbox, zoom } = viewBox(camera);
  const center = camera.getCenter();
  return {
    center: [center.lng, center.lat],
    zoom: camera.getZoom(),
    items: clusters.getClusters(bbox, zoom),
  };
}
