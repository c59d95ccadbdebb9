/**
 * Loads a feed for an element without blocking the page: the download, `JSON.parse` and the
 * checks of `loadFeed` run in a worker (src/core/feed/feed.worker.ts), one per load, ended as
 * soon as it answers. A 12,000-entry feed takes ~0.5 s of main-thread time when parsed on the
 * page (`npm run bench:cold`, docs/performance.md); here the page only receives the result.
 *
 * Where a worker cannot run (a CSP without `worker-src 'self'`, a worker file that does not load),
 * the same `loadFeed` runs on the page instead: slower, never broken.
 */
import type { ParseResult } from '../core/feed/model.js';
import type { FeedWorkerReply, FeedWorkerRequest } from '../core/feed/feed.worker.js';

/**
 * The feed at `url` (absolute), parsed. Resolves for every failure of the feed itself (see
 * `loadFeed`); rejects with `signal.reason` when `signal` aborts.
 */
export async function loadFeedOffThread(url: string, signal: AbortSignal): Promise<ParseResult> {
  const inWorker = await inAWorker(url, signal);
  if (inWorker) return inWorker;
  signal.throwIfAborted();
  const feed = await import('../core/feed/load.js');
  return feed.loadFeed(url, { signal });
}

/** The worker's answer, or `undefined` when no worker could do it (then the page does). */
function inAWorker(url: string, signal: AbortSignal): Promise<ParseResult | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../core/feed/feed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'pb-map feed',
    });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise<ParseResult | undefined>((resolve, reject) => {
    const end = (): void => {
      signal.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = (): void => {
      end();
      reject(signal.reason);
    };
    worker.onmessage = ({ data }: MessageEvent<FeedWorkerReply>) => {
      end();
      if ('result' in data) resolve(data.result);
      else reject(signal.reason);
    };
    // The worker's file did not load or run (blocked by a CSP, missing): do it on the page.
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      resolve(undefined);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    worker.postMessage({ url } satisfies FeedWorkerRequest);
  });
}
