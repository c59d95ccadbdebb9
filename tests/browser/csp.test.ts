// Strict Content-Security-Policy: the BUILT library (dist/, `npm run build`) in a page whose
// policy allows only its own origin (tests/browser/pages/csp.html: no blob:, no 'unsafe-eval',
// no 'unsafe-inline'). The map must work there as anywhere else, with both of its workers
// (MapLibre's and the clustering one) started from their own files, and nothing reported.
// The policies are <meta> tags of those pages: the test page itself is injected by the runner.
// What the pages record (violations, workers, warnings) is in tests/browser/pages/csp-page.js.

import { expect } from '@esm-bundle/chai';
import type { PbLoadEvent, PbMap } from '../../src/elements.js';
import { messagesFor } from '../../src/core/messages.js';
import { markers, waitFor } from './helpers.js';

const TIMEOUT = 40_000;
const FEED = '/demo/sample-feed.json';

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
}

interface StartedWorker {
  url: string;
  failed: boolean;
}

type RecordingWindow = Window &
  typeof globalThis & {
    cspViolations: Violation[];
    startedWorkers: StartedWorker[];
    pbWarnings: string[];
  };

interface Loaded {
  iframe: HTMLIFrameElement;
  win: RecordingWindow;
  el: PbMap;
  /** The `pb-load` events the element fired. */
  loads: PbLoadEvent[];
}

/** Opens `page` in a visible 1000x700 iframe and waits for its <pb-map> to be defined. */
async function open(page: string): Promise<Loaded> {
  const iframe = document.createElement('iframe');
  iframe.width = '1000';
  iframe.height = '700';
  const loaded = new Promise<void>((resolve) =>
    iframe.addEventListener('load', () => resolve(), { once: true }),
  );
  iframe.src = page;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as RecordingWindow;
  expect(win.cspViolations, 'tests/browser/pages/csp-page.js ran').to.be.an('array');
  await waitFor(
    () => win.customElements.get('pb-map'),
    TIMEOUT,
    `<pb-map> was not defined in ${page}`,
  );
  const el = iframe.contentDocument!.querySelector('pb-map') as PbMap;
  const loads: PbLoadEvent[] = [];
  el.addEventListener('pb-load', (event) => loads.push(event));
  return { iframe, win, el, loads };
}

/** The policy a page declares in its <meta http-equiv="Content-Security-Policy">. */
function policyOf(iframe: HTMLIFrameElement): Map<string, string[]> {
  const meta = iframe.contentDocument!.querySelector<HTMLMetaElement>(
    'meta[http-equiv="Content-Security-Policy"]',
  );
  expect(meta, 'the page declares a policy').to.exist;
  const directives = new Map<string, string[]>();
  for (const part of meta!.content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** The paths the page fetched (resource timing), the document excepted. */
function fetchedPaths(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
}

const describeAll = (violations: Violation[]) => JSON.stringify(violations, null, 1);

before(async () => {
  const response = await fetch('/dist/pb-map.js', { method: 'HEAD', cache: 'no-store' });
  if (!response.ok) {
    throw new Error(
      'dist/pb-map.js is missing: run `npm run build` before the CSP browser test ' +
        '(`npm test` builds before the browser tests).',
    );
  }
});

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

describe('under a strict Content-Security-Policy (built library)', function () {
  this.timeout(90_000);

  it('the policy forbids blob:, eval and inline code', async () => {
    const { iframe } = await open('/tests/browser/pages/csp.html');
    const policy = policyOf(iframe);
    expect(policy.get('default-src')).to.deep.equal(["'none'"]);
    for (const directive of ['script-src', 'worker-src', 'connect-src']) {
      expect(policy.get(directive), directive).to.deep.equal(["'self'"]);
    }
    const everySource = [...policy.values()].flat();
    for (const forbidden of ['blob:', "'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'"]) {
      expect(everySource, forbidden).not.to.include(forbidden);
    }
  });

  it('loads the feed, draws the map and its clusters, with both workers, and no violation', async () => {
    const feed = (await (await fetch(FEED)).json()) as { programmes: unknown[] };
    const { iframe, win, el, loads } = await open('/tests/browser/pages/csp.html');
    await el.ready;

    // The feed is loaded and the map is drawn.
    expect(loads, 'pb-load').to.have.length(1);
    expect(loads[0]!.detail.programmes, 'programmes loaded').to.equal(feed.programmes.length);
    const map = el.map;
    expect(map, 'the MapLibre map').to.exist;
    expect(map!.loaded(), 'MapLibre has loaded its style').to.equal(true);
    const canvas = el.shadowRoot!.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    expect(canvas, "MapLibre's canvas").to.exist;
    expect(canvas.width * canvas.height, 'canvas size').to.be.greaterThan(0);
    expect(markers(el).length, 'cluster and programme markers drawn').to.be.greaterThan(0);
    // Markers are placed over the map from the first render (an inline style attribute would be
    // refused by this policy: they are positioned through the CSSOM).
    expect(
      markers(el).filter((button) => !button.style.transform.startsWith('translate(')),
      'markers without a position',
    ).to.deep.equal([]);
    // The offline basemap was drawn, not the plain background used when it fails.
    expect(map!.getLayer('land-1'), 'the offline basemap').to.exist;
    const status = el.shadowRoot!.querySelector('[part~="status"]');
    expect(status?.textContent ?? '', 'no status message over the map').to.equal('');

    // Every worker was started from its own file of the build, on this origin, and none failed:
    // MapLibre's and the clustering one among them.
    const started = win.startedWorkers;
    const urls = started.map((worker) => worker.url);
    expect(
      urls.filter((url) => !/^\/dist\/assets\/[\w.-]+\.m?js$/.test(new URL(url).pathname)),
      'workers not started from a file of dist/assets',
    ).to.deep.equal([]);
    expect(
      urls.filter((url) => new URL(url).origin !== location.origin),
      'workers from another origin',
    ).to.deep.equal([]);
    const paths = urls.map((url) => new URL(url).pathname);
    const clustering = paths.filter((path) => /\/cluster\.worker-[\w-]+\.js$/.test(path));
    const maplibre = paths.filter((path) => /\/maplibre-gl-worker-[\w-]+\.mjs$/.test(path));
    expect(clustering, `the clustering worker among ${paths.join(', ')}`).to.have.length(1);
    expect(maplibre.length, `MapLibre's worker among ${paths.join(', ')}`).to.be.greaterThan(0);
    expect(
      started.filter((worker) => worker.failed),
      'workers that failed to start',
    ).to.deep.equal([]);
    // The page fetched the worker files itself (resource timing), and nothing as blob: or data:.
    const fetched = fetchedPaths(win);
    for (const path of new Set(paths)) expect(fetched, 'worker file fetched').to.include(path);
    const entries = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      entries.filter((url) => !url.startsWith(location.origin)),
      'requests to another origin, or blob:/data: URLs',
    ).to.deep.equal([]);
    // No fallback: the clustering worker answered (pb-map warns when it clusters on the page).
    expect(
      win.pbWarnings.filter((warning) => warning.includes('clustering worker')),
      'clustering fallback',
    ).to.deep.equal([]);

    // The other elements, linked to the map with for="carte", show its selection.
    const doc = iframe.contentDocument!;
    const count = String(feed.programmes.length);
    const shown = (tag: string, selector: string) => () =>
      doc.querySelector(tag)?.shadowRoot?.querySelector(selector)?.textContent?.includes(count);
    await waitFor(shown('pb-summary', '[part~="base"]'), TIMEOUT, '<pb-summary> shows the count');
    await waitFor(shown('pb-filters', '[part~="count"]'), TIMEOUT, '<pb-filters> shows the count');
    await waitFor(
      () =>
        (doc.querySelector('pb-list')?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > 0,
      TIMEOUT,
      '<pb-list> lists the programmes',
    );
    // The filters' histogram has its bars (heights set through the CSSOM, like the markers').
    const bars = [
      ...doc.querySelector('pb-filters')!.shadowRoot!.querySelectorAll<HTMLElement>('.bar'),
    ];
    expect(bars.length, 'histogram bars').to.be.greaterThan(0);
    expect(
      bars.filter((bar) => !bar.style.height.endsWith('%')),
      'histogram bars without a height',
    ).to.deep.equal([]);
    expect(
      bars.some((bar) => bar.getBoundingClientRect().height > 0),
      'a histogram bar is visible',
    ).to.equal(true);

    // A filter change re-clusters through the worker too, and the page stays clean.
    const before = markers(el).length;
    el.filter = { years: [2024, 2024] };
    await el.updateComplete;
    await el.drawn;
    expect(el.selection!.indices.length, 'programmes kept').to.be.lessThan(feed.programmes.length);
    expect(markers(el).length, 'markers after filtering').to.be.at.most(before);

    expect(win.cspViolations, describeAll(win.cspViolations)).to.deep.equal([]);
  });

  it('with workers forbidden, still shows the data: the violations are reported, clustering falls back to the page', async () => {
    const m = messagesFor('fr');
    const feed = (await (await fetch(FEED)).json()) as { programmes: unknown[] };
    const { iframe, win, el, loads } = await open('/tests/browser/pages/csp-no-workers.html');
    expect(policyOf(iframe).get('worker-src')).to.deep.equal(["'none'"]);
    await el.ready;

    // Every worker was refused, and the page was told (securitypolicyviolation).
    const refused = win.cspViolations
      .filter((violation) => violation.directive === 'worker-src')
      .map((violation) => new URL(violation.blocked).pathname);
    expect(
      refused.some((path) => /\/cluster\.worker-[\w-]+\.js$/.test(path)),
      refused.join(),
    ).to.be.true;
    expect(
      refused.some((path) => /\/maplibre-gl-worker-[\w-]+\.mjs$/.test(path)),
      refused.join(),
    ).to.be.true;
    expect(
      win.startedWorkers.every((worker) => worker.failed),
      'every worker failed',
    ).to.be.true;
    for (const worker of win.startedWorkers) {
      expect(refused, 'a violation for each worker').to.include(new URL(worker.url).pathname);
    }
    expect(
      win.pbWarnings.filter((warning) => warning.includes('clustering on the page')),
      'the clustering fallback',
    ).to.have.length(1);

    // MapLibre still runs (its style is drawn on the page), but the offline basemap's shapes are
    // processed by its worker: the element falls back to a plain background and says so, and
    // the data is all there.
    expect(loads, 'pb-load').to.have.length(1);
    expect(loads[0]!.detail.programmes, 'programmes loaded').to.equal(feed.programmes.length);
    expect(el.map?.loaded(), 'MapLibre loaded').to.equal(true);
    expect(markers(el).length, 'markers drawn by the page-side clustering').to.be.greaterThan(0);
    const note = el.shadowRoot!.querySelector('[part~="status"]');
    expect(note?.textContent?.trim(), 'the note over the map').to.equal(m.mapUnavailable);
    // Filtering works on the page too.
    el.filter = { years: [2024, 2024] };
    await el.updateComplete;
    await el.drawn;
    expect(el.selection!.indices.length, 'programmes kept').to.be.lessThan(feed.programmes.length);
    expect(markers(el).length, 'markers after filtering').to.be.greaterThan(0);

    // Nothing else was refused.
    const others = win.cspViolations.filter((violation) => violation.directive !== 'worker-src');
    expect(others, describeAll(others)).to.deep.equal([]);
  });
});
