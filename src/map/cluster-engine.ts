/**
 * The map's side of clustering: asks the clustering worker (src/core/cluster.worker.ts) for the
 * clusters of a view, newest request first. While one update is being computed, later ones wait
 * in a single slot, each replacing the one before: dragging a slider sends many filters, the
 * worker computes the ones it has time for, and the last one is never skipped.
 *
 * Where workers are unavailable (very old browsers, a CSP without `worker-src 'self'`, a worker
 * file that does not load), the same {@link PointClusters} runs on the page instead: slower on
 * 100,000 programmes, never broken.
 */
import { PointClusters, type PointItem } from '../core/cluster.js';
import type { ClusterReply, ClusterRequest } from '../core/cluster-protocol.js';
import type { Selection } from '../core/filter.js';

export { coordinatesOf } from '../core/cluster.js';

/** A view to cluster: `[west, south, east, north]` in degrees, and a zoom. */
export interface ClusterView {
  bbox: [number, number, number, number];
  zoom: number;
}

/** The points to cluster and the figure each sums (NaN when unknown): a filter's selection. */
export type EngineSelection = Pick<Selection, 'indices' | 'figures'>;

interface Pending {
  view: ClusterView;
  selection?: EngineSelection;
  resolve(items: PointItem[] | undefined): void;
  reject(error: Error): void;
}

/**
 * Clusters for a map, computed in a worker when one can be started.
 *
 * @example
 * const engine = new ClusterEngine();
 * engine.setPoints(coordinatesOf(feed.programmes));
 * const items = await engine.update({ bbox, zoom }, selection); // undefined when superseded
 * engine.destroy();
 */
export class ClusterEngine {
  private worker?: Worker;
  private local?: PointClusters;
  private seq = 0;
  private calls = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  private inFlight?: Pending;
  private queued?: Pending;
  /** What the worker was given, to replay on the page if the worker fails to start. */
  private points?: Float64Array;
  private lastSelection?: EngineSelection;
  private answered = false;

  /**
   * Whether workers run on this page: true once the worker answers, false when it cannot start
   * (then MapLibre's own worker, from the same origin under the same policy, cannot either).
   */
  readonly workers: Promise<boolean>;
  private workersKnown?: (running: boolean) => void;

  constructor() {
    this.workers = new Promise((resolve) => (this.workersKnown = resolve));
    try {
      this.worker = new Worker(new URL('../core/cluster.worker.ts', import.meta.url), {
        type: 'module',
        name: 'pb-map clusters',
      });
      this.worker.addEventListener('message', this.onMessage);
      this.worker.addEventListener('error', this.onWorkerError);
      this.call({ type: 'hello', seq: 0 }).catch(() => {});
    } catch {
      this.local = new PointClusters();
      this.workersKnown?.(false);
    }
  }

  /** Whether no update is being computed or waiting. */
  get idle(): boolean {
    return !this.inFlight && !this.queued;
  }

  /** Every point's position, `[lon0, lat0, lon1, lat1, …]`, once per feed; selects none. */
  setPoints(coords: Float64Array): void {
    // Kept only to replay on the page if the worker cannot start; not once it has answered.
    if (!this.answered) this.points = coords;
    this.lastSelection = undefined;
    if (this.local) this.local.setPoints(coords);
    else this.post({ type: 'points', coords });
  }

  /**
   * The clusters of a view, after selecting new points when `selection` is given. Resolves with
   * `undefined` when a later update replaced this one before it was computed (its selection is
   * then carried by the later one).
   */
  update(view: ClusterView, selection?: EngineSelection): Promise<PointItem[] | undefined> {
    return new Promise((resolve, reject) => {
      const previous = this.queued;
      this.queued = {
        view,
        selection: selection ?? previous?.selection,
        resolve,
        reject,
      };
      previous?.resolve(undefined);
      if (!this.inFlight) this.next();
    });
  }

  /** The point indices of a cluster of the current selection. */
  getLeaves(id: number): Promise<number[]> {
    if (this.local) return settle(() => this.local!.getLeaves(id));
    return this.call({ type: 'leaves', seq: 0, id }) as Promise<number[]>;
  }

  /** The zoom at which a cluster of the current selection splits (`maxZoom + 1`: never). */
  expansionZoom(id: number): Promise<number> {
    if (this.local) return settle(() => this.local!.expansionZoom(id));
    return this.call({ type: 'expansion', seq: 0, id }) as Promise<number>;
  }

  /** Stops the worker; pending updates resolve with `undefined`. */
  destroy(): void {
    this.workersKnown?.(false);
    this.worker?.removeEventListener('message', this.onMessage);
    this.worker?.removeEventListener('error', this.onWorkerError);
    this.worker?.terminate();
    this.worker = undefined;
    this.local = undefined;
    this.inFlight?.resolve(undefined);
    this.queued?.resolve(undefined);
    this.inFlight = this.queued = undefined;
    for (const call of this.calls.values()) call.reject(new Error('Clusters destroyed.'));
    this.calls.clear();
  }

  private next(): void {
    const job = this.queued;
    this.queued = undefined;
    this.inFlight = job;
    if (!job) return;
    if (job.selection && !this.answered) this.lastSelection = job.selection;
    const done = (items: PointItem[] | undefined) => {
      if (this.inFlight !== job) return;
      this.inFlight = undefined;
      job.resolve(items);
      this.next();
    };
    const failed = (error: Error) => {
      if (this.inFlight !== job) return;
      this.inFlight = undefined;
      job.reject(error);
      this.next();
    };
    if (this.local) {
      settle(() => {
        if (job.selection) this.local!.select(job.selection.indices, job.selection.figures);
        return this.local!.getClusters(job.view.bbox, job.view.zoom);
      }).then(done, failed);
      return;
    }
    this.call({
      type: 'update',
      seq: 0,
      bbox: job.view.bbox,
      zoom: job.view.zoom,
      ...(job.selection ? { selection: job.selection } : {}),
    }).then((items) => done(items as PointItem[]), failed);
  }

  private call(request: Exclude<ClusterRequest, { type: 'points' }>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const seq = ++this.seq;
      this.calls.set(seq, { resolve, reject });
      this.post({ ...request, seq });
    });
  }

  private post(request: ClusterRequest): void {
    this.worker?.postMessage(request);
  }

  private onMessage = ({ data }: MessageEvent<ClusterReply>): void => {
    if (!this.answered) {
      this.answered = true;
      this.points = this.lastSelection = undefined; // no replay needed any more
    }
    this.workersKnown?.(true);
    const call = this.calls.get(data.seq);
    if (!call) return;
    this.calls.delete(data.seq);
    if (data.ok) call.resolve(data.value);
    else call.reject(new Error(data.error));
  };

  /** The worker could not start (blocked or missing file): cluster on the page from now on. */
  private onWorkerError = (event: ErrorEvent): void => {
    if (this.answered) {
      console.error('pb-map: clustering worker error', event.message);
      return;
    }
    event.preventDefault();
    this.workersKnown?.(false);
    console.warn('pb-map: the clustering worker could not start; clustering on the page instead.');
    this.worker?.removeEventListener('message', this.onMessage);
    this.worker?.removeEventListener('error', this.onWorkerError);
    this.worker?.terminate();
    this.worker = undefined;
    this.local = new PointClusters();
    if (this.points) this.local.setPoints(this.points);
    if (this.lastSelection) {
      this.local.select(this.lastSelection.indices, this.lastSelection.figures);
    }
    const calls = [...this.calls.values()];
    this.calls.clear();
    for (const call of calls) call.reject(new Error('Clustering worker failed to start.'));
    // Replay the update that was waiting on the worker.
    const job = this.inFlight;
    if (job) {
      this.inFlight = undefined;
      this.queued ??= job;
      if (this.queued !== job) job.resolve(undefined);
      this.next();
    }
  };
}

/** A synchronous computation as a promise, so both paths answer alike. */
function settle<T>(compute: () => T): Promise<T> {
  try {
    return Promise.resolve(compute());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
