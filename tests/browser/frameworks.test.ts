// The elements used from React 19 and Vue 3, as docs/hosting.md shows: attributes (src, years,
// lang, theme), the `filter` object property, the events (pb-load, pb-filter-change, pb-select)
// through each framework's own syntax, a re-render with new props, and unmounting.
//
// React is CommonJS: it is served as one ES module by scripts/wtr-plugins.mjs
// (bundledModulesPlugin, /__bundled__/react.js). Vue is its own ES module browser build, with the
// template compiler (vue.esm-browser.prod.js).

import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import type {
  Filter,
  PbFilterChangeEvent,
  PbFilters,
  PbList,
  PbLoadEvent,
  PbMap,
  PbSelectEvent,
} from '../../src/elements.js';
import { messagesFor } from '../../src/core/messages.js';
import { markers, waitFor } from './helpers.js';

type ReactModule = {
  React: typeof import('react');
  createRoot: typeof import('react-dom/client').createRoot;
  flushSync: typeof import('react-dom').flushSync;
};
type VueModule = typeof import('vue');

// Paths in variables: TypeScript types them above, the test server serves them.
const REACT_PATH = '/__bundled__/react.js';
const VUE_PATH = '/node_modules/vue/dist/vue.esm-browser.prod.js';
// The development build says what goes wrong (e.g. a tag Vue takes for a component).
const VUE_DEV_PATH = '/node_modules/vue/dist/vue.esm-browser.js';
const FEED = '/tests/browser/fixtures/filters-programmes.json';
const MAP_ID = 'fw-map';
const TIMEOUT = 30_000;

/** What the host application passes to the elements. */
interface Props {
  /** The `years` attribute (a preset), or none. */
  years?: string;
  /** The `filter` property, or none. */
  filter?: Filter;
  lang: string;
  theme: 'light' | 'dark';
}

/** The events as the framework's own handlers received them. */
interface Received {
  load: PbLoadEvent[];
  filterChange: PbFilterChangeEvent[];
  select: PbSelectEvent[];
}

/** One framework's way to show the elements with `props`, change them, and remove them. */
interface Harness {
  render(props: Props): Promise<void>;
  unmount(): void;
  received: Received;
}

const newReceived = (): Received => ({ load: [], filterChange: [], select: [] });

// The map in the viewport (a map is drawn only once near it); the filters out of the flow.
const MAP_STYLE = { width: '800px', '--pb-map-height': '400px' };
const FILTERS_STYLE = { position: 'fixed', top: '0', right: '0', width: '320px' };

interface FeedProgramme {
  id: string;
  name: string;
  editions: { year: number }[];
}

let programmes: FeedProgramme[];

/** How many programmes of the fixture have an edition in `[from, to]`. */
function countIn(from: number, to: number): number {
  return programmes.filter((p) => p.editions.some((e) => e.year >= from && e.year <= to)).length;
}

/** Moves a year handle of <pb-filters> as a person does (input, then change). */
async function slide(filters: PbFilters, name: string, value: number): Promise<void> {
  const input = filters.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  input.value = String(value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await filters.updateComplete;
}

const surface = (el: Element) =>
  getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;

/**
 * The scenario every framework goes through, in a container of the page: presets and
 * attributes, a person filtering and choosing, new props, unmount.
 */
async function scenario(
  container: HTMLElement,
  harness: Harness,
  first: Props,
  second: Props,
): Promise<void> {
  const { received } = harness;
  await harness.render(first);
  const el = container.querySelector('pb-map') as PbMap;
  const filters = container.querySelector('pb-filters') as PbFilters;
  const list = container.querySelector('pb-list') as PbList;
  expect(el, '<pb-map> rendered').to.exist;
  await el.ready;

  // Attributes and presets: the feed, the years, the language, the theme.
  expect(received.load, 'pb-load received').to.have.length(1);
  expect(received.load[0]!.detail.programmes).to.equal(programmes.length);
  expect(el.filter, 'the filter').to.deep.equal({ years: [2019, 2024] });
  expect(el.getAttribute('years'), 'years attribute').to.equal('2019-2024');
  expect(el.selection!.totals.programmes).to.equal(countIn(2019, 2024));
  expect(markers(el).length, 'markers').to.be.greaterThan(0);
  const en = messagesFor('en');
  expect(el.shadowRoot!.querySelector('.after')!.textContent).to.equal(en.mapEnd);
  expect(el.getAttribute('theme')).to.equal('dark');
  await filters.updateComplete;
  const darkSurface = surface(filters);

  // A person narrows the years in <pb-filters>: the map fires pb-filter-change.
  await slide(filters, 'year-to', 2020);
  expect(received.filterChange, 'pb-filter-change received').to.have.length(1);
  expect(received.filterChange[0]!.detail.programmes).to.equal(countIn(2019, 2020));

  // A person chooses a programme in <pb-list>: the map opens it and fires pb-select.
  await waitFor(
    () => list.shadowRoot?.querySelector('tbody [part~="choose"]'),
    TIMEOUT,
    '<pb-list> rows',
  );
  const choose = list.shadowRoot!.querySelector<HTMLButtonElement>('tbody [part~="choose"]')!;
  const chosen = choose.textContent!.trim();
  choose.click();
  await el.updateComplete;
  expect(
    received.select.map((e) => e.detail.programme.name),
    'pb-select received',
  ).to.deep.equal([chosen]);
  expect(el.shadowRoot!.querySelector('.card h2')?.textContent).to.equal(chosen);

  // New props: the filter as an object property, the other theme.
  await harness.render(second);
  await el.updateComplete;
  await el.drawn;
  expect(el.filter, 'the filter after new props').to.deep.equal({ years: [2016, 2017] });
  expect(el.getAttribute('years'), 'years attribute after new props').to.equal('2016-2017');
  expect(el.selection!.totals.programmes).to.equal(countIn(2016, 2017));
  const count = filters.shadowRoot!.querySelector('[part~="count"]')!.textContent!;
  expect(count, '<pb-filters> follows').to.match(new RegExp(`^\\s*${countIn(2016, 2017)}\\D`));
  expect(received.filterChange, 'a script change fires no pb-filter-change').to.have.length(1);
  expect(el.getAttribute('theme')).to.equal('light');
  await filters.updateComplete;
  expect(surface(filters), 'the light theme is drawn').not.to.equal(darkSurface);

  // Unmount: the elements leave the page and the map is removed.
  const map = el.map!;
  expect(map, 'the MapLibre map before unmount').to.exist;
  harness.unmount();
  expect(el.isConnected, 'the element left the page').to.equal(false);
  expect(container.querySelector('pb-map'), 'nothing left in the container').to.equal(null);
  expect(el.map, 'el.map after unmount').to.equal(undefined);
  expect(map.getContainer().querySelector('canvas'), "MapLibre's canvas removed").to.equal(null);
  expect(received.load, 'no second pb-load').to.have.length(1);
}

let container: HTMLElement;

before(async () => {
  programmes = ((await (await fetch(FEED)).json()) as { programmes: FeedProgramme[] }).programmes;
});

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => container.remove());

describe('frameworks', function () {
  this.timeout(60_000);

  it('React 19: attributes, the filter property, onpb-* events, re-render, unmount', async () => {
    const { React, createRoot, flushSync } = (await import(REACT_PATH)) as ReactModule;
    expect(React.version, 'React version').to.match(/^19\./);
    const received = newReceived();
    const root = createRoot(container);

    // What an application writes (docs/hosting.md), without JSX: React 19 sets `filter` as a
    // property (the element has one) and adds `onpb-load` as a listener for `pb-load`.
    function App({ years, filter, lang, theme }: Props) {
      return React.createElement(
        React.Fragment,
        null,
        React.createElement('pb-filters', { for: MAP_ID, lang, theme, style: FILTERS_STYLE }),
        React.createElement('pb-map', {
          id: MAP_ID,
          src: FEED,
          years,
          filter,
          lang,
          theme,
          style: MAP_STYLE,
          'onpb-load': (event: PbLoadEvent) => received.load.push(event),
          'onpb-filter-change': (event: PbFilterChangeEvent) => received.filterChange.push(event),
          'onpb-select': (event: PbSelectEvent) => received.select.push(event),
        }),
        React.createElement('pb-list', { for: MAP_ID, lang, theme }),
      );
    }

    await scenario(
      container,
      {
        received,
        async render(props) {
          flushSync(() => root.render(React.createElement(App, props)));
        },
        unmount: () => root.unmount(),
      },
      { years: '2019-2024', lang: 'en', theme: 'dark' },
      { filter: { years: [2016, 2017] }, lang: 'en', theme: 'light' },
    );
  });

  it('Vue 3 with h(): attributes, the filter property, onPb-* listeners, re-render, unmount', async () => {
    const { createApp, h, nextTick, shallowReactive } = (await import(VUE_PATH)) as VueModule;
    const received = newReceived();
    const state = shallowReactive<Props>({ lang: 'en', theme: 'dark' });
    // Vue sets a prop the element has (`filter`, `years`…) as a property, others as attributes;
    // `onPb-load` listens to `pb-load`.
    const app = createApp({
      render: () => [
        h('pb-filters', {
          for: MAP_ID,
          lang: state.lang,
          theme: state.theme,
          style: FILTERS_STYLE,
        }),
        h('pb-map', {
          id: MAP_ID,
          src: FEED,
          years: state.years,
          filter: state.filter,
          lang: state.lang,
          theme: state.theme,
          style: MAP_STYLE,
          'onPb-load': (event: PbLoadEvent) => received.load.push(event),
          'onPb-filter-change': (event: PbFilterChangeEvent) => received.filterChange.push(event),
          'onPb-select': (event: PbSelectEvent) => received.select.push(event),
        }),
        h('pb-list', { for: MAP_ID, lang: state.lang, theme: state.theme }),
      ],
    });
    let mounted = false;

    await scenario(
      container,
      {
        received,
        async render(props) {
          Object.assign(state, { years: undefined, filter: undefined }, props);
          if (!mounted) app.mount(container);
          mounted = true;
          await nextTick();
        },
        unmount: () => app.unmount(),
      },
      { years: '2019-2024', lang: 'en', theme: 'dark' },
      { filter: { years: [2016, 2017] }, lang: 'en', theme: 'light' },
    );
  });

  it('Vue 3 template with isCustomElement: attributes, .prop, @pb-* listeners, re-render, unmount', async () => {
    const { createApp, nextTick } = (await import(VUE_DEV_PATH)) as VueModule;
    const received = newReceived();
    const app = createApp({
      data: () => ({
        feed: FEED,
        years: '2019-2024',
        filter: { years: [2019, 2024] },
        lang: 'en',
        theme: 'dark',
      }),
      methods: {
        onLoad: (event: PbLoadEvent) => received.load.push(event),
        onFilterChange: (event: PbFilterChangeEvent) => received.filterChange.push(event),
        onSelect: (event: PbSelectEvent) => received.select.push(event),
      },
      template: `
        <pb-filters for="${MAP_ID}" :lang="lang" :theme="theme"
          style="position: fixed; top: 0; right: 0; width: 320px"></pb-filters>
        <pb-map id="${MAP_ID}" :src="feed" :years.attr="years" :filter.prop="filter"
          :lang="lang" :theme="theme" style="width: 800px; --pb-map-height: 400px"
          @pb-load="onLoad" @pb-filter-change="onFilterChange" @pb-select="onSelect"></pb-map>
        <pb-list for="${MAP_ID}" :lang="lang" :theme="theme"></pb-list>`,
    });
    // Without it, Vue looks for components named pb-map… and warns.
    app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('pb-');
    const warnings: string[] = [];
    app.config.warnHandler = (message: string) => warnings.push(message);
    let vm: { $data: Record<string, unknown> } | undefined;

    await scenario(
      container,
      {
        received,
        async render(props) {
          if (!vm) {
            vm = app.mount(container) as unknown as { $data: Record<string, unknown> };
          } else {
            Object.assign(vm.$data, { years: undefined }, props);
          }
          await nextTick();
        },
        unmount: () => app.unmount(),
      },
      { years: '2019-2024', filter: { years: [2019, 2024] }, lang: 'en', theme: 'dark' },
      { filter: { years: [2016, 2017] }, lang: 'en', theme: 'light' },
    );
    expect(warnings, 'Vue warnings').to.deep.equal([]);
  });
});
