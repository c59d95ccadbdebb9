// Several maps on one page, and maps that start in hidden containers.
//
// Three maps, each with its own feed (fixtures of 6, 10 and 13 programmes) and its own list,
// summary and filters bound with `for`: each draws its own markers, filtering one changes only
// its own list and figures, and removing one leaves the others working. A map inside a closed
// <details> or a `hidden` tab panel takes the size of its container once shown, with its markers
// drawn inside it.

import { expect } from '@esm-bundle/chai';
import { html, render } from 'lit';
import '../../src/elements.js';
import type { PbFilters, PbList, PbMap, PbSummary } from '../../src/elements.js';
import { $, inside, markers, waitFor } from './helpers.js';

const FEEDS = [
  { src: '/tests/browser/fixtures/programmes.json', count: 6 },
  { src: '/tests/browser/fixtures/filters-programmes.json', count: 10 },
  { src: '/tests/browser/fixtures/list-programmes.json', count: 13 },
];

interface Instance {
  map: PbMap;
  list: PbList;
  summary: PbSummary;
  filters: PbFilters;
  box: HTMLElement;
}

let page: HTMLElement;

afterEach(() => {
  page?.remove();
});

/** How many programmes the drawn markers hold: a cluster its count, a programme one. */
function programmesOnMap(map: PbMap): number {
  return markers(map).reduce(
    (n, b) =>
      n + (b.classList.contains('cluster') ? Number(b.querySelector('.count')!.textContent) : 1),
    0,
  );
}

/** The names in a list, in order. */
function listed(list: PbList): string[] {
  return [...list.shadowRoot!.querySelectorAll('tbody .choose')].map((b) =>
    (b.textContent ?? '').trim(),
  );
}

/** How many programmes of the map's feed stand inside its current view. */
function programmesInView(map: PbMap): number {
  const bounds = map.map!.getBounds();
  return map.store.state.feed!.programmes.filter((p) => bounds.contains(p.coordinates)).length;
}

function summaryText(summary: PbSummary): string {
  return (summary.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The map's canvas fills its frame, and its frame the container's content width. */
function expectFills(map: PbMap, container: HTMLElement, height: number): void {
  const canvas = map.map!.getCanvas().getBoundingClientRect();
  const frame = $(map, '.base').getBoundingClientRect();
  const style = getComputedStyle(container);
  const contentWidth =
    container.getBoundingClientRect().width -
    parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight) -
    parseFloat(style.borderLeftWidth) -
    parseFloat(style.borderRightWidth);
  expect(Math.round(frame.width), 'map as wide as its container').to.equal(
    Math.round(contentWidth),
  );
  expect(Math.round(frame.height), 'map at its height').to.equal(height);
  expect([Math.round(canvas.width), Math.round(canvas.height)], 'canvas size').to.deep.equal([
    Math.round(frame.width),
    Math.round(frame.height),
  ]);
  // The drawing buffer too: what MapLibre renders, not only how the canvas is stretched.
  const buffer = map.map!.getCanvas();
  expect(buffer.width / devicePixelRatio).to.be.closeTo(frame.width, 1);
  expect(buffer.height / devicePixelRatio).to.be.closeTo(frame.height, 1);
}

/** Markers are drawn, and every one stands inside the map's area. */
function expectMarkersInside(map: PbMap): void {
  const area = $(map, '.map').getBoundingClientRect();
  const all = markers(map);
  expect(all.length, 'markers drawn').to.be.greaterThan(0);
  for (const b of all) {
    const r = b.getBoundingClientRect();
    expect(r.width, 'a marker has a size').to.be.greaterThan(0);
    expect(inside(r, area), `${b.getAttribute('aria-label') ?? b.textContent} inside the map`).to.be
      .true;
  }
}

describe('three maps on one page', () => {
  let instances: Instance[];

  beforeEach(async function () {
    this.timeout(60_000); // three maps, rendered in software
    page = document.createElement('div');
    // Side by side, all three in the viewport (each map draws only near it).
    page.style.cssText = 'display: grid; grid-template-columns: repeat(3, 300px); gap: 8px';
    document.body.append(page);
    instances = FEEDS.map(({ src }, i) => {
      const box = document.createElement('section');
      const id = `instance-${i}`;
      render(
        html`<pb-map id=${id} src=${src} style="--pb-map-height: 260px"></pb-map>
          <pb-summary for=${id}></pb-summary>
          <pb-filters for=${id} style="position: fixed; left: -2000px; width: 300px"></pb-filters>
          <pb-list for=${id}></pb-list>`,
        box,
      );
      page.append(box);
      return {
        box,
        map: box.querySelector<PbMap>('pb-map')!,
        list: box.querySelector<PbList>('pb-list')!,
        summary: box.querySelector<PbSummary>('pb-summary')!,
        filters: box.querySelector<PbFilters>('pb-filters')!,
      };
    });
    await Promise.all(instances.map((x) => x.map.ready));
    for (const { map, list } of instances) {
      await waitFor(() => markers(map).length > 0, 8000, `${map.id}: no marker`);
      await waitFor(() => listed(list).length > 0, 5000, `${map.id}: empty list`);
    }
  });

  it('draws each map from its own feed, with its own list and figures', async () => {
    const maps = new Set(instances.map((x) => x.map.map));
    expect(maps.size, 'three MapLibre maps').to.equal(3);
    for (const [i, { map, list, summary }] of instances.entries()) {
      const { count } = FEEDS[i]!;
      // Every programme in view is on the map (the view frames the main group: an overseas
      // entry may be a zoom-out away).
      await map.drawn;
      const inView = programmesInView(map);
      expect(inView, `${map.id}: most of its feed in view`).to.be.at.least(count - 1);
      expect(programmesOnMap(map), `${map.id}: markers hold every programme in view`).to.equal(
        inView,
      );
      expect(listed(list)).to.have.length(count);
      expect(summaryText(summary)).to.include(`${count} programmes`);
      expectMarkersInside(map);
    }
  });

  it('filtering one map changes only its own list, figures and markers', async function () {
    this.timeout(40_000);
    const [first, second, third] = instances as [Instance, Instance, Instance];
    const others = [second, third].map((x) => ({
      list: listed(x.list),
      summary: summaryText(x.summary),
      onMap: programmesOnMap(x.map),
    }));
    // A reader types in the first map's search box and presses Enter.
    const q = $<HTMLInputElement>(first.filters, '#q');
    q.value = 'Rennes';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => listed(first.list).length === 1, 5000, 'the first list is not filtered');
    expect(listed(first.list)).to.deep.equal(['Budget participatif de Rennes']);
    await waitFor(() => summaryText(first.summary).includes('1 programme'), 3000, 'summary');
    await waitFor(() => programmesOnMap(first.map) === 1, 5000, 'the first map is not filtered');
    // The two others have not moved.
    await Promise.all([second.map.drawn, third.map.drawn]);
    expect(
      [second, third].map((x) => ({
        list: listed(x.list),
        summary: summaryText(x.summary),
        onMap: programmesOnMap(x.map),
      })),
    ).to.deep.equal(others);
    expect(second.map.filter).to.deep.equal({});
    expect(third.map.filter).to.deep.equal({});
  });

  it('removing one map leaves the others working', async function () {
    this.timeout(40_000);
    const [first, second, third] = instances as [Instance, Instance, Instance];
    second.box.remove();
    expect(second.map.map, 'the removed map is released').to.equal(undefined);
    // The first still answers its list: choosing a name opens its card.
    $<HTMLButtonElement>(first.list, 'tbody .choose').click();
    await waitFor(() => first.map.shadowRoot!.querySelector('.card h2'), 3000, 'no card');
    // The third still filters, and redraws.
    third.map.filter = { q: 'Metz' };
    await waitFor(() => listed(third.list).length === 1, 3000, 'the third list is not filtered');
    await waitFor(() => programmesOnMap(third.map) === 1, 5000, 'the third map did not redraw');
    expectMarkersInside(third.map);
    expect(programmesOnMap(first.map)).to.be.greaterThan(0);
    expect(first.map.map).to.exist;
  });
});

describe('a map in a hidden container', () => {
  beforeEach(() => {
    page = document.createElement('div');
    page.style.width = '640px';
    document.body.append(page);
  });

  it('in a closed <details>: takes its size and draws its markers once opened', async () => {
    render(
      html` <details>
        <summary>Voir la carte</summary>
        <div class="panel" style="padding: 6px; border: 2px solid #888">
          <pb-map src=${FEEDS[1]!.src} style="--pb-map-height: 300px"></pb-map>
        </div>
      </details>`,
      page,
    );
    const details = page.querySelector('details')!;
    const map = page.querySelector<PbMap>('pb-map')!;
    await map.updateComplete;
    details.open = true;
    await map.ready;
    await waitFor(() => markers(map).length > 0, 8000, 'no marker after opening');
    await map.drawn;
    expect(programmesOnMap(map)).to.equal(programmesInView(map)).and.to.be.greaterThan(1);
    expectFills(map, page.querySelector('.panel')!, 300);
    expectMarkersInside(map);
  });

  it('in a `hidden` tab panel: takes its size and draws its markers once shown', async () => {
    render(
      html` <div role="tabpanel" id="first">Un autre onglet</div>
        <div role="tabpanel" id="second" hidden>
          <pb-map src=${FEEDS[2]!.src} style="--pb-map-height: 320px"></pb-map>
        </div>`,
      page,
    );
    const panel = page.querySelector<HTMLElement>('#second')!;
    const map = page.querySelector<PbMap>('pb-map')!;
    await map.updateComplete;
    expect(getComputedStyle(panel).display).to.equal('none');
    panel.hidden = false;
    await map.ready;
    await waitFor(() => markers(map).length > 0, 8000, 'no marker after showing');
    await map.drawn;
    expect(programmesOnMap(map)).to.equal(programmesInView(map)).and.to.be.greaterThan(1);
    expectFills(map, panel, 320);
    expectMarkersInside(map);
  });

  it('hidden after it was drawn, resized while hidden, then shown again: follows its container', async () => {
    render(
      html` <div role="tabpanel" id="panel">
        <pb-map src=${FEEDS[0]!.src} style="--pb-map-height: 280px"></pb-map>
      </div>`,
      page,
    );
    const panel = page.querySelector<HTMLElement>('#panel')!;
    const map = page.querySelector<PbMap>('pb-map')!;
    await map.ready;
    await waitFor(() => markers(map).length > 0, 8000, 'no marker');
    const instance = map.map;
    panel.hidden = true;
    page.style.width = '420px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    panel.hidden = false;
    await waitFor(
      () => Math.round(map.map!.getCanvas().getBoundingClientRect().width) === 420,
      5000,
      'the canvas did not follow its container',
    );
    expect(map.map, 'the same map').to.equal(instance);
    await map.drawn;
    expectFills(map, panel, 280);
    await waitFor(
      () => programmesOnMap(map) === programmesInView(map),
      5000,
      'markers after resize',
    );
    expectMarkersInside(map);
  });
});
