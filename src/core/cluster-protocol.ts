/** The messages between the page and the clustering worker (cluster.worker.ts). */
import type { PointItem, ProgrammeClustersOptions } from './cluster.js';
import type { Selection } from './filter.js';

/** What the page asks the worker. */
export type ClusterRequest =
  /** Every point's position, once per feed: `[lon0, lat0, lon1, lat1, …]`. Selects none. */
  | { type: 'points'; coords: Float64Array; options?: ProgrammeClustersOptions }
  /** Clusters in a view, after selecting new points when `selection` is given. */
  | {
      type: 'update';
      seq: number;
      selection?: Pick<Selection, 'indices' | 'figures'>;
      bbox: [number, number, number, number];
      zoom: number;
    }
  /** The point indices of a cluster. */
  | { type: 'leaves'; seq: number; id: number }
  /** The zoom at which a cluster splits. */
  | { type: 'expansion'; seq: number; id: number }
  /** Nothing: answered with `0`, to learn that the worker runs. */
  | { type: 'hello'; seq: number };

/** The worker's answer to the request with the same `seq`. */
export type ClusterReply =
  | { seq: number; ok: true; value: PointItem[] | number[] | number }
  | { seq: number; ok: false; error: string };
