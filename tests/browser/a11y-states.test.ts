// axe-core on every element of a whole page fragment — <pb-summary>, <pb-filters>, <pb-map>,
// <pb-list>, linked by `for` — in each state a reader can meet: loading, loaded, filtered to
// nothing, error, card open, no WebGL, per inhabitant with programmes set aside, English, empty
// feed. Feeds over real HTTP; only the never-answering feed and the missing WebGL are stubbed.

import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import '../../src/elements.js';
import '../../src/elements/pb-list/pb-list.js';
import type { PbFilters, PbMap, PbSummary } from '../../src/elements.js';
import type { PbList } from '../../src/elements/pb-list/pb-list.js';
import { messagesFor } from '../../src/core/messages.js';
import { axeCheck, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';
const FEED = `${FIXTURES}/programmes.json`; // 6 programmes, 4 of them without a population
const NEVER = `${FIXTURES}/a11y-never-answers.json`; // answered by no one: see neverAnswer()

interface Page {
  page: HTMLElement;
  summary: PbSummary;
  filters: PbFilters;
  map: PbMap;
  list: PbList;
}

/**
 * A page fragment 1000px wide: the summary on top, the filters on the left, the map (500px tall)
 * and the list on the right. Fixed to the top of the viewport, so the map is in view and starts;
 * it scrolls inside itself, so that axe can bring the list and the filters into view.
 */
function mountPage(src: string, lang?: string): Page {
  const page = document.createElement('div');
  page.dataset['test'] = '';
  if (lang) page.lang = lang;
  Object.assign(page.style, {
    position: 'fixed',
    top: '0',
    left: '0',
    width: '1000px',
    height: '100vh',
    overflow: 'auto',
    background: '#ffffff',
    display: 'grid',
    gridTemplateColumns: '320px 1fr',
    gridTemplateAreas: '"summary summary" "filters map" "filters list"',
    alignItems: 'start',
    gap: '8px',
  });
  const summary = document.createElement('pb-summary');
  summary.setAttribute('for', 'a11y-map');
  summary.style.gridArea = 'summary';
  const filters = document.createElement('pb-filters');
  filters.setAttribute('for', 'a11y-map');
  filters.style.gridArea = 'filters';
  const map = document.createElement('pb-map');
  map.id = 'a11y-map';
  map.style.gridArea = 'map';
  map.style.setProperty('--pb-map-height', '500px');
  map.setAttribute('src', src);
  const list = document.createElement('pb-list');
  list.setAttribute('for', 'a11y-map');
  list.style.gridArea = 'list';
  page.append(summary, filters, map, list);
  document.body.append(page);
  return { page, summary, filters, map, list };
}

/** Waits for every element of the page to have drawn what it knows. */
async function settled({ summary, filters, map, list }: Page): Promise<void> {
  await map.updateComplete;
  await Promise.all([summary.updateComplete, filters.updateComplete, list.updateComplete]);
}

/** Runs axe on each element and fails with every element's violations at once. */
async function axeEach(p: Page): Promise<void> {
  const failures: string[] = [];
  for (const el of [p.summary, p.filters, p.map, p.list]) {
    try {
      await axeCheck(el);
    } catch (err) {
      failures.push(`<${el.localName}>: ${(err as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}

const squash = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();
const text = (el: Element, selector: string) =>
  squash(el.shadowRoot!.querySelector(selector)?.textContent ?? '');
const caption = (list: PbList) => text(list, 'caption .count');
const mapStatus = (map: PbMap) => text(map, '[part~="status"]');

/** Makes fetch() of `url` never answer (until aborted), for the test's duration. */
function neverAnswer(url: string): () => void {
  const original = window.fetch;
  window.fetch = function (this: Window, input: RequestInfo | URL, init?: RequestInit) {
    const address = input instanceof Request ? input.url : String(input);
    if (!address.endsWith(url)) return original.call(this, input, init);
    return new Promise<Response>((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
    });
  } as typeof fetch;
  return () => {
    window.fetch = original;
  };
}

/** Makes this device have no WebGL, for the test's duration. */
function noWebGL(): () => void {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (
    this: HTMLCanvasElement,
    type: string,
    ...rest: unknown[]
  ) {
    if (type.startsWith('webgl')) return null;
    return (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
  } as typeof getContext;
  return () => {
    HTMLCanvasElement.prototype.getContext = getContext;
  };
}

before(async () => {
  await setViewport({ width: 1024, height: 768 });
});

afterEach(() => {
  for (const el of document.querySelectorAll('[data-test]')) el.remove();
});

describe('accessibility of every element in every state', () => {
  it('while the feed is loading', async () => {
    const restore = neverAnswer(NEVER);
    try {
      const p = mountPage(NEVER);
      await waitFor(() => mapStatus(p.map) !== '');
      await settled(p);
      expect(mapStatus(p.map)).to.equal(messagesFor('fr').loading);
      expect(p.map.shadowRoot!.querySelector('[part~="status"]')!.getAttribute('role')).to.equal(
        'status',
      );
      // The others wait, without a table or figures yet.
      expect(p.filters.shadowRoot!.querySelector('fieldset')!.disabled).to.equal(true);
      expect(p.list.shadowRoot!.querySelector('table')).to.equal(null);
      expect(text(p.summary, '[part~="base"]')).to.equal('');
      await axeEach(p);
    } finally {
      restore();
    }
  });

  it('once loaded', async () => {
    const p = mountPage(FEED);
    await p.map.ready;
    await settled(p);
    expect(p.map.map, 'the MapLibre map').to.exist;
    expect(caption(p.list)).to.equal('6 programmes');
    expect(text(p.filters, '[part~="count"]')).to.equal('6 programmes sur 6');
    expect(text(p.summary, '[part~="base"]')).to.include('6 programmes');
    await axeEach(p);
  });

  it('when the filter keeps nothing', async () => {
    const p = mountPage(FEED);
    await p.map.ready;
    p.map.filter = { q: 'zzzz' };
    await p.map.drawn;
    await settled(p);
    expect(caption(p.list)).to.equal('0 programme');
    expect(text(p.filters, '[part~="count"]')).to.equal('0 programme sur 6');
    expect(p.map.shadowRoot!.querySelectorAll('.markers button')).to.have.length(0);
    await axeEach(p);
  });

  it('when the feed cannot be loaded', async () => {
    const p = mountPage(`${FIXTURES}/missing.json`);
    await p.map.ready.catch(() => {});
    await settled(p);
    const alert = p.map.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('404');
    expect(p.list.shadowRoot!.querySelector('table')).to.equal(null);
    expect(p.filters.shadowRoot!.querySelector('fieldset')!.disabled).to.equal(true);
    await axeEach(p);
  });

  it('with a programme’s card open', async () => {
    const p = mountPage(FEED);
    await p.map.ready;
    expect(p.map.select('fr-35238')).to.equal(true);
    await settled(p);
    const card = p.map.shadowRoot!.querySelector('[part~="card"]')!;
    expect(card.querySelector('h2')!.textContent).to.equal('Budget participatif de Rennes');
    await axeEach(p);
  });

  it('on a device without WebGL, where the list and summary still show the programmes', async () => {
    const restore = noWebGL();
    try {
      const p = mountPage(FEED);
      await p.map.ready;
      await settled(p);
      expect(p.map.map).to.equal(undefined);
      // The feed loads without the map: the other elements show it.
      expect(caption(p.list)).to.equal('6 programmes');
      expect(p.list.shadowRoot!.querySelectorAll('tbody .choose')).to.have.length(6);
      expect(text(p.summary, '[part~="base"]')).to.include('6 programmes');
      expect(text(p.filters, '[part~="count"]')).to.equal('6 programmes sur 6');
      // The map says so, in one sentence.
      const said = mapStatus(p.map);
      expect(said).to.equal(messagesFor('fr').noMap);
      expect(said.match(/[.!?…](\s|$)/g), 'one sentence').to.have.length(1);
      await axeEach(p);
    } finally {
      restore();
    }
  });

  it('per inhabitant, with programmes set aside for want of a population', async () => {
    const p = mountPage(FEED);
    await p.map.ready;
    p.map.filter = { budgetPer: 'inhabitant' };
    await p.map.drawn;
    await settled(p);
    expect(p.map.selection!.setAside).to.equal(4);
    expect(text(p.summary, '[part~="note"]')).to.include('4');
    expect(text(p.filters, '.aside')).to.include('4');
    expect(caption(p.list)).to.equal('2 programmes');
    await axeEach(p);
  });

  it('in English, under lang="en"', async () => {
    const p = mountPage(FEED, 'en');
    await p.map.ready;
    await settled(p);
    expect(text(p.filters, '[part~="count"]')).to.equal('6 of 6 programmes');
    expect(text(p.list, '[part~="scope"]')).to.equal('Only what the map shows');
    expect(text(p.summary, '[part~="base"]')).to.include('6 programmes');
    await axeEach(p);
  });

  it('with an empty feed', async () => {
    const p = mountPage(`${FIXTURES}/empty.json`);
    await p.map.ready;
    await settled(p);
    expect(mapStatus(p.map)).to.equal(messagesFor('fr').empty);
    // The others say there is nothing, rather than wait for data that will not come.
    expect(text(p.summary, '[part~="base"]')).to.equal('0 programme');
    expect(text(p.filters, '[part~="count"]')).to.equal('0 programme sur 0');
    expect(p.list.shadowRoot!.querySelector('caption')!.textContent).to.include('0 programme');
    await axeEach(p);
  });
});
