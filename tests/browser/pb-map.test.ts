import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import type { PbMap } from '../../src/elements.js';
import type { PbErrorEvent, PbLoadEvent, PbSelectEvent } from '../../src/elements.js';
import { messagesFor } from '../../src/core/messages.js';
import { sendMouse } from '@web/test-runner-commands';
import { axeCheck, clickAt, euros, markerName, markers, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';
// Numbers as this browser's Intl writes them in French (spaces differ between ICU versions).
const fr = (n: number) => new Intl.NumberFormat('fr').format(n);

/** Puts a 800x500 <pb-map> in the page and returns it with the events it fired. */
function mount(src: string, attributes: Record<string, string> = {}) {
  const el = document.createElement('pb-map');
  el.style.setProperty('--pb-map-height', '500px');
  el.style.width = '800px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('src', src);
  const events = {
    load: [] as PbLoadEvent[],
    error: [] as PbErrorEvent[],
    select: [] as PbSelectEvent[],
  };
  el.addEventListener('pb-load', (e) => events.load.push(e));
  el.addEventListener('pb-error', (e) => events.error.push(e));
  el.addEventListener('pb-select', (e) => events.select.push(e));
  document.body.append(el);
  return { el, events };
}

function byLabel(el: PbMap, text: string): HTMLButtonElement {
  const found = markers(el).find((b) => markerName(b)?.includes(text));
  if (!found) {
    const labels = markers(el).map((b) => markerName(b));
    throw new Error(`no marker labelled "${text}" among ${JSON.stringify(labels)}`);
  }
  return found;
}

function moveEnd(el: PbMap): Promise<void> {
  return new Promise((resolve) => el.map!.once('moveend', () => resolve()));
}

afterEach(() => {
  for (const el of document.querySelectorAll('pb-map')) el.remove();
});

describe('<pb-map>', () => {
  it('loads a feed over HTTP and draws labelled clusters', async () => {
    const { el, events } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    expect(events.load).to.have.length(1);
    expect(events.load[0]!.detail.programmes).to.equal(6);
    expect(events.load[0]!.detail.problems).to.deep.equal([]);
    expect(el.map, 'the MapLibre map').to.exist;
    const labels = markers(el).map((b) => markerName(b));
    // The three Paris-area programmes cluster; the sum is of their latest budgets (75 M + 1,5 M),
    // known for two of the three.
    expect(labels).to.include(
      `Groupe de 3 programmes, ${euros(76_500_000, true)} (budget connu pour 2)`,
    );
    // A lone programme says its name, its years and its yearly budget.
    expect(labels).to.include(
      `Budget participatif de Rennes, 2016 à 2017, ${euros(3_500_000, true)} par an`,
    );
    const cluster = byLabel(el, '3 programmes');
    // The bubble shows the count and the sum of the budgets it holds.
    expect(cluster.querySelector('.count')!.textContent?.trim()).to.equal('3');
    expect(cluster.querySelector('.sum')!.textContent?.trim()).to.equal(euros(76_500_000, true));
    // The bubble is drawn where Paris is on the map.
    const at = el.map!.project([2.34, 48.85]);
    const box = cluster.getBoundingClientRect();
    const host = el.map!.getContainer().getBoundingClientRect();
    expect(Math.abs(box.x + box.width / 2 - host.x - at.x)).to.be.below(40);
    expect(Math.abs(box.y + box.height / 2 - host.y - at.y)).to.be.below(40);
    // The offline basemap's attribution stays visible.
    expect(el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')!.textContent).to.include(
      'Natural Earth',
    );
    await axeCheck(el);
  });

  it('draws over any MapLibre style given as basemap, with its attribution', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`, { basemap: `${FIXTURES}/style.json` });
    await el.ready;
    expect(el.map!.getStyle().name).to.equal('Test style');
    expect(el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')!.textContent).to.include(
      '© Test basemap',
    );
    expect(markers(el).length).to.be.above(0);
  });

  it('draws the data over a plain background, with a note, when the basemap cannot load', async () => {
    const { el, events } = mount(`${FIXTURES}/programmes.json`, {
      basemap: `${FIXTURES}/missing-style.json`,
    });
    await el.ready;
    expect(events.load).to.have.length(1);
    expect(markers(el).length, 'the data is drawn').to.be.above(0);
    expect(el.shadowRoot!.querySelector('.basemap-note')!.textContent).to.equal(
      messagesFor('fr').mapUnavailable,
    );
    expect(el.map!.getStyle().layers.map((l) => l.id)).to.deep.equal(['background']);
    await axeCheck(el);
  });

  it('shows only the last feed when src changes while loading', async () => {
    const { el, events } = mount(`${FIXTURES}/programmes.json`);
    el.src = `${FIXTURES}/partly-invalid.json`;
    await el.ready;
    await new Promise((r) => setTimeout(r, 300));
    expect(events.load.map((e) => e.detail.programmes)).to.deep.equal([2]);
    expect(markers(el).map((b) => markerName(b))).to.not.include('Budget participatif de Rennes');
  });

  it('zooms to where a cluster splits when it is clicked', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const before = el.map!.getZoom();
    const moved = moveEnd(el);
    clickAt(byLabel(el, '3 programmes'));
    await moved;
    expect(el.map!.getZoom()).to.be.above(before);
    await waitFor(() =>
      markers(el).some((b) => markerName(b).startsWith('Budget participatif de Paris,')),
    );
    expect(markers(el).some((b) => markerName(b).startsWith('Groupe de 3 programmes'))).to.equal(
      false,
    );
  });

  it('opens a card with the figures of a clicked programme, and Escape closes it', async () => {
    const { el, events } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const pin = byLabel(el, 'Budget participatif de Rennes');
    clickAt(pin);
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card, 'card').to.exist;
    expect(card.querySelector('h2')!.textContent).to.equal('Budget participatif de Rennes');
    expect(el.shadowRoot!.activeElement).to.equal(card.querySelector('h2'));
    const text = card.textContent!.replace(/[ \t\n\r]+/g, ' ');
    expect(text).to.include('Rennes');
    expect(text).to.include('2016–2017');
    expect(text).to.include(fr(222_485));
    // 3,5 M€ for 222 485 inhabitants: 15,73 € per inhabitant.
    expect(text).to.include(euros(15.73));
    const rows = [...card.querySelectorAll('tbody tr')].map((r) =>
      r.textContent!.replace(/[ \t\n\r]+/g, ' ').trim(),
    );
    expect(rows).to.deep.equal([`2016 ${euros(3_500_000)}`, `2017 ${euros(3_500_000)}`]);
    const link = card.querySelector('a')!;
    expect(link.href).to.equal('https://example.org/rennes');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.include('noopener');
    expect(events.select.map((e) => e.detail.programme.id)).to.deep.equal(['fr-35238']);
    await axeCheck(el);

    card.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.card')).to.equal(null);
    await waitFor(() =>
      el
        .shadowRoot!.activeElement?.getAttribute('aria-label')
        ?.startsWith('Budget participatif de Rennes,'),
    );
  });

  it('lists programmes at the very same place instead of zooming forever', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const zoom = el.map!.getZoom();
    clickAt(byLabel(el, '2 programmes'));
    // Whether zooming can split it is the clustering worker's answer: wait for the card.
    await waitFor(() => el.shadowRoot!.querySelector('.card'));
    const card = el.shadowRoot!.querySelector('.card')!;
    expect(card.querySelector('h2')!.textContent).to.include('2');
    const choices = [...card.querySelectorAll('ul.stack button')].map((b) => b.textContent!.trim());
    expect(choices).to.have.members(['Collège Jean Moulin', 'Lycée Pierre de Fermat']);
    expect(el.map!.getZoom()).to.equal(zoom);
    (card.querySelector('ul.stack button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.card h2')!.textContent).to.match(/Collège|Lycée/);
  });

  it('shows a broken feed’s error with a retry, and fires pb-error', async () => {
    const { el, events } = mount(`${FIXTURES}/missing.json`);
    let rejected: unknown;
    await el.ready.catch((e: unknown) => (rejected = e));
    expect(rejected).to.be.instanceOf(Error);
    await el.updateComplete;
    expect(events.error).to.have.length(1);
    expect(events.error[0]!.detail.code).to.equal('http');
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.include('404');
    const retry = alert.querySelector('button')!;
    expect(retry.textContent).to.equal('Réessayer');
    await axeCheck(el);
    // The retry loads again (and fails again, the same way).
    retry.click();
    await waitFor(() => events.error.length === 2);
  });

  it('says why a truncated feed cannot be read', async () => {
    const { el, events } = mount(`${FIXTURES}/truncated.json`);
    await el.ready.catch(() => {});
    expect(events.error[0]!.detail.code).to.equal('not-json');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.include(
      events.error[0]!.detail.message,
    );
  });

  it('shows an empty feed as empty, not as an error', async () => {
    const { el, events } = mount(`${FIXTURES}/empty.json`);
    await el.ready;
    expect(events.error).to.have.length(0);
    expect(events.load[0]!.detail.programmes).to.equal(0);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim()).to.equal(
      messagesFor('fr').empty,
    );
    expect(markers(el)).to.have.length(0);
  });

  it('keeps the valid entries of a partly invalid feed and says what was left out', async () => {
    const { el, events } = mount(`${FIXTURES}/partly-invalid.json`);
    await el.ready;
    expect(events.load[0]!.detail.programmes).to.equal(2);
    const paths = events.load[0]!.detail.problems.map((p) => p.path);
    expect(paths).to.include('$.programmes[1].coordinates[1]');
    expect(paths).to.include('$.programmes[2].url');
    const note = el.shadowRoot!.querySelector('.note')!;
    expect(note.textContent).to.include('$.programmes[1].coordinates[1]');
    await axeCheck(el);
  });

  it('keeps two maps on one page independent', async () => {
    const a = mount(`${FIXTURES}/programmes.json`);
    const b = mount(`${FIXTURES}/partly-invalid.json`);
    await Promise.all([a.el.ready, b.el.ready]);
    expect(a.el.map).to.not.equal(b.el.map);
    expect(a.events.load[0]!.detail.programmes).to.equal(6);
    expect(b.events.load[0]!.detail.programmes).to.equal(2);
    clickAt(byLabel(a.el, 'Budget participatif de Rennes'));
    await a.el.updateComplete;
    expect(a.el.shadowRoot!.querySelector('.card')).to.exist;
    expect(b.el.shadowRoot!.querySelector('.card')).to.equal(null);
    expect(b.events.select).to.have.length(0);
  });

  it('says so when the WebGL context is lost, and draws the map again when it comes back', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const gl = el.map!.getCanvas().getContext('webgl2')!;
    const lose = gl.getExtension('WEBGL_lose_context')!;
    lose.loseContext();
    await waitFor(() => el.shadowRoot!.querySelector('.status'), 3000, 'no message');
    expect(el.shadowRoot!.querySelector('.status')!.textContent).to.include(
      messagesFor('fr').contextLost,
    );
    // The markers (DOM, not WebGL) stay, so the data is still there to read and use.
    expect(markers(el).length).to.be.above(0);
    lose.restoreContext();
    await waitFor(() => !el.shadowRoot!.querySelector('.status'), 5000, 'message stays');
    expect(gl.isContextLost()).to.equal(false);
    // The map draws again: MapLibre renders a frame on the restored context.
    await new Promise<void>((resolve) => {
      el.map!.once('render', () => resolve());
      el.map!.triggerRepaint();
    });
    await axeCheck(el);
  });

  it('lets the page scroll under the wheel: the map zooms with Ctrl + wheel, and says so', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const map = el.map!;
    const box = map.getCanvas().getBoundingClientRect();
    const wheel = (ctrlKey: boolean) =>
      map.getCanvas().dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -600,
          deltaMode: 0,
          ctrlKey,
          clientX: box.x + box.width / 2,
          clientY: box.y + box.height / 2,
          bubbles: true,
          cancelable: true,
          composed: true,
        }),
      );
    const zoom = map.getZoom();
    const plain = wheel(false);
    // The hint shows at once (MapLibre fades it out shortly after).
    const hint = el.shadowRoot!.querySelector('.maplibregl-cooperative-gesture-screen')!;
    expect(hint.classList.contains('maplibregl-show')).to.equal(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(map.getZoom(), 'a plain wheel leaves the map alone').to.equal(zoom);
    expect(plain, 'and the page scrolls (the event is not cancelled)').to.equal(true);
    expect(hint.textContent).to.include(
      messagesFor('fr').mapUi['CooperativeGesturesHandler.WindowsHelpText'],
    );
    wheel(true);
    await waitFor(() => map.getZoom() > zoom, 3000, 'Ctrl + wheel did not zoom');
  });

  it('has a fullscreen button that puts the whole element in fullscreen', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('.maplibregl-ctrl-fullscreen')!;
    expect(button.getAttribute('aria-label')).to.equal('Passer en plein écran');
    const r = button.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)],
    });
    await waitFor(() => document.fullscreenElement === el, 3000, 'not in fullscreen');
    await waitFor(
      () => el.getBoundingClientRect().height === window.innerHeight,
      3000,
      'not full height',
    );
    await document.exitFullscreen();
    await waitFor(() => document.fullscreenElement === null, 3000, 'still in fullscreen');
  });

  it('says so in one sentence when the device has no WebGL, instead of an empty box', async () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type.startsWith('webgl')) return null;
      return (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof getContext;
    try {
      const { el, events } = mount(`${FIXTURES}/programmes.json`);
      await el.ready;
      await el.updateComplete;
      expect(el.map).to.equal(undefined);
      expect(events.load[0]!.detail.programmes).to.equal(6);
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.textContent!.trim()).to.equal(messagesFor('fr').noMap);
      await axeCheck(el);
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });

  it('frees its map and WebGL context when removed', async () => {
    const { el } = mount(`${FIXTURES}/programmes.json`);
    await el.ready;
    const map = el.map!;
    const canvas = map.getCanvas();
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
    expect(gl.isContextLost()).to.equal(false);
    el.remove();
    expect(el.map).to.equal(undefined);
    expect(gl.isContextLost(), 'WebGL context released').to.equal(true);
    expect(el.shadowRoot!.querySelector('.map')!.children.length).to.equal(0);
    // Back in the page, it draws again.
    document.body.append(el);
    await waitFor(() => markers(el).length > 0, 15000);
    expect(el.map).to.exist.and.not.equal(map);
  });
});
