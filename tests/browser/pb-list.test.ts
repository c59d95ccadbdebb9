import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import '../../src/elements/pb-list/pb-list.js';
import type { PbMap, PbSelectEvent } from '../../src/elements.js';
import type { PbList } from '../../src/elements/pb-list/pb-list.js';
import { sendKeys } from '@web/test-runner-commands';
import { axeCheck, mountMap, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';

// Figures as this browser's Intl writes them (spaces differ between ICU versions).
const euros = (n: number, locale = 'fr') =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(n);

/** The programmes of list-programmes.json, in feed order, as each row should read. */
const P = {
  paris: ['Budget participatif de Paris', 'Paris', '2014–2015', 75_000_000, 2_100_000],
  rennes: ['La Fabrique citoyenne', 'Rennes', '2016–2017', 3_500_000, 222_485],
  ecully: ['Écully participe', 'Écully', '2019, 2021', 200_000, 18_000],
  metz: ['Metz, à vous de jouer', 'Metz', '2018', 900_000, 118_000],
  montreuil: ['Budget participatif de Montreuil', 'Montreuil', '2015, 2017', 3_000_000, NaN],
  nantes: ['Nantes en commun', 'Nantes', '2020, 2022', NaN, 320_000],
  grenoble: ['Grenoble, budget participatif', 'Grenoble', '2015–2016, 2018', 1_000_000, 158_000],
  lyon: ['Lyon budget participatif', 'Lyon', '2022', 25_000_000, 522_000],
  amiens: ['Amiens Budget Citoyen', 'Amiens', '2019', 1_000_000, 133_000],
  college: ['Collège Jean Moulin', 'Toulouse', '2020', 10_000, NaN],
  dijon: ['Dijon, quartiers en action', undefined, '', NaN, 156_000],
  fort: ['Fort-de-France participe', 'Fort-de-France', '2021', 500_000, 76_000],
  brest: ['Brest, budget participatif', 'Brest', '2019–2020', 500_000, 140_000],
} as const;
type Key = keyof typeof P;

/** What a row should read: unknown values as a dash. */
function expectedRow(key: Key, locale = 'fr'): string[] {
  const [name, place, years, budget, population] = P[key];
  return [
    name,
    place ?? '—',
    years || '—',
    Number.isNaN(budget) ? '—' : euros(budget, locale),
    Number.isNaN(budget) || Number.isNaN(population) ? '—' : euros(budget / population, locale),
  ];
}

const BY_NAME: Key[] = [
  'amiens',
  'brest',
  'montreuil',
  'paris',
  'college',
  'dijon',
  'ecully', // in French order, not after Z
  'fort',
  'grenoble',
  'rennes',
  'lyon',
  'metz',
  'nantes',
];

/** Text as seen on screen: without what only screen readers get. */
function visibleText(node: Node): string {
  if (node instanceof Element && node.classList.contains('sr-only')) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(visibleText).join('');
}
/** Text as read aloud: without what is hidden from screen readers. */
function spokenText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spokenText).join('');
}
const squash = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();

function rows(list: PbList): string[][] {
  return [...list.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.children].map((cell) => squash(visibleText(cell))),
  );
}
const names = (list: PbList) => rows(list).map((r) => r[0]);

function caption(list: PbList): string {
  return squash(list.shadowRoot!.querySelector('caption .count')!.textContent!);
}

function heading(list: PbList, label: string): HTMLTableCellElement {
  const th = [...list.shadowRoot!.querySelectorAll<HTMLTableCellElement>('thead th')].find(
    (h) => squash(spokenText(h)) === label,
  );
  if (!th) throw new Error(`no column "${label}"`);
  return th;
}

function sortStates(list: PbList): (string | null)[] {
  return [...list.shadowRoot!.querySelectorAll('thead th')].map((th) =>
    th.getAttribute('aria-sort'),
  );
}

function more(list: PbList): HTMLButtonElement | null {
  return list.shadowRoot!.querySelector('[part~="more"]');
}

function rowButton(list: PbList, name: string): HTMLButtonElement {
  const button = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].find(
    (b) => b.textContent!.trim() === name,
  );
  if (!button) throw new Error(`no row "${name}"`);
  return button;
}

function mountList(
  id: string,
  attributes: Record<string, string> = {},
  parent: HTMLElement = document.body,
): PbList {
  const list = document.createElement('pb-list');
  list.setAttribute('for', id);
  for (const [name, value] of Object.entries(attributes)) list.setAttribute(name, value);
  list.style.width = '320px';
  parent.append(list);
  return list;
}

async function loaded(attributes: Record<string, string> = {}) {
  const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm');
  const list = mountList('m', attributes);
  await map.ready;
  await list.updateComplete;
  return { map, list };
}

function moveEnd(map: PbMap): Promise<void> {
  return new Promise((resolve) => map.map!.once('moveend', () => resolve()));
}

afterEach(() => {
  for (const el of document.querySelectorAll(
    'pb-map, pb-list, div.wrapper, div.fake-map, [data-test]',
  )) {
    el.remove();
  }
});

describe('<pb-list>', () => {
  it('renders an empty frame, without error, before it has a map or a feed', async () => {
    const list = mountList('nowhere');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('[part="base"]')).to.exist;
    expect(list.shadowRoot!.querySelector('table')).to.equal(null);
  });

  it('lists every programme of the selection as a table, sorted by name', async () => {
    const { list } = await loaded();
    const table = list.shadowRoot!.querySelector('table')!;
    expect(table.getAttribute('part')).to.equal('table');
    expect(caption(list)).to.equal('13 programmes');
    expect(list.shadowRoot!.querySelector('caption .sr-only')!.textContent).to.equal(
      ', triés par nom, de A à Z',
    );
    const headings = [...table.querySelectorAll('thead th')];
    expect(headings.map((th) => th.getAttribute('scope'))).to.deep.equal(Array(5).fill('col'));
    expect(headings.map((th) => squash(spokenText(th.querySelector('button')!)))).to.deep.equal([
      'Nom',
      'Lieu',
      'Années',
      'Budget',
      'Par habitant',
    ]);
    expect(sortStates(list)).to.deep.equal(['ascending', null, null, null, null]);
    expect(rows(list)).to.deep.equal(BY_NAME.map((k) => expectedRow(k)));
    // Each name is a button in a row heading; unknown values are said, not only drawn.
    const first = table.querySelector('tbody tr')!;
    expect(first.firstElementChild!.tagName).to.equal('TH');
    expect(first.firstElementChild!.getAttribute('scope')).to.equal('row');
    const dijon = [...table.querySelectorAll('tbody tr')][5]!;
    expect(dijon.children[1]!.textContent).to.include('non communiqué');
    // In a 320px panel the table scrolls inside its own box, not the page.
    expect(list.getBoundingClientRect().width).to.equal(320);
    const scroll = list.shadowRoot!.querySelector<HTMLElement>('[part~="scroll"]')!;
    expect(scroll.getBoundingClientRect().width).to.be.at.most(320);
    expect(getComputedStyle(scroll).overflowX).to.equal('auto');
    await axeCheck(list);
  });

  it('sorts on any column both ways, unknown values last', async () => {
    const { list } = await loaded();
    const budget = heading(list, 'Budget');
    budget.querySelector('button')!.click();
    await list.updateComplete;
    expect(sortStates(list)).to.deep.equal([null, null, null, 'ascending', null]);
    // Ties (500 k, 1 M) in feed order; Nantes and Dijon state no budget.
    expect(names(list)).to.deep.equal(
      (
        [
          'college',
          'ecully',
          'fort',
          'brest',
          'metz',
          'grenoble',
          'amiens',
          'montreuil',
          'rennes',
          'lyon',
          'paris',
          'nantes',
          'dijon',
        ] as Key[]
      ).map((k) => P[k][0]),
    );
    budget.querySelector('button')!.click();
    await list.updateComplete;
    expect(budget.getAttribute('aria-sort')).to.equal('descending');
    expect(list.shadowRoot!.querySelector('caption .sr-only')!.textContent).to.equal(
      ', triés par budget, du plus grand au plus petit',
    );
    expect(names(list)).to.deep.equal(
      (
        [
          'paris',
          'lyon',
          'rennes',
          'montreuil',
          'grenoble',
          'amiens',
          'metz',
          'fort',
          'brest',
          'ecully',
          'college',
          'nantes',
          'dijon',
        ] as Key[]
      ).map((k) => P[k][0]),
    );
    // Focus stays on the button that was pressed.
    budget.querySelector('button')!.focus();
    budget.querySelector('button')!.click();
    await list.updateComplete;
    expect(list.shadowRoot!.activeElement).to.equal(budget.querySelector('button'));

    // Per inhabitant, descending; unknown ones (no budget or no population) last, in feed order.
    const per = heading(list, 'Par habitant').querySelector('button')!;
    per.click();
    per.click();
    await list.updateComplete;
    expect(names(list)).to.deep.equal(
      (
        [
          'lyon', // 47,89 €
          'paris', // 35,71 €
          'rennes', // 15,73 €
          'ecully', // 11,11 €
          'metz', // 7,63 €
          'amiens', // 7,52 €
          'fort', // 6,58 €
          'grenoble', // 6,33 €
          'brest', // 3,57 €
          'montreuil',
          'nantes',
          'college',
          'dijon',
        ] as Key[]
      ).map((k) => P[k][0]),
    );

    // Places: Dijon states none, so it comes last both ways.
    const place = heading(list, 'Lieu').querySelector('button')!;
    place.click();
    await list.updateComplete;
    expect(names(list)[0]).to.equal(P.amiens[0]);
    expect(names(list).at(-1)).to.equal(P.dijon[0]);
    place.click();
    await list.updateComplete;
    expect(names(list)[0]).to.equal(P.college[0]); // Toulouse
    expect(names(list).at(-1)).to.equal(P.dijon[0]);

    // Years: by the first matching year; Dijon has no edition.
    const years = heading(list, 'Années').querySelector('button')!;
    years.click();
    await list.updateComplete;
    expect(names(list).slice(0, 3)).to.deep.equal([P.paris[0], P.montreuil[0], P.grenoble[0]]);
    expect(names(list).at(-1)).to.equal(P.dijon[0]);
    await axeCheck(list);
  });

  it('shows the matching years and the figure under the filter', async () => {
    const { map, list } = await loaded();
    map.filter = { years: [2015, 2016] };
    await list.updateComplete;
    expect(caption(list)).to.equal('4 programmes');
    expect(rows(list)).to.deep.equal([
      ['Budget participatif de Montreuil', 'Montreuil', '2015', euros(1_500_000), '—'],
      ['Budget participatif de Paris', 'Paris', '2015', euros(75_000_000), euros(75e6 / 2.1e6)],
      [
        'Grenoble, budget participatif',
        'Grenoble',
        '2015–2016',
        euros(800_000),
        euros(8e5 / 158e3),
      ],
      ['La Fabrique citoyenne', 'Rennes', '2016', euros(3_500_000), euros(3.5e6 / 222_485)],
    ]);
  });

  it('shows a page of rows at a time, and more on demand', async () => {
    const { map, list } = await loaded({ 'page-size': '5' });
    expect(names(list)).to.deep.equal(BY_NAME.slice(0, 5).map((k) => P[k][0]));
    const footer = list.shadowRoot!.querySelector('[part~="footer"]')!;
    expect(squash(footer.querySelector('span')!.textContent!)).to.equal('5 affichés sur 13');
    expect(squash(more(list)!.textContent!)).to.equal('Afficher 5 de plus');
    more(list)!.click();
    await list.updateComplete;
    expect(names(list)).to.deep.equal(BY_NAME.slice(0, 10).map((k) => P[k][0]));
    // Focus goes to the first new row, so that the keyboard carries on from there.
    expect(list.shadowRoot!.activeElement?.textContent?.trim()).to.equal(P[BY_NAME[5]!][0]);
    expect(squash(more(list)!.textContent!)).to.equal('Afficher 3 de plus');
    more(list)!.click();
    await list.updateComplete;
    expect(names(list)).to.have.length(13);
    expect(more(list)).to.equal(null);
    await axeCheck(list);
    // A new selection starts again at the first page.
    map.filter = { years: [2014, 2030] };
    await list.updateComplete;
    expect(rows(list)).to.have.length(5);
  });

  it('lists only what the map shows with scope="view", following the map', async () => {
    const { map, list } = await loaded({ scope: 'view' });
    const checkbox = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox.checked).to.equal(true);
    // Brittany and the Loire: Brest, Rennes, Nantes.
    let moved = moveEnd(map);
    map.map!.jumpTo({ center: [-3, 48], zoom: 7 });
    await moved;
    await list.updateComplete;
    expect(caption(list)).to.equal('3 programmes dans la vue');
    expect(names(list)).to.deep.equal([P.brest[0], P.rennes[0], P.nantes[0]]);
    // Around Lyon: Lyon, Écully (Grenoble is further).
    moved = moveEnd(map);
    map.map!.jumpTo({ center: [4.8, 45.77], zoom: 10 });
    await moved;
    await list.updateComplete;
    expect(names(list)).to.deep.equal([P.ecully[0], P.lyon[0]]);
    // The reader switches to the whole selection, and back.
    checkbox.click();
    await list.updateComplete;
    expect(list.scope).to.equal('selection');
    expect(list.getAttribute('scope')).to.equal('selection');
    expect(caption(list)).to.equal('13 programmes');
    checkbox.click();
    await list.updateComplete;
    expect(caption(list)).to.equal('2 programmes dans la vue');
    // A view with nothing in it.
    map.store.setView({ center: [-30, 0], zoom: 8, bounds: [-31, -1, -29, 1] });
    await list.updateComplete;
    expect(caption(list)).to.equal('0 programme dans la vue');
    expect(rows(list)).to.deep.equal([['Aucun programme dans la vue de la carte.']]);
    await axeCheck(list);
  });

  it('opens the card of a chosen programme in the map, and fires nothing itself', async () => {
    const { map, list } = await loaded();
    const selected: PbSelectEvent[] = [];
    map.addEventListener('pb-select', (e) => selected.push(e));
    const fromList: Event[] = [];
    for (const type of ['pb-select', 'pb-filter-change', 'pb-view-change', 'pb-load']) {
      list.addEventListener(type, (e) => fromList.push(e));
    }
    rowButton(list, 'Fort-de-France participe').click();
    await map.updateComplete;
    expect(map.shadowRoot!.querySelector('.card h2')!.textContent).to.equal(
      'Fort-de-France participe',
    );
    expect(selected.map((e) => e.detail.programme.id)).to.deep.equal(['p-fort']);
    expect(selected[0]!.target).to.equal(map);
    expect(fromList).to.have.length(0);
  });

  it('does not redraw on a view change when it lists the whole selection', async () => {
    const { map, list } = await loaded();
    let renders = 0;
    const render = list['render'].bind(list);
    list['render'] = () => (renders++, render());
    const firstRow = list.shadowRoot!.querySelector('tbody tr');
    const view = map.store.state.view!;
    map.store.setView({ ...view, bounds: [-5, 47, 0, 49] });
    await list.updateComplete;
    expect(renders).to.equal(0);
    map.filter = { years: [2014, 2030] };
    await list.updateComplete;
    expect(renders).to.equal(1);
    // Rows are keyed by programme: the same programme keeps its row element.
    expect(list.shadowRoot!.querySelector('tbody tr')).to.equal(firstRow);
  });

  it('takes focus on its table, named by the caption, for a "skip the map" link', async () => {
    // Before it has a feed there is no table: focus() does nothing, and throws nothing.
    const early = mountList('nowhere');
    await early.updateComplete;
    early.focus();
    expect(early.shadowRoot!.activeElement).to.equal(null);
    early.remove();

    const { list } = await loaded();
    const table = list.shadowRoot!.querySelector('table')!;
    // Focusable by script, not a tab stop.
    expect(table.getAttribute('tabindex')).to.equal('-1');
    expect(table.tabIndex).to.equal(-1);
    const skip = document.createElement('button');
    skip.textContent = 'Passer la carte';
    skip.dataset['test'] = '';
    document.body.prepend(skip);
    try {
      skip.focus();
      // What the map's skip link does when activated.
      skip.addEventListener('click', () =>
        document.querySelector<PbList>('pb-list[for="m"]')!.focus(),
      );
      await sendKeys({ press: 'Enter' });
      expect(document.activeElement).to.equal(list);
      expect(list.shadowRoot!.activeElement).to.equal(table);
      // A screen reader says the table's name: its caption.
      expect(table.caption!.textContent).to.include('13 programmes');
      expect(table.querySelector('caption')!.getAttribute('aria-hidden')).to.equal(null);
      // The next Tab goes to the table's first button (the first column's sort button).
      await sendKeys({ press: 'Tab' });
      const first = table.querySelector('button')!;
      expect(squash(spokenText(first))).to.equal('Nom');
      expect(list.shadowRoot!.activeElement).to.equal(first);
      // Shift+Tab from there goes back before the table (the scope checkbox), not to the table.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(list.shadowRoot!.activeElement).to.equal(
        list.shadowRoot!.querySelector('input[type="checkbox"]'),
      );
      // focus() takes the usual options.
      list.focus({ preventScroll: true });
      expect(list.shadowRoot!.activeElement).to.equal(table);
      await axeCheck(list);
    } finally {
      skip.remove();
    }
  });

  it('has no accessibility violation when the selection is empty', async () => {
    const { map, list } = await loaded();
    map.filter = { q: 'zzzz' };
    await list.updateComplete;
    expect(caption(list)).to.equal('0 programme');
    expect(rows(list)).to.deep.equal([['Aucun programme ne correspond à la sélection.']]);
    await axeCheck(list);
  });

  it('leaves out the budget columns for a feed that states no budget', async () => {
    // Sorted on the budget, then the map loads a city's winning projects without amounts: two
    // columns of dashes would say nothing, and the list goes back to the order by name.
    const { map, list } = await loaded();
    heading(list, 'Budget').querySelector('button')!.click();
    await list.updateComplete;
    expect(sortStates(list)).to.deep.equal([null, null, null, 'ascending', null]);
    map.src = `${FIXTURES}/no-budgets.json`;
    await waitFor(
      () => list.shadowRoot!.querySelector('caption .count')?.textContent === '4 projets',
      5000,
    );
    expect(list.shadowRoot!.querySelector('caption .sr-only')!.textContent).to.equal(
      ', triés par nom, de A à Z',
    );
    expect(sortStates(list)).to.deep.equal(['ascending', null, null]);
    const headings = [...list.shadowRoot!.querySelectorAll('thead th')];
    expect(headings.map((th) => squash(spokenText(th.querySelector('button')!)))).to.deep.equal([
      'Nom',
      'Lieu',
      'Années',
    ]);
    expect(rows(list)).to.deep.equal([
      ['Aire de jeux', '—', '2019'],
      ['Boîte à livres', '—', '2018'],
      ['Fresque', '—', '2019'],
      ['Jardin partagé', '—', '2017'],
    ]);
    await axeCheck(list);
    map.filter = { q: 'zzzz' };
    await list.updateComplete;
    const none = list.shadowRoot!.querySelector('td.none')!;
    expect(none.getAttribute('colspan'), 'the empty row spans the table').to.equal('3');
  });

  it('speaks English under lang="en"', async () => {
    const wrapper = document.createElement('div');
    wrapper.className = 'wrapper';
    wrapper.lang = 'en';
    document.body.append(wrapper);
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'm', wrapper);
    const list = mountList('m', { 'page-size': '5' }, wrapper);
    await map.ready;
    await list.updateComplete;
    expect(caption(list)).to.equal('13 programmes');
    expect(
      [...list.shadowRoot!.querySelectorAll('thead button')].map((b) => squash(spokenText(b))),
    ).to.deep.equal(['Name', 'Place', 'Years', 'Budget', 'Per inhabitant']);
    expect(rows(list)[0]).to.deep.equal(expectedRow('amiens', 'en'));
    expect(squash(more(list)!.textContent!)).to.equal('Show 5 more');
    expect(squash(list.shadowRoot!.querySelector('label')!.textContent!)).to.equal(
      'Only what the map shows',
    );
    await axeCheck(wrapper);
  });

  it('keeps two maps on one page independent', async () => {
    const a = mountMap(`${FIXTURES}/list-programmes.json`, 'a');
    const b = mountMap(`${FIXTURES}/programmes.json`, 'b');
    const la = mountList('a');
    const lb = mountList('b');
    await Promise.all([a.ready, b.ready]);
    await Promise.all([la.updateComplete, lb.updateComplete]);
    expect(caption(la)).to.equal('13 programmes');
    expect(caption(lb)).to.equal('6 programmes');
    a.filter = { q: 'zzzz' };
    await Promise.all([la.updateComplete, lb.updateComplete]);
    expect(caption(la)).to.equal('0 programme');
    expect(caption(lb)).to.equal('6 programmes');
    rowButton(lb, 'Budget participatif de Rennes').click();
    await Promise.all([a.updateComplete, b.updateComplete]);
    expect(b.shadowRoot!.querySelector('.card h2')!.textContent).to.equal(
      'Budget participatif de Rennes',
    );
    expect(a.shadowRoot!.querySelector('.card')).to.equal(null);
  });

  it('links to a map added after it', async () => {
    const list = mountList('late');
    await list.updateComplete;
    const map = mountMap(`${FIXTURES}/list-programmes.json`, 'late');
    await map.ready;
    await waitFor(() => list.shadowRoot!.querySelector('caption'));
    expect(caption(list)).to.equal('13 programmes');
  });
});
