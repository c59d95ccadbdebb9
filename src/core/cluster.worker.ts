/**
 * The clustering worker: runs {@link PointClusters} off the page's main thread, so that
 * re-clustering 100,000 programmes after a filter change never blocks scrolling or typing.
 * Started by `src/map/cluster-engine.ts` from its own file (a strict CSP needs only
 * `worker-src 'self'`). Messages are described by {@link ClusterRequest} and {@link ClusterReply}.
 */
import { PointClusters } from './cluster.js';
import type { ClusterReply, ClusterRequest } from './cluster-protocol.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null;
  postMessage(message: ClusterReply): void;
};

let clusters = new PointClusters();

scope.onmessage = ({ data: request }) => {
  if (request.type === 'points') {
    clusters = new PointClusters(request.options);
    clusters.setPoints(request.coords);
    return;
  }
  try {
    switch (request.type) {
      case 'update':
        if (request.selection)
          clusters.select(request.selection.indices, request.selection.figures);
        scope.postMessage({
          seq: request.seq,
          ok: true,
          value: clusters.getClusters(request.bbox, request.zoom),
        });
        break;
      case 'leaves':
        scope.postMessage({ seq: request.seq, ok: true, value: clusters.getLeaves(request.id) });
        break;
      case 'hello':
        scope.postMessage({ seq: request.seq, ok: true, value: 0 });
        break;
      case 'expansion':
        scope.postMessage({
          seq: request.seq,
          ok: true,
          value: clusters.expansionZoom(request.id),
        });
        break;
    }
  } catch (error) {
    scope.postMessage({
      seq: request.seq,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
};
