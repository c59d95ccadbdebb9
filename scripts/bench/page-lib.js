// Shared by the two benchmark pages (pb-map.html, maplibre.html); runs in the browser.
// The filter sequence, the initial view and the timing helpers live here so that both pages
// measure exactly the same thing.

/** Both maps start here: metropolitan France, zoom 5, devicePixelRatio 1, 1000x700 px. */
export const VIEW = { center: [2.4, 46.6], zoom: 5 };

/** Filter changes before measuring (JIT, caches, first allocations); not counted. */
export const WARMUP = [{ years: [2020, 2023] }, { years: [2016, 2019] }, {}];

/** The measured sequence: what a person does with the filters, in the order they might. */
export const SEQUENCE = [
  { years: [2016, 2019] },
  { years: [2018, 2024] },
  { years: [2022, 2022] },
  { years: [2014, 2025] },
  { years: [2018, 2024], budget: [100_000, 5_000_000] },
  { years: [2018, 2024], budget: [500_000, Infinity] },
  { years: [2018, 2024], budget: [0, 100_000] },
  { budget: [5, 20], budgetPer: 'inhabitant' },
  { years: [2020, 2024], budget: [2, 10], budgetPer: 'inhabitant' },
  { levels: ['commune'] },
  { levels: ['department', 'region'] },
  { countries: ['FR'] },
  { countries: ['FR', 'PT', 'ES'], years: [2019, 2023] },
  { regions: ['Bretagne', 'Pays de la Loire'] },
  { q: 'budget' },
  { q: 'saint' },
  { q: 'metropolitan' },
  { years: [2016, 2019], q: 'saint' },
  {},
  { years: [2016, 2019] },
  { years: [2018, 2024] },
  {},
];

/** The drag: ~1 s of a year handle moving every frame, then this final value. */
export const DRAG_MS = 1000;
export const DRAG_FINAL = { years: [2017, 2021] };
/** The filter set on frame `i` of the drag: both handles sweep, like a range slider. */
export function dragFilter(i) {
  const from = 2014 + (Math.floor(i / 4) % 8); // 2014..2021
  const to = 2025 - (Math.floor(i / 6) % 6); // 2025..2020
  return { years: [Math.min(from, to), Math.max(from, to)] };
}

// Infinity does not survive JSON (page.evaluate): the runner never passes filters, the pages
// import them from here.

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every long task (> 50 ms) of the page's main thread, as they are reported. */
const longTasks = [];
const observer = new PerformanceObserver((list) => collect(list.getEntries()));
function collect(entries) {
  for (const e of entries) longTasks.push({ start: e.startTime, duration: e.duration });
}
try {
  observer.observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: longest task is reported as null.
}
export const longTasksSupported = PerformanceObserver.supportedEntryTypes?.includes('longtask');

/**
 * Long tasks overlapping [t0, t1]: the longest (whole duration) and the total blocking time (sum
 * of the part of each beyond 50 ms). Tasks under 50 ms are not reported by the API: 0 means "none
 * over 50 ms".
 */
export async function tasksBetween(t0, t1) {
  await sleep(0); // entries are queued once the task that ends the window is over
  collect(observer.takeRecords());
  let longest = 0;
  let tbt = 0;
  let count = 0;
  for (const t of longTasks) {
    if (t.start < t1 && t.start + t.duration > t0) {
      longest = Math.max(longest, t.duration);
      tbt += Math.max(0, t.duration - 50);
      count++;
    }
  }
  return { longest: round(longest), tbt: round(tbt), count };
}

/**
 * Times one change: `apply()` runs at t0, then `done()` is awaited, then one animation frame
 * (the frame that paints what was drawn). Starts on a fresh frame after `gapMs` of quiet.
 */
export async function timeChange(apply, done, gapMs = 120) {
  await sleep(gapMs);
  await nextFrame();
  const t0 = performance.now();
  const info = apply();
  const detail = await done(info);
  await nextFrame();
  const t1 = performance.now();
  const tasks = await tasksBetween(t0, t1);
  return { ms: round(t1 - t0), ...tasks, ...(detail && typeof detail === 'object' ? detail : {}) };
}

/**
 * Runs `step(i)` on every animation frame for `ms`, then `last()` on the next frame; returns the
 * frame intervals (ms) seen meanwhile and the time window.
 */
export async function everyFrame(ms, step, last) {
  const stamps = [];
  const t0 = performance.now();
  let i = 0;
  for (;;) {
    const now = await nextFrame();
    stamps.push(now);
    if (now - t0 >= ms) break;
    step(i++);
  }
  last();
  const tLast = performance.now();
  return { t0, tLast, steps: i, stamps };
}

/** Frames dropped between successive rAF timestamps, counting a 60 Hz budget per frame. */
export function droppedFrames(stamps) {
  const frame = 1000 / 60;
  let dropped = 0;
  let worst = 0;
  for (let k = 1; k < stamps.length; k++) {
    const gap = stamps[k] - stamps[k - 1];
    worst = Math.max(worst, gap);
    dropped += Math.max(0, Math.round(gap / frame) - 1);
  }
  return { frames: stamps.length, dropped, worstFrameMs: round(worst) };
}

export function round(x) {
  return Math.round(x * 10) / 10;
}

/** Reports a failure to the runner, which reads window.benchError. */
export function reportError(error) {
  window.benchError = String(error?.stack ?? error);
  console.error(window.benchError);
}
