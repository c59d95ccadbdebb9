// The DSFR demo page (demo/dsfr.html), loaded over HTTP in an iframe as a reader would open it:
// the four elements render in the page's font (Marianne, self-hosted by the DSFR package), in
// DSFR's colours through the documented custom properties, with no request leaving the site,
// and axe finds no violation on the whole page.

import { expect } from '@esm-bundle/chai';
import type { AxeResults } from 'axe-core';
import type { PbFilters, PbList, PbMap, PbSummary } from '../../src/elements.js';
import { waitFor } from './helpers.js';

type AxeWindow = Window & typeof globalThis & { axe?: typeof import('axe-core') };

let frame: HTMLIFrameElement;
let win: AxeWindow;
let doc: Document;

before(async function () {
  this.timeout(60_000);
  frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '1200px', height: '1400px', border: '0' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/dsfr.html';
  document.body.append(frame);
  await loaded;
  win = frame.contentWindow as AxeWindow;
  doc = frame.contentDocument!;
  await Promise.all(
    ['pb-map', 'pb-filters', 'pb-list', 'pb-summary'].map((t) => win.customElements.whenDefined(t)),
  );
  const map = doc.querySelector<PbMap>('pb-map')!;
  await map.ready;
  await waitFor(() => map.shadowRoot!.querySelectorAll('.markers button').length > 0, 10_000);
  await waitFor(() => doc.querySelector<PbList>('pb-list')!.shadowRoot!.querySelector('tbody tr'));
  await doc.fonts.ready;
});

after(() => frame?.remove());

const $ = <T extends Element = HTMLElement>(host: string, selector: string): T => {
  const found = doc.querySelector(host)!.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host}>`);
  return found;
};

const css = (el: Element, property: string) => win.getComputedStyle(el).getPropertyValue(property);

describe('the DSFR demo page', () => {
  it('has the DSFR header, breadcrumb and footer', () => {
    expect(doc.querySelector('header.fr-header .fr-logo')!.textContent).to.match(/République/);
    expect(doc.querySelector('.fr-header__service-title')!.textContent).to.match(/\S/);
    expect(doc.querySelector('nav.fr-breadcrumb [aria-current="page"]')).to.exist;
    expect(doc.querySelector('footer.fr-footer')).to.exist;
  });

  it('writes every element in Marianne, inherited from the page, and the font is loaded', () => {
    const pageFont = css(doc.body, 'font-family');
    expect(pageFont).to.match(/^Marianne\b/);
    const inside = [
      $('pb-summary', '.figure'),
      $('pb-filters', 'legend'),
      $('pb-filters', '.reset'),
      $('pb-map', '.legend summary'),
      $('pb-list', 'caption'),
      $('pb-list', '.choose'),
    ];
    expect(inside.map((el) => css(el, 'font-family'))).to.deep.equal(inside.map(() => pageFont));
    // The face is really there (self-hosted woff2), not a fallback.
    const marianne = [...doc.fonts].filter((f) => f.family.replace(/"/g, '') === 'Marianne');
    expect(
      marianne.some((f) => f.status === 'loaded'),
      'a Marianne face loaded',
    ).to.be.true;
    expect(doc.fonts.check('16px Marianne')).to.be.true;
  });

  it('draws in DSFR’s colours: blue France clusters and accent, red Marianne programmes', () => {
    const cluster = $('pb-map', '.markers .cluster');
    expect(css(cluster, 'background-color')).to.equal('rgb(0, 0, 145)'); // #000091
    expect(css($('pb-list', '.choose'), 'color')).to.equal('rgb(0, 0, 145)');
    expect(css($('pb-filters', '.reset'), 'border-top-color')).to.equal('rgb(0, 0, 145)');
    const programme = $('pb-map', '.markers .programme');
    expect(css(programme, 'background-color')).to.equal('rgb(201, 25, 30)'); // #c9191e
    expect(css($('pb-list', 'td'), 'border-bottom-color')).to.equal(
      css(doc.querySelector('pb-map')!, 'border-top-color'),
    );
  });

  it('asks nothing of another site: every resource comes from this server', () => {
    const origins = new Set(
      win.performance.getEntriesByType('resource').map((e) => new URL(e.name).origin),
    );
    expect([...origins]).to.deep.equal([win.location.origin]);
  });

  it('passes axe on the whole page', async function () {
    this.timeout(60_000);
    if (!win.axe) {
      const script = doc.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      const loaded = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = reject;
      });
      doc.head.append(script);
      await loaded;
    }
    const results: AxeResults = await win.axe!.run(doc);
    const violations = results.violations.map(
      (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
    expect(violations).to.deep.equal([]);
    // It did look inside the elements' shadow roots (targets there are nested selectors).
    const inShadow = results.passes
      .flatMap((p) => p.nodes)
      .filter((n) => Array.isArray(n.target[0]));
    expect(inShadow.length, 'nodes checked inside shadow roots').to.be.greaterThan(10);
  });

  it('keeps the summary, filters and list bound to the map', () => {
    const summary = doc.querySelector<PbSummary>('pb-summary')!;
    const filters = doc.querySelector<PbFilters>('pb-filters')!;
    const map = doc.querySelector<PbMap>('pb-map')!;
    const total = map.store.state.feed!.programmes.length;
    expect(summary.shadowRoot!.textContent).to.include(`${total} programmes`);
    expect(filters.shadowRoot!.querySelector('[part="count"]')!.textContent).to.include(`${total}`);
  });
});
