/**
 * The feed worker: downloads, parses and checks a feed off the page's main thread (`loadFeed`),
 * so that a large feed never freezes the page while it loads. Started for one load by
 * `src/store/feed-loader.ts` from its own file (a strict CSP needs only `worker-src 'self'`).
 *
 * In:  `{ url, timeoutMs?, maxBytes? }` once, then possibly `{ abort: true }`.
 * Out: `{ result }` (a `ParseResult`), or `{ aborted: true }`.
 */
import { loadFeed } from './load.js';
import type { ParseResult } from './model.js';

/** What the page sends. */
export type FeedWorkerRequest =
  { url: string; timeoutMs?: number; maxBytes?: number } | { abort: true };
/** What the worker answers. */
export type FeedWorkerReply = { result: ParseResult } | { aborted: true };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FeedWorkerRequest>) => void) | null;
  postMessage(message: FeedWorkerReply): void;
};

const controller = new AbortController();

scope.onmessage = ({ data }) => {
  if ('abort' in data) {
    controller.abort();
    return;
  }
  const { url, timeoutMs, maxBytes } = data;
  loadFeed(url, { signal: controller.signal, timeoutMs, maxBytes }).then(
    (result) => scope.postMessage({ result }),
    () => scope.postMessage({ aborted: true }),
  );
};
