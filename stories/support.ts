/**
 * What the stories share: the feeds they show (the repo's sample and test fixtures, as files;
 * a synthetic feed made in the page), the render that turns a story's args into attributes and
 * listeners (the args and controls come from the Custom Elements Manifest), and the checks each
 * story's `play` makes, so that a story that does not reach its state fails, in Storybook's
 * Interactions panel and in tests/browser/storybook.test.ts.
 */
import type { Args, Decorator, StoryContext } from '@storybook/web-components-vite';
import { getCustomElements } from '@storybook/web-components-vite';
import type { Package } from 'custom-elements-manifest/schema';
import { generateFeed } from '../src/core/generate.js';
import type { PbMap } from '../src/elements/pb-map/pb-map.component.js';
import type { PbAtlas } from '../src/elements/pb-atlas/pb-atlas.component.js';
import sampleFeed from '../demo/sample-feed.json?url';
import emptyFeed from '../tests/browser/fixtures/empty.json?url';
import partlyInvalidFeed from '../tests/browser/fixtures/partly-invalid.json?url';
import truncatedFeed from '../tests/browser/fixtures/truncated.json?url';

// Feeds

export const FEEDS = {
  /** demo/sample-feed.json: 56 French programmes. */
  sample: sampleFeed,
  /** A valid feed that lists nothing. */
  empty: emptyFeed,
  /** One valid entry, one left out (coordinates out of range), one with a refused link. */
  partlyInvalid: partlyInvalidFeed,
  /** Cut off in the middle: not JSON. */
  notJson: truncatedFeed,
  /** A feed that is not there (404). */
  missing: 'pb-map-stories/missing-feed.json',
  /** A feed whose download never ends (see holdFeed). */
  held: 'pb-map-stories/held-feed.json',
} as const;

/** A programme of the sample feed: Paris. */
export const SAMPLE_PROGRAMME = 'fr-75056';

const synthetic = new Map<number, string>();

/**
 * A blob: URL of a synthetic feed of `count` programmes (src/core/generate.ts), made in the page
 * once per count: nothing big is committed or served.
 */
export function syntheticFeed(count: number): string {
  let url = synthetic.get(count);
  if (!url) {
    const feed = generateFeed({ count, seed: 'storybook' });
    url = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
    synthetic.set(count, url);
  }
  return url;
}

/**
 * Holds the download of `FEEDS.held` open until the element gives up on it, so the story shows
 * the loading state for as long as it is open, in `storybook dev` and in the static build alike
 * (no server or service worker to set up). The feed worker is never told to fetch that URL, and
 * the page's own fetch (the fallback where workers cannot run) of it never answers. Returns what
 * undoes it (a story's `beforeEach` cleanup).
 */
export function holdFeed(): () => void {
  const held = (url: unknown): boolean => String(url).endsWith(FEEDS.held);
  const OriginalWorker = window.Worker;
  const originalFetch = window.fetch;
  class HoldingWorker extends OriginalWorker {
    override postMessage(message: unknown, options?: Transferable[] | StructuredSerializeOptions) {
      const url = (message as { url?: unknown } | null)?.url;
      if (held(url)) return; // never answered: the element keeps waiting (and can abort)
      super.postMessage(message, options as StructuredSerializeOptions);
    }
  }
  window.Worker = HoldingWorker;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : input;
    if (!held(url)) return originalFetch(input, init);
    return new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
    });
  };
  return () => {
    window.Worker = OriginalWorker;
    window.fetch = originalFetch;
  };
}

// Render

/** The events the manifest lists for `tag`. */
function eventsOf(tag: string): string[] {
  const manifest = getCustomElements() as Package;
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if ('tagName' in declaration && declaration.tagName === tag) {
        return (('events' in declaration && declaration.events) || []).map((e) => e.name);
      }
    }
  }
  return [];
}

/** Storybook's arg for an event's action: `pb-load` → `onPbLoad`. */
function handlerArg(event: string): string {
  return `on${event.replace(/(^|-)(\w)/g, (_m, _dash, c: string) => c.toUpperCase())}`;
}

/**
 * The element `tag` with the story's args: those of the manifest's attributes as attributes
 * (as a page would write them), its events logged in the Actions panel.
 */
export function create(tag: string, args: Args, context: StoryContext): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(args)) {
    if (context.argTypes[name]?.table?.category !== 'attributes') continue;
    if (value === undefined || value === null || value === false || value === '') continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const event of eventsOf(tag)) {
    const handler: unknown = args[handlerArg(event)];
    if (typeof handler === 'function') element.addEventListener(event, handler as EventListener);
  }
  return element;
}

/** An id for the story's map, unique on a docs page that shows several stories. */
export function mapId(context: StoryContext): string {
  return `map-${context.id}`;
}

/**
 * `element` following a `<pb-map>` of `src` (`for`), the map above it as in a page, with more
 * attributes for the map (`theme`, filter presets).
 */
export function withMap(
  element: HTMLElement,
  context: StoryContext,
  mapAttributes: Record<string, string>,
): HTMLElement {
  const frame = document.createElement('div');
  frame.className = 'story-stack';
  frame.style.cssText = 'display:grid;gap:1rem';
  const map = document.createElement('pb-map');
  map.id = mapId(context);
  map.style.setProperty('--pb-map-height', '320px');
  for (const [name, value] of Object.entries(mapAttributes)) map.setAttribute(name, value);
  element.setAttribute('for', map.id);
  frame.append(map, element);
  return frame;
}

/**
 * Every story in a French page, as the elements' default language is, unless the story says
 * otherwise (Storybook's own page is `lang="en"`).
 */
export const inFrench: Decorator = (story) => {
  const content = story();
  if (!(content instanceof Node)) return content;
  const frame = document.createElement('div');
  frame.lang = 'fr';
  frame.append(content);
  return frame;
};

/** A frame around a story: its language, its width, a page background for the dark theme. */
export function framed(
  content: HTMLElement,
  options: { lang?: string; width?: number; dark?: boolean },
): HTMLElement {
  const frame = document.createElement('div');
  if (options.lang) frame.lang = options.lang;
  if (options.width) frame.style.maxWidth = `${options.width}px`;
  if (options.dark) {
    frame.style.cssText += ';background:#161616;color:#f6f6f6;padding:1rem';
  }
  frame.append(content);
  return frame;
}

// Checks (play functions)

/** Rejects after `ms` with what was awaited. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Waits until `test` holds (checked each animation frame), or fails saying `what`. */
export async function until(test: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > ms) throw new Error(`Timed out after ${ms} ms: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function find<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in the story`);
  return found;
}

/** The states a map can be in, as a person sees them. */
export type MapState = 'loading' | 'loaded' | 'empty' | 'error';

/**
 * Waits until `map` shows `state`: clusters or programmes drawn (`loaded`); the message of an
 * empty feed; the error message with its retry button; the loading message, still there after a
 * while. Fails otherwise.
 */
export async function expectMapState(map: PbMap, state: MapState, ms = 20_000): Promise<void> {
  await customElements.whenDefined('pb-map');
  const root = (): ShadowRoot => map.shadowRoot!;
  const status = (): HTMLElement | null => root().querySelector('[part~="status"]');
  if (state === 'loaded') {
    await within(map.ready, ms, 'the map to load its feed');
    await until(() => root().querySelectorAll('.marker').length > 0, 'markers on the map');
    if (status()?.getAttribute('role') === 'alert') throw new Error('The map shows an error');
    return;
  }
  if (state === 'error') {
    await until(() => status()?.getAttribute('role') === 'alert', 'the error message');
    const ready = await map.ready.then(
      () => 'resolved',
      () => 'rejected',
    );
    if (ready !== 'rejected') throw new Error('`ready` should reject with the feed error');
    return;
  }
  if (state === 'empty') {
    await within(map.ready, ms, 'the map to load its feed');
    await until(
      () => status()?.getAttribute('role') === 'status' && !root().querySelector('.marker'),
      'the "nothing to show" message',
    );
    return;
  }
  await until(() => status()?.getAttribute('role') === 'status', 'the loading message');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  if (!status() || root().querySelector('.marker')) throw new Error('The map stopped loading');
}

/** The `<pb-map>` of a story: the story's own, or the one inside its `<pb-atlas>`. */
export async function mapOf(canvas: HTMLElement): Promise<PbMap> {
  const own = canvas.querySelector<PbMap>('pb-map');
  if (own) return own;
  const atlas = find<PbAtlas>(canvas, 'pb-atlas');
  await until(() => atlas.map !== undefined, 'the atlas to load its elements');
  return atlas.map!;
}

/** Waits until the element `selector` in `canvas` has drawn something in its shadow root. */
export async function expectRendered(canvas: HTMLElement, selector: string): Promise<HTMLElement> {
  const element = find<HTMLElement>(canvas, selector);
  await customElements.whenDefined(element.localName);
  await until(
    () => (element.shadowRoot?.textContent ?? '').trim().length > 0,
    `<${element.localName}> to draw its content`,
  );
  return element;
}
