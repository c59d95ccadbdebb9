// The host page's CSS cannot break the elements, and theirs cannot leak out.
//
// The page loads tests/browser/pages/hostile.css (a modern reset that unsets every element and
// makes custom elements inline, Tailwind's preflight, `box-sizing: content-box !important`,
// `button { all: unset }`, `table { display: block }`, `[hidden] { display: block !important }`,
// a 40px root font size, white uppercase spaced-out centred text with `white-space: pre` and
// `line-height: 3` on the body …). Checked as a reader would see it: the map fills its box, its
// markers are on it, the card opens and reads normally, the list is a table, the figures and
// filters keep their own colours. And the page's own elements look exactly the same before and
// after the four elements are loaded and drawn.

import { expect } from '@esm-bundle/chai';
import { html, render } from 'lit';
import type { PbFilters, PbList, PbMap, PbSummary } from '../../src/elements.js';
import { $, inside, markers, waitFor } from './helpers.js';
import { contrastOf } from './colours.js';

const FEED = '/tests/browser/fixtures/programmes.json';

// ——— Colours ———

// ——— The page ———

/** The page's own elements whose look must not change once the elements are in. */
const HOST_MARKUP = html` <h2>A heading of the page</h2>
  <p>A paragraph with <a href="#somewhere">a link</a>.</p>
  <button type="button">A button of the page</button>
  <table>
    <caption>
      A table of the page
    </caption>
    <tr>
      <th>Head</th>
      <td>Cell</td>
    </tr>
  </table>
  <input type="text" value="A field" />
  <select>
    <option>An option</option>
  </select>
  <details>
    <summary>Details of the page</summary>
    Inside
  </details>
  <ul>
    <li>An item</li>
  </ul>`;

const SAMPLED =
  'h2, p, a, button, table, caption, tr, th, td, input, select, details, summary, ul, li';

/** Every computed property of every sampled element of the page's own markup. */
function snapshot(root: Element): Record<string, string>[] {
  return [...root.querySelectorAll(SAMPLED)].map((el) => {
    const style = getComputedStyle(el);
    const props: Record<string, string> = { element: el.localName };
    for (let i = 0; i < style.length; i++) {
      const name = style.item(i);
      props[name] = style.getPropertyValue(name);
    }
    return props;
  });
}

let hostOwn: HTMLElement;
let beforeLoad: Record<string, string>[];

before(async () => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/tests/browser/pages/hostile.css';
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = reject;
  });
  document.head.append(link);
  await loaded;
  hostOwn = document.createElement('div');
  hostOwn.className = 'host-own';
  render(HOST_MARKUP, hostOwn);
  document.body.append(hostOwn);
  beforeLoad = snapshot(hostOwn);
  // Only now do the elements exist: their definitions and styles come after the page's look
  // was recorded.
  await import('../../src/elements.js');
});

interface Widgets {
  map: PbMap;
  filters: PbFilters;
  list: PbList;
  summary: PbSummary;
  box: HTMLElement;
}

let count = 0;

/** The four elements, in a 700px-wide box of the hostile page, loaded and drawn. */
async function mountAll(boxClass = ''): Promise<Widgets> {
  const id = `hostile-${++count}`;
  const box = document.createElement('div');
  box.className = boxClass;
  box.style.width = '700px';
  render(
    html`<pb-summary for=${id}></pb-summary>
      <pb-filters for=${id}></pb-filters>
      <pb-map id=${id} src=${FEED} style="--pb-map-height: 400px"></pb-map>
      <pb-list for=${id}></pb-list>`,
    box,
  );
  // At the top of the page, so that the map is in view (it draws only near the viewport).
  document.body.prepend(box);
  const map = box.querySelector<PbMap>('pb-map')!;
  const filters = box.querySelector<PbFilters>('pb-filters')!;
  const list = box.querySelector<PbList>('pb-list')!;
  const summary = box.querySelector<PbSummary>('pb-summary')!;
  // The filters are tall: keep them beside, so the map stays in the viewport.
  Object.assign(filters.style, { position: 'fixed', top: '0', right: '0', width: '320px' });
  await map.ready;
  await waitFor(() => markers(map).length > 0, 8000, 'no marker drawn');
  await waitFor(() => list.shadowRoot?.querySelector('tbody .choose'), 5000, 'no list row');
  await Promise.all([filters.updateComplete, list.updateComplete, summary.updateComplete]);
  return { map, filters, list, summary, box };
}

/** The size the map's canvas is drawn at, in CSS pixels. */
function canvasSize(map: PbMap): { width: number; height: number } {
  const canvas = map.map!.getCanvas();
  const r = canvas.getBoundingClientRect();
  return { width: Math.round(r.width), height: Math.round(r.height) };
}

afterEach(() => {
  for (const el of document.querySelectorAll('[class^="hostile-box"], .framed, .plain')) {
    el.remove();
  }
});

describe('a hostile host page', () => {
  it('is really hostile (the stylesheet applies to the page)', () => {
    // The page's own table is a block, its text uppercase: the rules below do bite.
    const table = hostOwn.querySelector('table')!;
    expect(getComputedStyle(table).display).to.equal('block');
    expect(getComputedStyle(document.body).textTransform).to.equal('uppercase');
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('40px');
  });

  it('cannot shrink the map, even when it makes the element inline: the map fills its box at its height', async () => {
    const { map, box } = await mountAll('plain');
    expect(getComputedStyle(map).display, 'the page made the host inline').to.equal('inline');
    const frame = $(map, '.base').getBoundingClientRect();
    const boxStyle = getComputedStyle(box);
    const boxContent =
      box.getBoundingClientRect().width -
      parseFloat(boxStyle.paddingLeft) -
      parseFloat(boxStyle.paddingRight);
    // As wide as the box it stands in, as tall as --pb-map-height.
    expect(Math.round(frame.width)).to.equal(Math.round(boxContent));
    expect(Math.round(frame.height)).to.equal(400);
    expect(canvasSize(map)).to.deep.equal({
      width: Math.round(frame.width),
      height: Math.round(frame.height),
    });
  });

  it('a map the page frames with padding and a border fills its content box', async () => {
    const { map } = await mountAll('framed');
    const style = getComputedStyle(map);
    expect(style.display).to.equal('block');
    const r = map.getBoundingClientRect();
    const edge = (side: string) =>
      parseFloat(style.getPropertyValue(`padding-${side}`)) +
      parseFloat(style.getPropertyValue(`border-${side}-width`));
    const content = {
      width: Math.round(r.width - edge('left') - edge('right')),
      height: Math.round(r.height - edge('top') - edge('bottom')),
    };
    expect(content.height, 'the content box is --pb-map-height').to.equal(400);
    expect(canvasSize(map)).to.deep.equal(content);
  });

  it('draws the markers on the map, inside its box', async () => {
    const { map } = await mountAll('plain');
    const area = $(map, '.map').getBoundingClientRect();
    const visible = markers(map).filter((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && inside(r, area);
    });
    expect(visible.length, 'markers inside the map').to.be.greaterThan(0);
    // Round, and their text one line in the map's own font size, not the page's.
    const cluster = markers(map).find((b) => b.classList.contains('cluster'));
    expect(cluster, 'a cluster is drawn').to.exist;
    const r = cluster!.getBoundingClientRect();
    expect(Math.abs(r.width - r.height)).to.be.below(1);
    expect(getComputedStyle(cluster!).fontSize).to.equal('12px');
  });

  it('opens a readable card: its own colours, normal text, inside the map', async () => {
    const { map } = await mountAll('plain');
    expect(map.select('fr-35238')).to.equal(true);
    await waitFor(() => map.shadowRoot!.querySelector('.card h2'), 3000, 'no card');
    const card = $(map, '.card');
    const heading = $(map, '.card h2');
    expect(heading.textContent).to.include('Rennes');
    expect(inside(card.getBoundingClientRect(), $(map, '.base').getBoundingClientRect())).to.be
      .true;
    for (const el of [heading, ...card.querySelectorAll('dd, dt, td, a')]) {
      expect(contrastOf(el), `contrast of "${el.textContent?.trim()}"`).to.be.at.least(4.5);
      const style = getComputedStyle(el);
      expect(style.textTransform, 'not in capitals').to.equal('none');
      expect(style.letterSpacing, 'not spaced out').to.equal('normal');
      expect(style.whiteSpace, 'lines wrap').not.to.equal('pre');
      expect(style.fontStyle).to.equal('normal');
      // Lines at most 1.5 times the text: the page's `line-height: 3` stays out.
      expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize)).to.be.below(1.6);
    }
    // The card's link keeps the map's accent, not the page's `a { color: yellow !important }`.
    const link = card.querySelector('a')!;
    expect(getComputedStyle(link).color).not.to.equal('rgb(255, 255, 0)');
  });

  it('keeps the list a table, with its rows and columns', async () => {
    const { list } = await mountAll('plain');
    const table = $(list, 'table');
    expect(getComputedStyle(table).display).to.equal('table');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(list.shadowRoot!.querySelectorAll('tbody .choose').length);
    // The cells of a row stand side by side on one line, under their headings.
    const cells = [...rows[0]!.children].map((c) => c.getBoundingClientRect());
    const headings = [...table.querySelectorAll('thead th')].map((c) => c.getBoundingClientRect());
    expect(cells.length).to.equal(headings.length);
    for (let i = 1; i < cells.length; i++) {
      expect(cells[i]!.top, `cell ${i} on the row's line`).to.equal(cells[0]!.top);
      expect(cells[i]!.left, `cell ${i} right of the one before`).to.be.greaterThan(
        cells[i - 1]!.left,
      );
      expect(Math.round(cells[i]!.left)).to.equal(Math.round(headings[i]!.left));
    }
    for (const el of [table.querySelector('caption')!, table.querySelector('.choose')!]) {
      expect(contrastOf(el), `contrast of "${el.textContent?.trim()}"`).to.be.at.least(4.5);
      expect(getComputedStyle(el).textTransform).to.equal('none');
    }
  });

  it('keeps the figures and the filters readable in their own colours', async () => {
    const { summary, filters } = await mountAll('plain');
    const figure = $(summary, '.figure');
    expect(figure.textContent).to.match(/\d/);
    expect(contrastOf(figure)).to.be.at.least(4.5);
    expect(getComputedStyle(figure).textTransform).to.equal('none');
    // The filters: the reset is a button with its border, the sliders have their width.
    const reset = $(filters, '.reset');
    expect(parseFloat(getComputedStyle(reset).borderTopWidth)).to.be.at.least(1);
    expect(contrastOf(reset)).to.be.at.least(4.5);
    const slider = $(filters, 'input[type="range"]');
    expect(slider.getBoundingClientRect().width).to.be.greaterThan(150);
    expect(contrastOf($(filters, 'legend'))).to.be.at.least(4.5);
  });

  it('keeps a hidden element hidden despite `[hidden] { display: block !important }`', async () => {
    const { summary } = await mountAll('plain');
    summary.hidden = true;
    expect(getComputedStyle(summary).display).to.equal('none');
    expect(summary.getBoundingClientRect().height).to.equal(0);
  });

  it('leaves the page’s own elements exactly as they were', async () => {
    const { map } = await mountAll('plain');
    map.select('fr-35238');
    await waitFor(() => map.shadowRoot!.querySelector('.card h2'), 3000, 'no card');
    const after = snapshot(hostOwn);
    expect(after.length).to.equal(beforeLoad.length);
    for (let i = 0; i < beforeLoad.length; i++) {
      const changed = Object.keys(beforeLoad[i]!).filter((k) => beforeLoad[i]![k] !== after[i]![k]);
      expect(
        changed.map(
          (k) => `${beforeLoad[i]!['element']} ${k}: ${beforeLoad[i]![k]} → ${after[i]![k]}`,
        ),
      ).to.deep.equal([]);
    }
  });
});
