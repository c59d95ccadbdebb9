// Keyboard only, with real key presses (the test runner's sendKeys): tab into the map, move
// between markers, zoom into a cluster, open a programme, read its card, close it and land back
// where focus was; announcements and focus asserted at each step. Also the skip link, the map's
// own keys (+, -, arrows) and reduced motion.

import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbMap } from '../../src/elements.js';
import { axeCheck, markerName, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/programmes.json';

/** A page: a button before, the map, its list, a button after. */
async function mount() {
  const page = document.createElement('div');
  page.className = 'page';
  page.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 800px;';
  const before = document.createElement('button');
  before.textContent = 'Before';
  const el = document.createElement('pb-map');
  el.id = 'kbd';
  el.style.setProperty('--pb-map-height', '420px');
  el.setAttribute('src', FEED);
  const list = document.createElement('pb-list');
  list.setAttribute('for', 'kbd');
  list.setAttribute('page-size', '3');
  page.append(before, el, list);
  document.body.append(page);
  await el.ready;
  return { el, before, list };
}

/** The element that has the focus, looking inside shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function liveText(el: PbMap): string {
  return el.shadowRoot!.querySelector('[role=status].sr-only')!.textContent!.trim();
}

function tabStops(el: PbMap): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.markers button')].filter(
    (b) => b.tabIndex === 0,
  );
}

/** Presses `key` until focus is on a marker whose name passes `test` (at most `max` presses). */
async function pressUntil(key: string, test: (name: string) => boolean, max = 12) {
  for (let i = 0; i < max; i++) {
    const f = focused();
    if (f?.classList.contains('marker') && test(markerName(f))) return f as HTMLElement;
    await sendKeys({ press: key });
  }
  throw new Error(`no marker found with ${key}; focus on ${markerName(focused()!)}`);
}

afterEach(async () => {
  for (const el of document.querySelectorAll('.page')) el.remove();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('keyboard only', () => {
  it('tabs into the map once, then to one marker, and moves between markers with arrows', async () => {
    const { el, before } = await mount();
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()!.classList.contains('skip'), 'the skip link comes first').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(focused(), 'then the map itself').to.equal(el.map!.getCanvas());
    await sendKeys({ press: 'Tab' });
    const first = focused()!;
    expect(first.classList.contains('marker'), 'then one marker').to.equal(true);
    // Only one marker is a tab stop, however many there are.
    expect(el.shadowRoot!.querySelectorAll('.markers button').length).to.be.above(2);
    expect(tabStops(el)).to.deep.equal([first]);
    await sendKeys({ press: 'Tab' });
    expect(focused()!.classList.contains('marker'), 'the next Tab leaves the markers').to.equal(
      false,
    );

    // Back to the markers, then across them: the tab stop follows the focus.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(first);
    await sendKeys({ press: 'End' });
    const last = focused()!;
    expect(last).to.not.equal(first);
    expect(tabStops(el)).to.deep.equal([last]);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(first);
    const seen = new Set<string>();
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
      await sendKeys({ press: key });
      seen.add(markerName(focused()!));
    }
    expect(seen.size, 'arrows reach other markers').to.be.above(1);
    const center = el.map!.getCenter();
    expect(el.map!.getCenter()).to.deep.equal(center); // arrows on markers do not pan
    await axeCheck(el);
  });

  it('zooms into a cluster, opens a programme, reads its card and comes back to it', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await mount();
    el.map!.getCanvas().focus();
    await sendKeys({ press: 'Tab' });
    const cluster = await pressUntil('ArrowRight', (n) => n.startsWith('Groupe de 3 programmes'));
    const zoom = el.map!.getZoom();
    let moves = 0;
    const count = () => moves++;
    el.map!.on('move', count);

    await sendKeys({ press: 'Enter' });
    await waitFor(() => liveText(el).startsWith('Zoom'), 5000, 'no zoom announcement');
    el.map!.off('move', count);
    expect(el.map!.getZoom()).to.be.above(zoom);
    expect(moves, 'with reduced motion the zoom is one jump, not an animation').to.equal(1);
    // The three split apart; focus is on one of what the cluster held, not lost to the page.
    expect(cluster.isConnected).to.equal(false);
    const landed = focused()!;
    expect(landed.classList.contains('marker')).to.equal(true);
    const clusters = el.shadowRoot!.querySelectorAll('.markers .cluster:not([inert])').length;
    const singles = el.shadowRoot!.querySelectorAll('.markers .programme:not([inert])').length;
    expect(liveText(el)).to.equal(
      `Zoom : ${clusters} ${clusters > 1 ? 'groupes' : 'groupe'} et ${singles} ${
        singles > 1 ? 'programmes seuls' : 'programme seul'
      } dans la vue`,
    );

    await sendKeys({ press: 'Home' });
    const paris = await pressUntil('ArrowRight', (n) =>
      n.startsWith('Budget participatif de Paris,'),
    );
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const heading = el.shadowRoot!.querySelector('.card h2')!;
    expect(focused(), 'the card’s title has the focus').to.equal(heading);
    expect(heading.textContent).to.equal('Budget participatif de Paris');
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card.getAttribute('role')).to.equal('dialog');
    expect(card.textContent).to.include('2014');
    // Tab goes through the card's own controls.
    await sendKeys({ press: 'Tab' });
    expect(card.contains(focused())).to.equal(true);

    await sendKeys({ press: 'Escape' });
    await waitFor(() => focused() === paris, 3000, 'focus did not come back to the marker');
    expect(el.shadowRoot!.querySelector('.card')).to.equal(null);
  });

  it('announces the result of a filter politely', async () => {
    const { el } = await mount();
    const region = el.shadowRoot!.querySelector('[role=status].sr-only')!;
    expect(region.textContent!.trim()).to.equal('');
    el.store.setFilter({ years: [2015, 2015] }, 'user');
    await el.updateComplete;
    expect(liveText(el)).to.equal('2 programmes affichés');
    el.store.setFilter({ q: 'nowhere' }, 'user');
    await el.updateComplete;
    expect(liveText(el)).to.equal('0 programme affiché');
    // Script changes are not announced.
    el.filter = {};
    await el.updateComplete;
    expect(liveText(el)).to.equal('0 programme affiché');
  });

  it('skips past the map to its list', async () => {
    const { el, before, list } = await mount();
    before.focus();
    await sendKeys({ press: 'Tab' });
    const skip = focused() as HTMLElement;
    expect(skip.textContent!.trim()).to.equal('Passer la carte');
    expect(skip.getBoundingClientRect().width, 'visible when focused').to.be.above(20);
    await sendKeys({ press: 'Enter' });
    expect(list.contains(focused()) || list.shadowRoot!.contains(focused())).to.equal(true);
    void el;
  });

  it('pans with arrow keys and zooms with + and - when the map itself has the focus', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await mount();
    const map = el.map!;
    map.getCanvas().focus();
    const zoom = map.getZoom();
    await sendKeys({ press: '+' });
    await waitFor(() => map.getZoom() > zoom + 0.5, 3000, 'no zoom in');
    const zoomed = map.getZoom();
    await sendKeys({ press: '-' });
    await waitFor(() => map.getZoom() < zoomed - 0.5, 3000, 'no zoom out');
    const lng = map.getCenter().lng;
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => map.getCenter().lng > lng, 3000, 'no pan');
  });
});
