import { expect } from '@esm-bundle/chai';
import '../../src/elements.js';
import '../../src/elements/pb-filters/pb-filters.js';
import '../../src/elements/pb-summary/pb-summary.js';
import '../../src/elements/pb-list/pb-list.js';
import { axeCheck, markers } from './helpers.js';

const FEED = '/tests/browser/fixtures/programmes.json'; // 6 programmes

const squash = (s: string) => s.replace(/[ \t\n\r]+/g, ' ').trim();
const text = (root: ShadowRoot, selector: string) =>
  squash(root.querySelector(selector)?.textContent ?? '');

/** The four elements under a wrapper of language `lang`, the map loaded. */
async function mount(lang: string) {
  const wrapper = document.createElement('div');
  wrapper.className = 'wrapper';
  wrapper.lang = lang;
  document.body.append(wrapper);
  const map = document.createElement('pb-map');
  map.id = 'm';
  // Fixed in the viewport: a map starts only once it is near it.
  Object.assign(map.style, { position: 'fixed', top: '0', left: '0', width: '400px' });
  map.style.setProperty('--pb-map-height', '300px');
  map.setAttribute('src', FEED);
  const filters = document.createElement('pb-filters');
  const summary = document.createElement('pb-summary');
  const list = document.createElement('pb-list');
  Object.assign(filters.style, { position: 'fixed', top: '0', right: '0', width: '320px' });
  for (const el of [filters, summary, list]) el.setAttribute('for', 'm');
  wrapper.append(map, filters, summary, list);
  await map.ready;
  await Promise.all([filters.updateComplete, summary.updateComplete, list.updateComplete]);
  return { wrapper, map, filters, summary, list };
}

async function checkAll(...els: Element[]): Promise<void> {
  for (const el of els) await axeCheck(el);
}

afterEach(() => {
  for (const el of document.querySelectorAll('div.wrapper')) el.remove();
});

describe('languages', () => {
  it('speaks Spanish under lang="es"', async () => {
    const { map, filters, summary, list } = await mount('es');
    const m = map.shadowRoot!;
    expect(text(m, '[part="skip"]')).to.equal('Saltar el mapa');
    const f = filters.shadowRoot!;
    expect(f.querySelector('form')!.lang).to.equal('es');
    expect(text(f, 'legend')).to.equal('Filtrar los programas');
    expect(text(f, '[part~="count"]')).to.equal('6 programas de 6');
    expect(text(f, '[part~="reset"]')).to.equal('Restablecer los filtros');
    const s = summary.shadowRoot!;
    expect(text(s, '[part~="figure"]')).to.equal('6 programas');
    const l = list.shadowRoot!;
    expect(text(l, 'caption .count')).to.equal('6 programas');
    expect(text(l, 'label')).to.equal('Solo lo que muestra el mapa');
    expect(squash(l.querySelector('thead')!.textContent!)).to.contain('Nombre');
    await checkAll(map, filters, summary, list);
  });

  it('speaks Portuguese under lang="pt"', async () => {
    const { map, filters, summary, list } = await mount('pt');
    const m = map.shadowRoot!;
    expect(text(m, '[part="skip"]')).to.equal('Saltar o mapa');
    const f = filters.shadowRoot!;
    expect(f.querySelector('form')!.lang).to.equal('pt');
    expect(text(f, 'legend')).to.equal('Filtrar os programas');
    expect(text(f, '[part~="count"]')).to.equal('6 programas de 6');
    expect(text(f, '[part~="reset"]')).to.equal('Repor os filtros');
    const s = summary.shadowRoot!;
    expect(text(s, '[part~="figure"]')).to.equal('6 programas');
    const l = list.shadowRoot!;
    expect(text(l, 'caption .count')).to.equal('6 programas');
    expect(text(l, 'label')).to.equal('Apenas o que o mapa mostra');
    expect(squash(l.querySelector('thead')!.textContent!)).to.contain('Orçamento');
    await checkAll(map, filters, summary, list);
  });

  it('falls back to French as a whole under an unknown lang: words and numbers alike', async () => {
    const { map } = await mount('de');
    const fr = await mount('fr');
    const bubbles = (el: Element) => markers(el).map((b) => squash(b.textContent ?? ''));
    // Same feed, same size: the bubbles must read exactly as in French, not "4,5 Mio. €".
    expect(bubbles(map)).to.have.length.greaterThan(0);
    expect(bubbles(map)).to.deep.equal(bubbles(fr.map));
    expect(bubbles(map).join(' ')).to.not.contain('Mio');
    expect(text(map.shadowRoot!, '[part="skip"]')).to.equal(
      text(fr.map.shadowRoot!, '[part="skip"]'),
    );
  });
});
