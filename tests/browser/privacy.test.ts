// Privacy: the demo page, with the default configuration, makes no request beyond its own
// origin and stores nothing (no cookie, no Web Storage, no IndexedDB, no service worker).
// The one foreign request allowed is to a basemap the embedder asked for.

import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { PbMap } from '../../src/elements.js';
import { waitFor } from './helpers.js';

const TIMEOUT = 30_000;

/** Puts a visible 1200x900 same-origin iframe in the page and resolves once it has loaded. */
async function frame(init: { src?: string; srcdoc?: string }): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.width = '1200';
  iframe.height = '900';
  iframe.style.border = '0';
  const loaded = new Promise<void>((resolve, reject) => {
    iframe.addEventListener('load', () => resolve(), { once: true });
    iframe.addEventListener('error', () => reject(new Error('iframe did not load')), {
      once: true,
    });
  });
  if (init.srcdoc !== undefined) iframe.srcdoc = init.srcdoc;
  if (init.src !== undefined) iframe.src = init.src;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** The iframe's <pb-map>, once it is defined there and its `ready` has settled. */
async function readyMap(iframe: HTMLIFrameElement): Promise<PbMap> {
  const win = iframe.contentWindow!;
  await waitFor(
    () => win.customElements.get('pb-map') && iframe.contentDocument!.querySelector('pb-map'),
    TIMEOUT,
    'pb-map was not defined in the iframe',
  );
  const map = iframe.contentDocument!.querySelector('pb-map') as PbMap;
  await map.ready;
  await waitFor(() => map.map, TIMEOUT, 'the MapLibre map was not created');
  return map;
}

/** Every URL the iframe's document asked for: the document itself and its resource timings. */
function requestedUrls(iframe: HTMLIFrameElement): string[] {
  const perf = iframe.contentWindow!.performance;
  return [
    iframe.contentDocument!.URL,
    ...perf.getEntriesByType('resource').map((entry) => entry.name),
  ];
}

function moveEnd(map: PbMap): Promise<void> {
  return new Promise((resolve) => map.map!.once('moveend', () => resolve()));
}

/** Storage of the iframe (same origin as this page, so the origin's storage as a whole). */
async function expectNothingStored(iframe: HTMLIFrameElement): Promise<void> {
  const win = iframe.contentWindow! as Window & typeof globalThis;
  expect(iframe.contentDocument!.cookie, 'cookies').to.equal('');
  expect(win.localStorage.length, 'localStorage entries').to.equal(0);
  expect(win.sessionStorage.length, 'sessionStorage entries').to.equal(0);
  expect(await win.indexedDB.databases(), 'IndexedDB databases').to.deep.equal([]);
  expect(await win.navigator.serviceWorker.getRegistrations(), 'service workers').to.have.length(0);
}

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

describe('privacy', function () {
  this.timeout(60_000);

  it('the demo page requests nothing from another origin and stores nothing', async () => {
    await executeServerCommand('record-requests'); // what workers fetch too (the feed)
    const iframe = await frame({ src: '/demo/index.html' });
    const map = await readyMap(iframe);

    // Exercise it a little: open a card, filter, zoom.
    expect(map.select('fr-75056'), 'select a programme').to.equal(true);
    map.store.setFilter({ years: [2018, 2020] }, 'user');
    const moved = moveEnd(map);
    map.map!.zoomTo(8);
    await moved;
    await new Promise((resolve) => setTimeout(resolve, 500)); // tiles and clusters after the move

    const perf = iframe.contentWindow!.performance;
    // A full buffer would drop later entries silently (250 by default in Chromium).
    const entries = perf.getEntriesByType('resource');
    expect(entries.length, 'resource timing buffer not full').to.be.below(250);

    // The page's own requests (resource timing) and everything the browser saw it and its
    // workers request (the feed is downloaded by a worker), data: URLs of inline icons aside.
    const recorded = ((await executeServerCommand('recorded-requests')) as string[]).filter(
      (url) => !url.startsWith('data:'),
    );
    const urls = [...new Set([...requestedUrls(iframe), ...recorded])];
    const paths = urls.map((url) => new URL(url).pathname);
    expect(urls.length).to.be.greaterThan(1);
    expect(paths, 'the feed').to.include('/demo/sample-feed.json');
    expect(paths, 'the feed worker').to.include('/src/core/feed/feed.worker.ts');
    expect(
      ['land-1', 'land-2', 'land-3', 'land-4', 'borders-1', 'borders-2'].every((name) =>
        paths.some((p) => p.endsWith(`/${name}.geojson`)),
      ),
      `the offline basemap among ${paths.join(', ')}`,
    ).to.equal(true);
    // The workers' scripts are fetched by the page (their own imports are same-origin module
    // imports of the same dev server; resource timing inside a worker is not visible here).
    expect(paths, 'the clustering worker').to.include('/src/core/cluster.worker.ts');
    expect(paths, "MapLibre's worker").to.include(
      '/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs',
    );

    const odd = urls.filter((url) => /^(data|blob):/i.test(url));
    expect(odd, 'data: or blob: URLs').to.deep.equal([]);
    const foreign = urls.filter((url) => new URL(url).origin !== location.origin);
    expect(foreign, 'requests to another origin').to.deep.equal([]);

    await expectNothingStored(iframe);
  });

  it('reaches only the basemap host the embedder asked for', async () => {
    await executeServerCommand('record-requests');
    const basemap = 'https://tiles.example/style.json';
    // fetch() calls are recorded too: a request that fails offline may leave no resource timing.
    const srcdoc = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>basemap</title></head><body>
<script>
  window.fetched = [];
  const original = window.fetch;
  window.fetch = function (input, init) {
    window.fetched.push(String(input instanceof Request ? input.url : input));
    return original.call(this, input, init);
  };
</script>
<script type="module">import '/src/index.ts';</script>
<pb-map src="/demo/sample-feed.json" basemap="${basemap}" style="--pb-map-height: 600px"></pb-map>
</body></html>`;
    const iframe = await frame({ srcdoc });
    const win = iframe.contentWindow! as Window & { fetched?: string[] };
    await waitFor(
      () => win.customElements.get('pb-map'),
      TIMEOUT,
      'pb-map was not defined in the iframe',
    );
    const map = iframe.contentDocument!.querySelector('pb-map') as PbMap;
    // The request fails offline (no DNS): wait until it has, so that whatever follows it is seen.
    const basemapFailed = () =>
      iframe.contentWindow!.performance.getEntriesByName(basemap).length > 0;
    await waitFor(
      () => win.fetched?.includes(basemap) && basemapFailed(),
      TIMEOUT,
      `${basemap} was not requested`,
    );
    // The data is still drawn, over a plain background.
    await map.ready;
    await waitFor(
      () => map.shadowRoot!.querySelectorAll('.markers button').length > 0,
      TIMEOUT,
      'no markers drawn',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const recorded = ((await executeServerCommand('recorded-requests')) as string[]).filter(
      (url) => !url.startsWith('data:') && !url.startsWith('about:'),
    );
    const urls = [...requestedUrls(iframe).slice(1), ...(win.fetched ?? []), ...recorded].map(
      (url) => new URL(url, location.href).href,
    );
    expect(urls.some((url) => url.endsWith('/demo/sample-feed.json'))).to.equal(true);
    const foreign = urls.filter((url) => new URL(url).origin !== location.origin);
    expect(foreign, 'the basemap was asked for').to.include(basemap);
    expect([...new Set(foreign.map((url) => new URL(url).host))], 'foreign hosts').to.deep.equal([
      'tiles.example',
    ]);
    expect(
      urls.filter((url) => /^(data|blob):/i.test(url)),
      'data: or blob: URLs',
    ).to.deep.equal([]);

    await expectNothingStored(iframe);
  });
});
