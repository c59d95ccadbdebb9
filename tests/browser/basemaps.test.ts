// The offline basemap's two GeoJSON files (made at build time, fetched by MapLibre's worker) and
// what happens when they are missing; basemaps beyond the offline default: one PMTiles archive
// (`basemap="pmtiles://…"`), a style whose source is a PMTiles archive, a missing archive; and
// the dark offline basemap that follows the element's theme without reloading the map.
//
// The fixture archive (scripts/make-pmtiles-fixture.mjs) holds raster tiles of zooms 0–2, each of
// one flat colour listed in basemap-tiles.json: the pixels the map draws say which tiles it drew.
// The test server answers Range requests for .pmtiles files (rangeMiddleware, scripts/wtr-plugins.mjs).

import { expect } from '@esm-bundle/chai';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { Map as MapLibreMap } from 'maplibre-gl';
import '../../src/elements.js';
import type { PbMap } from '../../src/elements.js';
import { messagesFor } from '../../src/core/messages.js';
import bordersUrl from 'pb-map-basemap:borders-1.geojson?url';
import landUrl from 'pb-map-basemap:land-1.geojson?url';
import { DARK_BASEMAP, LIGHT_BASEMAP, offlineStyle } from '../../src/map/basemap.js';
import { markerName, markers, pixelAt, rgb, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';
const FEED = `${FIXTURES}/programmes.json`;
const ARCHIVE = `${FIXTURES}/basemap.pmtiles`;

interface FixtureTiles {
  attribution: string;
  maxZoom: number;
  tiles: { z: number; x: number; y: number; rgb: [number, number, number] }[];
}
let fixture: FixtureTiles;

before(async () => {
  fixture = (await (await fetch(`${FIXTURES}/basemap-tiles.json`)).json()) as FixtureTiles;
});

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light' });
  for (const el of document.querySelectorAll('pb-map')) el.remove();
});

/** Puts a 800×500 <pb-map> on the programmes fixture in the page. */
function mount(attributes: Record<string, string> = {}): PbMap {
  const el = document.createElement('pb-map');
  el.style.setProperty('--pb-map-height', '500px');
  el.style.width = '800px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.setAttribute('src', FEED);
  document.body.append(el);
  return el;
}

function attribution(el: PbMap): string {
  return el.shadowRoot!.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '';
}

/** Every fetch the page makes while `run` runs: URL, Range header, response status. */
async function recordFetches<T>(
  run: () => Promise<T>,
): Promise<{ result: T; fetches: { url: string; range: string | null; status: number }[] }> {
  const fetches: { url: string; range: string | null; status: number }[] = [];
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await original(input, init);
    fetches.push({
      url: request.url,
      range: request.headers.get('range'),
      status: response.status,
    });
    return response;
  };
  try {
    return { result: await run(), fetches };
  } finally {
    window.fetch = original;
  }
}

/** The fixture colour of the deepest tile under (x, y) of the canvas. */
function tileColourAt(map: MapLibreMap, x: number, y: number): [number, number, number] {
  const { lng, lat } = map.unproject([x, y]);
  const z = fixture.maxZoom;
  const n = 2 ** z;
  const tx = Math.floor(((lng + 180) / 360) * n);
  const sin = Math.sin((lat * Math.PI) / 180);
  const ty = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n);
  const tile = fixture.tiles.find((t) => t.z === z && t.x === tx && t.y === ty);
  if (!tile) throw new Error(`no fixture tile ${z}/${tx}/${ty}`);
  return tile.rgb;
}

const close = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 3);

/** Waits until the map draws, at three spots, the colours of the fixture's tiles there. */
async function expectFixtureDrawn(map: MapLibreMap): Promise<void> {
  const { clientWidth: w, clientHeight: h } = map.getCanvas();
  const spots: [number, number][] = [
    [w / 2, h / 2],
    [w / 4, h / 4],
    [(3 * w) / 4, (3 * h) / 4],
  ];
  let last: string[] = [];
  await waitFor(
    async () => {
      last = [];
      let all = true;
      for (const [x, y] of spots) {
        const drawn = await pixelAt(map, x, y);
        const expected = tileColourAt(map, x, y);
        last.push(`(${x},${y}) drew ${drawn} expected ${expected}`);
        all &&= close(drawn, expected);
      }
      return all;
    },
    10_000,
    'the map does not draw the archive',
  ).catch((error: Error) => {
    throw new Error(`${error.message}: ${last.join('; ')}`);
  });
}

/** A dark map whose basemap could not load: its data drawn on the plain background, with the note. */
async function expectPlainBackground(el: PbMap): Promise<void> {
  await el.ready;
  const map = el.map!;
  expect(markers(el).length, 'the data is drawn').to.be.above(0);
  expect(el.shadowRoot!.querySelector('.basemap-note')!.textContent).to.equal(
    messagesFor('fr').mapUnavailable,
  );
  expect(map.getStyle().layers.map((l) => l.id)).to.deep.equal(['background']);
  await waitFor(
    () => map.getPaintProperty('background', 'background-color') === DARK_BASEMAP.water,
    5000,
    'the plain background follows the dark theme',
  );
}

// Every file of every map in this test file: past the browser's default of 250 entries, resource
// timing would drop the later ones (the pmtiles module among them).
performance.setResourceTimingBufferSize(10_000);

const pmtilesCodeLoaded = () =>
  performance.getEntriesByType('resource').some((e) => e.name.includes('/node_modules/pmtiles/'));

// A map's first load, in software WebGL on a shared machine, can take most of mocha's 20 s.
describe('offline basemap files', function () {
  this.timeout(60_000);
  afterEach(() => executeServerCommand('basemap-files', {}));

  it('draws land and borders from two GeoJSON files that MapLibre fetches, same-origin', async () => {
    await executeServerCommand('record-requests'); // MapLibre's worker fetches them
    const { result: el, fetches } = await recordFetches(async () => {
      const el = mount();
      await el.ready;
      return el;
    });
    const map = el.map!;
    // The style gives MapLibre the files' absolute URLs (its worker does not see the page's).
    const { sources } = await offlineStyle();
    // Land in four files and borders in two (scripts/basemap-geojson.mjs); the first of each here.
    expect(Object.keys(sources)).to.deep.equal([
      'land-1',
      'land-2',
      'land-3',
      'land-4',
      'borders-1',
      'borders-2',
    ]);
    const urls = [sources['land-1'], sources['borders-1']].map((source) => {
      const data = (source as { data: unknown }).data as string;
      expect(data, 'a URL for MapLibre to fetch, not shapes').to.be.a('string');
      expect(new URL(data).href, 'absolute').to.equal(data);
      expect(new URL(data).origin, 'same origin').to.equal(location.origin);
      return data;
    });
    expect(urls).to.deep.equal([
      new URL(landUrl, import.meta.url).href,
      new URL(bordersUrl, import.meta.url).href,
    ]);
    expect(urls[0]).to.match(/\/land-1\.geojson$/);
    expect(urls[1]).to.match(/\/borders-1\.geojson$/);
    expect(map.getSource('land-1'), 'the land source').to.exist;
    const recorded = (await executeServerCommand('recorded-requests')) as string[];
    for (const source of Object.values(sources)) {
      expect(recorded, 'fetched').to.include((source as { data: string }).data);
    }
    expect(
      [...recorded, ...fetches.map((f) => f.url)].filter((u) => /countries-\d+m\.json/.test(u)),
      'no TopoJSON to convert on the page',
    ).to.deep.equal([]);
    expect(attribution(el)).to.include('Natural Earth');

    // Paris is on land, inside France's borders; the Bay of Biscay is water.
    map.jumpTo({ center: [2.35, 46.5], zoom: 4.5 });
    await new Promise((resolve) => map.once('idle', resolve));
    const rendered = (lngLat: [number, number]) =>
      map.queryRenderedFeatures(map.project(lngLat)).map((f) => f.layer.id);
    const onLand = (ids: string[]) => ids.some((id) => id.startsWith('land-'));
    expect(onLand(rendered([2.35, 48.85])), 'Paris').to.equal(true);
    expect(onLand(rendered([-5, 45.5])), 'the Bay of Biscay').to.equal(false);
    const border = map.queryRenderedFeatures({ layers: ['borders-1', 'borders-2'] });
    expect(border.length, 'borders drawn').to.be.above(0);
    const { x, y } = map.project([2.35, 48.85]);
    expect(close(await pixelAt(map, x + 20, y + 20), rgb(LIGHT_BASEMAP.land)), 'land drawn').to.be
      .true;
    expect(el.shadowRoot!.querySelector('.basemap-note')).to.be.null;
  });

  it('keeps the data on the plain background, with the note, when its files are missing', async () => {
    await executeServerCommand('basemap-files', { missing: true });
    const el = mount({ theme: 'dark' });
    await expectPlainBackground(el);
  });
});

describe('dark offline basemap and the theme', function () {
  this.timeout(60_000);
  it('draws the offline basemap dark with theme="dark", and loads no PMTiles code', async () => {
    const el = mount({ theme: 'dark' });
    await el.ready;
    const map = el.map!;
    expect(map.getPaintProperty('land-1', 'fill-color')).to.equal(DARK_BASEMAP.land);
    expect(map.getPaintProperty('water', 'background-color')).to.equal(DARK_BASEMAP.water);
    expect(map.getPaintProperty('borders-1', 'line-color')).to.equal(DARK_BASEMAP.border);
    expect(pmtilesCodeLoaded(), 'the pmtiles module is not fetched without a pmtiles:// URL').to.be
      .false;
  });

  it('recolours a loaded map when its theme changes, keeping the map and its markers', async () => {
    const el = mount({ theme: 'light' });
    await el.ready;
    const map = el.map!;
    let setStyleCalls = 0;
    const setStyle = map.setStyle.bind(map);
    map.setStyle = (...args: Parameters<MapLibreMap['setStyle']>) => {
      setStyleCalls++;
      return setStyle(...args);
    };
    const before = markers(el);
    const names = before.map(markerName);
    expect(names.length).to.be.above(0);
    expect(map.getPaintProperty('land-1', 'fill-color')).to.equal(LIGHT_BASEMAP.land);

    el.setAttribute('theme', 'dark');
    await waitFor(() => map.getPaintProperty('land-1', 'fill-color') === DARK_BASEMAP.land);
    expect(map.getPaintProperty('water', 'background-color')).to.equal(DARK_BASEMAP.water);
    expect(el.map, 'the same map').to.equal(map);
    expect(setStyleCalls, 'no setStyle').to.equal(0);
    expect(map.getSource('land-1'), 'its sources stay').to.exist;
    expect(markers(el).map(markerName)).to.deep.equal(names);
    expect(markers(el)[0], 'the same marker buttons').to.equal(before[0]);

    el.setAttribute('theme', 'light');
    await waitFor(() => map.getPaintProperty('land-1', 'fill-color') === LIGHT_BASEMAP.land);
    expect(el.map).to.equal(map);
    expect(setStyleCalls).to.equal(0);
  });

  it('follows the system setting without theme or with theme="auto", and its changes', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const plain = mount();
    const auto = mount({ theme: 'auto' });
    await Promise.all([plain.ready, auto.ready]);
    for (const el of [plain, auto]) {
      expect(el.map!.getPaintProperty('land-1', 'fill-color')).to.equal(DARK_BASEMAP.land);
    }
    await emulateMedia({ colorScheme: 'light' });
    for (const el of [plain, auto]) {
      const map = el.map!;
      await waitFor(() => map.getPaintProperty('land-1', 'fill-color') === LIGHT_BASEMAP.land);
      expect(el.map).to.equal(map);
    }
  });

  it('releases its system-setting listener when removed from the page', async () => {
    const proto = MediaQueryList.prototype;
    const { addEventListener: add, removeEventListener: remove } = proto;
    const live = new Set<EventListenerOrEventListenerObject>();
    proto.addEventListener = function (this: MediaQueryList, type: string, listener: never) {
      if (type === 'change' && this.media.includes('prefers-color-scheme')) live.add(listener);
      return add.call(this, type, listener);
    } as typeof add;
    proto.removeEventListener = function (this: MediaQueryList, type: string, listener: never) {
      if (type === 'change') live.delete(listener);
      return remove.call(this, type, listener);
    } as typeof remove;
    try {
      const el = mount();
      await el.ready;
      expect(live.size, 'listening while shown').to.be.above(0);
      el.remove();
      expect(el.map).to.be.undefined;
      expect(live.size, 'no listener left').to.equal(0);
    } finally {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    }
  });

  it('keeps markers and the focus ring at 3:1 on the dark basemap (WCAG 1.4.11)', async () => {
    const el = mount({ theme: 'dark' });
    await el.ready;
    const luminance = (css: string) => {
      const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const hex = (h: string) => `rgb(${rgb(h).join(', ')})`;
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const colours: [string, string][] = [];
    for (const kind of ['cluster', 'programme']) {
      const marker = el.shadowRoot!.querySelector<HTMLElement>(`.markers button.${kind}`);
      expect(marker, `a ${kind} marker`).to.exist;
      const halo = /rgba?\([^)]*\)/.exec(getComputedStyle(marker!).boxShadow)![0];
      colours.push([`${kind} halo`, halo]);
    }
    const marker = markers(el)[0]!;
    marker.focus();
    colours.push(['focus ring', getComputedStyle(marker).outlineColor]);
    marker.blur();
    for (const [name, colour] of colours) {
      for (const where of ['land', 'water'] as const) {
        expect(
          ratio(colour, hex(DARK_BASEMAP[where])),
          `${name} (${colour}) vs dark ${where}`,
        ).to.be.at.least(3);
      }
    }
  });
});

describe('PMTiles basemaps', function () {
  this.timeout(60_000);
  it('draws one raster archive given as basemap="pmtiles://…", read by Range requests', async () => {
    // Relative to the page, as an author would write it.
    const relative = new URL(ARCHIVE, location.href).pathname;
    const { result: el, fetches } = await recordFetches(async () => {
      const el = mount({ basemap: `pmtiles://${relative}` });
      await el.ready;
      await expectFixtureDrawn(el.map!);
      return el;
    });
    const map = el.map!;
    const absolute = new URL(ARCHIVE, location.href).href;
    const source = map.getStyle().sources['pmtiles'];
    expect(source).to.include({ type: 'raster' });
    expect((source as { tiles: string[] }).tiles[0]).to.equal(`pmtiles://${absolute}/{z}/{x}/{y}`);
    expect(attribution(el), 'the archive metadata attribution').to.include(fixture.attribution);

    const reads = fetches.filter((f) => f.url === absolute);
    expect(reads.length, 'header and tiles').to.be.at.least(2);
    for (const read of reads) {
      expect(new URL(read.url).origin, 'same origin').to.equal(location.origin);
      expect(read.range, 'a Range request').to.match(/^bytes=\d+-\d+$/);
      expect(read.status, 'partial content').to.equal(206);
    }
    expect(pmtilesCodeLoaded(), 'the pmtiles module, loaded on demand').to.be.true;
    expect(markers(el).length, 'the data is drawn over it').to.be.above(0);
    expect(el.shadowRoot!.querySelector('.basemap-note')).to.be.null;
  });

  it('draws a style URL whose source is a pmtiles:// archive', async () => {
    const el = mount({ basemap: `${FIXTURES}/basemap-style.json` });
    await el.ready;
    const map = el.map!;
    expect(map.getStyle().name).to.equal('PMTiles style fixture');
    await expectFixtureDrawn(map);
    await waitFor(() => attribution(el).includes(fixture.attribution), 5000, 'no attribution');
    expect(markers(el).length).to.be.above(0);
    expect(el.shadowRoot!.querySelector('.basemap-note')).to.be.null;
  });

  it('keeps the data on the plain background, with the note, when the archive is missing', async () => {
    const el = mount({ basemap: `pmtiles://${FIXTURES}/missing.pmtiles`, theme: 'dark' });
    await expectPlainBackground(el);
  });

  it('draws a vector archive with a generic style from its metadata, in the theme', async () => {
    // basemap-vector.pmtiles (scripts/make-pmtiles-fixture.mjs), Protomaps layout: `earth` over
    // lon -10…30, lat 35…60; `water` over lon -2…2, lat 45…48; a `roads` line; a `places` point.
    const el = mount({ basemap: `pmtiles://${FIXTURES}/basemap-vector.pmtiles`, theme: 'light' });
    await el.ready;
    const map = el.map!;
    const ids = map.getStyle().layers.map((l) => l.id);
    for (const id of ['background', 'earth-fill', 'water-fill', 'roads-line', 'places-point']) {
      expect(ids, 'a layer per kind of geometry of each vector layer').to.include(id);
    }
    expect(attribution(el)).to.include(fixture.attribution);
    map.jumpTo({ center: [2, 46], zoom: 4 });
    await new Promise((resolve) => map.once('idle', resolve));
    const { clientWidth: width, clientHeight: height } = map.getCanvas();
    const spots = [
      { lngLat: [6, 44], layer: 'earth-fill' },
      { lngLat: [0, 46.5], layer: 'water-fill' },
      { lngLat: [-12, 45], layer: undefined }, // the sea: the background
    ] as const;
    const check = async (colours: typeof LIGHT_BASEMAP) => {
      for (const spot of spots) {
        const { x, y } = map.project([...spot.lngLat] as [number, number]);
        expect(x > 0 && x < width && y > 0 && y < height, `${spot.lngLat} in view`).to.be.true;
        const layers = map.queryRenderedFeatures([x, y]).map((f) => f.layer.id);
        if (spot.layer) expect(layers, `at ${spot.lngLat}`).to.include(spot.layer);
        else expect(layers, `at ${spot.lngLat}`).to.not.include('earth-fill');
        const expected = rgb(spot.layer === 'earth-fill' ? colours.land : colours.water);
        let drawn: number[] = [];
        await waitFor(async () => close((drawn = await pixelAt(map, x, y)), expected), 5000).catch(
          () => {
            throw new Error(`at ${spot.lngLat}: drew ${drawn}, expected ${expected}`);
          },
        );
      }
    };
    await check(LIGHT_BASEMAP);
    expect(map.queryRenderedFeatures({ layers: ['roads-line'] }).length, 'roads').to.be.above(0);
    expect(map.queryRenderedFeatures({ layers: ['places-point'] }).length, 'places').to.be.above(0);
    el.setAttribute('theme', 'dark');
    await check(DARK_BASEMAP);
    expect(el.map).to.equal(map);
  });

  it('recolours the background of an archive with the theme, leaving its tiles', async () => {
    const el = mount({ basemap: `pmtiles://${ARCHIVE}`, theme: 'light' });
    await el.ready;
    const map = el.map!;
    expect(map.getPaintProperty('water', 'background-color')).to.equal(LIGHT_BASEMAP.water);
    el.setAttribute('theme', 'dark');
    await waitFor(() => map.getPaintProperty('water', 'background-color') === DARK_BASEMAP.water);
    expect(el.map).to.equal(map);
    await expectFixtureDrawn(map);
  });
});
