/**
 * Loads a feed for an element without blocking the page: the download, `JSON.parse`, the checks
 * of `loadFeed` and the filter index run in a worker (src/core/feed/feed.worker.ts), one per
 * load, ended as soon as it answers. The page only receives the programmes, in slices of a
 * thousand (many short tasks rather than one long one), and the index's columns, transferred.
 * Measured in docs/performance.md (`npm run bench:cold`).
 *
 * Where a worker cannot run (a CSP without `worker-src 'self'`, a worker file that does not load),
 * the same `loadFeed` runs on the page instead: slower, never broken.
 */
import type { FilterIndex } from '../core/filter.js';
import type { FirstView, FirstViewRequest } from '../core/first-view.js';
import type { ParseResult, Programme } from '../core/feed/model.js';
import type { FeedWorkerReply, FeedWorkerRequest } from '../core/feed/feed.worker.js';

/** A loaded feed, and its filter index when the worker made it (else the store makes it). */
export interface LoadedFeed {
  result: ParseResult;
  index?: FilterIndex;
  /** The first view, worked out by the worker when `first` was asked for (see first-view.ts). */
  first?: FirstView;
}

/**
 * The limits of every load (`LoadFeedOptions`: 15 s, 50 MB unless set here). Not public: the fault
 * tests (tests/browser/faults.test.ts) shorten the timeout so as not to wait 15 s.
 */
export const feedLimits: { timeoutMs?: number; maxBytes?: number } = {};

/**
 * The feed at `url` (absolute), parsed; with `first`, also its first view in those conditions
 * (only from the worker: undefined on the page's fallback). Resolves for every failure of the
 * feed itself (see `loadFeed`); rejects with `signal.reason` when `signal` aborts.
 */
export async function loadFeedOffThread(
  url: string,
  signal: AbortSignal,
  first?: FirstViewRequest,
): Promise<LoadedFeed> {
  const inWorker = await inAWorker(url, signal, first);
  if (inWorker) return inWorker;
  signal.throwIfAborted();
  const feed = await import('../core/feed/load.js');
  return { result: await feed.loadFeed(url, { ...feedLimits, signal }) };
}

/** The worker's answer, or `undefined` when no worker could do it (then the page does). */
function inAWorker(
  url: string,
  signal: AbortSignal,
  first?: FirstViewRequest,
): Promise<LoadedFeed | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../core/feed/feed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'pb-map feed',
    });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise<LoadedFeed | undefined>((resolve, reject) => {
    const programmes: Programme[] = [];
    const end = (): void => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      end();
      reject(signal.reason);
    };
    worker.onmessage = ({ data }: MessageEvent<FeedWorkerReply>) => {
      if ('slice' in data) {
        for (const programme of data.slice) programmes.push(programme);
        return;
      }
      end();
      if ('aborted' in data) return reject(signal.reason);
      const { result, index, first: view } = data;
      if (!result.ok) return resolve({ result });
      const feed = { ...result.feed, programmes };
      resolve({
        result: { ...result, feed },
        index: index && { ...index, programmes },
        first: view,
      });
    };
    // The worker's file did not load or run (blocked by a CSP, missing): do it on the page.
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      resolve(undefined);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ ...feedLimits, url, first } satisfies FeedWorkerRequest);
  });
}
