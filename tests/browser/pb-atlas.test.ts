import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
// Only the atlas: it must fetch the other elements itself, when it nears the viewport.
import '../../src/elements/pb-atlas/pb-atlas.js';
import type { PbAtlas } from '../../src/elements/pb-atlas/pb-atlas.js';
import type { PbFilters } from '../../src/elements/pb-filters/pb-filters.js';
import type { PbList } from '../../src/elements/pb-list/pb-list.js';
import type { PbSummary } from '../../src/elements/pb-summary/pb-summary.js';
import { axeCheck, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/list-programmes.json';

function mountAtlas(attributes: Record<string, string> = {}, parent = document.body): PbAtlas {
  const atlas = document.createElement('pb-atlas');
  atlas.setAttribute('src', FEED);
  for (const [name, value] of Object.entries(attributes)) atlas.setAttribute(name, value);
  atlas.style.setProperty('--pb-map-height', '400px');
  parent.append(atlas);
  return atlas;
}

const part = <E extends Element>(atlas: PbAtlas, selector: string): E =>
  atlas.shadowRoot!.querySelector<E>(selector)!;
const summary = (atlas: PbAtlas) => part<PbSummary>(atlas, 'pb-summary');
const filters = (atlas: PbAtlas) => part<PbFilters>(atlas, 'pb-filters');
const list = (atlas: PbAtlas) => part<PbList>(atlas, 'pb-list');
const toggle = (atlas: PbAtlas) => part<HTMLButtonElement>(atlas, 'button.toggle');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The names in the list's rows (first cell). */
function listNames(atlas: PbAtlas): string[] {
  return [...list(atlas).shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    squash(tr.children[0]!.textContent!),
  );
}

/** Types in the filters' search box and presses Enter, as a reader does. */
async function search(atlas: PbAtlas, text: string): Promise<void> {
  const q = filters(atlas).shadowRoot!.querySelector<HTMLInputElement>('#q')!;
  q.value = text;
  q.dispatchEvent(new Event('input', { bubbles: true }));
  q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  await filters(atlas).updateComplete;
}

function noHorizontalScroll(): void {
  const root = document.scrollingElement!;
  expect(root.scrollWidth, 'page scroll width').to.be.at.most(root.clientWidth);
}

let programmes: number;

before(async () => {
  const feed = (await (await fetch(FEED)).json()) as { programmes: unknown[] };
  programmes = feed.programmes.length;
});

afterEach(async () => {
  for (const el of document.querySelectorAll('pb-atlas, .spacer')) el.remove();
  window.scrollTo(0, 0);
  await setViewport({ width: 800, height: 600 });
});

describe('<pb-atlas>', () => {
  // First: the other elements are defined by this test, for the whole file.
  it('fetches the map, filters, figures and list only when it nears the viewport', async () => {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.style.height = '3000px';
    document.body.append(spacer);
    const atlas = mountAtlas();
    const loaded: Event[] = [];
    atlas.addEventListener('pb-load', (event) => loaded.push(event));
    await atlas.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const tag of ['pb-map', 'pb-filters', 'pb-summary', 'pb-list']) {
      expect(customElements.get(tag), `${tag} before scrolling`).to.equal(undefined);
    }
    expect(atlas.map).to.equal(undefined);
    // Its frame already holds the map's room, and says what is coming.
    expect(part<HTMLElement>(atlas, 'pb-map').getBoundingClientRect().height).to.equal(400);
    expect(squash(part<HTMLElement>(atlas, '[part="status"]').textContent!)).to.equal(
      'Chargement des budgets participatifs…',
    );

    atlas.scrollIntoView();
    await waitFor(() => customElements.get('pb-list'), 10_000, 'elements not loaded');
    await atlas.ready;
    expect(atlas.map).to.equal(part(atlas, 'pb-map'));
    expect(atlas.map!.selection!.totals.programmes).to.equal(programmes);
    expect(part(atlas, '[part="status"]')).to.equal(null);
    expect(loaded, 'pb-load heard on <pb-atlas>').to.have.length(1);
    expect((loaded[0] as CustomEvent).detail.programmes).to.equal(programmes);
  });

  it('wires figures, filters and list to its own map', async () => {
    await setViewport({ width: 1200, height: 900 });
    const atlas = mountAtlas();
    await atlas.ready;
    await summary(atlas).updateComplete;
    await list(atlas).updateComplete;
    expect(squash(summary(atlas).shadowRoot!.textContent!)).to.contain(`${programmes} programmes`);
    expect(listNames(atlas)).to.have.length(programmes);

    const changes: CustomEvent[] = [];
    atlas.addEventListener('pb-filter-change', (event) => changes.push(event));
    await search(atlas, 'Brest');
    await list(atlas).updateComplete;
    const names = listNames(atlas);
    expect(names.length).to.be.within(1, programmes - 1);
    for (const name of names) expect(name).to.contain('Brest');
    expect(names).to.have.length(atlas.map!.selection!.totals.programmes);
    expect(squash(summary(atlas).shadowRoot!.textContent!)).to.match(
      new RegExp(`^${names.length} programmes?\\b`),
    );
    // The map's events reach a listener on the atlas (they are composed).
    expect(changes).to.have.length(1);
    expect(changes[0]!.detail.programmes).to.equal(names.length);
  });

  it('passes its presets, theme and language to the parts', async () => {
    const atlas = mountAtlas({ years: '2019-2021', theme: 'dark', lang: 'en' });
    atlas.scrollIntoView();
    await atlas.ready;
    expect(atlas.map!.filter.years).to.deep.equal([2019, 2021]);
    for (const tag of ['pb-map', 'pb-summary', 'pb-filters', 'pb-list']) {
      expect(part(atlas, tag).getAttribute('theme'), tag).to.equal('dark');
    }
    // The dark surface, in the atlas and in its parts.
    const background = (el: Element) => getComputedStyle(el).backgroundColor;
    expect(background(atlas)).to.equal('rgb(22, 22, 22)');
    expect(background(summary(atlas))).to.equal('rgb(22, 22, 22)');
    await filters(atlas).updateComplete;
    expect(squash(filters(atlas).shadowRoot!.querySelector('legend')!.textContent!)).to.equal(
      'Filter programmes',
    );
    expect(squash(toggle(atlas).textContent!)).to.equal('Figures, filters and list');
    // A preset set later re-filters the map.
    atlas.years = '2020';
    await atlas.updateComplete;
    expect(atlas.map!.filter.years).to.deep.equal([2020, 2020]);
  });

  it('puts the figures and filters beside the map when wide, the list below', async () => {
    await setViewport({ width: 1200, height: 900 });
    const atlas = mountAtlas();
    await atlas.ready;
    const map = part<HTMLElement>(atlas, 'pb-map').getBoundingClientRect();
    const side = filters(atlas).getBoundingClientRect();
    const below = list(atlas).getBoundingClientRect();
    expect(side.right, 'filters left of the map').to.be.at.most(map.left);
    expect(side.top, 'filters beside the map').to.be.below(map.bottom);
    expect(below.top, 'list below the map').to.be.at.least(map.bottom);
    expect(summary(atlas).getBoundingClientRect().right).to.be.at.most(map.left);
    // No panel to open: the button is not there, the parts are all shown.
    expect(toggle(atlas).checkVisibility()).to.equal(false);
    expect(filters(atlas).checkVisibility()).to.equal(true);
    expect(list(atlas).checkVisibility()).to.equal(true);
    noHorizontalScroll();
    await axeCheck(atlas);
  });

  it('follows its own width, not the window: narrow in a narrow column of a wide page', async () => {
    await setViewport({ width: 1200, height: 900 });
    const column = document.createElement('div');
    column.className = 'spacer';
    column.style.width = '400px';
    document.body.append(column);
    const atlas = mountAtlas({}, column);
    await atlas.ready;
    expect(toggle(atlas).checkVisibility()).to.equal(true);
    expect(filters(atlas).checkVisibility()).to.equal(false);
  });

  it('at 320 px: map first, a button opens the panel under it, nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const atlas = mountAtlas();
    await atlas.ready;
    const button = toggle(atlas);
    const map = part<HTMLElement>(atlas, 'pb-map').getBoundingClientRect();
    expect(button.checkVisibility()).to.equal(true);
    expect(button.getBoundingClientRect().top).to.be.at.least(map.bottom);
    expect(map.width).to.be.above(250);
    // Closed: the panel's parts are hidden.
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    const panel = atlas.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
    expect(panel.contains(filters(atlas))).to.equal(true);
    expect(panel.contains(summary(atlas))).to.equal(true);
    expect(panel.contains(list(atlas))).to.equal(true);
    for (const el of [summary(atlas), filters(atlas), list(atlas)]) {
      expect(el.checkVisibility(), `${el.localName} closed`).to.equal(false);
    }
    noHorizontalScroll();
    await axeCheck(atlas);

    button.click();
    await atlas.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    for (const el of [summary(atlas), filters(atlas), list(atlas)]) {
      expect(el.checkVisibility(), `${el.localName} open`).to.equal(true);
      const box = el.getBoundingClientRect();
      expect(box.top, `${el.localName} under the map`).to.be.at.least(map.bottom);
      expect(box.right, `${el.localName} within the width`).to.be.at.most(320);
    }
    await list(atlas).updateComplete;
    expect(listNames(atlas)).to.have.length(programmes);
    noHorizontalScroll();
    await axeCheck(atlas);

    button.click();
    await atlas.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(filters(atlas).checkVisibility()).to.equal(false);
  });

  it('keeps the same map when its layout changes', async () => {
    await setViewport({ width: 1200, height: 900 });
    const atlas = mountAtlas();
    await atlas.ready;
    const before = atlas.map!;
    const maplibre = before.map;
    await setViewport({ width: 320, height: 640 });
    await waitFor(() => toggle(atlas).checkVisibility(), 2000, 'narrow layout not applied');
    expect(atlas.map).to.equal(before);
    expect(atlas.map!.map).to.equal(maplibre);
  });

  it('shows its map again when taken out of the page and put back', async () => {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.style.height = '3000px';
    document.body.append(spacer);
    const atlas = mountAtlas();
    await atlas.updateComplete;
    atlas.remove();
    spacer.remove();
    // Put back at the top of the page, it draws its map.
    document.body.append(atlas);
    await atlas.ready;
    expect(atlas.map!.selection!.totals.programmes).to.equal(programmes);
  });
});
