import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements.js';
import type { PbFilters } from '../../src/elements.js';
import type { PbFilterChangeEvent } from '../../src/elements/pb-map/pb-map.events.js';
import { axeCheck, nextFrame, waitFor } from './helpers.js';

const FEED = '/tests/browser/fixtures/filters-programmes.json';
// Amounts as this browser's Intl writes them in French (spaces differ between ICU versions).
const euros = (n: number) =>
  new Intl.NumberFormat('fr', {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(n);

/*
 * The fixture: 10 programmes, editions 2014–2024.
 *   paris       commune           Île-de-France       FR  2.1 M hab.  2014 17.7 M, 2015 75 M, 2021 75 M
 *   montreuil   commune           Île-de-France       FR  (no pop.)   2015 1.5 M, 2018 2 M
 *   rennes      commune           Bretagne            FR  222,485     2016 3.5 M, 2017 3.5 M, 2020 4 M
 *   brest       commune           Bretagne            FR  140,000     2019 500 k
 *   nantes      commune           Pays de la Loire    FR  320,000     2018 0, 2022 2.5 M
 *   gironde     department        Nouvelle-Aquitaine  FR  1.6 M       2019 1.5 M, 2023 2 M
 *   région      region            Bretagne            FR  3.4 M       2022 5 M
 *   lille       intercommunality  Hauts-de-France     FR  1.15 M      2020 2 M, 2024 2 M
 *   lycée       other             Occitanie           FR  (no pop.)   2021 20 k
 *   lisboa      commune           —                   PT  545,000     2016 2.5 M, 2024 5 M
 */

/** A 400x300 <pb-map> with the fixture, and its pb-filter-change events. */
function mountMap(id: string, parent: HTMLElement = document.body) {
  const map = document.createElement('pb-map');
  map.id = id;
  map.style.setProperty('--pb-map-height', '300px');
  map.style.width = '400px';
  map.setAttribute('src', FEED);
  const changes: PbFilterChangeEvent[] = [];
  map.addEventListener('pb-filter-change', (e) => changes.push(e));
  parent.append(map);
  return { map, changes };
}

function mountFilters(forId: string, parent: HTMLElement = document.body): PbFilters {
  const filters = document.createElement('pb-filters');
  filters.setAttribute('for', forId);
  // Out of the flow, so that maps stay in the viewport (a map draws only once near it).
  Object.assign(filters.style, { position: 'fixed', top: '0', right: '0', width: '320px' });
  parent.append(filters);
  return filters;
}

/** A map and its filters, loaded. */
async function setup(id = 'map') {
  const { map, changes } = mountMap(id);
  const filters = mountFilters(id);
  await map.ready;
  await filters.updateComplete;
  return { map, filters, changes };
}

function $<T extends Element = HTMLInputElement>(filters: PbFilters, selector: string): T {
  const el = filters.shadowRoot!.querySelector<T>(selector);
  if (!el) throw new Error(`no ${selector} in <pb-filters>`);
  return el;
}

const text = (filters: PbFilters, selector: string) =>
  $<HTMLElement>(filters, selector).textContent!.replace(/\s+/g, ' ').trim();

/** Moves a range handle as a drag's last step does: value, input, then change. */
async function slide(filters: PbFilters, name: string, value: number): Promise<void> {
  const input = $(filters, `input[name="${name}"]`);
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await filters.updateComplete;
}

function options(filters: PbFilters, select: string): string[] {
  return [...$<HTMLSelectElement>(filters, select).options].map((o) =>
    o.textContent!.replace(/\s+/g, ' ').trim(),
  );
}

function levelLabels(filters: PbFilters): string[] {
  return [...filters.shadowRoot!.querySelectorAll('input[name="level"]')].map((input) =>
    input.closest('label')!.textContent!.replace(/\s+/g, ' ').trim(),
  );
}

afterEach(() => {
  for (const el of document.querySelectorAll('pb-map, pb-filters, [data-test]')) el.remove();
});

describe('<pb-filters>', () => {
  it('shows every control with the feed’s span, facet counts and the count kept', async () => {
    const { filters } = await setup();
    expect(text(filters, '[part~="count"]')).to.equal('10 programmes sur 10');
    // Shown, not announced: the map announces the filter's results, once.
    const count = $<HTMLElement>(filters, '[part~="count"]');
    expect(count.checkVisibility()).to.equal(true);
    expect(count.getAttribute('role')).to.equal(null);
    expect(
      filters.shadowRoot!.querySelector(
        '[role="status"], [role="alert"], [role="log"], [aria-live]',
      ),
      'no live region in <pb-filters>',
    ).to.equal(null);
    const from = $(filters, '#year-from');
    const to = $(filters, '#year-to');
    expect([from.min, from.max, from.value, to.value]).to.deep.equal([
      '2014',
      '2024',
      '2014',
      '2024',
    ]);
    // Each handle has its own name (a real label) and a value text.
    expect(from.labels![0]!.textContent).to.equal('Première année');
    expect(to.labels![0]!.textContent).to.equal('Dernière année');
    expect(from.getAttribute('aria-valuetext')).to.equal('2014');
    expect($(filters, '#budget-min').labels![0]!.textContent).to.equal('Budget minimum');
    expect($(filters, '#budget-min').getAttribute('aria-valuetext')).to.equal('sans minimum');
    expect($(filters, '#budget-max').getAttribute('aria-valuetext')).to.equal('sans maximum');
    // The histogram: programmes per year, decorative, with a table for screen readers.
    expect($(filters, '.histogram').getAttribute('aria-hidden')).to.equal('true');
    expect(filters.shadowRoot!.querySelectorAll('.bar')).to.have.length(11);
    const rows = [...filters.shadowRoot!.querySelectorAll('table tbody tr')].map((tr) =>
      tr.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).to.deep.equal([
      '2014 1',
      '2015 2',
      '2016 2',
      '2017 1',
      '2018 2',
      '2019 2',
      '2020 2',
      '2021 2',
      '2022 2',
      '2023 1',
      '2024 2',
    ]);
    expect(levelLabels(filters)).to.deep.equal([
      'Commune (6)',
      'Intercommunalité (1)',
      'Département (1)',
      'Région (1)',
      'Autre structure (1)',
    ]);
    expect(options(filters, '#region')).to.deep.equal([
      'Toutes les régions',
      'Bretagne (3)',
      'Hauts-de-France (1)',
      'Île-de-France (2)',
      'Nouvelle-Aquitaine (1)',
      'Occitanie (1)',
      'Pays de la Loire (1)',
    ]);
    expect(options(filters, '#country')).to.deep.equal([
      'Tous les pays',
      'France (9)',
      'Portugal (1)',
    ]);
    await axeCheck(filters);
  });

  it('draws each year’s bar under its place on the slider, inside the element at any width', async () => {
    const { filters } = await setup();
    // 200px: the 11 years' steps are narrower than a handle, the bars touch; 320 and 900px:
    // fewer years than room, each bar as wide as a handle (a city page's four years at 320px
    // once stood 37px out on each side, over the page's margin and the map beside it).
    for (const width of [200, 320, 900]) {
      filters.style.width = `${width}px`;
      await nextFrame();
      const host = filters.getBoundingClientRect();
      const track = $<HTMLElement>(filters, '.track').getBoundingClientRect();
      const bars = [...filters.shadowRoot!.querySelectorAll('.bar')].map((b) =>
        b.getBoundingClientRect(),
      );
      expect(bars, `${width}px`).to.have.length(11);
      const step = track.width / 10;
      bars.forEach((bar, i) => {
        const where = `${width}px, bar of ${2014 + i}`;
        expect(bar.left, where).to.be.at.least(host.left);
        expect(bar.right, where).to.be.at.most(host.right);
        expect(bar.left + bar.width / 2, where).to.be.closeTo(track.left + i * step, 1.5);
        expect(bar.width, where).to.be.closeTo(Math.min(step - 1, 18), 1);
        if (i > 0) expect(bar.left, where).to.be.at.least(bars[i - 1]!.right);
      });
    }
  });

  it('filters on the years with either handle, and the map fires pb-filter-change', async () => {
    const { map, filters, changes } = await setup();
    await slide(filters, 'year-from', 2019);
    expect(map.filter).to.deep.equal({ years: [2019, 2024] });
    expect(map.selection!.totals.programmes).to.equal(9); // all but montreuil
    expect(map.getAttribute('years')).to.equal('2019-2024');
    await slide(filters, 'year-to', 2020);
    expect(map.filter).to.deep.equal({ years: [2019, 2020] });
    expect(map.selection!.totals.programmes).to.equal(4); // rennes, brest, gironde, lille
    expect(changes.map((e) => e.detail.programmes)).to.deep.equal([9, 4]);
    expect(text(filters, '[part~="count"]')).to.equal('4 programmes sur 10');
    expect(text(filters, '#years-leaves')).to.equal('4 programmes sur 10');
    expect(text(filters, '.years .values')).to.equal('2019 – 2020');
    // Bars in the range are highlighted.
    const bars = [...filters.shadowRoot!.querySelectorAll('.bar')];
    expect(bars.map((b) => b.classList.contains('in'))).to.deep.equal(
      [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map(
        (y) => y >= 2019 && y <= 2020,
      ),
    );
    // A handle stops at the other one.
    await slide(filters, 'year-from', 2023);
    expect(map.filter.years).to.deep.equal([2020, 2020]);
    expect($(filters, '#year-from').value).to.equal('2020');
    // Both back at the ends: no year constraint at all.
    await slide(filters, 'year-from', 2014);
    await slide(filters, 'year-to', 2024);
    expect(map.filter).to.deep.equal({});
    expect(map.selection!.totals.programmes).to.equal(10);
  });

  it('coalesces input events to one per frame and never skips the last one', async () => {
    const { map, filters, changes } = await setup();
    const input = $(filters, '#year-from');
    for (const year of [2015, 2016, 2017, 2018]) {
      input.value = String(year);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    expect(changes, 'nothing before the frame').to.have.length(0);
    await nextFrame();
    await nextFrame();
    expect(changes).to.have.length(1);
    expect(map.filter.years).to.deep.equal([2018, 2024]);
    input.value = '2019';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(map.filter.years, 'change commits at once').to.deep.equal([2019, 2024]);
    await nextFrame();
    await nextFrame();
    expect(changes.map((e) => e.detail.filter.years)).to.deep.equal([
      [2018, 2024],
      [2019, 2024],
    ]);
  });

  it('maps the budget handles to amounts on a log scale, open at the ends', async () => {
    const { map, filters } = await setup();
    const min = $(filters, '#budget-min');
    const max = $(filters, '#budget-max');
    expect([min.min, min.max, min.value, max.value]).to.deep.equal(['0', '50', '0', '50']);
    await slide(filters, 'budget-min', 30); // 10^(3 + 30/10)
    expect(map.filter).to.deep.equal({ budget: [1_000_000, Infinity] });
    expect(map.selection!.totals.programmes).to.equal(8); // not brest (500 k), not the lycée
    expect(map.getAttribute('budget')).to.equal('1000000-');
    expect(min.getAttribute('aria-valuetext')).to.equal(euros(1_000_000));
    expect(max.getAttribute('aria-valuetext')).to.equal('sans maximum');
    await slide(filters, 'budget-max', 35); // 10^6.5 ≈ 3 162 278, two significant digits
    expect(map.filter).to.deep.equal({ budget: [1_000_000, 3_200_000] });
    // montreuil, nantes, gironde, lille, lisboa: an edition between 1 M and 3.2 M
    expect(map.selection!.totals.programmes).to.equal(5);
    expect(text(filters, '.budget .values')).to.equal(
      `${euros(1_000_000)} – ${euros(3_200_000)}`.replace(/\s+/g, ' '),
    );
    expect(text(filters, '#budget-leaves')).to.equal('5 programmes sur 10');
    await slide(filters, 'budget-min', 25); // 10^5.5 ≈ 316 228
    expect(map.filter.budget).to.deep.equal([320_000, 3_200_000]);
    await slide(filters, 'budget-min', 0);
    await slide(filters, 'budget-max', 50);
    expect(map.filter).to.deep.equal({});
    // The bottom and top of the scale: 1 000 € and 100 M€.
    await slide(filters, 'budget-min', 1);
    expect(map.filter.budget).to.deep.equal([1300, Infinity]);
    await slide(filters, 'budget-max', 49);
    expect(map.filter.budget).to.deep.equal([1300, 79_000_000]);
  });

  it('switches to per inhabitant, with its own scale, and says how many are set aside', async () => {
    const { map, filters, changes } = await setup();
    $(filters, 'input[name="budget-per"][value="inhabitant"]').click();
    await filters.updateComplete;
    expect(map.filter).to.deep.equal({ budgetPer: 'inhabitant' });
    expect(map.selection!.setAside).to.equal(2); // montreuil and the lycée state no population
    expect(map.selection!.totals.programmes).to.equal(8);
    expect(changes.at(-1)!.detail.setAside).to.equal(2);
    expect(text(filters, '.aside')).to.equal('2 programmes sans population connue mis de côté');
    expect(text(filters, '[part~="count"]')).to.equal('8 programmes sur 10');
    await slide(filters, 'budget-min', 20); // 10^(-1 + 20/10) = 10 €/hab.
    expect(map.filter).to.deep.equal({ budgetPer: 'inhabitant', budget: [10, Infinity] });
    expect(map.selection!.totals.programmes).to.equal(2); // paris (35.7), rennes (18)
    expect($(filters, '#budget-min').getAttribute('aria-valuetext')).to.equal(`${euros(10)}/hab.`);
    await axeCheck(filters);
    // Back to total: the range in euros per inhabitant is dropped.
    $(filters, 'input[name="budget-per"][value="total"]').click();
    await filters.updateComplete;
    expect(map.filter).to.deep.equal({});
    expect(filters.shadowRoot!.querySelector('.aside')).to.equal(null);
  });

  it('leaves the budget range out for a feed that states no budget, unless a budget is set', async () => {
    // A city's winning projects without amounts (as Rennes publishes them).
    const map = document.createElement('pb-map');
    map.id = 'no-budgets';
    Object.assign(map.style, { width: '400px', '--pb-map-height': '300px' });
    map.setAttribute('src', '/tests/browser/fixtures/no-budgets.json');
    document.body.append(map);
    const filters = mountFilters('no-budgets');
    await map.ready;
    await filters.updateComplete;
    expect(text(filters, '[part~="count"]')).to.equal('4 projets sur 4');
    // Booleans: chai would print an element at length (and hang) when failing.
    expect(!!filters.shadowRoot!.querySelector('[part~="budget"]'), 'budget range').to.equal(false);
    expect(filters.shadowRoot!.querySelectorAll('.bar')).to.have.length(3); // 2017-2019
    expect(filters.shadowRoot!.querySelector('#q'), 'search').to.exist;
    await axeCheck(filters);

    // A page that sets a budget anyway: the range shows why nothing is kept, and resets.
    map.setAttribute('budget', '100000-');
    await waitFor(() => map.selection?.totals.programmes === 0, 2000);
    await filters.updateComplete;
    expect(text(filters, '[part~="count"]')).to.equal('0 projet sur 4');
    expect(text(filters, '[part~="budget"] .values')).to.equal(
      `${euros(100_000)} – sans maximum`.replace(/\s+/g, ' '),
    );
    $<HTMLButtonElement>(filters, '[part~="reset"]').click();
    await waitFor(() => map.selection?.totals.programmes === 4, 2000);
    await filters.updateComplete;
    expect(!!filters.shadowRoot!.querySelector('[part~="budget"]'), 'after reset').to.equal(false);
  });

  it('gives levels, regions and countries exact facet counts under the other constraints', async () => {
    const { map, filters } = await setup();
    await slide(filters, 'year-from', 2019);
    await slide(filters, 'year-to', 2020);
    expect(levelLabels(filters)).to.deep.equal([
      'Commune (2)',
      'Intercommunalité (1)',
      'Département (1)',
      'Région (0)',
      'Autre structure (0)',
    ]);
    expect(options(filters, '#region')).to.deep.equal([
      'Toutes les régions',
      'Bretagne (2)',
      'Hauts-de-France (1)',
      'Île-de-France (0)',
      'Nouvelle-Aquitaine (1)',
      'Occitanie (0)',
      'Pays de la Loire (0)',
    ]);
    // A level: its own count does not change, the others' do.
    $(filters, 'input[name="level"][value="commune"]').click();
    await filters.updateComplete;
    expect(map.filter).to.deep.equal({ years: [2019, 2020], levels: ['commune'] });
    expect(map.selection!.totals.programmes).to.equal(2);
    expect(levelLabels(filters)[0]).to.equal('Commune (2)');
    expect(options(filters, '#region')[1]).to.equal('Bretagne (2)');
    expect(options(filters, '#region')[2]).to.equal('Hauts-de-France (0)');
    // A region, through the select.
    const region = $<HTMLSelectElement>(filters, '#region');
    region.value = 'Bretagne';
    region.dispatchEvent(new Event('change', { bubbles: true }));
    await filters.updateComplete;
    expect(map.filter.regions).to.deep.equal(['Bretagne']);
    expect(map.getAttribute('region')).to.equal('Bretagne');
    expect(map.selection!.totals.programmes).to.equal(2); // rennes, brest
    expect(options(filters, '#country')).to.deep.equal([
      'Tous les pays',
      'France (2)',
      'Portugal (0)',
    ]);
    // A country.
    const country = $<HTMLSelectElement>(filters, '#country');
    country.value = 'PT';
    country.dispatchEvent(new Event('change', { bubbles: true }));
    await filters.updateComplete;
    expect(map.filter.countries).to.deep.equal(['PT']);
    expect(map.selection!.totals.programmes).to.equal(0);
    expect(text(filters, '[part~="count"]')).to.equal('0 programme sur 10');
    // Filtered to nothing: still accessible.
    await axeCheck(filters);
  });

  it('searches names and places after a pause in typing, or at once on Enter', async () => {
    const { map, filters } = await setup();
    const q = $(filters, '#q');
    expect(q.type).to.equal('search');
    q.value = 'bre';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    await filters.updateComplete;
    expect(map.filter.q, 'not while typing').to.equal(undefined);
    expect(q.value).to.equal('bre');
    await waitFor(() => map.filter.q === 'bre', 1000);
    expect(map.selection!.totals.programmes).to.equal(2); // Brest, Région (Bretagne)
    await filters.updateComplete;
    expect(text(filters, '#q-leaves')).to.equal('2 programmes sur 10');
    q.value = 'lisb';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(map.filter.q).to.equal('lisb');
    expect(map.selection!.totals.programmes).to.equal(1);
    await new Promise((r) => setTimeout(r, 250));
    expect(map.filter.q).to.equal('lisb');
  });

  it('resets every constraint at once', async () => {
    const { map, filters, changes } = await setup();
    map.filter = {
      years: [2016, 2018],
      budget: [1e6, 1e7],
      budgetPer: 'total',
      levels: ['commune'],
      regions: ['Bretagne'],
      countries: ['FR'],
      q: 'rennes',
    };
    await filters.updateComplete;
    expect(map.selection!.totals.programmes).to.equal(1);
    $<HTMLButtonElement>(filters, '.reset').click();
    await filters.updateComplete;
    expect(map.filter).to.deep.equal({});
    expect(map.selection!.totals.programmes).to.equal(10);
    expect(changes.at(-1)!.detail.filter).to.deep.equal({});
    expect($(filters, '#year-from').value).to.equal('2014');
    expect($(filters, '#year-to').value).to.equal('2024');
    expect($(filters, '#budget-min').value).to.equal('0');
    expect($(filters, '#budget-max').value).to.equal('50');
    expect($(filters, '#q').value).to.equal('');
    expect($<HTMLSelectElement>(filters, '#region').value).to.equal('');
    expect($<HTMLSelectElement>(filters, '#country').value).to.equal('');
    expect(
      [...filters.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="level"]')].some(
        (i) => i.checked,
      ),
    ).to.equal(false);
    expect(text(filters, '[part~="count"]')).to.equal('10 programmes sur 10');
  });

  it('follows the map’s filter when it changes from attributes or script', async () => {
    const { map, filters, changes } = await setup();
    map.setAttribute('years', '2016-2017');
    await map.updateComplete;
    await filters.updateComplete;
    expect($(filters, '#year-from').value).to.equal('2016');
    expect($(filters, '#year-to').value).to.equal('2017');
    expect(text(filters, '[part~="count"]')).to.equal('2 programmes sur 10'); // rennes, lisboa
    map.setAttribute('budget-per', 'inhabitant');
    map.setAttribute('level', 'commune,region');
    map.setAttribute('q', 'budget');
    await map.updateComplete;
    await filters.updateComplete;
    expect($(filters, 'input[name="budget-per"][value="inhabitant"]').checked).to.equal(true);
    expect(
      [
        ...filters.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="level"]:checked'),
      ].map((i) => i.value),
    ).to.deep.equal(['commune', 'region']);
    expect($(filters, '#q').value).to.equal('budget');
    // Several regions: the select says so instead of showing a wrong single one.
    map.filter = { regions: ['Bretagne', 'Occitanie'] };
    await filters.updateComplete;
    const region = $<HTMLSelectElement>(filters, '#region');
    expect(region.selectedOptions[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Plusieurs : Bretagne, Occitanie (4)',
    );
    map.filter = { regions: ['bretagne'] };
    await filters.updateComplete;
    expect(region.value).to.equal('Bretagne');
    expect(changes, 'script changes fire no event').to.have.length(0);
  });

  it('works from the keyboard', async () => {
    const { map, filters } = await setup();
    const from = $(filters, '#year-from');
    from.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => map.filter.years !== undefined, 1000);
    expect(map.filter.years).to.deep.equal([2015, 2024]);
    await sendKeys({ press: 'End' }); // stops at the other handle
    await waitFor(() => map.filter.years?.[0] === 2024, 1000);
    expect(map.filter.years).to.deep.equal([2024, 2024]);
    $(filters, '#budget-max').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await waitFor(() => map.filter.budget !== undefined, 1000);
    expect(map.filter.budget).to.deep.equal([0, 79_000_000]);
    $(filters, 'input[name="level"][value="department"]').focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => map.filter.levels !== undefined, 1000);
    expect(map.filter.levels).to.deep.equal(['department']);
    $(filters, '#q').focus();
    await sendKeys({ type: 'gironde' });
    await sendKeys({ press: 'Enter' });
    expect(map.filter.q).to.equal('gironde');
    expect(map.selection!.totals.programmes).to.equal(0); // 2024 only: gironde's last is 2023
    // The stepUp() way, as a fallback that needs no test-runner command.
    const to = $(filters, '#year-to');
    from.value = '2019';
    from.dispatchEvent(new Event('change', { bubbles: true }));
    to.stepDown();
    to.dispatchEvent(new Event('change', { bubbles: true }));
    expect(map.filter.years).to.deep.equal([2019, 2023]);
    expect(map.selection!.totals.programmes).to.equal(1);
  });

  it('keeps two maps with two filter panels independent', async () => {
    const a = { ...mountMap('map-a'), filters: mountFilters('map-a') };
    const b = { ...mountMap('map-b'), filters: mountFilters('map-b') };
    await Promise.all([a.map.ready, b.map.ready]);
    await Promise.all([a.filters.updateComplete, b.filters.updateComplete]);
    await slide(a.filters, 'year-to', 2015);
    expect(a.map.filter).to.deep.equal({ years: [2014, 2015] });
    expect(b.map.filter).to.deep.equal({});
    expect(text(a.filters, '[part~="count"]')).to.equal('2 programmes sur 10');
    expect(text(b.filters, '[part~="count"]')).to.equal('10 programmes sur 10');
    expect(b.changes).to.have.length(0);
    b.map.setAttribute('level', 'department');
    await b.map.updateComplete;
    await b.filters.updateComplete;
    await a.filters.updateComplete;
    expect(text(b.filters, '[part~="count"]')).to.equal('1 programme sur 10');
    expect(text(a.filters, '[part~="count"]')).to.equal('2 programmes sur 10');
  });

  it('waits, disabled, for a map added after it, then links', async () => {
    const filters = mountFilters('later');
    await filters.updateComplete;
    const outer = $<HTMLFieldSetElement>(filters, 'fieldset.outer');
    expect(outer.disabled).to.equal(true);
    expect(text(filters, '.note')).to.include('une fois les données');
    expect(filters.shadowRoot!.querySelector('[role="status"], [aria-live]')).to.equal(null);
    expect(filters.map).to.equal(undefined);
    const { map } = mountMap('later');
    await map.ready;
    await filters.updateComplete;
    expect(filters.map).to.equal(map);
    expect(outer.disabled).to.equal(false);
    expect(filters.shadowRoot!.querySelector('.note')).to.equal(null);
    expect(text(filters, '[part~="count"]')).to.equal('10 programmes sur 10');
    await slide(filters, 'year-from', 2024);
    expect(map.selection!.totals.programmes).to.equal(2); // lille, lisboa
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'en';
    wrapper.dataset['test'] = '';
    document.body.append(wrapper);
    const { map } = mountMap('map-en', wrapper);
    const filters = mountFilters('map-en', wrapper);
    await map.ready;
    await filters.updateComplete;
    expect(text(filters, '[part~="count"]')).to.equal('10 of 10 programmes');
    expect($(filters, '#year-from').labels![0]!.textContent).to.equal('First year');
    expect(levelLabels(filters)[0]).to.equal('Municipality (6)');
    expect(options(filters, '#country')[1]).to.equal('France (9)');
  });

  it('lets go of the map and its timers when removed', async () => {
    const { map, filters, changes } = await setup();
    const q = $(filters, '#q');
    q.value = 'paris';
    q.dispatchEvent(new Event('input', { bubbles: true }));
    const from = $(filters, '#year-from');
    from.value = '2020';
    from.dispatchEvent(new Event('input', { bubbles: true }));
    filters.remove();
    await new Promise((r) => setTimeout(r, 300));
    expect(changes, 'no edit lands after removal').to.have.length(0);
    expect(map.filter).to.deep.equal({});
    expect(filters.map).to.equal(undefined);
    map.filter = { years: [2020, 2020] }; // no error from a stale subscriber
  });
});
