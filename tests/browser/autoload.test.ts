// The page entry (src/index.ts, dist/pb-map.js) defines each element when its tag first appears,
// so a page loads only the elements it shows; the feed is downloaded and parsed in a worker, or
// on the page when no worker can start; the classic-script loader (dist/pb-map.iife.js) gives
// the same elements to pages without type="module".

import { expect } from '@esm-bundle/chai';
import { load } from '../../src/index.js';
import type { PbList, PbMap } from '../../src/index.js';
import { waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/programmes.json';
const TIMEOUT = 30_000;

describe('the page entry (autoloader)', function () {
  this.timeout(60_000);

  it('defines nothing the page does not use, and an element as soon as its tag appears', async () => {
    // Nothing in the page yet: no element code has been fetched.
    expect(customElements.get('pb-map')).to.equal(undefined);
    expect(customElements.get('pb-list')).to.equal(undefined);

    // A tag added later, deep inside other markup (as a CMS or a framework would).
    const host = document.createElement('section');
    const wrapper = host.appendChild(document.createElement('div'));
    wrapper.appendChild(document.createElement('pb-summary')).setAttribute('for', 'nowhere');
    document.body.append(host);
    await waitFor(() => customElements.get('pb-summary'), TIMEOUT, 'pb-summary was never defined');
    expect(host.querySelector('pb-summary')?.shadowRoot, 'upgraded in place').to.not.equal(null);
    expect(customElements.get('pb-map'), 'pb-map is still not loaded').to.equal(undefined);
    host.remove();
  });

  it('keeps a property set before the element was defined', async () => {
    const map = document.createElement('pb-map') as PbMap;
    map.style.setProperty('--pb-map-height', '300px');
    map.years = '2016'; // set on the plain, not-yet-upgraded element
    map.src = FEED;
    document.body.append(map);
    await customElements.whenDefined('pb-map');
    await map.ready;
    expect(map.filter.years).to.deep.equal([2016, 2016]);
    expect(map.getAttribute('years')).to.equal('2016');
    map.remove();
  });

  it('load() defines elements that never reach the document', async () => {
    await load('pb-list');
    const list = document.createElement('pb-list') as PbList;
    expect(list.shadowRoot === null || list.shadowRoot instanceof ShadowRoot).to.equal(true);
    expect(customElements.get('pb-list')).to.be.a('function');
  });
});

describe('the feed, off the main thread', function () {
  this.timeout(60_000);

  it('is downloaded by a worker: the page itself never fetches it', async () => {
    await customElements.whenDefined('pb-map');
    const map = document.createElement('pb-map') as PbMap;
    map.style.setProperty('--pb-map-height', '300px');
    map.src = `${FEED}?worker`;
    document.body.append(map);
    await map.ready;
    expect(map.selection?.totals.programmes).to.be.greaterThan(0);
    const fetchedByPage = performance
      .getEntriesByType('resource')
      .some((entry) => entry.name.includes(`${FEED}?worker`));
    expect(fetchedByPage, 'the page fetched the feed itself').to.equal(false);
    map.remove();
  });

  it('still loads when no worker can start (the page parses it)', async () => {
    const RealWorker = window.Worker;
    // Only the feed's worker is refused (as a CSP without worker-src 'self' would refuse it).
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (String(url).includes('feed.worker')) {
          throw new DOMException('blocked by a Content-Security-Policy', 'SecurityError');
        }
        super(url, options);
      }
    };
    try {
      const map = document.createElement('pb-map') as PbMap;
      map.style.setProperty('--pb-map-height', '300px');
      map.src = `${FEED}?page`;
      document.body.append(map);
      await map.ready;
      expect(map.selection?.totals.programmes).to.be.greaterThan(0);
      const fetchedByPage = performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes(`${FEED}?page`));
      expect(fetchedByPage, 'the page should have fetched the feed itself').to.equal(true);
      map.remove();
    } finally {
      window.Worker = RealWorker;
    }
  });

  it('reports a missing feed as such, from the worker', async () => {
    const map = document.createElement('pb-map') as PbMap;
    map.style.setProperty('--pb-map-height', '300px');
    const failed = new Promise<CustomEvent>((resolve) =>
      map.addEventListener('pb-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    map.src = '/tests/browser/fixtures/does-not-exist.json';
    document.body.append(map);
    const error = await failed;
    expect(error.detail.code).to.equal('http');
    expect(map.shadowRoot!.textContent).to.match(/erreur|impossible/i);
    map.remove();
  });
});

describe('the classic-script loader (dist/pb-map.iife.js)', function () {
  this.timeout(60_000);

  it('shows a map on a page without type="module"', async () => {
    const probe = await fetch('/dist/pb-map.iife.js');
    if (!probe.ok) throw new Error('dist/pb-map.iife.js is missing: run `npm run build` first.');
    const iframe = document.createElement('iframe');
    iframe.width = '800';
    iframe.height = '500';
    iframe.src = '/tests/browser/pages/classic.html';
    document.body.append(iframe);
    const win = iframe.contentWindow as Window & { pbMap?: { ready: Promise<unknown> } };
    await waitFor(() => win.pbMap, TIMEOUT, 'the classic script did not run');
    await win.pbMap!.ready;
    const map = iframe.contentDocument!.querySelector('pb-map') as PbMap;
    await waitFor(() => win.customElements.get('pb-map'), TIMEOUT, 'pb-map was never defined');
    await map.ready;
    expect(map.selection?.totals.programmes).to.be.greaterThan(0);
    await waitFor(
      () => map.shadowRoot!.querySelectorAll('.marker').length > 0,
      TIMEOUT,
      'no marker was drawn',
    );
    iframe.remove();
  });
});
