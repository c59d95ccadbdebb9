// Load and lifetime (docs/reliability.md): what a page that adds and removes maps keeps.
//
// 200 create/remove cycles of <pb-map>, each shown (its first clusters drawn and its MapLibre map
// created; every 20th also waits for `ready`, the basemap drawn), leave no WebGL context, worker,
// observer, window/document listener, element or MapLibre map behind, and the JS heap (after a
// forced garbage collection) within a bound. Counted in the page: WebGL contexts made through
// `getContext` and their `webglcontextlost` (MapLibre's `remove()` loses its context through
// WEBGL_lose_context), workers made and `terminate()`d, observers made and `disconnect()`ed.
// Counted by the DevTools protocol (server commands `lifetime-*`, scripts/wtr-plugins.mjs):
// listeners on window, document and visualViewport, live PbMap and MapLibre Map objects, the
// heap, and the browser's own warnings ("Too many active WebGL contexts").
//
// Then five maps on one page, each with its own feed: each shows its own data, filtering one
// (attributes or properties) changes only it, removing one leaves the others working, and a
// <pb-list for> follows only its map.

import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbList, PbMap } from '../../src/elements.js';
import { markers, mountMap, waitFor } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Counting, installed before any map exists (the elements create their workers and contexts
// through these globals when they need them).

interface Counts {
  contexts: number;
  contextsLost: number;
  workers: number;
  workersTerminated: number;
  observers: number;
  observersDisconnected: number;
}

const counts: Counts = {
  contexts: 0,
  contextsLost: 0,
  workers: 0,
  workersTerminated: 0,
  observers: 0,
  observersDisconnected: 0,
};
/** Every WebGL context made, weakly held: those still reachable must be lost. */
const contextRefs: WeakRef<WebGLRenderingContext | WebGL2RenderingContext>[] = [];

const seenContexts = new WeakSet<object>();
const nativeGetContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (
  this: HTMLCanvasElement,
  type: string,
  ...rest: unknown[]
) {
  const context = (nativeGetContext as (...a: unknown[]) => RenderingContext | null).call(
    this,
    type,
    ...rest,
  );
  if (context && type.startsWith('webgl') && !seenContexts.has(context)) {
    seenContexts.add(context);
    counts.contexts++;
    contextRefs.push(new WeakRef(context as WebGL2RenderingContext));
    this.addEventListener('webglcontextlost', () => counts.contextsLost++, { once: true });
  }
  return context;
} as typeof HTMLCanvasElement.prototype.getContext;

const NativeWorker = window.Worker;
class CountedWorker extends NativeWorker {
  private ended = false;
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    counts.workers++;
  }
  override terminate(): void {
    if (!this.ended) counts.workersTerminated++;
    this.ended = true;
    super.terminate();
  }
}
window.Worker = CountedWorker;

/** Observers (intersection, resize, mutation) made and disconnected. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor
type ObserverClass = new (...args: any[]) => { disconnect(): void };
function countObservers<T extends ObserverClass>(Native: T): T {
  return class extends Native {
    private ended = false;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor
    constructor(...args: any[]) {
      super(...args);
      counts.observers++;
    }
    override disconnect(): void {
      if (!this.ended) counts.observersDisconnected++;
      this.ended = true;
      super.disconnect();
    }
  };
}
window.IntersectionObserver = countObservers(IntersectionObserver);
window.ResizeObserver = countObservers(ResizeObserver);
window.MutationObserver = countObservers(MutationObserver);

/** What is alive now, by the page's counts. */
function live(): { contexts: number; workers: number; observers: number } {
  return {
    contexts: counts.contexts - counts.contextsLost,
    workers: counts.workers - counts.workersTerminated,
    observers: counts.observers - counts.observersDisconnected,
  };
}

type Listeners = Record<'window' | 'document' | 'visualViewport', string[]>;
interface Heap {
  usedSize: number;
  totalSize: number;
}

const listeners = () => executeServerCommand<Listeners, undefined>('lifetime-listeners');
const heap = () => executeServerCommand<Heap, undefined>('lifetime-heap');
const browserLog = () => executeServerCommand<string[], undefined>('lifetime-log');

/** The prototypes whose live instances are counted, kept on the page for the server command. */
declare global {
  interface Window {
    pbLifetimePrototypes?: { pbMap: object; maplibre?: object };
  }
}
function instances(): Promise<{ pbMap: number; maplibre: number }> {
  return executeServerCommand('lifetime-instances', {
    expressions: {
      pbMap: 'window.pbLifetimePrototypes.pbMap',
      maplibre: 'window.pbLifetimePrototypes.maplibre',
    },
  });
}

const FEED = '/tests/browser/fixtures/filters-programmes.json';
const MB = 1024 * 1024;
const CYCLES = 200;

/** One cycle: a map is added, shown (clusters drawn and MapLibre created), then removed. */
async function cycle(i: number, full: boolean): Promise<void> {
  const el = mountMap(FEED, `lifetime-${i}`);
  try {
    if (full) await el.ready;
    await waitFor(
      () => el.map && markers(el).length > 0,
      15_000,
      `cycle ${i}: map or markers not shown`,
    );
  } finally {
    el.remove();
  }
}

/** A map removed after `frames` frames: while its feed loads, while clustering, before MapLibre. */
async function earlyCycle(frames: number): Promise<void> {
  const el = mountMap(FEED, `early-${frames}`);
  for (let f = 0; f < frames; f++) await new Promise((r) => requestAnimationFrame(r));
  el.remove();
}

/**
 * A first cycle loads the code, the basemap and the messages (which the page keeps: not a leak),
 * and gives the MapLibre map's prototype. In a function of its own, so that no variable of the
 * test holds the element.
 */
async function warmUp(): Promise<void> {
  window.pbLifetimePrototypes = { pbMap: customElements.get('pb-map')!.prototype };
  const el = mountMap(FEED, 'lifetime-warm');
  await el.ready;
  await waitFor(() => el.map && markers(el).length > 0, 15_000, 'warm-up map');
  window.pbLifetimePrototypes.maplibre = Object.getPrototypeOf(el.map) as object;
  el.remove();
}

/** Waits until the contexts and workers of removed maps are released (both are asynchronous). */
async function settled(): Promise<void> {
  await waitFor(
    () => live().contexts === 0 && live().workers === 0,
    5000,
    `not released: ${JSON.stringify(live())}`,
  ).catch(() => {}); // the assertions below say what is left
  // The last map's set-up may still wait on its timers (the basemap waits up to 1 s for the
  // data, the map up to 2.5 s): what they hold goes once they fire.
  await new Promise((r) => setTimeout(r, 3000));
}

describe('lifetime: 200 create/remove cycles of <pb-map>', function () {
  this.timeout(240_000);

  it('leave no WebGL context, worker, observer, listener, element or map behind', async () => {
    // A first cycle loads the code, the basemap and the messages (kept by the page: not a leak).
    await warmUp();
    await settled();
    const before = {
      live: live(),
      listeners: await listeners(),
      instances: await instances(),
      heap: await heap(),
      logLines: (await browserLog()).length,
    };
    const counted = { ...counts };
    const started = performance.now();

    let peak = 0;
    for (let i = 0; i < CYCLES; i++) {
      await cycle(i, i % 20 === 0);
      peak = Math.max(peak, live().contexts);
    }
    const seconds = (performance.now() - started) / 1000;
    await settled();

    const after = {
      live: live(),
      listeners: await listeners(),
      instances: await instances(),
      heap: await heap(),
    };
    const log = (await browserLog()).slice(before.logLines);
    const made = {
      contexts: counts.contexts - counted.contexts,
      workers: counts.workers - counted.workers,
      observers: counts.observers - counted.observers,
    };
    const growth = after.heap.usedSize - before.heap.usedSize;
    // The figures of docs/reliability.md.
    console.log(
      `lifetime: ${CYCLES} cycles in ${seconds.toFixed(0)} s; made ${JSON.stringify(made)}; ` +
        `live before ${JSON.stringify(before.live)} after ${JSON.stringify(after.live)}; ` +
        `peak live contexts ${peak}; instances before ${JSON.stringify(before.instances)} ` +
        `after ${JSON.stringify(after.instances)}; listeners before ` +
        `${JSON.stringify(before.listeners)} after ${JSON.stringify(after.listeners)}; heap used ` +
        `${(before.heap.usedSize / MB).toFixed(2)} MB -> ${(after.heap.usedSize / MB).toFixed(2)} MB ` +
        `(${(growth / MB).toFixed(2)} MB)`,
    );

    // Every cycle made its own context and workers (the counts see them) …
    expect(made.contexts, 'a WebGL context per cycle').to.be.at.least(CYCLES);
    expect(made.workers, 'workers per cycle (feed, clusters, MapLibre)').to.be.at.least(2 * CYCLES);
    // … and let go of them.
    expect(after.live, 'contexts, workers and observers alive').to.deep.equal(before.live);
    expect(peak, 'removed maps lose their context at once').to.be.at.most(2);
    const stillUsable = contextRefs.filter((ref) => ref.deref()?.isContextLost() === false);
    expect(stillUsable.length, 'reachable WebGL contexts not lost').to.equal(0);
    expect(
      log.filter((line) => /WebGL/i.test(line)),
      'browser warnings about WebGL contexts',
    ).to.deep.equal([]);
    expect(after.listeners, 'window, document and visualViewport listeners').to.deep.equal(
      before.listeners,
    );
    expect(after.instances, 'live PbMap elements and MapLibre maps').to.deep.equal({
      pbMap: 0,
      maplibre: 0,
    });
    // The bound: 5 MB over 200 cycles is 25 KB a cycle, less than one map's feed and markers
    // (a leaked map holds its MapLibre style, tiles and element, several MB each).
    expect(growth, 'JS heap growth after GC (bytes)').to.be.below(5 * MB);
  });

  it('removed while loading (before the feed or MapLibre arrive): nothing left either', async () => {
    await settled();
    const before = { live: live(), listeners: await listeners() };
    for (let i = 0; i < 20; i++) await earlyCycle(i);
    await settled();
    expect(live(), 'contexts, workers and observers alive').to.deep.equal(before.live);
    expect(await listeners()).to.deep.equal(before.listeners);
    expect(await instances()).to.deep.equal({ pbMap: 0, maplibre: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

const FIVE = [
  { src: '/tests/browser/fixtures/programmes.json', count: 6 },
  { src: '/tests/browser/fixtures/filters-programmes.json', count: 10 },
  { src: '/tests/browser/fixtures/list-programmes.json', count: 13 },
  { src: '/tests/browser/fixtures/export-programmes.json', count: 5 },
  { src: '/tests/browser/fixtures/france-drom.json', count: 15 },
];

function listed(list: PbList): string[] {
  return [...list.shadowRoot!.querySelectorAll('tbody .choose')].map((b) =>
    (b.textContent ?? '').trim(),
  );
}

/** What a map shows: the number of its feed's programmes it holds, and its list. */
function shown(map: PbMap, list: PbList): { selected: number; listed: string[] } {
  return { selected: map.selection?.totals.programmes ?? -1, listed: listed(list) };
}

describe('five maps on one page', function () {
  this.timeout(120_000);
  let page: HTMLElement;

  afterEach(() => page?.remove());

  it('each shows its own feed, filters alone, and survives the removal of another', async () => {
    page = document.createElement('div');
    page.style.cssText = 'display: grid; grid-template-columns: repeat(5, 150px); gap: 4px';
    document.body.append(page);
    const maps = FIVE.map(({ src }, i) => {
      const box = document.createElement('section');
      page.append(box);
      const map = mountMap(src, `five-${i}`, box);
      map.style.width = '150px';
      map.style.setProperty('--pb-map-height', '200px');
      const list = document.createElement('pb-list');
      list.setAttribute('for', map.id);
      box.append(list);
      return { box, map, list };
    });
    await Promise.all(maps.map(({ map }) => map.ready));
    for (const { map, list } of maps) {
      await waitFor(() => map.map && markers(map).length > 0, 10_000, `${map.id}: no marker`);
      await waitFor(() => listed(list).length > 0, 5000, `${map.id}: empty list`);
    }
    // Each its own: five MapLibre maps, five contexts, each list its own feed's names.
    expect(new Set(maps.map(({ map }) => map.map)).size).to.equal(5);
    expect(live().contexts, 'five live WebGL contexts').to.equal(5);
    for (const [i, { map, list }] of maps.entries()) {
      const names = map.store.state.feed!.programmes.map((p) => p.name);
      expect(names, `${map.id}'s feed`).to.have.length(FIVE[i]!.count);
      expect([...listed(list)].sort(), `${map.id}'s list`).to.deep.equal(
        [...names].sort((a, b) => a.localeCompare(b)).sort(),
      );
    }
    const snapshot = () => maps.map(({ map, list }) => shown(map, list));
    const start = snapshot();

    // The first filtered by an attribute, the second by its property: only they change.
    const [a, b, c, d, e] = maps as [
      (typeof maps)[0],
      (typeof maps)[0],
      (typeof maps)[0],
      (typeof maps)[0],
      (typeof maps)[0],
    ];
    a.map.setAttribute('q', 'Rennes');
    await waitFor(() => listed(a.list).length === 1, 5000, 'first map: attribute filter');
    expect(listed(a.list)).to.deep.equal(['Budget participatif de Rennes']);
    b.map.filter = { q: 'Paris' };
    await waitFor(() => listed(b.list).length === 1, 5000, 'second map: property filter');
    expect(listed(b.list)).to.deep.equal(['Budget participatif de Paris']);
    await Promise.all(maps.map(({ map }) => map.drawn));
    expect(snapshot().slice(2), 'the three others unchanged').to.deep.equal(start.slice(2));
    for (const { map } of [c, d, e]) expect(map.filter, `${map.id}'s filter`).to.deep.equal({});
    expect(a.map.filter).to.deep.equal({ q: 'Rennes' });
    expect(b.map.getAttribute('q'), 'the property reflected on its own map').to.equal('Paris');
    expect(a.map.store).to.not.equal(b.map.store);

    // Removing the third: its map, context and workers go; the others still filter and draw.
    const contextsBefore = live().contexts;
    c.box.remove();
    expect(c.map.map, 'the removed map is released').to.equal(undefined);
    await waitFor(() => live().contexts === contextsBefore - 1, 3000, 'its context is lost');
    e.map.filter = { q: 'Lyon' };
    await waitFor(() => listed(e.list).length === 1, 5000, 'fifth map filters after a removal');
    await e.map.drawn;
    const lyon = e.map.selection!.indices.length === 1;
    const bounds = e.map.map!.getBounds();
    const inView = e.map.store.state.feed!.programmes.filter(
      (p) => p.name.includes('Lyon') && bounds.contains(p.coordinates),
    ).length;
    expect(lyon, 'fifth map: one programme kept').to.equal(true);
    await waitFor(() => markers(e.map).length === inView, 5000, 'fifth map redrawn');
    a.map.removeAttribute('q');
    await waitFor(
      () => listed(a.list).length === FIVE[0]!.count,
      5000,
      'first map unfiltered again',
    );
    expect(shown(d.map, d.list), 'fourth map untouched').to.deep.equal(start[3]);
    for (const { map } of [a, b, d, e]) expect(map.map, `${map.id} still has its map`).to.exist;

    // A list follows only the map it names: pointed at the fourth, it lists the fourth's feed.
    a.list.setAttribute('for', d.map.id);
    await waitFor(
      () => listed(a.list).length === FIVE[3]!.count,
      5000,
      'the list did not follow its new map',
    );
    expect(listed(a.list)).to.deep.equal(listed(d.list));
    b.map.filter = {};
    await waitFor(() => listed(b.list).length === FIVE[1]!.count, 5000, 'second map unfiltered');
    expect(listed(a.list), 'unmoved by another map').to.deep.equal(listed(d.list));
  });
});
