// Colour contrast of the four elements in every theme, measured on rendered nodes.
//
// WCAG 2.1 AA (RGAA 4.1 criteria 3.2 and 3.3): text at 4.5:1 against its background (3:1 when
// large or bold large), the parts that identify a control or a marker, and the focus ring, at
// 3:1 against what surrounds them (1.4.3, 1.4.11). Colours come from getComputedStyle on the
// real nodes in the shadow roots; semi-transparent ones are composited over what is behind.

import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbFilters, PbList, PbMap, PbSummary } from '../../src/elements.js';
import { DARK_BASEMAP, LIGHT_BASEMAP } from '../../src/map/basemap.js';
import { $, clickAt, markerName, markers, waitFor } from './helpers.js';
import { backgroundOf, contrastRatio, isTransparent, luminance, type Rgba } from './colours.js';

const FEED = '/tests/browser/fixtures/programmes.json';

// ——— Colours and ratios ———

/** r, g, b in 0–255 and alpha in 0–1. */
/** The colour of a `box-shadow: 0 0 0 Npx <colour>` halo. */
function haloOf(el: Element): string {
  const shadow = getComputedStyle(el).boxShadow;
  const colour = /rgba?\([^)]*\)/.exec(shadow)?.[0];
  if (!colour) throw new Error(`no halo on ${el.className}: "${shadow}"`);
  return colour;
}

// ——— Measuring ———

interface Measure {
  what: string;
  ratio: number;
  min: number;
}

/** Collects the ratios of one theme, then checks them all at once (listing every failure). */
class Report {
  readonly measures: Measure[] = [];
  constructor(readonly theme: string) {}

  pair(what: string, fg: string | Rgba, bg: string | Rgba, min: number): void {
    this.measures.push({ what, ratio: contrastRatio(fg, bg), min });
  }

  /** The text colour of `el` against what is behind it. */
  text(what: string, el: Element | null, min = 4.5): void {
    if (!el) throw new Error(`${this.theme}: nothing to measure for "${what}"`);
    this.pair(what, getComputedStyle(el).color, backgroundOf(el), min);
  }

  check(): void {
    const lines = this.measures.map(
      (m) => `${m.ratio >= m.min ? 'ok  ' : 'FAIL'} ${m.ratio.toFixed(2)} ≥ ${m.min}  ${m.what}`,
    );
    console.log(`Contrast, ${this.theme}:\n${lines.join('\n')}`);
    const failures = this.measures.filter((m) => m.ratio < m.min);
    expect(failures, `${this.theme}:\n${lines.join('\n')}`).to.deep.equal([]);
  }
}

/** The focus ring of `el` once focused: 3px solid or more, outside, and its colour. */
function focusRing(el: HTMLElement): string {
  el.focus();
  expect(el.matches(':focus-visible'), `${el.className || el.localName} shows focus`).to.be.true;
  const { outlineStyle, outlineWidth, outlineColor } = getComputedStyle(el);
  el.blur();
  expect(outlineStyle, 'outline style').to.equal('solid');
  expect(parseFloat(outlineWidth), 'outline width').to.be.at.least(3);
  return outlineColor;
}

/** Moves a year handle as a drag's last step does, so that some bars fall outside the years. */
async function narrowYears(filters: PbFilters): Promise<void> {
  const from = $<HTMLInputElement>(filters, 'input[name="year-from"]');
  from.value = String(Number(from.min) + 2);
  from.dispatchEvent(new Event('input', { bubbles: true }));
  from.dispatchEvent(new Event('change', { bubbles: true }));
  await filters.updateComplete;
}

/** What a system colour resolves to under the colour scheme of `el`. */
function systemColour(name: string, el: Element): string {
  const probe = document.createElement('div');
  probe.style.colorScheme = getComputedStyle(el).colorScheme;
  probe.style.backgroundColor = name;
  document.body.append(probe);
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

// ——— Mounting ———

interface Widgets {
  map: PbMap;
  filters: PbFilters;
  list: PbList;
  summary: PbSummary;
}

let count = 0;

/** A map (800x500, in view) with its filters, list (2 rows a page) and summary, all loaded. */
async function mountAll(theme?: string): Promise<Widgets> {
  const id = `contrast-${++count}`;
  const make = <T extends HTMLElement>(tag: string, attributes: Record<string, string>): T => {
    const el = document.createElement(tag) as T;
    if (theme) el.setAttribute('theme', theme);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    document.body.append(el);
    return el;
  };
  const map = make<PbMap>('pb-map', { id, src: FEED });
  map.style.setProperty('--pb-map-height', '500px');
  map.style.width = '800px';
  const filters = make<PbFilters>('pb-filters', { for: id });
  // Out of the flow, so that the map stays in the viewport (it draws only once near it).
  Object.assign(filters.style, { position: 'fixed', top: '0', right: '0', width: '320px' });
  const list = make<PbList>('pb-list', { for: id, 'page-size': '2' });
  const summary = make<PbSummary>('pb-summary', { for: id });
  await map.ready;
  await waitFor(() => markers(map).length > 0, 5000, 'no marker drawn');
  await waitFor(
    () => list.shadowRoot?.querySelector('tbody .choose'),
    5000,
    'the list shows no row',
  );
  await Promise.all([filters.updateComplete, list.updateComplete, summary.updateComplete]);
  return { map, filters, list, summary };
}

function marker(map: PbMap, kind: 'cluster' | 'programme', name?: string): HTMLButtonElement {
  const found = markers(map).find(
    (b) => b.classList.contains(kind) && (!name || markerName(b).includes(name)),
  );
  if (!found) throw new Error(`no ${kind} marker ${name ?? ''}`);
  return found;
}

/** Where markers are drawn: the offline basemap's water and land, and the map's own background. */
function mapBackgrounds(map: PbMap, dark: boolean): [string, string][] {
  const basemap = dark ? DARK_BASEMAP : LIGHT_BASEMAP;
  return [
    ['basemap water', basemap.water],
    ['basemap land', basemap.land],
    ['map background', getComputedStyle($(map, '.map')).backgroundColor],
  ];
}

// ——— The themes ———

const THEMES = [
  { name: 'light (default)', scheme: 'light', theme: undefined, dark: false },
  { name: 'dark (theme="dark")', scheme: 'light', theme: 'dark', dark: true },
  { name: 'system dark (auto)', scheme: 'dark', theme: undefined, dark: true },
  { name: 'theme="light" on a dark system', scheme: 'dark', theme: 'light', dark: false },
] as const;

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
  for (const el of document.querySelectorAll('pb-map, pb-filters, pb-list, pb-summary')) {
    el.remove();
  }
});

describe('colour contrast (WCAG 1.4.3, 1.4.11)', () => {
  for (const t of THEMES) {
    it(`meets AA in ${t.name}`, async () => {
      await emulateMedia({ colorScheme: t.scheme });
      const { map, filters, list, summary } = await mountAll(t.theme);
      const report = new Report(t.name);

      // The theme is the one asked for, on every element.
      for (const [el, surface] of [
        [map, $(map, '.legend')],
        [filters, $(filters, 'form')],
        [list, list],
        [summary, summary],
      ] as const) {
        const dark = luminance(backgroundOf(surface)) < 0.2;
        expect(dark, `<${el.localName}> is ${t.dark ? 'dark' : 'light'}`).to.equal(t.dark);
      }

      // <pb-map>: the legend, the markers on the basemap, the focus ring, the card.
      const legend = $(map, '.legend');
      report.text('map: legend text', legend.querySelector('summary'));
      const cluster = marker(map, 'cluster');
      const programme = marker(map, 'programme', 'Rennes');
      const clusterStyle = getComputedStyle(cluster);
      report.text('map: cluster count on cluster fill', cluster.querySelector('.count'));
      report.text('map: cluster sum on cluster fill', cluster.querySelector('.sum'));
      for (const [kind, el] of [
        ['cluster', cluster],
        ['programme', programme],
      ] as const) {
        const style = getComputedStyle(el);
        report.pair(
          `map: ${kind} fill vs its ring`,
          style.backgroundColor,
          style.borderTopColor,
          3,
        );
        for (const [where, colour] of mapBackgrounds(map, t.dark)) {
          report.pair(`map: ${kind} halo vs ${where}`, haloOf(el), colour, 3);
        }
      }
      expect(clusterStyle.borderTopStyle).to.equal('solid');
      const markerRing = focusRing(cluster);
      for (const [where, colour] of mapBackgrounds(map, t.dark)) {
        report.pair(`map: marker focus ring vs ${where}`, markerRing, colour, 3);
      }
      report.pair('map: marker focus ring vs surface', markerRing, backgroundOf(legend), 3);

      clickAt(programme);
      await waitFor(() => map.shadowRoot!.querySelector('.card h2'), 3000, 'no card opened');
      await map.updateComplete;
      const card = $(map, '.card');
      report.text('map: card title', card.querySelector('h2'));
      report.text('map: card label (muted)', card.querySelector('dt'));
      report.text('map: card value', card.querySelector('dd'));
      report.text('map: card link', card.querySelector('a'));
      report.text('map: card close button', card.querySelector('.close'));
      report.pair(
        'map: focus ring vs card',
        focusRing(card.querySelector<HTMLElement>('.close')!),
        backgroundOf(card),
        3,
      );

      // <pb-filters>: texts, fields, the switch, the sliders and the histogram.
      const form = $(filters, 'form');
      const surface = backgroundOf(form);
      report.text('filters: legend', $(filters, 'legend'));
      report.text('filters: count', $(filters, '.summary'));
      report.text('filters: hint (muted)', $(filters, '.leaves'));
      const search = $(filters, "input[type='search']");
      report.text('filters: search text', search);
      report.pair(
        'filters: search border vs surface',
        getComputedStyle(search).borderTopColor,
        surface,
        3,
      );
      const reset = $(filters, '.reset');
      report.text('filters: reset button text', reset);
      report.pair(
        'filters: reset button border vs surface',
        getComputedStyle(reset).borderTopColor,
        surface,
        3,
      );
      const checked = $(filters, '.switch label:has(input:checked)');
      report.text('filters: chosen switch text', checked);
      report.pair(
        'filters: switch border vs surface',
        getComputedStyle(checked).borderTopColor,
        surface,
        3,
      );
      const track = $(filters, '.track');
      report.pair('filters: slider track vs surface', backgroundOf(track), surface, 3);
      report.pair(
        'filters: slider fill vs surface',
        getComputedStyle($(filters, '.fill')).backgroundColor,
        surface,
        3,
      );
      // The thumbs (pseudo-elements, out of getComputedStyle's reach) are the accent, ringed
      // with the surface: the accent's ratio is the fill's above.
      await narrowYears(filters);
      expect(filters.shadowRoot!.querySelectorAll('.bar:not(.in)')).to.have.length.above(0);
      for (const bar of filters.shadowRoot!.querySelectorAll('.bar')) {
        const what = bar.classList.contains('in') ? 'in the years' : 'outside them';
        report.pair(`filters: histogram bar ${what}`, backgroundOf(bar), surface, 3);
      }
      report.pair('filters: focus ring vs surface', focusRing(search), surface, 3);

      // <pb-list>: caption, cells, names (links), unknown values, the "more" button.
      const listSurface = backgroundOf(list);
      report.text('list: caption', $(list, 'caption'));
      report.text('list: heading', $(list, '.sort'));
      report.text('list: sort arrow (muted)', $(list, '.arrow'));
      report.text('list: cell', $(list, 'tbody td.number'));
      report.text('list: name (link)', $(list, '.choose'));
      report.text('list: footer (muted)', $(list, '.footer'));
      const more = $(list, '.more');
      report.text('list: "more" button text', more);
      report.pair(
        'list: "more" button vs surface',
        getComputedStyle(more).backgroundColor,
        listSurface,
        3,
      );
      report.pair('list: focus ring vs surface', focusRing($(list, '.choose')), listSurface, 3);

      // <pb-summary>: the figures and, when some programmes are set aside, the note.
      report.text('summary: figure', $(summary, '.figure'));
      const note = summary.shadowRoot!.querySelector('.note');
      if (note) report.text('summary: note (muted)', note);

      report.check();
    });
  }
});

describe('forced colours (Windows contrast themes)', () => {
  /** The style rules inside `@media (forced-colors: active)` of an element's shadow root. */
  function forcedRules(el: Element): CSSStyleRule[] {
    return el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) =>
      [...sheet.cssRules]
        .filter(
          (r): r is CSSMediaRule =>
            r instanceof CSSMediaRule && /forced-colors:\s*active/.test(r.media.mediaText),
        )
        .flatMap((r) =>
          [...r.cssRules].filter((i): i is CSSStyleRule => i instanceof CSSStyleRule),
        ),
    );
  }

  /**
   * Turns Chrome's forced colours on, as a Windows contrast theme does (a server command of
   * web-test-runner.config.mjs: the test runner's emulateMedia cannot with this launcher).
   */
  async function forceColours(on: boolean): Promise<void> {
    await executeServerCommand('emulate-media-features', {
      features: [{ name: 'forced-colors', value: on ? 'active' : 'none' }],
    });
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours').to.equal(on);
  }

  afterEach(async () => {
    await forceColours(false);
  });

  for (const theme of [undefined, 'dark']) {
    it(`keeps markers, sliders, bars, borders and focus visible (theme ${theme ?? 'auto'})`, async () => {
      const { map, filters, list } = await mountAll(theme);
      await forceColours(true);
      const report = new Report(`forced colours (theme ${theme ?? 'auto'})`);

      for (const kind of ['cluster', 'programme'] as const) {
        const el = marker(map, kind);
        const style = getComputedStyle(el);
        expect(isTransparent(style.borderTopColor), `${kind} border`).to.be.false;
        expect(style.borderTopStyle, `${kind} border`).to.equal('solid');
        report.pair(`map: ${kind} ring vs fill`, style.borderTopColor, style.backgroundColor, 3);
        report.pair(`map: ${kind} ring vs halo`, style.borderTopColor, haloOf(el), 3);
        const ring = focusRing(el);
        expect(isTransparent(ring), `${kind} focus ring`).to.be.false;
      }
      report.text('map: cluster count', marker(map, 'cluster').querySelector('.count'));
      const keys = map.shadowRoot!.querySelectorAll('.legend .key');
      for (const key of keys) {
        expect(isTransparent(getComputedStyle(key).borderTopColor), 'legend key').to.be.false;
      }

      // The surface of forced colours is Canvas.
      const surface = systemColour('Canvas', filters);
      await narrowYears(filters);
      // Track, fill and bars: drawn in system colours other than the surface's. (How far apart
      // they are is the reader's theme's business: Windows' contrast themes set them.)
      for (const which of ['.track', '.fill', '.bar.in', '.bar:not(.in)']) {
        const colour = getComputedStyle($(filters, which)).backgroundColor;
        expect(isTransparent(colour), `${which} is drawn`).to.be.false;
        expect(colour, `${which} differs from the surface`).to.not.equal(surface);
      }
      // The thumbs are pseudo-elements that getComputedStyle cannot reach: their forced rules.
      const thumbRules = forcedRules(filters).filter((r) =>
        r.selectorText.includes('slider-thumb'),
      );
      const plain = thumbRules.find((r) => !/:disabled|:focus/.test(r.selectorText));
      expect(plain?.style.backgroundColor, 'thumb fill').to.equal('buttontext');
      expect(plain?.style.borderColor, 'thumb ring').to.equal('canvas');
      const focused = thumbRules.find((r) => r.selectorText.includes(':focus-visible'));
      expect(focused?.style.outlineColor, 'thumb focus ring').to.equal('highlight');
      const search = $(filters, "input[type='search']");
      expect(isTransparent(getComputedStyle(search).borderTopColor), 'field border').to.be.false;
      expect(isTransparent(focusRing(search)), 'field focus ring').to.be.false;

      const cell = $(list, 'tbody td');
      const cellStyle = getComputedStyle(cell);
      expect(isTransparent(cellStyle.borderBottomColor), 'table border').to.be.false;
      report.pair(
        'list: table border',
        cellStyle.borderBottomColor,
        systemColour('Canvas', list),
        3,
      );
      expect(isTransparent(focusRing($(list, '.choose'))), 'list focus ring').to.be.false;

      report.check();
    });
  }
});
