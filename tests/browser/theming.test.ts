// Theming hooks (docs/theming.md): the `--pb-map-*` custom properties set on an ancestor, the
// `::part()` names, `theme="light|dark|auto"` (and no attribute) following the system setting,
// switching theme on a drawn map without reloading anything, and fonts inherited from the page.

import { expect } from '@esm-bundle/chai';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbFilters, PbList, PbMap, PbSummary } from '../../src/elements.js';
import { $, markers, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/programmes.json';

interface Widgets {
  map: PbMap;
  filters: PbFilters;
  list: PbList;
  summary: PbSummary;
  wrapper: HTMLElement;
}

let wrapper: HTMLElement | undefined;
let count = 0;

/** The four elements in a wrapper (which carries the page's theme), loaded and drawn. */
async function mountAll(
  wrapperStyle = '',
  attributes: Record<string, string> = {},
  src = FEED,
): Promise<Widgets> {
  const id = `theming-${++count}`;
  wrapper = document.createElement('div');
  wrapper.setAttribute('style', wrapperStyle);
  const make = (tag: string, own: Record<string, string>) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries({ ...own, ...attributes })) el.setAttribute(k, v);
    wrapper!.append(el);
  };
  make('pb-map', { id, src, style: 'width: 700px' });
  make('pb-summary', { for: id });
  make('pb-filters', { for: id, style: 'position: fixed; top: 0; right: 0; width: 300px' });
  make('pb-list', { for: id, 'page-size': '2' });
  document.body.prepend(wrapper);
  const map = wrapper.querySelector<PbMap>('pb-map')!;
  const filters = wrapper.querySelector<PbFilters>('pb-filters')!;
  const list = wrapper.querySelector<PbList>('pb-list')!;
  const summary = wrapper.querySelector<PbSummary>('pb-summary')!;
  await map.ready.catch(() => undefined);
  if (map.store.state.feed?.programmes.length) {
    await waitFor(() => markers(map).length > 0, 8000, 'no marker drawn');
    await waitFor(() => list.shadowRoot?.querySelector('tbody .choose'), 5000, 'no list row');
  }
  await Promise.all([filters.updateComplete, list.updateComplete, summary.updateComplete]);
  return { map, filters, list, summary, wrapper };
}

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
  wrapper?.remove();
  wrapper = undefined;
  document.getElementById('theming-parts')?.remove();
});

const css = (el: Element, property: string) => getComputedStyle(el).getPropertyValue(property);

async function openCard(map: PbMap): Promise<HTMLElement> {
  expect(map.select('fr-35238')).to.equal(true);
  await waitFor(() => map.shadowRoot!.querySelector('.card h2'), 3000, 'no card');
  return $(map, '.card');
}

/** Relative luminance of an `rgb()` colour: dark surfaces are under 0.2. */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number];
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe('custom properties set on an ancestor', () => {
  it('colour, shape and size every element', async () => {
    const brand = [
      '--pb-map-accent: rgb(122, 16, 64)',
      '--pb-map-accent-text: rgb(255, 250, 240)',
      '--pb-map-cluster: rgb(0, 80, 60)',
      '--pb-map-cluster-text: rgb(250, 250, 210)',
      '--pb-map-programme: rgb(200, 90, 0)',
      '--pb-map-surface: rgb(255, 252, 245)',
      '--pb-map-text: rgb(30, 20, 10)',
      '--pb-map-muted: rgb(90, 70, 50)',
      '--pb-map-focus: rgb(0, 120, 200)',
      '--pb-map-radius: 3px',
      '--pb-map-height: 333px',
      '--pb-list-border: rgb(1, 2, 3)',
      '--pb-list-max-height: 150px',
      '--pb-filters-track: rgb(4, 5, 6)',
      '--pb-filters-bar: rgb(7, 8, 9)',
      '--pb-summary-figure-weight: 800',
    ].join(';');
    const { map, filters, list, summary } = await mountAll(brand);
    const cluster = markers(map).find((b) => b.classList.contains('cluster'))!;
    const programme = markers(map).find((b) => b.classList.contains('programme'))!;
    const card = await openCard(map);
    const found: [string, string, string][] = [
      ['map height', css($(map, '.base'), 'height'), '333px'],
      ['cluster fill', css(cluster, 'background-color'), 'rgb(0, 80, 60)'],
      ['cluster text', css(cluster, 'color'), 'rgb(250, 250, 210)'],
      ['programme fill', css(programme, 'background-color'), 'rgb(200, 90, 0)'],
      ['card surface', css(card, 'background-color'), 'rgb(255, 252, 245)'],
      ['card text', css(card, 'color'), 'rgb(30, 20, 10)'],
      ['card radius', css(card, 'border-top-left-radius'), '3px'],
      ['card label (muted)', css(card.querySelector('dt')!, 'color'), 'rgb(90, 70, 50)'],
      ['card link (accent)', css(card.querySelector('a')!, 'color'), 'rgb(122, 16, 64)'],
      ['legend surface', css($(map, '.legend'), 'background-color'), 'rgb(255, 252, 245)'],
      ['summary text', css($(summary, '.figure'), 'color'), 'rgb(30, 20, 10)'],
      ['summary weight', css($(summary, '.figure'), 'font-weight'), '800'],
      ['list names (accent)', css($(list, '.choose'), 'color'), 'rgb(122, 16, 64)'],
      ['list lines', css($(list, 'td'), 'border-bottom-color'), 'rgb(1, 2, 3)'],
      ['list scroll box', css($(list, '.scroll'), 'max-height'), '150px'],
      ['list "more" fill', css($(list, '.more'), 'background-color'), 'rgb(122, 16, 64)'],
      ['list "more" text', css($(list, '.more'), 'color'), 'rgb(255, 250, 240)'],
      ['filters surface', css($(filters, 'form'), 'background-color'), 'rgb(255, 252, 245)'],
      ['filters reset', css($(filters, '.reset'), 'border-top-color'), 'rgb(122, 16, 64)'],
      ['filters track', css($(filters, '.track'), 'background-color'), 'rgb(4, 5, 6)'],
      ['filters radius', css($(filters, 'form'), 'border-top-left-radius'), '3px'],
    ];
    // A bar outside the year range takes --pb-filters-bar: narrow the years first.
    const from = $<HTMLInputElement>(filters, 'input[name="year-from"]');
    from.value = String(Number(from.min) + 1);
    from.dispatchEvent(new Event('input', { bubbles: true }));
    from.dispatchEvent(new Event('change', { bubbles: true }));
    await filters.updateComplete;
    found.push([
      'filters bar outside the years',
      css($(filters, '.bar:not(.in)'), 'background-color'),
      'rgb(7, 8, 9)',
    ]);
    // The focus ring.
    const reset = $<HTMLButtonElement>(filters, '.reset');
    reset.focus();
    found.push(['focus ring', css(reset, 'outline-color'), 'rgb(0, 120, 200)']);
    reset.blur();
    expect(found.filter(([, got, want]) => got !== want)).to.deep.equal([]);
  });
});

/**
 * The parts each element documents and this feed shows (`region` and `country` of pb-filters
 * appear only with a feed that has regions or several countries; the map's `status` and `note`
 * are checked below).
 */
const PARTS = {
  'pb-map': ['base', 'map', 'skip', 'legend', 'card', 'close'],
  'pb-summary': ['base', 'figure'],
  'pb-list': [
    'base',
    'scope',
    'scroll',
    'table',
    'caption',
    'sort-button',
    'row',
    'choose',
    'footer',
    'more',
  ],
  'pb-filters': ['base', 'count', 'years', 'histogram', 'budget', 'levels', 'search', 'reset'],
} as const;

describe('parts', () => {
  it('every documented part can be styled from the page with ::part()', async () => {
    // A harmless probe property, set on every part from the page's stylesheet.
    const style = document.createElement('style');
    style.id = 'theming-parts';
    style.textContent = Object.entries(PARTS)
      .flatMap(([tag, parts]) => parts.map((p) => `${tag}::part(${p}) { scroll-margin-top: 7px; }`))
      .join('\n');
    document.head.append(style);
    const els = await mountAll();
    await openCard(els.map);
    const missing: string[] = [];
    for (const [tag, parts] of Object.entries(PARTS)) {
      const host = els.wrapper.querySelector(tag)!;
      for (const part of parts) {
        const node = host.shadowRoot!.querySelector(`[part~="${part}"]`);
        if (!node || css(node, 'scroll-margin-top') !== '7px')
          missing.push(`${tag}::part(${part})`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('the map’s status and note are parts too', async () => {
    const { map } = await mountAll('', {}, '/tests/browser/fixtures/partly-invalid.json');
    expect(map.shadowRoot!.querySelector('[part~="note"]'), 'note').to.exist;
    map.src = '/tests/browser/fixtures/no-such-feed.json';
    await map.ready.catch(() => undefined);
    await waitFor(() => map.shadowRoot!.querySelector('[role="alert"]'), 5000, 'no error');
    expect(map.shadowRoot!.querySelector('[role="alert"]')!.getAttribute('part')).to.equal(
      'status',
    );
  });
});

describe('theme', () => {
  const surfaces = (w: Widgets) => ({
    map: css($(w.map, '.legend'), 'background-color'),
    filters: css($(w.filters, 'form'), 'background-color'),
    list: css($(w.list, '.base'), 'background-color'),
    summary: css($(w.summary, '.base'), 'background-color'),
  });
  const darkness = (w: Widgets) =>
    Object.fromEntries(Object.entries(surfaces(w)).map(([k, v]) => [k, luminance(v) < 0.2]));
  const all = (dark: boolean) => ({ map: dark, filters: dark, list: dark, summary: dark });

  for (const [name, attributes] of [
    ['no attribute', {}],
    ['theme="auto"', { theme: 'auto' }],
  ] as const) {
    it(`${name} follows the system setting, light then dark`, async () => {
      const w = await mountAll('', attributes);
      expect(darkness(w), 'light system').to.deep.equal(all(false));
      await emulateMedia({ colorScheme: 'dark' });
      expect(darkness(w), 'dark system').to.deep.equal(all(true));
      await emulateMedia({ colorScheme: 'light' });
      expect(darkness(w), 'light again').to.deep.equal(all(false));
    });
  }

  it('theme="light" and theme="dark" hold whatever the system says', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const light = await mountAll('', { theme: 'light' });
    expect(darkness(light)).to.deep.equal(all(false));
    light.wrapper.remove();
    await emulateMedia({ colorScheme: 'light' });
    const dark = await mountAll('', { theme: 'dark' });
    expect(darkness(dark)).to.deep.equal(all(true));
  });

  it('switching theme on a drawn map keeps the same map, its data and its markers, with no reload', async () => {
    const w = await mountAll();
    const { map } = w;
    const instance = map.map;
    const feed = map.store.state.feed;
    const keys = markers(map)
      .map((b) => b.dataset['key'])
      .sort();
    let reloads = 0;
    map.addEventListener('pb-load', () => reloads++);
    await openCard(map);
    for (const el of [map, w.filters, w.list, w.summary]) el.setAttribute('theme', 'dark');
    await map.updateComplete;
    expect(darkness(w)).to.deep.equal(all(true));
    // MapLibre's own buttons follow: a dark group with light icons, not a white box.
    const zoomIn = $(map, '.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon');
    expect(luminance(css($(map, '.maplibregl-ctrl-group'), 'background-color'))).to.be.below(0.2);
    expect(css(zoomIn, 'filter')).to.equal('invert(1)');
    // Give a reload, if any, the time to start and finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await map.drawn;
    expect(map.map, 'the same MapLibre map').to.equal(instance);
    expect(map.store.state.feed, 'the same feed').to.equal(feed);
    expect(reloads, 'no pb-load').to.equal(0);
    expect(
      markers(map)
        .map((b) => b.dataset['key'])
        .sort(),
      'the same markers',
    ).to.deep.equal(keys);
    expect(map.shadowRoot!.querySelector('.card h2'), 'the card stays open').to.exist;
    // And back.
    for (const el of [map, w.filters, w.list, w.summary]) el.removeAttribute('theme');
    await map.updateComplete;
    expect(darkness(w)).to.deep.equal(all(false));
    expect(luminance(css($(map, '.maplibregl-ctrl-group'), 'background-color'))).to.be.above(0.8);
    expect(css(zoomIn, 'filter')).to.equal('none');
    expect(map.map).to.equal(instance);
    expect(markers(map).length).to.equal(keys.length);
  });
});

describe('fonts', () => {
  it('every element writes in the page’s font', async () => {
    const w = await mountAll('font-family: Georgia, "Times New Roman", serif');
    await openCard(w.map);
    const pageFont = css(w.wrapper, 'font-family');
    const inside = [
      $(w.map, '.card h2'),
      $(w.map, '.card dd'),
      $(w.map, '.legend summary'),
      $(w.summary, '.figure'),
      $(w.list, 'caption'),
      $(w.list, '.choose'),
      $(w.filters, 'legend'),
      $(w.filters, '.reset'),
      $(w.filters, 'input[type="search"]'),
    ];
    for (const host of [w.map, w.summary, w.list, w.filters]) {
      expect(css(host, 'font-family'), `<${host.localName}>`).to.equal(pageFont);
    }
    expect(inside.map((el) => css(el, 'font-family'))).to.deep.equal(inside.map(() => pageFont));
  });

  it('--pb-map-font sets another font for the elements only', async () => {
    const w = await mountAll('font-family: Georgia, serif; --pb-map-font: Verdana, sans-serif');
    await openCard(w.map);
    for (const el of [
      $(w.map, '.card h2'),
      $(w.summary, '.figure'),
      $(w.list, 'caption'),
      $(w.filters, 'legend'),
    ]) {
      expect(css(el, 'font-family')).to.equal('Verdana, sans-serif');
    }
  });
});
