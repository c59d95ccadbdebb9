/**
 * pb-map: embeddable map widgets for participatory budgets. This is the page entry
 * (`dist/pb-map.js`): importing it registers every `pb-*` element lazily. An element's code is
 * fetched the first time its tag appears in the document (on load, or added later by a script or
 * a framework), so a page pays only for the elements it shows; MapLibre and the basemap follow
 * later still, when a map nears the viewport. `customElements.whenDefined('pb-map')` tells when a
 * tag is ready.
 *
 * Tags that never reach the document itself (created but not attached, or inside another
 * component's shadow root) are not seen: call {@link load} for them, or import the eager build
 * `pb-map/elements`, which defines every element at once and exports the classes.
 */

const loaders = {
  'pb-map': () => import('./elements/pb-map/pb-map.js'),
  'pb-filters': () => import('./elements/pb-filters/pb-filters.js'),
  'pb-list': () => import('./elements/pb-list/pb-list.js'),
  'pb-summary': () => import('./elements/pb-summary/pb-summary.js'),
  'pb-atlas': () => import('./elements/pb-atlas/pb-atlas.js'),
} satisfies Record<string, () => Promise<unknown>>;

/** The tags this library defines. */
export type TagName = keyof typeof loaders;

const loading = new Map<TagName, Promise<void>>();
let observer: MutationObserver | undefined;

/**
 * Fetches and defines the named elements now (all of them without arguments); resolves when
 * they are defined. Rejects, after saying which file in the console, when one cannot load.
 *
 * @example
 * import { load } from 'pb-map';
 * await load('pb-map', 'pb-list');
 */
export function load(...tags: TagName[]): Promise<void> {
  const wanted = tags.length ? tags : (Object.keys(loaders) as TagName[]);
  return Promise.all(wanted.map(loadOne)).then(() => undefined);
}

function loadOne(tag: TagName): Promise<void> {
  let promise = loading.get(tag);
  if (!promise) {
    promise = loaders[tag]().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag); // a later appearance tries again
        console.error(`pb-map: the code of <${tag}> could not be loaded.`, error);
        throw error;
      },
    );
    loading.set(tag, promise);
    if (loading.size === Object.keys(loaders).length) observer?.disconnect();
  }
  return promise;
}

/** Loads the elements used in `root` (itself included). */
function scan(root: ParentNode | Element): void {
  for (const tag of Object.keys(loaders) as TagName[]) {
    if (loading.has(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      loadOne(tag).catch(() => {}); // said in the console
    }
  }
}

if (typeof document !== 'undefined') {
  scan(document);
  if (loading.size < Object.keys(loaders).length) {
    observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) scan(node);
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}

// The public types, the same as the eager build's (the classes as types only: nothing loads).
export type * from './elements.js';
