import { expect } from '@esm-bundle/chai';
import type { PbAtlas } from '../../src/elements/pb-atlas/pb-atlas.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { waitFor } from './helpers.js';

// The iframe page as `npm start` serves it (the test server's root is the repo root).
const EMBED = '/src/embed/embed.html';
const FEED = '/tests/browser/fixtures/list-programmes.json';

let feed: { title: string; programmes: unknown[] };

before(async () => {
  feed = (await (await fetch(FEED)).json()) as typeof feed;
  // The host page's resizer, as a classic script (as the snippet adds it).
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/src/embed/resize.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
});

afterEach(() => {
  for (const el of document.querySelectorAll('iframe')) el.remove();
});

/** An iframe as the embed snippet writes it, loaded. */
async function embed(query: string, width = 400): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Carte des budgets participatifs';
  frame.style.cssText = `width: ${width}px; height: 300px; border: 0; display: block`;
  frame.src = `${EMBED}?${query}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

/** The atlas in the iframe, once its map is drawn. */
async function atlasIn(frame: HTMLIFrameElement): Promise<PbAtlas> {
  const doc = frame.contentDocument!;
  await waitFor(() => doc.querySelector('pb-atlas')?.shadowRoot, 10_000, 'no atlas');
  const atlas = doc.querySelector('pb-atlas')!;
  await atlas.ready;
  return atlas;
}

/** Runs axe-core inside the frame, on its whole page (title, lang, landmarks included). */
async function axeCheckPage(frame: HTMLIFrameElement): Promise<void> {
  const win = frame.contentWindow as Window & { axe?: typeof import('axe-core') };
  if (!win.axe) {
    const script = frame.contentDocument!.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve) => script.addEventListener('load', resolve));
    frame.contentDocument!.head.append(script);
    await loaded;
  }
  const results = await win.axe!.run(frame.contentDocument!);
  const violations = results.violations.map(
    (v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  expect(violations).to.deep.equal([]);
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const contentHeight = (frame: HTMLIFrameElement) =>
  Math.ceil(frame.contentDocument!.documentElement.getBoundingClientRect().height);

describe('embed.html', () => {
  it('shows one atlas set up from its URL: feed, language, theme, years', async () => {
    const frame = await embed(`src=${encodeURIComponent(FEED)}&lang=en&theme=dark&years=2019-2021`);
    const atlas = await atlasIn(frame);
    const doc = frame.contentDocument!;
    expect(doc.documentElement.lang).to.equal('en');
    expect(atlas.map!.filter.years).to.deep.equal([2019, 2021]);
    expect(atlas.getAttribute('years')).to.equal('2019-2021');
    expect(atlas.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(atlas).backgroundColor).to.equal('rgb(22, 22, 22)');
    const toggle = atlas.shadowRoot!.querySelector('button.toggle')!;
    expect(squash(toggle.textContent!)).to.equal('Figures, filters and list');
    // Without a title parameter the page takes the feed's, for screen readers in the frame.
    await waitFor(() => doc.title === feed.title, 2000, `title: ${doc.title}`);
    expect(doc.querySelector('h1')!.textContent).to.equal(feed.title);
    await axeCheckPage(frame);
  });

  it('takes its title from the title parameter, else says what it is', async () => {
    const titled = await embed(`src=${encodeURIComponent(FEED)}&title=Budgets%20de%20Bretagne`);
    await atlasIn(titled);
    // Kept after the feed (which has a title of its own) is loaded.
    expect(titled.contentDocument!.title).to.equal('Budgets de Bretagne');
    expect(titled.contentDocument!.querySelector('h1')!.textContent).to.equal(
      'Budgets de Bretagne',
    );
    titled.remove();
    // Before the feed is known (and for a feed without a title): the default, in its language.
    const frame = await embed(`src=${encodeURIComponent('/does-not-exist.json')}&lang=en`);
    const doc = frame.contentDocument!;
    await waitFor(() => doc.title === 'Map of participatory budgets', 5000, `title: ${doc.title}`);
  });

  it('says in the page’s language that src is missing or not http(s), instead of a blank page', async () => {
    const cases: [string, string][] = [
      ['', 'Aucun flux à afficher'],
      ['lang=en&src=', 'No feed to show'],
      [`lang=en&src=${encodeURIComponent('javascript:alert(1)')}`, 'No feed to show'],
      [`lang=es&src=${encodeURIComponent('data:application/json,{}')}`, 'Ningún flujo'],
    ];
    for (const [query, start] of cases) {
      const frame = await embed(query);
      const doc = frame.contentDocument!;
      await waitFor(() => doc.querySelector('[role="alert"]'), 5000, `no message for ${query}`);
      expect(squash(doc.querySelector('[role="alert"]')!.textContent!), query).to.match(
        new RegExp(`^${start}`),
      );
      expect(doc.querySelector('pb-atlas'), query).to.equal(null);
      frame.remove();
    }
  });

  it('tells its parent its height, and the resize script fits the iframe to it', async () => {
    const messages: unknown[] = [];
    const listen = (event: MessageEvent) => messages.push(event.data);
    window.addEventListener('message', listen);
    try {
      const frame = await embed(`src=${encodeURIComponent(FEED)}`, 360);
      const atlas = await atlasIn(frame);
      await waitFor(() => frame.style.height === `${contentHeight(frame)}px`, 5000, 'not fitted');
      expect(messages).to.deep.include({ type: 'pb-map:height', height: contentHeight(frame) });
      const closed = frame.getBoundingClientRect().height;
      expect(closed).to.equal(contentHeight(frame));

      // Opening the panel (narrow layout) makes the content taller: the iframe follows.
      const toggle = atlas.shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
      toggle.click();
      await waitFor(() => frame.getBoundingClientRect().height > closed + 100, 5000, 'not grown');
      await waitFor(() => frame.style.height === `${contentHeight(frame)}px`, 5000, 'not fitted');
      // No scroll bar inside the frame: it is as tall as its content.
      const inner = frame.contentDocument!.scrollingElement!;
      expect(inner.scrollHeight).to.be.at.most(inner.clientHeight);

      toggle.click();
      await waitFor(() => frame.getBoundingClientRect().height === closed, 5000, 'not shrunk');
    } finally {
      window.removeEventListener('message', listen);
    }
  });

  it('ignores height messages from any other window', async () => {
    const frame = await embed(`src=${encodeURIComponent(FEED)}`, 360);
    await atlasIn(frame);
    await waitFor(() => frame.style.height === `${contentHeight(frame)}px`, 5000, 'not fitted');
    const fitted = frame.style.height;

    // The host page itself, and another iframe, send the same message.
    window.postMessage({ type: 'pb-map:height', height: 999 }, '*');
    const other = document.createElement('iframe');
    other.title = 'other';
    other.srcdoc = `<script>parent.postMessage({ type: 'pb-map:height', height: 999 }, '*');</script>`;
    const sent = new Promise((resolve) =>
      window.addEventListener('message', (e) => e.source === other.contentWindow && resolve(e)),
    );
    document.body.append(other);
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame.style.height).to.equal(fitted);
    // A message from the frame that is not a height is ignored too: the frame's window goes to
    // a page that posts one (embed.html's own policy forbids running code in it from here).
    const posted = new Promise((resolve) =>
      window.addEventListener('message', (e: MessageEvent<{ height?: unknown }>) => {
        if (e.source === frame.contentWindow && e.data?.height === 'tall') resolve(e);
      }),
    );
    frame.contentWindow!.location.href = '/tests/browser/pages/post-height.html?height=tall';
    await posted;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame.style.height).to.equal(fitted);
  });

  it("ignores height messages from another site's page in the embed's iframe", async () => {
    const frame = await embed(`src=${encodeURIComponent(FEED)}`, 360);
    await atlasIn(frame);
    await waitFor(() => frame.style.height === `${contentHeight(frame)}px`, 5000, 'not fitted');
    const fitted = frame.style.height;
    // The iframe's window is sent elsewhere (its src attribute still names embed.html): a page
    // of that other site posts a well-formed height, which must not resize the iframe.
    const other = (await executeServerCommand('other-origin')) as string;
    expect(other).to.not.equal(location.origin);
    const posted = new Promise<MessageEvent>((resolve) =>
      window.addEventListener('message', (e: MessageEvent<{ height?: unknown }>) => {
        if (e.source === frame.contentWindow && e.data?.height === 999) resolve(e);
      }),
    );
    frame.contentWindow!.location.href = `${other}/tests/browser/pages/post-height.html?height=999`;
    expect((await posted).origin).to.equal(other);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frame.style.height).to.equal(fitted);
  });
});

describe('the embed builder (demo/embed-builder.html)', () => {
  it('writes both snippets from the form, and the iframe snippet shows what was chosen', async function () {
    this.timeout(60_000); // three pages and two maps
    const frame = document.createElement('iframe');
    frame.title = 'builder';
    frame.style.cssText = 'width: 1000px; height: 900px; border: 0';
    frame.src = '/demo/embed-builder.html';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const field = <T extends HTMLElement = HTMLInputElement>(id: string) =>
      doc.getElementById(id) as T;
    await waitFor(() => field<HTMLTextAreaElement>('script-code').value, 5000, 'no snippet');

    const type = (id: string, value: string) => {
      field(id).value = value;
      field(id).dispatchEvent(new Event('input', { bubbles: true }));
    };
    type('years', '2019-2021');
    type('q', 'Brest "centre"');
    const lang = field<HTMLSelectElement>('lang');
    lang.value = 'en';
    lang.dispatchEvent(new Event('change', { bubbles: true }));
    // The snippets point at the library where it is served (here: the sources, for the test).
    type('base', `${location.origin}/src/embed/`);
    await waitFor(() => field('title').value === 'Map of participatory budgets', 5000, 'title');

    const script = field<HTMLTextAreaElement>('script-code').value;
    expect(script).to.contain(
      `<script type="module" src="${location.origin}/src/embed/pb-map.js"></script>`,
    );
    const tag = new DOMParser().parseFromString(script, 'text/html').querySelector('pb-atlas')!;
    expect(tag.getAttribute('src')).to.equal(`${location.origin}/demo/sample-feed.json`);
    expect(tag.getAttribute('years')).to.equal('2019-2021');
    expect(tag.getAttribute('q')).to.equal('Brest "centre"');
    expect(tag.getAttribute('lang')).to.equal('en');

    // The iframe snippet, pasted into a page, shows the same choices.
    const iframeCode = field<HTMLTextAreaElement>('iframe-code').value;
    const parsed = new DOMParser().parseFromString(iframeCode, 'text/html');
    expect(parsed.querySelector('script')!.getAttribute('src')).to.equal(
      `${location.origin}/src/embed/embed-resize.js`,
    );
    const pasted = parsed.querySelector('iframe')!;
    expect(pasted.getAttribute('title')).to.equal('Map of participatory budgets');
    const host = document.createElement('div');
    const embedded = document.importNode(pasted, true);
    host.append(embedded);
    embedded.removeAttribute('loading');
    const embeddedLoaded = new Promise((r) => embedded.addEventListener('load', r, { once: true }));
    document.body.prepend(host); // in view: the atlas loads when it nears the viewport
    await embeddedLoaded;
    const atlas = await atlasIn(embedded);
    expect(embedded.contentDocument!.documentElement.lang).to.equal('en');
    expect(atlas.map!.filter.years).to.deep.equal([2019, 2021]);
    expect(atlas.map!.filter.q).to.equal('Brest "centre"');
    host.remove();

    // The preview is the atlas the script snippet makes.
    await waitFor(() => doc.querySelector('#preview pb-atlas[years="2019-2021"]'), 5000, 'preview');

    // Copy: to the clipboard, or else the code is selected; either way it is said.
    const button = doc.querySelector<HTMLButtonElement>('button[data-copy="script-code"]')!;
    const status = doc.querySelector('[data-status="script-code"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    button.click();
    await waitFor(() => status.textContent, 5000, 'nothing said');
    expect(status.textContent).to.match(/^(Copié|Code sélectionné)/);
    await axeCheckPage(frame);
  });
});
