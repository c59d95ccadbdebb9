// view="france": metropolitan France on the map, the five overseas departments and regions in
// insets along its lower-left edge (SVG outlines, no extra WebGL context), clustered and
// clickable like the map, following the filter.

import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbMap } from '../../src/elements.js';
import { messagesFor } from '../../src/core/messages.js';
import { axeCheck, clickAt, euros, markerName, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/france-drom.json';
/** The insets' names in French, in their order, as the fixture's regions spell them. */
const INSETS = ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];

interface FixtureProgramme {
  name: string;
  region: string;
  coordinates: [number, number];
  editions: { year: number }[];
}
let fixture: FixtureProgramme[];

before(async () => {
  const feed = (await (await fetch(FEED)).json()) as { programmes: FixtureProgramme[] };
  fixture = feed.programmes;
});

/** How many programmes of the fixture each inset should hold, with an optional year filter. */
function expectedCounts(years?: [number, number]): Record<string, number> {
  const counts = Object.fromEntries(INSETS.map((name) => [name, 0]));
  for (const p of fixture) {
    if (!(p.region in counts)) continue;
    if (years && !p.editions.some((e) => e.year >= years[0] && e.year <= years[1])) continue;
    counts[p.region]! += 1;
  }
  return counts;
}

async function mount(attributes: Record<string, string> = { view: 'france' }, lang?: string) {
  const page = document.createElement('div');
  page.className = 'page';
  if (lang) page.lang = lang;
  page.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 800px;';
  const before = document.createElement('button');
  before.textContent = 'Before';
  const el = document.createElement('pb-map');
  el.style.setProperty('--pb-map-height', '500px');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('src', FEED);
  page.append(before, el);
  document.body.append(page);
  await el.ready;
  if (attributes['view'] === 'france') {
    await waitFor(() => insetGroups(el).length === 5, 5000, 'the five insets');
  }
  return { el, before };
}

function insetGroups(el: PbMap): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.inset[role=group]')];
}

function groupName(group: HTMLElement): string {
  const id = group.getAttribute('aria-labelledby')!;
  return group.getRootNode() instanceof ShadowRoot
    ? ((group.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '').trim()
    : '';
}

function inset(el: PbMap, name: string): HTMLElement {
  const found = insetGroups(el).find((g) => groupName(g) === name);
  if (!found) throw new Error(`no inset named ${name}`);
  return found;
}

function insetMarkers(group: HTMLElement): HTMLButtonElement[] {
  return [...group.querySelectorAll<HTMLButtonElement>('button.marker')];
}

/** Programmes an inset shows: clusters count theirs, a lone programme one. */
function shownCount(group: HTMLElement): number {
  return insetMarkers(group).reduce(
    (n, b) =>
      n + (b.classList.contains('cluster') ? Number(b.querySelector('.count')!.textContent) : 1),
    0,
  );
}

function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function moveEnd(el: PbMap): Promise<void> {
  return new Promise((resolve) => el.map!.once('moveend', () => resolve()));
}

const CAPITALS: Record<string, [number, number]> = {
  Guadeloupe: [-61.7325, 15.9985],
  Martinique: [-61.0667, 14.6],
  Guyane: [-52.3269, 4.9333],
  'La Réunion': [55.4504, -20.8823],
  Mayotte: [45.2279, -12.7806],
};

afterEach(async () => {
  for (const page of document.querySelectorAll('.page')) page.remove();
  await emulateMedia({ reducedMotion: 'no-preference' });
  await forceColours(false);
});

/** Chrome's forced colours, as a Windows contrast theme (the runner's server command). */
async function forceColours(on: boolean): Promise<void> {
  await executeServerCommand('emulate-media-features', {
    features: [{ name: 'forced-colors', value: on ? 'active' : 'none' }],
  });
  expect(matchMedia('(forced-colors: active)').matches, 'forced colours').to.equal(on);
}

describe('<pb-map view="france">', () => {
  it('frames metropolitan France, Corsica included, and none of the overseas departments', async function () {
    // The page's first map loads MapLibre, its worker and the basemap (software WebGL).
    this.timeout(90_000);
    const { el } = await mount();
    const bounds = el.map!.getBounds();
    for (const [lon, lat] of [
      [-5.1, 48.46], // Ouessant
      [7.75, 48.58], // Strasbourg
      [2.38, 51.03], // Dunkirk
      [9.16, 41.39], // Bonifacio
      [3.05, 42.7], // Perpignan
    ] as [number, number][]) {
      expect(bounds.contains([lon, lat]), `${lon}, ${lat} in view`).to.equal(true);
    }
    for (const [name, at] of Object.entries(CAPITALS)) {
      expect(bounds.contains(at), `${name} out of the map's view`).to.equal(false);
    }
    // Framed on France, not on the data: Ajaccio and Lille are not what sets the view.
    expect(el.getAttribute('view')).to.equal('france');
    expect(el.map!.getZoom()).to.be.within(3.5, 6);
  });

  it('draws five labelled insets with the outline of each territory and its programmes', async () => {
    const { el } = await mount();
    const groups = insetGroups(el);
    expect(groups.map(groupName)).to.deep.equal(INSETS);
    const container = el.shadowRoot!.querySelector('.insets')!;
    expect(container.getAttribute('role')).to.equal('group');
    expect(container.getAttribute('aria-label')).to.equal(messagesFor('fr').overseas);
    // Not extra maps: one WebGL canvas in the element.
    expect(el.shadowRoot!.querySelectorAll('canvas')).to.have.length(1);
    // Each inset draws its territory's land (from the offline basemap's Natural Earth topology).
    await waitFor(
      () =>
        groups.every((g) => (g.querySelector('path.land')?.getAttribute('d') ?? '').length > 20),
      5000,
      'the outlines',
    );
    const expected = expectedCounts();
    for (const group of groups) {
      const name = groupName(group);
      expect(shownCount(group), `${name}: programmes shown`).to.equal(expected[name]);
      // The insets stand along the map's lower-left edge, inside the element.
      const box = group.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      expect(box.left - host.left).to.be.below(host.width / 4);
      expect(box.width).to.be.above(40);
    }
    // Markers are the map's own kind of buttons, with the same names.
    const gp = insetMarkers(inset(el, 'Guadeloupe'));
    expect(gp).to.have.length(1);
    expect(markerName(gp[0]!)).to.match(/^Groupe de 3 programmes, /);
    const mq = insetMarkers(inset(el, 'Martinique'));
    expect(mq.map((b) => markerName(b))).to.deep.equal([
      `Budget participatif de Fort-de-France, 2020 à 2022, ${euros(600_000, true)} par an`,
    ]);
    // The Guadeloupe cluster is drawn over Guadeloupe's land, not in a corner.
    const marker = gp[0]!.getBoundingClientRect();
    const frame = inset(el, 'Guadeloupe').querySelector('.frame')!.getBoundingClientRect();
    expect(marker.left + marker.width / 2).to.be.within(frame.left + 10, frame.right - 10);
    expect(marker.top + marker.height / 2).to.be.within(frame.top + 10, frame.bottom - 10);
  });

  it('opens the card of a programme chosen in an inset, and gives focus back on Escape', async () => {
    const { el } = await mount();
    const selected: string[] = [];
    el.addEventListener('pb-select', (e) => selected.push(e.detail.programme.name));
    const button = insetMarkers(inset(el, 'Martinique'))[0]!;
    clickAt(button);
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card.querySelector('h2')!.textContent!.trim()).to.equal(
      'Budget participatif de Fort-de-France',
    );
    expect(selected).to.deep.equal(['Budget participatif de Fort-de-France']);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => focused() === button, 2000, 'focus back on the inset marker');
  });

  it('moves the map to a cluster chosen in an inset, leaving the overview', async () => {
    await emulateMedia({ reducedMotion: 'reduce' }); // a jump, not a flight
    const { el } = await mount();
    const views: number[] = [];
    el.addEventListener('pb-view-change', (e) => views.push(e.detail.zoom));
    const overview = el.map!.getZoom();
    const cluster = insetMarkers(inset(el, 'Guadeloupe'))[0]!;
    const moved = moveEnd(el);
    clickAt(cluster);
    await moved;
    const center = el.map!.getCenter();
    // Where the three programmes of Guadeloupe stand, zoomed until they split.
    expect(center.lng).to.be.closeTo(-61.54, 0.1);
    expect(center.lat).to.be.closeTo(16.26, 0.1);
    expect(el.map!.getZoom()).to.be.above(overview + 2);
    expect(views, 'a reader’s move').to.have.length(1);
    await el.drawn;
    const names = [...el.shadowRoot!.querySelectorAll('.markers button')].map((b) => markerName(b));
    expect(
      names.some((n) => n.startsWith('Budget participatif des Abymes')),
      names.join(' | '),
    ).to.equal(true);
    // The insets give way while the map is away from the overview.
    await waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('.insets')!.hidden, 2000);
    expect(insetGroups(el).every((g) => g.getClientRects().length === 0)).to.equal(true);
  });

  it('applies the filter to the insets', async () => {
    const { el } = await mount();
    el.years = '2022';
    await el.drawn;
    const expected = expectedCounts([2022, 2022]);
    expect(expected['Mayotte'], 'the fixture has a Mayotte programme outside 2022').to.equal(0);
    expect(expected['Guadeloupe']).to.be.below(expectedCounts()['Guadeloupe']!);
    await waitFor(() =>
      insetGroups(el).every((g) => shownCount(g) === expected[groupName(g)]),
    ).catch(() => {
      throw new Error(
        `inset counts ${JSON.stringify(insetGroups(el).map((g) => [groupName(g), shownCount(g)]))}, expected ${JSON.stringify(expected)}`,
      );
    });
    // An empty inset keeps its name and outline.
    expect(insetMarkers(inset(el, 'Mayotte'))).to.have.length(0);
    el.years = undefined;
    await waitFor(() => shownCount(inset(el, 'Mayotte')) === expectedCounts()['Mayotte']);
  });

  it('reaches the inset markers by keyboard, in order, after the map', async () => {
    const { el, before } = await mount();
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 30 && reached.length < 5; i++) {
      await sendKeys({ press: 'Tab' });
      const f = focused() as HTMLElement | null;
      const group = f?.closest('.inset') as HTMLElement | null;
      if (group && f?.classList.contains('marker')) reached.push(groupName(group));
    }
    // One stop per marker; every inset here has one marker.
    expect(reached).to.deep.equal(INSETS);
    // Mayotte's two programmes stand at one place: Enter lists them, as on the map.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card.querySelector('h2')!.textContent!.trim()).to.equal('2 programmes à cet endroit');
    expect(
      [...card.querySelectorAll('ul.stack button')].map((b) => b.textContent!.trim()),
    ).to.have.members([
      'Budget participatif de Mamoudzou',
      'Budget participatif du Département de Mayotte',
    ]);
    expect(el.map!.getZoom(), 'the map stays on the overview').to.be.below(6);
  });

  it('passes axe with the insets shown, in both themes', async () => {
    const { el } = await mount({ view: 'france', theme: 'dark' });
    await waitFor(() => el.shadowRoot!.querySelector('.inset path.land'), 5000);
    await axeCheck(el);
    el.setAttribute('theme', 'light');
    await el.updateComplete;
    await axeCheck(el);
  });

  it('names the insets in the page’s language', async () => {
    const { el } = await mount({ view: 'france' }, 'en');
    const en = ['Guadeloupe', 'Martinique', 'French Guiana', 'Réunion', 'Mayotte'];
    await waitFor(() => insetGroups(el).map(groupName).join() === en.join(), 5000, 'English names');
    expect(el.shadowRoot!.querySelector('.insets')!.getAttribute('aria-label')).to.equal(
      'French overseas departments and regions',
    );
    const gp = insetMarkers(inset(el, 'Guadeloupe'))[0]!;
    expect(markerName(gp)).to.match(/^Cluster of 3 programmes, /);
  });

  it('keeps the insets’ frames and land visible in forced colours', async () => {
    const { el } = await mount();
    await waitFor(() => el.shadowRoot!.querySelector('.inset path.land'), 5000);
    await forceColours(true);
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    document.body.append(probe);
    const canvasText = getComputedStyle(probe).color;
    probe.remove();
    const frame = el.shadowRoot!.querySelector('.inset .frame')!;
    expect(getComputedStyle(frame).borderTopColor).to.equal(canvasText);
    expect(getComputedStyle(el.shadowRoot!.querySelector('.inset path.land')!).stroke).to.equal(
      canvasText,
    );
  });

  it('re-frames without reloading when the view attribute changes', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { el } = await mount({});
    const map = el.map!;
    // "auto": the data decides; with far-away overseas entries in the main group, Cayenne shows.
    expect(insetGroups(el)).to.have.length(0);
    const autoBounds = map.getBounds();
    let moved = moveEnd(el);
    el.setAttribute('view', 'france');
    await moved;
    await waitFor(() => insetGroups(el).length === 5);
    expect(el.map, 'the same map').to.equal(map);
    const france = map.getBounds();
    expect(france.contains([9.16, 41.39])).to.equal(true);
    for (const at of Object.values(CAPITALS)) expect(france.contains(at)).to.equal(false);
    expect(france.toArray()).to.not.deep.equal(autoBounds.toArray());
    moved = moveEnd(el);
    el.view = 'auto';
    await moved;
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('auto');
    expect(insetGroups(el)).to.have.length(0);
    expect(el.map).to.equal(map);
    const round = (b: typeof autoBounds) =>
      b
        .toArray()
        .flat()
        .map((v) => v.toFixed(5));
    expect(round(map.getBounds())).to.deep.equal(round(autoBounds));
  });

  it('releases its insets when removed, and brings them back when put back', async () => {
    const { el } = await mount();
    const page = el.parentElement!;
    el.remove();
    expect(el.shadowRoot!.querySelector('.insets')).to.equal(null);
    page.append(el);
    await waitFor(() => insetGroups(el).length === 5, 10000, 'insets back');
  });
});
