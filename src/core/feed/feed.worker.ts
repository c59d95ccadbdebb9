/**
 * The feed worker: downloads, parses and checks a feed off the page's main thread (`loadFeed`),
 * then prepares it for filtering (`indexProgrammes`), so that a large feed never freezes the page
 * while it loads. Started for one load by `src/store/feed-loader.ts` from its own file (a strict
 * CSP needs only `worker-src 'self'`).
 *
 * In:  `{ url, timeoutMs?, maxBytes? }` once, then possibly `{ abort: true }`.
 * Out: the programmes in slices (`{ slice }`, in feed order), then `{ result, index }` with the
 *      feed's programmes left empty for the page to fill from the slices; or `{ aborted: true }`.
 *      Each slice is a message of its own, so the page reads a 100,000-entry feed in many short
 *      tasks instead of one long one, and the index's columns are transferred, not copied.
 */
import { indexProgrammes, type FilterIndex } from '../filter.js';
import { loadFeed } from './load.js';
import type { ParseResult, Programme } from './model.js';

/** What the page sends. */
export type FeedWorkerRequest =
  { url: string; timeoutMs?: number; maxBytes?: number } | { abort: true };

/** The filter index without its programmes (the page puts its own copy back). */
export type SentIndex = Omit<FilterIndex, 'programmes'>;

/** What the worker answers. */
export type FeedWorkerReply =
  { slice: Programme[] } | { result: ParseResult; index?: SentIndex } | { aborted: true };

/** Programmes per message: each takes the page a few milliseconds to read. */
export const SLICE = 1000;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FeedWorkerRequest>) => void) | null;
  postMessage(message: FeedWorkerReply, transfer?: Transferable[]): void;
};

const controller = new AbortController();

scope.onmessage = ({ data }) => {
  if ('abort' in data) {
    controller.abort();
    return;
  }
  const { url, timeoutMs, maxBytes } = data;
  loadFeed(url, { signal: controller.signal, timeoutMs, maxBytes }).then(
    (result) => {
      if (!result.ok) {
        scope.postMessage({ result });
        return;
      }
      const { programmes } = result.feed;
      // The slices first: the page reads them while this worker builds the index.
      for (let i = 0; i < programmes.length; i += SLICE) {
        scope.postMessage({ slice: programmes.slice(i, i + SLICE) });
      }
      const index: SentIndex & { programmes?: unknown } = indexProgrammes(programmes);
      delete index.programmes; // the page has its own copy, from the slices
      const columns = [
        index.editionStart,
        index.editionYear,
        index.editionBudget,
        index.population,
        index.level,
        index.country,
        index.region,
      ].map((column) => column.buffer);
      scope.postMessage(
        { result: { ...result, feed: { ...result.feed, programmes: [] } }, index },
        columns,
      );
    },
    () => scope.postMessage({ aborted: true }),
  );
};
