// Hostile text (docs/reliability.md): a feed written to attack the page that shows it.
//
// tests/browser/fixtures/hostile.json carries HTML and script in every text field (names, places,
// regions, statuses, categories, descriptions, edition statuses, ids, title, licence, sources),
// javascript:, data:, vbscript: and protocol-relative addresses in the url and image fields (mixed
// case, whitespace inside, entity-encoded), bidirectional controls (U+202E RLO without its PDF,
// unclosed isolates U+2066–2069, Hebrew and Arabic), strings at the schema's maximum lengths
// without a space, zero-width characters, and emoji (ZWJ sequences, flags, skin tones).
// Shown in <pb-atlas>, and in the separate elements with each programme's card opened in turn and
// the list shown:
//   - nothing runs: the flag the payloads would set stays unset, no error or CSP violation event,
//     no <img>, <script>, <iframe>, <object> or <embed> anywhere, no event-handler attribute, and
//     the only <svg> are the elements' own icons;
//   - the text is shown as text: textContent is the feed's string;
//   - links: every <a href> in every shadow root is http(s) (the feed's bad addresses are dropped);
//   - feed text cannot reorder the interface around it: each piece of it is isolated (<bdi>,
//     `unicode-bidi: isolate`, an atomic inline such as a button, FSI…PDI in option text) or
//     alone in its own block (a paragraph of its own for the bidi algorithm);
//   - long strings wrap: no part of an element is wider than its box;
//   - emoji are shown (as text, with a width);
//   - the list's CSV keeps its guard against spreadsheet formulas.
// And an element whose `for` names no map says so once in the console.

import { expect } from '@esm-bundle/chai';
import { html, render } from 'lit';
import '../../src/elements.js';
import type { PbAtlas, PbList, PbMap } from '../../src/elements.js';
import { $, markers, waitFor } from './helpers.js';

const SRC = '/tests/browser/fixtures/hostile.json';

interface RawProgramme {
  id: string;
  name: string;
  place?: string;
  region?: string;
  status?: string;
  category?: string;
  description?: string;
  url?: string;
}
interface RawFeed {
  title: string;
  licence: string;
  sources: { name: string }[];
  programmes: RawProgramme[];
}

declare global {
  interface Window {
    __pbPwned?: unknown;
  }
}

let raw: RawFeed;
let page: HTMLElement;
/** Error and CSP violation events seen on the page while a test runs. */
let incidents: string[] = [];
const onIncident = (event: Event) => {
  const target = event.target as Element | null;
  incidents.push(`${event.type} on ${target?.localName ?? 'window'}`);
};

before(async () => {
  raw = (await (await fetch(SRC)).json()) as RawFeed;
});

beforeEach(() => {
  delete window.__pbPwned;
  incidents = [];
  window.addEventListener('error', onIncident, true);
  window.addEventListener('securitypolicyviolation', onIncident, true);
  page = document.createElement('div');
  document.body.append(page);
});

afterEach(() => {
  window.removeEventListener('error', onIncident, true);
  window.removeEventListener('securitypolicyviolation', onIncident, true);
  page.remove();
});

/** Every element under `start`, in its light DOM and in every shadow root within, recursively. */
function deepElements(start: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  out.push(start);
  walk(start);
  if (start.shadowRoot) walk(start.shadowRoot);
  return out;
}

/** Every text node under `start`, shadow roots included. */
function deepTexts(start: Element): Text[] {
  const out: Text[] = [];
  for (const el of deepElements(start)) {
    for (const root of el.shadowRoot ? [el, el.shadowRoot] : [el]) {
      for (const node of root.childNodes) if (node instanceof Text) out.push(node);
    }
  }
  return out;
}

/** Nothing from the feed ran or became markup. */
function expectNothingRan(start: Element): void {
  expect(window.__pbPwned, 'a payload ran').to.equal(undefined);
  expect(incidents, 'error or CSP violation events').to.deep.equal([]);
  const all = deepElements(start);
  const forbidden = all.filter((el) =>
    ['script', 'img', 'iframe', 'object', 'embed', 'frame', 'base', 'meta'].includes(el.localName),
  );
  expect(
    forbidden.map((el) => el.outerHTML.slice(0, 80)),
    'elements made from feed text',
  ).to.deep.equal([]);
  const handlers = all.flatMap((el) =>
    el.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
  );
  expect(handlers, 'event-handler attributes').to.deep.equal([]);
  for (const svg of all.filter((el) => el.localName === 'svg')) {
    // The elements' own icons only: the map's image button, the insets' marks.
    expect(svg.getAttribute('aria-hidden'), 'an <svg> that is not an icon').to.equal('true');
  }
  // Links: http(s) only.
  const hrefs = all
    .filter(
      (el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.hasAttribute('href'),
    )
    .map((a) => a.href);
  for (const href of hrefs) {
    expect(new URL(href).protocol, `link ${href.slice(0, 60)}`).to.match(/^https?:$/);
  }
}

const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefc]/;

/**
 * Where a text node holding feed text with bidirectional content stands: isolated from the
 * interface around it, or alone in its block. Returns what is wrong, or undefined.
 */
function bidiLeak(text: Text, value: string): string | undefined {
  // FSI … PDI around it inside the text itself (option text cannot hold elements).
  if (text.data.includes(`\u2068${value}\u2069`)) return undefined;
  let el: Element | null = text.parentElement;
  while (el) {
    const style = getComputedStyle(el);
    const inline = style.display === 'inline' || style.display === 'contents';
    // An isolating inline (<bdi>, `unicode-bidi: isolate`) between the text and its block. On
    // the block itself it would change nothing for its content (the UA sheet sets it on <li>).
    if (inline && (el.localName === 'bdi' || ISOLATING.has(style.unicodeBidi))) return undefined;
    // An atomic inline (a button, an inline-block) is a paragraph of its own.
    if (/^inline-/.test(style.display) || (el.localName === 'button' && !inline)) {
      return undefined;
    }
    if (!inline) break;
    el = el.parentElement;
  }
  if (!el) return 'no block around it';
  const block = (el.textContent ?? '').trim();
  if (block === value.trim()) return undefined;
  return `shares its paragraph (<${el.localName} class="${el.className}">) with "${block.slice(0, 80)}"`;
}

/** Feed text with bidi content under `start` is isolated from what surrounds it. */
function expectBidiIsolated(start: Element, values: string[]): number {
  let checked = 0;
  const texts = deepTexts(start);
  for (const value of values.filter((v) => BIDI.test(v))) {
    for (const text of texts.filter((t) => t.data.includes(value))) {
      checked++;
      expect(bidiLeak(text, value), `"${value.slice(0, 40)}"`).to.equal(undefined);
    }
  }
  return checked;
}

/** No part of the element's boxes is wider than the box: long strings wrap. */
function expectNoOverflow(host: Element, selectors: string[]): void {
  const boxes = [host, ...selectors.flatMap((s) => [...host.shadowRoot!.querySelectorAll(s)])];
  for (const box of boxes) {
    const name = box === host ? `<${host.localName}>` : `<${host.localName}> ${box.className}`;
    expect(box.scrollWidth, `${name} overflows (${box.clientWidth}px wide)`).to.be.at.most(
      box.clientWidth + 1,
    );
  }
}

/** The feed's strings the elements show, by programme. */
function shownStrings(p: RawProgramme): string[] {
  return [p.name, p.place, p.region, p.status, p.category, p.description].filter(
    (s): s is string => typeof s === 'string',
  );
}

function listNames(list: PbList): string[] {
  return [...list.shadowRoot!.querySelectorAll('tbody .choose')].map((b) => b.textContent!.trim());
}

describe('hostile text in the separate elements', function () {
  this.timeout(60_000);

  it('is shown as text, runs nothing, links only http(s), stays isolated and inside its box', async () => {
    render(
      html`<pb-map id="hostile" src=${SRC} style="width: 800px; --pb-map-height: 500px"></pb-map>
        <pb-summary for="hostile" style="display: block; width: 800px"></pb-summary>
        <pb-filters for="hostile" style="display: block; width: 320px"></pb-filters>
        <pb-list for="hostile" style="display: block; width: 800px"></pb-list>`,
      page,
    );
    const map = page.querySelector<PbMap>('pb-map')!;
    const list = page.querySelector<PbList>('pb-list')!;
    await map.ready;
    await waitFor(() => markers(map).length > 0, 10_000, 'no marker');
    await waitFor(() => listNames(list).length === raw.programmes.length, 5000, 'list');

    // The list: every name and place exactly as written, as text.
    expect([...listNames(list)].sort()).to.deep.equal(raw.programmes.map((p) => p.name).sort());
    const places = [...list.shadowRoot!.querySelectorAll('tbody tr td:first-of-type')].map((td) =>
      td.textContent!.trim(),
    );
    for (const p of raw.programmes) expect(places).to.include(p.place);

    // Every programme's card in turn.
    const everything = raw.programmes.flatMap(shownStrings);
    let isolatedChecks = 0;
    for (const p of raw.programmes) {
      expect(map.select(p.id), `select ${p.id}`).to.equal(true);
      await map.updateComplete;
      const card = $(map, '.card');
      expect($(map, '.card h2').textContent, `${p.id}: name`).to.equal(p.name);
      const dds = [...card.querySelectorAll('dd')].map((dd) => dd.textContent);
      for (const value of [p.place, p.status, p.category]) {
        if (value) expect(dds, `${p.id}: card fields`).to.include(value);
      }
      if (p.description) {
        expect(card.querySelector('.description')!.textContent, `${p.id}: description`).to.equal(
          p.description,
        );
      }
      const links = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      const expected = /^https?:\/\//.test(p.url ?? '') ? [new URL(p.url!).href] : [];
      expect(links, `${p.id}: the card's link`).to.deep.equal(expected);
      expectNothingRan(page);
      isolatedChecks += expectBidiIsolated(map, shownStrings(p));
      expectNoOverflow(map, ['.base', '.card']);
    }
    expect(isolatedChecks, 'bidi strings checked in cards').to.be.greaterThan(5);

    // The elements around the map.
    const problems = map.shadowRoot!.querySelector('.note');
    expect(problems, 'the note on the dropped addresses').to.exist;
    (problems as HTMLDetailsElement).open = true;
    await new Promise((r) => requestAnimationFrame(r));
    const messages = [...problems!.querySelectorAll('li')].map((li) => li.textContent ?? '');
    const bad = messages.filter((m) => BIDI.test(m));
    expect(bad.length, 'a problem quoting bidi text').to.be.greaterThan(0);
    const noteValues = bad.map((m) => m.slice(m.indexOf(' ') + 1));
    expect(expectBidiIsolated(map, noteValues), 'bidi problems checked').to.be.greaterThan(0);
    for (const el of page.querySelectorAll('pb-map, pb-summary, pb-filters, pb-list')) {
      expectBidiIsolated(el, everything);
    }
    expectNothingRan(page);
    expectNoOverflow(list, ['.base', '.scroll']);
    // The filters show feed text in the region menu only (its options are the feed's regions).
    const filters = page.querySelector('pb-filters')!;
    expectNoOverflow(filters, ['select', 'label.block']);
    for (const select of filters.shadowRoot!.querySelectorAll('select')) {
      expect(select.getBoundingClientRect().right).to.be.at.most(
        filters.getBoundingClientRect().right + 1,
      );
    }
    expectNoOverflow(page.querySelector('pb-summary')!, []);

    // Emoji are there, as text with a width (this machine has no colour emoji font).
    const emoji = raw.programmes.find((p) => p.id === 'emoji')!;
    const button = [...list.shadowRoot!.querySelectorAll('tbody .choose')].find(
      (b) => b.textContent!.trim() === emoji.name,
    )!;
    const range = document.createRange();
    range.selectNodeContents(button);
    expect(range.getBoundingClientRect().width, 'emoji name drawn').to.be.greaterThan(50);
  });

  it('the CSV download keeps formulas from running in a spreadsheet', async () => {
    render(
      html`<pb-map id="hostile-csv" src=${SRC} style="width: 600px"></pb-map>
        <pb-list for="hostile-csv"></pb-list>`,
      page,
    );
    const map = page.querySelector<PbMap>('pb-map')!;
    const list = page.querySelector<PbList>('pb-list')!;
    await map.ready;
    await waitFor(() => listNames(list).length > 0, 5000, 'list');
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    const onClick = (event: MouseEvent) => {
      const link = event.composedPath()[0];
      if (link instanceof HTMLAnchorElement && link.download) event.preventDefault();
    };
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) blobs.push(object);
      return create.call(URL, object);
    };
    document.addEventListener('click', onClick, true);
    try {
      $<HTMLButtonElement>(list, 'button[data-format="csv"]').click();
      await waitFor(() => blobs.length > 0, 10_000, 'no download');
    } finally {
      URL.createObjectURL = create;
      document.removeEventListener('click', onClick, true);
    }
    const csv = await blobs[0]!.text();
    expect(csv).to.include(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csv).not.to.match(/(^|[;,\n])"?=HYPERLINK/);
  });
});

describe('hostile text in <pb-atlas>', function () {
  this.timeout(60_000);

  it('is shown as text, runs nothing and stays inside the atlas', async () => {
    render(html`<pb-atlas id="atlas" src=${SRC} style="width: 1000px"></pb-atlas>`, page);
    const atlas = page.querySelector<PbAtlas>('pb-atlas')!;
    await atlas.ready;
    const map = atlas.map!;
    const list = atlas.shadowRoot!.querySelector<PbList>('pb-list')!;
    await waitFor(() => listNames(list).length === raw.programmes.length, 5000, 'list');
    for (const id of ['html-name', 'rlo', 'long', 'emoji']) {
      expect(map.select(id)).to.equal(true);
      await map.updateComplete;
      const p = raw.programmes.find((x) => x.id === id)!;
      expect($(map, '.card h2').textContent).to.equal(p.name);
      expectNothingRan(atlas);
      expectNoOverflow(atlas, ['.base', '.panel']);
      expectNoOverflow(map, ['.card']);
    }
    expectBidiIsolated(atlas, raw.programmes.flatMap(shownStrings));
    expectNoOverflow(list, ['.scroll']);
  });
});

describe('an element whose `for` names no map', () => {
  it('says so once in the console, with the id', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      render(html`<pb-list for="nope"></pb-list><pb-summary for="nope"></pb-summary>`, page);
      const list = page.querySelector('pb-list')!;
      await waitFor(() => warnings.length >= 2, 3000, 'no warning');
      // Again later, and after leaving and coming back: no second warning.
      list.requestUpdate();
      page.append(list);
      await new Promise((r) => setTimeout(r, 300));
      const text = warnings.map((w) => w.join(' '));
      expect(text).to.have.length(2);
      expect(text[0]).to.include('"nope"').and.to.include('pb-list');
      expect(text[1]).to.include('"nope"').and.to.include('pb-summary');
    } finally {
      console.warn = warn;
    }
  });

  it('says nothing when the map comes in the same render, after it', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      render(
        html`<pb-list for="later"></pb-list>
          <pb-map id="later" src="/tests/browser/fixtures/programmes.json"></pb-map>`,
        page,
      );
      await new Promise((r) => setTimeout(r, 300));
      expect(warnings.map((w) => w.join(' ')).filter((w) => w.includes('later'))).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });
});
