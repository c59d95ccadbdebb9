// Taking the data away: the list's downloads (CSV, GeoJSON, sources) and the map's image (PNG),
// in real Chromium, over real HTTP. Downloads are caught where they leave the page: the Blob
// given to URL.createObjectURL, and the click on the <a download> (whose default is prevented,
// so that nothing is written to disk).

import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements.js';
import '../../src/elements/pb-list/pb-list.js';
import '../../src/elements/pb-atlas/pb-atlas.js';
import type { PbMap } from '../../src/elements.js';
import type { PbList } from '../../src/elements/pb-list/pb-list.js';
import type { PbAtlas } from '../../src/elements/pb-atlas/pb-atlas.js';
import { $, axeCheck, markers, mountMap, waitFor } from './helpers.js';
import { parseCsv } from '../csv.js';

const FIXTURES = '/tests/browser/fixtures';
const FEED = `${FIXTURES}/export-programmes.json`;
const TODAY = (() => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
})();

interface Download {
  name: string;
  href: string;
  blob: Blob;
}

/**
 * Catches downloads: the blobs given to URL.createObjectURL and the <a download> clicks (their
 * default prevented), and which object URLs were revoked.
 */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const revoked = new Set<string>();
  const downloads: Download[] = [];
  let taken = 0;
  const create = URL.createObjectURL;
  const revoke = URL.revokeObjectURL;
  URL.createObjectURL = (object: Blob | MediaSource) => {
    const url = create.call(URL, object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.add(url);
    revoke.call(URL, url);
  };
  const onClick = (event: MouseEvent) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault();
    downloads.push({ name: link.download, href: link.href, blob: blobs.get(link.href)! });
  };
  document.addEventListener('click', onClick, true);
  return {
    downloads,
    revoked,
    /** The next download not taken yet, once it has happened. */
    async next(): Promise<Download> {
      const index = taken++;
      await waitFor(() => downloads.length > index, 10_000, 'no download');
      return downloads[index]!;
    },
    restore() {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      document.removeEventListener('click', onClick, true);
    },
  };
}

/** The bytes of a blob as text, BOM kept. */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
}

/** The names the list shows, in its order (all pages). */
function listedIds(list: PbList): string[] {
  return [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody .choose')].map(
    (b) => b.dataset['id']!,
  );
}

function downloadButton(list: Element, format: 'csv' | 'geojson' | 'sources'): HTMLButtonElement {
  return $<HTMLButtonElement>(list, `.download button[data-format="${format}"]`);
}

/** A map and a list following it, in a 1000px page fragment at the top of the viewport. */
async function mountPage(attributes: Record<string, string> = {}, lang?: string) {
  const page = document.createElement('div');
  Object.assign(page.style, { position: 'fixed', top: '0', left: '0', width: '1000px' });
  if (lang) page.lang = lang;
  document.body.append(page);
  const map = mountMap(FEED, 'export-map', page) as PbMap;
  for (const [name, value] of Object.entries(attributes)) map.setAttribute(name, value);
  const list = document.createElement('pb-list') as PbList;
  list.setAttribute('for', 'export-map');
  list.setAttribute('page-size', '2'); // the files hold every row, not the page shown
  page.append(list);
  await map.ready;
  await list.updateComplete;
  return { page, map, list };
}

/** Pixels of an image's region as RGBA bytes. */
async function pixels(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return {
    width: bitmap.width,
    height: bitmap.height,
    at: (x: number, y: number) => {
      const i = (Math.round(y) * bitmap.width + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
    /** How many distinct colours the rows [top, bottom) hold. */
    colours(top: number, bottom: number): number {
      const seen = new Set<number>();
      for (let y = Math.round(top); y < Math.round(bottom); y += 2) {
        for (let x = 0; x < bitmap.width; x += 2) {
          const i = (y * bitmap.width + x) * 4;
          seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        }
      }
      return seen.size;
    },
    /** How many pixels of the rows [top, bottom) have exactly this colour. */
    count([r, g, b]: number[], top: number, bottom: number): number {
      let n = 0;
      for (
        let i = Math.round(top) * bitmap.width * 4;
        i < Math.round(bottom) * bitmap.width * 4;
        i += 4
      ) {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
      }
      return n;
    },
    /** Bytes of the rows [top, bottom), to compare two images. */
    rows(top: number, bottom: number): Uint8ClampedArray {
      return data.slice(Math.round(top) * bitmap.width * 4, Math.round(bottom) * bitmap.width * 4);
    },
  };
}

let caught: ReturnType<typeof catchDownloads>;
beforeEach(() => {
  caught = catchDownloads();
});
afterEach(async () => {
  caught.restore();
  for (const el of document.querySelectorAll('div, pb-map, pb-list, pb-atlas')) {
    if (el.parentElement === document.body) el.remove();
  }
  await setViewport({ width: 800, height: 600 });
});

describe('<pb-list> downloads', function () {
  this.timeout(30_000);

  it('saves the filtered rows as CSV, with licence and source on every line', async () => {
    await executeServerCommand('record-requests');
    const { map, list } = await mountPage({ years: '2019-2021' });
    // Kept: Rennes (2019), Brest (2019, 2020), Quimper (2021), Saint-Denis (2020); not Lannion.
    const label = $(list, '.download').textContent!.replace(/\s+/g, ' ');
    expect(label).to.contain('Télécharger la liste (4 programmes)');
    // The list shows two rows (page-size 2); the file holds the four, in the list's order.
    expect(listedIds(list)).to.have.length(2);

    downloadButton(list, 'csv').click();
    const csv = await caught.next();
    expect(csv.name).to.equal(`budgets-participatifs-${TODAY}.csv`);
    expect(csv.blob.type).to.equal('text/csv;charset=utf-8');
    const text = await textOf(csv.blob);
    expect(text.charCodeAt(0), 'a byte order mark').to.equal(0xfeff);
    const table = parseCsv(text.slice(1), ';');
    const [head, ...rows] = table;
    expect(head!.slice(0, 3)).to.deep.equal(['Identifiant', 'Nom', 'Lieu']);
    expect(head!.at(-2)).to.equal('Licence des données');
    // Sorted by name as the list is, in French collation: "=1+2" first, then Brest…
    expect(rows.map((r) => r[0])).to.deep.equal([
      'p-quimper',
      'p-brest',
      'p-rennes',
      'p-saint-denis',
    ]);
    expect(rows.map((r) => r[0]).slice(0, 2)).to.deep.equal(listedIds(list));
    const byId = Object.fromEntries(rows.map((r) => [r[0], r]));
    expect(byId['p-rennes']).to.deep.equal([
      'p-rennes',
      'La Fabrique citoyenne',
      'Rennes',
      'Bretagne',
      'FR',
      'Commune',
      '2019',
      '3600000',
      '16,18',
      '222485',
      '-1,6778',
      '48,1173',
      'https://example.org/rennes',
      'Licence Ouverte 2.0',
      `Export test feed — Bretagne & Réunion, mis à jour le 2026-11-01, ${location.origin}${FEED}`,
    ]);
    // Hostile text stays text: a formula is defused, separators and quotes stay in their cell.
    expect(byId['p-quimper']!.slice(1, 3)).to.deep.equal(["'=1+2", 'Quimper\nCentre']);
    expect(byId['p-quimper']![12], 'no javascript: link').to.equal('');
    expect(byId['p-brest']![1]).to.equal('Brest; budget "participatif"');
    expect(byId['p-brest']![6]).to.equal('2019, 2020');
    expect(rows.every((r) => r.length === head!.length)).to.equal(true);

    // The object URL is released, and nothing went to another origin.
    await waitFor(() => caught.revoked.has(csv.href), 3000, 'the object URL was not revoked');
    const recorded = (await executeServerCommand('recorded-requests')) as string[];
    const foreign = recorded.filter(
      (u) => !u.startsWith('data:') && new URL(u).origin !== location.origin,
    );
    expect(foreign, 'requests to another origin').to.deep.equal([]);
    expect(map.filter.years).to.deep.equal([2019, 2021]);
  });

  it('saves the same rows as GeoJSON with licence, sources and the filter, and the sources alone', async () => {
    const { list } = await mountPage({ years: '2019-2021', budget: '200000-' });
    downloadButton(list, 'geojson').click();
    const file = await caught.next();
    expect(file.name).to.equal(`budgets-participatifs-${TODAY}.geojson`);
    const json = JSON.parse(await textOf(file.blob));
    expect(json.type).to.equal('FeatureCollection');
    expect(json.licence).to.equal('Licence Ouverte 2.0');
    expect(json.title).to.equal('Export test feed — Bretagne & Réunion');
    expect(json.sources).to.deep.equal([
      { name: 'Ville de Rennes, données ouvertes', url: 'https://data.example.org/rennes' },
      { name: '=HYPERLINK("https://evil.example";"source")', url: 'https://evil.example/' },
    ]);
    expect(json.filter).to.deep.equal({
      years: [2019, 2021],
      budget: [200000, null],
      budgetPer: 'total',
      scope: 'selection',
    });
    // Quimper's only edition (100 000 €) is under the range: three are kept.
    expect(json.features.map((f: { id: string }) => f.id)).to.deep.equal([
      'p-brest',
      'p-rennes',
      'p-saint-denis',
    ]);
    const brest = json.features[0];
    expect(brest.geometry).to.deep.equal({ type: 'Point', coordinates: [-4.4861, 48.3904] });
    expect(brest.properties).to.include({ budget: 550000, place: 'Brest', level: 'commune' });
    expect(brest.properties.years).to.deep.equal([2019, 2020]);

    downloadButton(list, 'sources').click();
    const sources = await caught.next();
    expect(sources.name).to.equal(`budgets-participatifs-${TODAY}-sources.csv`);
    expect(parseCsv((await textOf(sources.blob)).slice(1), ';')).to.deep.equal([
      ['Source', 'Adresse'],
      ['Ville de Rennes, données ouvertes', 'https://data.example.org/rennes'],
      [`'=HYPERLINK("https://evil.example";"source")`, 'https://evil.example/'],
    ]);
  });

  it('says it saves only what is in view when the list follows the map, and does so', async () => {
    const { map, list } = await mountPage();
    list.scope = 'view';
    // Metropolitan Bretagne in view: La Réunion is not.
    const moved = new Promise((resolve) => map.map!.once('moveend', resolve));
    map.map!.jumpTo({ center: [-3, 48.3], zoom: 6 });
    await moved;
    await waitFor(() => $(list, '.download').textContent!.includes('dans la vue'));
    expect($(list, '.download').textContent!.replace(/\s+/g, ' ')).to.contain(
      'Télécharger la liste (4 programmes dans la vue)',
    );
    downloadButton(list, 'geojson').click();
    const json = JSON.parse(await textOf((await caught.next()).blob));
    expect(json.features.map((f: { id: string }) => f.id).sort()).to.deep.equal([
      'p-brest',
      'p-lannion',
      'p-quimper',
      'p-rennes',
    ]);
    expect(json.filter.scope).to.equal('view');
    expect(json.filter.bounds).to.have.length(4);
  });

  it('writes an empty selection as headings alone', async () => {
    const { list } = await mountPage({ q: 'nulle part' });
    downloadButton(list, 'csv').click();
    const table = parseCsv((await textOf((await caught.next()).blob)).slice(1), ';');
    expect(table).to.have.length(1);
  });

  it('speaks the page language: English headings, commas and decimal points', async () => {
    const { list } = await mountPage({ years: '2019' }, 'en');
    await waitFor(() => $(list, '.download').textContent!.includes('Download the list'));
    expect(downloadButton(list, 'csv').textContent!.trim()).to.equal('Spreadsheet (CSV)');
    downloadButton(list, 'csv').click();
    const file = await caught.next();
    expect(file.name).to.equal(`participatory-budgets-${TODAY}.csv`);
    const [head, ...rows] = parseCsv((await textOf(file.blob)).slice(1), ',');
    expect(head!.slice(0, 2)).to.deep.equal(['Identifier', 'Name']);
    expect(rows.find((r) => r[0] === 'p-rennes')!.slice(8, 12)).to.deep.equal([
      '16.18',
      '222485',
      '-1.6778',
      '48.1173',
    ]);
  });

  it('has real, labelled, keyboard-reachable buttons with a visible focus ring', async () => {
    const { list } = await mountPage();
    const group = $(list, '.download');
    expect(group.getAttribute('role')).to.equal('group');
    const buttons = [...group.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal([
      'Tableur (CSV)',
      'GeoJSON',
      'Sources (CSV)',
    ]);
    // Before the "only what the map shows" checkbox in the tab order: Shift+Tab from it reaches
    // the last download button, with its focus ring.
    $<HTMLInputElement>(list, '.controls input').focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(list.shadowRoot!.activeElement).to.equal(buttons[2]);
    const outline = getComputedStyle(buttons[2]!);
    expect(outline.outlineStyle).to.equal('solid');
    expect(outline.outlineWidth).to.equal('3px');
    await sendKeys({ press: 'Enter' });
    expect((await caught.next()).name).to.equal(`budgets-participatifs-${TODAY}-sources.csv`);
    await axeCheck(list);
  });
});

describe('<pb-atlas> downloads', function () {
  this.timeout(40_000);

  for (const [layout, width] of [
    ['wide', 1200],
    ['narrow', 360],
  ] as const) {
    it(`are reachable in the ${layout} layout, with the map's image button`, async () => {
      await setViewport({ width, height: 900 });
      const atlas = document.createElement('pb-atlas') as PbAtlas;
      atlas.setAttribute('src', FEED);
      document.body.append(atlas);
      await atlas.ready;
      const list = atlas.shadowRoot!.querySelector('pb-list')!;
      await waitFor(() => list.shadowRoot?.querySelector('.download button'));
      if (layout === 'narrow') {
        expect(downloadButton(list, 'csv').offsetParent, 'hidden in the closed panel').to.equal(
          null,
        );
        $<HTMLButtonElement>(atlas, '.toggle').click();
        await atlas.updateComplete;
      }
      const button = downloadButton(list, 'csv');
      expect(button.getBoundingClientRect().width).to.be.greaterThan(0);
      button.click();
      expect((await caught.next()).name).to.equal(`budgets-participatifs-${TODAY}.csv`);
      const map = atlas.map!;
      await waitFor(() => map.shadowRoot!.querySelector('.pb-map-image'));
      expect(
        map.shadowRoot!.querySelector('.pb-map-image')!.getBoundingClientRect().width,
      ).to.be.greaterThan(0);
    });
  }
});

describe('<pb-map> image', function () {
  this.timeout(40_000);

  it('makes a PNG of the view with its markers, legend and credits, not a blank canvas', async () => {
    await executeServerCommand('record-requests');
    const map = mountMap(FEED, 'image-map') as PbMap;
    await map.ready;
    await waitFor(() => map.map?.loaded(), 10_000, 'the basemap did not load');
    const ratio = devicePixelRatio;
    const image = await pixels(await map.toImage());
    expect(image.width).to.equal(Math.round(800 * ratio));
    const mapHeight = 500 * ratio;
    expect(image.height, 'a band under the map').to.be.greaterThan(mapHeight + 40 * ratio);
    // The map area holds the basemap (land, water, borders) and the markers: many colours.
    expect(image.colours(0, mapHeight), 'the map area is not uniform').to.be.greaterThan(20);
    // MapLibre's frame is in it: the offline basemap's land (#f7f5f0) covers much of Bretagne,
    // where a blank canvas would leave the plain background (its water colour) alone.
    const land = image.count([0xf7, 0xf5, 0xf0], 0, mapHeight);
    expect(land, 'land pixels').to.be.greaterThan(image.width * mapHeight * 0.05);
    // Where a marker stands, its colour (the default cluster or programme fill).
    const area = map.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
    const marker = markers(map).find((b) => !b.inert)!;
    const r = marker.getBoundingClientRect();
    const [red, green, blue] = image.at(
      (r.left - area.left + r.width / 2) * ratio,
      (r.top - area.top + 3) * ratio, // inside the fill, above the text
    );
    const expected = marker.classList.contains('cluster') ? [0, 0, 145] : [225, 0, 15];
    expect([red, green, blue]).to.deep.equal(expected);
    // The band: text on the surface, not the surface alone.
    expect(image.colours(mapHeight + 2, image.height), 'legend and credits').to.be.greaterThan(5);

    // The same view with nothing kept: the markers are gone from the image.
    map.filter = { q: 'nulle part' };
    await map.drawn;
    const empty = await pixels(await map.toImage());
    const before = image.rows(0, mapHeight);
    const after = empty.rows(0, mapHeight);
    const same = after.every((byte, i) => byte === before[i]);
    expect(same, 'differs from the image without data').to.equal(false);

    const recorded = (await executeServerCommand('recorded-requests')) as string[];
    const foreign = recorded.filter(
      (u) => !u.startsWith('data:') && new URL(u).origin !== location.origin,
    );
    expect(foreign, 'requests to another origin').to.deep.equal([]);
  });

  it('draws the first clusters on the plain background before MapLibre is there', async () => {
    const map = mountMap(FEED, 'image-early') as PbMap;
    await map.ready;
    // What toImage() sees before the map chunk has created MapLibre: no map, markers placed by
    // the element's own camera over the plain background.
    Object.defineProperty(map, 'map', { configurable: true, get: () => undefined });
    const ratio = devicePixelRatio;
    const image = await pixels(await map.toImage());
    expect(image.width).to.equal(Math.round(800 * ratio));
    // A corner away from markers and controls: the plain background (the light water colour).
    expect(image.at(300 * ratio, 495 * ratio)).to.deep.equal([0xdf, 0xe9, 0xf2]);
    const area = map.shadowRoot!.querySelector('.map')!.getBoundingClientRect();
    const marker = markers(map).find((b) => !b.inert)!;
    const r = marker.getBoundingClientRect();
    const expected = marker.classList.contains('cluster') ? [0, 0, 145] : [225, 0, 15];
    expect(
      image.at((r.left - area.left + r.width / 2) * ratio, (r.top - area.top + 3) * ratio),
    ).to.deep.equal(expected);
    expect(image.colours(500 * ratio + 2, image.height)).to.be.greaterThan(5);
  });

  it('is dark in the dark theme', async () => {
    const map = mountMap(FEED, 'image-dark') as PbMap;
    map.setAttribute('theme', 'dark');
    await map.ready;
    const image = await pixels(await map.toImage());
    const ratio = devicePixelRatio;
    const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    // The band's surface (#161616) and the map's water or land are dark.
    expect(luminance(image.at(2, image.height - 2))).to.be.below(40);
    expect(luminance(image.at(2, 2))).to.be.below(60);
    // The dark basemap's land (#1b1f24), drawn by MapLibre.
    expect(image.count([0x1b, 0x1f, 0x24], 0, 500 * ratio)).to.be.greaterThan(1000);
    expect(image.colours(500 * ratio + 2, image.height)).to.be.greaterThan(5);
  });

  it('has a labelled button in the map controls that saves the image', async () => {
    const map = mountMap(FEED, 'image-button') as PbMap;
    await map.ready;
    const button = await (async () => {
      await waitFor(() => map.shadowRoot!.querySelector('.pb-map-image'));
      return $<HTMLButtonElement>(map, '.pb-map-image');
    })();
    expect(button.localName).to.equal('button');
    expect(button.getAttribute('aria-label')).to.equal('Enregistrer la carte en image (PNG)');
    expect(button.getAttribute('part')).to.equal('image-button');
    button.focus();
    button.click();
    const file = await caught.next();
    expect(file.name).to.equal(`carte-budgets-participatifs-${TODAY}.png`);
    expect(file.blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(file.blob);
    expect(bitmap.width).to.equal(Math.round(800 * devicePixelRatio));
    await waitFor(() => caught.revoked.has(file.href), 3000, 'the object URL was not revoked');
    await axeCheck(map);
  });

  it('names its button in the page language', async () => {
    const page = document.createElement('div');
    page.lang = 'en';
    document.body.append(page);
    const map = mountMap(FEED, 'image-en', page) as PbMap;
    await map.ready;
    await waitFor(() => map.shadowRoot!.querySelector('.pb-map-image'));
    await waitFor(
      () => $(map, '.pb-map-image').getAttribute('aria-label') === 'Save the map as an image (PNG)',
      5000,
      `named ${$(map, '.pb-map-image').getAttribute('aria-label')}`,
    );
  });
});
