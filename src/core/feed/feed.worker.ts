/**
 * The feed worker: downloads, parses and checks a feed off the page's main thread (`loadFeed`),
 * then prepares it for filtering (`indexProgrammes`), so that a large feed never freezes the page
 * while it loads. Started for one load by `src/store/feed-loader.ts` from its own file (a strict
 * CSP needs only `worker-src 'self'`).
 *
 * In:  `{ url, timeoutMs?, maxBytes? }` once, then possibly `{ abort: true }`.
 * Out: the programmes in slices (`{ slice }`, in feed order), then `{ result, index, first }` with
 *      the feed's programmes left empty for the page to fill from the slices, and the first view
 *      when the page asked for it (its clusters, see first-view.ts); or `{ aborted: true }`.
 *      Each slice is a message of its own, so the page reads a 100,000-entry feed in many short
 *      tasks instead of one long one, and the index's columns are transferred, not copied.
 */
import { coordinatesOf } from '../cluster.js';
import { applyFilter, indexProgrammes, type FilterIndex } from '../filter.js';
import { firstView, type FirstView, type FirstViewRequest } from '../first-view.js';
import { loadFeed } from './load.js';
import type { ParseResult, Programme } from './model.js';

/** What the page sends: the feed's URL, and what its first view needs (see first-view.ts). */
export type FeedWorkerRequest =
  | {
      url: string;
      timeoutMs?: number;
      maxBytes?: number;
      first?: FirstViewRequest;
    }
  | { abort: true };

/** The filter index without its programmes (the page puts its own copy back). */
export type SentIndex = Omit<FilterIndex, 'programmes'>;

/** What the worker answers. */
export type FeedWorkerReply =
  | { slice: Programme[] }
  | { result: ParseResult; index?: SentIndex; first?: FirstView }
  | { aborted: true };

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
  const { url, timeoutMs, maxBytes, first } = data;
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
      const full = indexProgrammes(programmes);
      // The first view, clustered here: the page draws it as soon as the feed is in.
      const view =
        first &&
        firstView(coordinatesOf(programmes), applyFilter(full, first.filter), {
          clientWidth: first.width,
          clientHeight: first.height,
        });
      const index: SentIndex & { programmes?: unknown } = full;
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
        { result: { ...result, feed: { ...result.feed, programmes: [] } }, index, first: view },
        columns,
      );
    },
    () => scope.postMessage({ aborted: true }),
  );
};
