// <pb-map> under a filter: presets in HTML, attributes that reflect the filter, events fired on
// what a person does (not on script), re-clustered bubbles with filtered sums, the card under a
// filter, and url-state. Feeds over real HTTP; the clustering runs in its real worker.

import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import type { PbFilterChangeEvent, PbMap, PbViewChangeEvent } from '../../src/elements.js';
import { axeCheck, euros, markerName, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/programmes.json';

function mount(attributes: Record<string, string> = {}) {
  const el = document.createElement('pb-map');
  el.style.setProperty('--pb-map-height', '500px');
  el.style.width = '800px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('src', FEED);
  const events = { filter: [] as PbFilterChangeEvent[], view: [] as PbViewChangeEvent[] };
  el.addEventListener('pb-filter-change', (e) => events.filter.push(e));
  el.addEventListener('pb-view-change', (e) => events.view.push(e));
  document.body.append(el);
  return { el, events };
}

/** The accessible names of the markers drawn (clusters name themselves by their content). */
function names(el: PbMap): string[] {
  return [...el.shadowRoot!.querySelectorAll('.markers button')].map(markerName);
}

/** Sum of the programmes the markers in view stand for. */
function drawnCount(el: PbMap): number {
  return [...el.shadowRoot!.querySelectorAll('.markers button')].reduce(
    (n, b) =>
      n + (b.classList.contains('cluster') ? Number(b.querySelector('.count')!.textContent) : 1),
    0,
  );
}

afterEach(() => {
  for (const el of document.querySelectorAll('pb-map')) el.remove();
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<pb-map> filters', () => {
  it('applies filter presets from HTML, reflected in their canonical form', async () => {
    const { el, events } = mount({ years: '2015 - 2016', level: 'commune', budget: '-2000000' });
    await el.ready;
    expect(el.filter).to.deep.equal({
      years: [2015, 2016],
      levels: ['commune'],
      budget: [0, 2_000_000],
    });
    // Montreuil (2015, 1.5 M) is the only edition in those years under 2 M.
    expect(el.selection!.totals.programmes).to.equal(1);
    expect(names(el)).to.deep.equal([
      `Budget participatif de Montreuil, 2015, ${euros(1_500_000, true)} par an`,
    ]);
    expect(el.getAttribute('years')).to.equal('2015-2016');
    expect(el.getAttribute('budget')).to.equal('0-2000000');
    expect(events.filter, 'no event for a preset').to.have.length(0);
  });

  it('re-clusters with the filtered sums when the filter changes from script, without an event', async () => {
    const { el, events } = mount();
    await el.ready;
    expect(names(el)).to.include(
      `Groupe de 3 programmes, ${euros(76_500_000, true)} (budget connu pour 2)`,
    );
    // In 2014 only Paris had an edition: its 2014 budget is the figure, alone on the map.
    el.setAttribute('years', '2014-2015');
    await el.updateComplete;
    await el.drawn;
    expect(el.selection!.totals.programmes).to.equal(2);
    expect(names(el)).to.include(`Groupe de 2 programmes, ${euros(76_500_000, true)}`);
    el.filter = { years: [2014, 2014] };
    await el.drawn;
    expect(el.getAttribute('years')).to.equal('2014');
    expect(drawnCount(el)).to.equal(1);
    // Its figure under the filter is its 2014 budget.
    expect(names(el)).to.deep.equal([
      `Budget participatif de Paris, 2014 à 2015, ${euros(17_700_000, true)} par an`,
    ]);
    expect(events.filter).to.have.length(0);
  });

  it('fires pb-filter-change with the counts when a person changes the filter', async () => {
    const { el, events } = mount();
    await el.ready;
    el.store.setFilter({ budgetPer: 'inhabitant', budget: [1, 20] }, 'user');
    await el.drawn;
    expect(events.filter).to.have.length(1);
    const detail = events.filter[0]!.detail;
    // Rennes: 3.5 M / 222,485 ≈ 15.7 €/inhabitant; Paris: 75 M / 2.1 M ≈ 35.7, 17.7 M / 2.1 M ≈ 8.4.
    expect(detail.programmes).to.equal(2);
    expect(detail.setAside, 'programmes without a population').to.equal(4);
    expect(detail.totals.budget).to.equal(3_500_000 + 17_700_000);
    expect(el.getAttribute('budget-per')).to.equal('inhabitant');
    expect(drawnCount(el)).to.equal(2);
  });

  it('shows an empty map, still accessible, when the filter keeps nothing', async () => {
    const { el } = mount({ q: 'nowhere at all' });
    await el.ready;
    expect(el.selection!.totals.programmes).to.equal(0);
    expect(names(el)).to.deep.equal([]);
    await axeCheck(el);
  });

  it('says on the card which budget the filter retains and which editions it leaves out', async () => {
    const { el } = mount({ years: '2014' });
    await el.ready;
    el.select('fr-75056');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card.textContent).to.include('Budget retenu par le filtre');
    expect(card.textContent).to.include(`${euros(17_700_000)} (2014)`);
    const outside = [...card.querySelectorAll('tr.outside th')].map((th) => th.textContent!.trim());
    expect(outside).to.deep.equal(['2015 (hors filtre)']);
    expect(card.querySelector('.legend')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.legend')!.textContent).to.include('en 2014');
    await axeCheck(el);
  });

  it('fires pb-view-change when a person zooms into a cluster, not when the map frames itself', async () => {
    const { el, events } = mount();
    await el.ready;
    expect(events.view).to.have.length(0);
    const cluster = [
      ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.markers .cluster'),
    ].find((b) => b.textContent!.includes('3'))!;
    cluster.click();
    await waitFor(() => events.view.length > 0);
    expect(events.view[0]!.detail.zoom).to.be.above(5);
    expect(events.view[0]!.detail.inView).to.equal(el.store.state.inView!.length);
  });
});

describe('<pb-map url-state>', () => {
  it('reopens the filter, view and card written in the hash, and keeps the host’s own hash', async () => {
    const state = encodeURIComponent('years=2016-2017&view=-1.6778,48.1173,9&open=fr-35238');
    history.replaceState(null, '', `#intro&pb-shared=${state}`);
    const { el } = mount({ id: 'shared', 'url-state': '', years: '2014' });
    await el.ready;
    expect(el.filter).to.deep.equal({ years: [2016, 2017] }); // the URL wins over the preset
    expect(el.map!.getZoom()).to.equal(9);
    await waitFor(() => el.shadowRoot!.querySelector('.card h2'));
    expect(el.shadowRoot!.querySelector('.card h2')!.textContent).to.include('Rennes');
    // Changes are written back, in this map's segment only, without a history entry.
    const length = history.length;
    el.store.setFilter({ years: [2015, 2016] }, 'user');
    const hash = location.hash;
    expect(hash.startsWith('#intro&pb-shared=')).to.equal(true);
    expect(decodeURIComponent(hash.split('pb-shared=')[1]!)).to.match(
      /^years=2015-2016&view=[^&]+&open=fr-35238$/,
    );
    expect(history.length).to.equal(length);
  });

  it('follows the hash when it changes (back button, a link on the page)', async () => {
    const { el, events } = mount({ 'url-state': '' });
    await el.ready;
    location.hash = `pb=${encodeURIComponent('level=other')}`;
    await waitFor(() => el.selection!.totals.programmes === 2);
    await el.drawn;
    expect(el.getAttribute('level')).to.equal('other');
    expect(events.filter).to.have.length(1);
    expect(names(el)).to.deep.equal([`Groupe de 2 programmes, ${euros(30_000, true)}`]);
  });

  it('leaves the URL alone without url-state', async () => {
    history.replaceState(null, '', `#intro`);
    const { el } = mount();
    await el.ready;
    el.store.setFilter({ years: [2015, 2016] }, 'user');
    expect(location.hash).to.equal('#intro');
  });
});
