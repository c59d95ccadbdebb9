import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import '../../src/elements/pb-summary/pb-summary.js';
import type { PbSummary } from '../../src/elements/pb-summary/pb-summary.js';
import { axeCheck, mountMap, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';

// Figures as this browser's Intl writes them (spaces differ between ICU versions).
const compactEuros = (n: number, locale = 'fr') =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(n);
const euros = (n: number, locale = 'fr') =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(n);
const compact = (n: number, locale = 'fr') =>
  new Intl.NumberFormat(locale, { notation: 'compact' }).format(n);

// list-programmes.json without a filter: 13 programmes, 11 budgets known (Nantes states none,
// Dijon has no edition), 11 populations known (not Montreuil, not the Collège).
const ALL = {
  programmes: 13,
  budget: 110_610_000,
  budgetKnown: 11,
  population: 3_963_485,
  // Programmes stating both a budget and a population: 107 600 000 € for 3 487 485 inhabitants.
  perInhabitant: 107_600_000 / 3_487_485,
};

function mountSummary(id: string, parent: HTMLElement = document.body): PbSummary {
  const summary = document.createElement('pb-summary');
  summary.setAttribute('for', id);
  parent.append(summary);
  return summary;
}

function figures(summary: PbSummary): string[] {
  return [...summary.shadowRoot!.querySelectorAll('[part~="figure"]')].map((f) => f.textContent!);
}

function note(summary: PbSummary): string | undefined {
  return summary.shadowRoot!.querySelector('[part~="note"]')?.textContent ?? undefined;
}

afterEach(() => {
  for (const el of document.querySelectorAll('pb-map, pb-summary, div.wrapper')) el.remove();
});

describe('<pb-summary>', () => {
  it('renders an empty frame, without error, before it has a map or a feed', async () => {
    const summary = mountSummary('nowhere');
    await summary.updateComplete;
    const base = summary.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.tagName).to.equal('P');
    expect(base.textContent!.trim()).to.equal('');
    expect(base.getAttribute('role')).to.equal(null);
    expect(base.getAttribute('aria-live')).to.equal(null);
  });

  it('shows the count, budget, population and amount per inhabitant of the selection', async () => {
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm');
    const summary = mountSummary('m');
    await map.ready;
    await summary.updateComplete;
    expect(figures(summary)).to.deep.equal([
      '13 programmes',
      `${compactEuros(ALL.budget)} (budget connu pour 11)`,
      `${compact(ALL.population)} habitants`,
      `${euros(ALL.perInhabitant)} par habitant`,
    ]);
    expect(note(summary)).to.equal(undefined);
    // Read as one sentence: the dots between figures are hidden, commas are read instead.
    const dots = summary.shadowRoot!.querySelectorAll('[aria-hidden="true"]');
    expect([...dots].map((d) => d.textContent)).to.deep.equal([' · ', ' · ', ' · ']);
    await axeCheck(summary);
  });

  it('follows the filter of its map', async () => {
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm');
    const summary = mountSummary('m');
    await map.ready;

    // 2019-2021: Écully (200 k), Nantes (no budget), Amiens (1 M), the Collège (10 k, no
    // population), Fort-de-France (500 k), Brest (500 k).
    map.filter = { years: [2019, 2021] };
    await summary.updateComplete;
    expect(figures(summary)).to.deep.equal([
      '6 programmes',
      `${compactEuros(2_210_000)} (budget connu pour 5)`,
      `${compact(687_000)} habitants`,
      `${euros(2_200_000 / 367_000)} par habitant`,
    ]);

    // Budgets all known: no "(budget connu pour …)".
    map.filter = { years: [2022, 2022], budget: [1, Infinity] };
    await summary.updateComplete;
    expect(figures(summary)).to.deep.equal([
      '1 programme',
      compactEuros(25_000_000),
      `${compact(522_000)} habitants`,
      `${euros(25_000_000 / 522_000)} par habitant`,
    ]);

    // Per inhabitant: the two programmes without a population are set aside, and it says so.
    map.filter = { budgetPer: 'inhabitant' };
    await summary.updateComplete;
    expect(figures(summary)[0]).to.equal('11 programmes');
    expect(note(summary)).to.equal('2 programmes sans population mis de côté');
    await axeCheck(summary);

    // Nothing kept: the count alone.
    map.filter = { q: 'zzzz' };
    await summary.updateComplete;
    expect(figures(summary)).to.deep.equal(['0 programme']);
    expect(note(summary)).to.equal(undefined);
    await axeCheck(summary);
  });

  it('does not redraw when only the map’s view changes', async () => {
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm');
    const summary = mountSummary('m');
    await map.ready;
    await summary.updateComplete;
    let renders = 0;
    const render = summary['render'].bind(summary);
    summary['render'] = () => (renders++, render());
    const view = map.store.state.view!;
    map.store.setView({ ...view, zoom: view.zoom + 0.01 });
    await summary.updateComplete;
    expect(renders).to.equal(0);
    map.filter = { years: [2019, 2021] };
    await summary.updateComplete;
    expect(renders).to.equal(1);
  });

  it('speaks English under lang="en", with English number formats', async () => {
    const wrapper = document.createElement('div');
    wrapper.className = 'wrapper';
    wrapper.lang = 'en';
    document.body.append(wrapper);
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm', wrapper);
    const summary = mountSummary('m', wrapper);
    await map.ready;
    await summary.updateComplete;
    expect(figures(summary)).to.deep.equal([
      '13 programmes',
      `${compactEuros(ALL.budget, 'en')} (budget known for 11)`,
      `${compact(ALL.population, 'en')} inhabitants`,
      `${euros(ALL.perInhabitant, 'en')} per inhabitant`,
    ]);
    map.filter = { budgetPer: 'inhabitant' };
    await summary.updateComplete;
    expect(note(summary)).to.equal('2 programmes without a population set aside');
    await axeCheck(wrapper);
  });

  it('keeps two maps on one page independent', async () => {
    const a = mountMap(`${FIXTURES}/list-programmes.json`, 'a');
    const b = mountMap(`${FIXTURES}/programmes.json`, 'b');
    const sa = mountSummary('a');
    const sb = mountSummary('b');
    await Promise.all([a.ready, b.ready]);
    await Promise.all([sa.updateComplete, sb.updateComplete]);
    expect(figures(sa)[0]).to.equal('13 programmes');
    expect(figures(sb)[0]).to.equal('6 programmes');
    a.filter = { q: 'zzzz' };
    await Promise.all([sa.updateComplete, sb.updateComplete]);
    expect(figures(sa)).to.deep.equal(['0 programme']);
    expect(figures(sb)[0]).to.equal('6 programmes');
  });

  it('links to a map added after it, and lets go when removed', async () => {
    const summary = mountSummary('late');
    await summary.updateComplete;
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'late');
    await map.ready;
    await waitFor(() => figures(summary)[0] === '13 programmes');
    summary.remove();
    map.filter = { q: 'zzzz' };
    await summary.updateComplete;
    expect(figures(summary)[0]).to.equal('13 programmes');
    document.body.append(summary);
    await waitFor(() => figures(summary)[0] === '0 programme');
  });
});
