// The pb-map side of the benchmark: a <pb-map> on the feed, filter changes timed until the
// element says the clusters are on screen (`map.drawn`) plus one frame. Driven by run.mjs
// through window.bench.
import '/dist/pb-map.js';
import { applyFilter, indexProgrammes, parseFeed } from '/dist/core.js';
import {
  DRAG_FINAL,
  DRAG_MS,
  SEQUENCE,
  VIEW,
  WARMUP,
  dragFilter,
  droppedFrames,
  everyFrame,
  longTasksSupported,
  nextFrame,
  reportError,
  round,
  sleep,
  tasksBetween,
  timeChange,
} from './page-lib.js';

const feedUrl = new URLSearchParams(location.search).get('feed');
const el = document.createElement('pb-map');
el.setAttribute('src', feedUrl);
document.body.append(el);

/** True when the element has `drawn`; otherwise we fall back to watching its markers. */
const hasDrawn = () => 'drawn' in el;
const markers = () => el.shadowRoot?.querySelector('.markers');

/** Before a change when there is no `drawn`: resolves on the first change to the markers' DOM. */
function watchMarkers(timeoutMs = 5000) {
  const target = markers();
  if (!target) return Promise.resolve(false);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    observer.observe(target, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(false);
    }, timeoutMs);
  });
}

function setFilter(filter) {
  const watch = hasDrawn() ? undefined : watchMarkers();
  el.filter = filter;
  return watch;
}

/** Waits until the change is drawn: `map.drawn`, or (fallback) markers changed + 1 frame (the caller adds 1 more). */
async function drawn(watch) {
  if (!watch) {
    await el.drawn;
    return { via: 'drawn' };
  }
  const changed = await watch;
  await nextFrame();
  return { via: changed ? 'dom+2raf' : 'dom-timeout' };
}

/** What the markers show: key and label of each button, and the programmes they add up to. */
function markerState() {
  const buttons = [...(markers()?.querySelectorAll('button') ?? [])];
  let sum = 0;
  const keys = buttons.map((b) => {
    const label = b.getAttribute('aria-label') ?? '';
    if (b.classList.contains('cluster')) sum += Number(b.textContent.replace(/\D/g, '')) || 0;
    else sum += 1;
    return `${b.dataset.key}|${b.textContent.trim()}|${label}`;
  });
  keys.sort();
  return { count: buttons.length, sum, signature: keys.join('\n') };
}

let index;
async function filterIndex() {
  if (index) return index;
  let programmes = el.store?.state?.feed?.programmes;
  if (!programmes) {
    const parsed = parseFeed(await (await fetch(feedUrl)).json());
    programmes = parsed.feed.programmes;
  }
  index = indexProgrammes(programmes);
  return index;
}

async function untilIdle(map, timeoutMs = 15000) {
  if (!map) return;
  await Promise.race([new Promise((resolve) => map.once('idle', resolve)), sleep(timeoutMs)]);
}

window.bench = {
  async setup() {
    const t0 = performance.now();
    await customElements.whenDefined('pb-map');
    await el.ready;
    const readyMs = performance.now() - t0;
    const map = el.map;
    map?.jumpTo({ center: VIEW.center, zoom: VIEW.zoom });
    const idle = untilIdle(map);
    if (hasDrawn()) await el.drawn;
    await idle;
    await sleep(500);
    await nextFrame();
    await nextFrame();
    return {
      readyMs: round(readyMs),
      hasDrawn: hasDrawn(),
      longTasksSupported,
      programmes: el.selection?.totals.programmes,
      markers: markerState().count,
      view: map && { center: map.getCenter().toArray(), zoom: map.getZoom() },
      devicePixelRatio,
      size: [el.clientWidth, el.clientHeight],
    };
  },

  /** The warm-up, then the measured sequence. */
  async run() {
    const warmup = [];
    for (const f of WARMUP) warmup.push(await timeChange(() => setFilter(f), drawn));
    const changes = [];
    for (const f of SEQUENCE) {
      let atDrawn;
      const r = await timeChange(
        () => setFilter(f),
        async (watch) => {
          const result = await drawn(watch);
          atDrawn = markerState();
          return result;
        },
      );
      // Sanity check of `drawn`: the markers must not change any more once it has resolved.
      await sleep(250);
      const later = markerState();
      changes.push({
        ...r,
        programmes: el.selection?.totals.programmes,
        markers: atDrawn.count,
        redrawnLater: later.signature !== atDrawn.signature,
      });
    }
    return { warmup, changes };
  },

  /** A year handle dragged for DRAG_MS (a filter set on every frame), then DRAG_FINAL. */
  async drag() {
    await timeChange(() => setFilter(dragFilter(0)), drawn);
    await sleep(300);
    let watch;
    let tFinal = 0;
    const r = await everyFrame(
      DRAG_MS,
      (i) => {
        el.filter = dragFilter(i);
      },
      () => {
        tFinal = performance.now();
        watch = setFilter(DRAG_FINAL);
      },
    );
    const via = (await drawn(watch)).via;
    await nextFrame();
    const tEnd = performance.now();
    const tasks = await tasksBetween(r.t0, tEnd);
    const frames = droppedFrames(r.stamps);
    const after = markerState();

    // Is what is drawn the final filter? Totals against the core's own answer, markers against
    // a clean change to the same filter from another one.
    const expected = applyFilter(await filterIndex(), DRAG_FINAL).totals.programmes;
    const shown = el.selection?.totals.programmes;
    await sleep(200);
    await drawn(setFilter({}));
    await sleep(200);
    await drawn(setFilter(DRAG_FINAL));
    await nextFrame();
    await sleep(200);
    const reference = markerState();
    return {
      steps: r.steps,
      ...frames,
      longest: tasks.longest,
      tbt: tasks.tbt,
      settleMs: round(tEnd - tFinal),
      via,
      expectedProgrammes: expected,
      shownProgrammes: shown,
      markers: after.count,
      markerSum: after.sum,
      referenceMarkers: reference.count,
      referenceMarkerSum: reference.sum,
      finalDrawn: shown === expected && after.signature === reference.signature,
    };
  },
};

window.addEventListener('error', (event) => reportError(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => reportError(event.reason));
