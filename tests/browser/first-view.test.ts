// The first view: <pb-map> draws its first clusters with its own camera before MapLibre exists
// (MapLibre's WebGL set-up is one long task), then creates the map at the same centre and zoom.
// What a reader would notice if it broke: markers late, or jumping when the basemap comes in.
import { expect } from '@esm-bundle/chai';
import { Map as MapLibreMap } from 'maplibre-gl';
import '../../src/elements.js';
import type { PbMap } from '../../src/elements.js';
import { StaticCamera } from '../../src/core/camera.js';
import { PLAIN_STYLE } from '../../src/map/setup.js';
import { markers, waitFor } from './helpers.js';

const FIXTURES = '/tests/browser/fixtures';

/** Where each marker stands in the element, by its key. */
function positions(el: PbMap): Map<string, { x: number; y: number }> {
  const box = el.getBoundingClientRect();
  return new Map(
    markers(el).map((m) => {
      const r = m.getBoundingClientRect();
      return [m.dataset['key']!, { x: r.x + r.width / 2 - box.x, y: r.y + r.height / 2 - box.y }];
    }),
  );
}

afterEach(() => {
  for (const el of document.querySelectorAll('pb-map, .camera-test')) el.remove();
});

describe('StaticCamera', () => {
  it('projects, bounds and fits as MapLibre does', async () => {
    const container = document.createElement('div');
    container.className = 'camera-test';
    container.style.cssText = 'width: 800px; height: 500px; position: relative';
    document.body.append(container);
    const camera = new StaticCamera(container, [2.4, 46.6], 4.2);
    // Brittany to Alsace, with a point in Corsica: a realistic first framing.
    camera.fitBounds(
      [
        [-4.5, 41.9],
        [7.7, 48.6],
      ],
      { padding: 60, maxZoom: 11 },
    );
    const center = camera.getCenter();
    const map = new MapLibreMap({
      container,
      style: PLAIN_STYLE,
      center: [center.lng, center.lat],
      zoom: camera.getZoom(),
      renderWorldCopies: false,
      attributionControl: false,
    });
    try {
      for (const point of [
        [-4.5, 48.6],
        [7.7, 41.9],
        [2.35, 48.85],
        [-61.5, 16.2], // Guadeloupe, far outside the view
        [55.5, -21.1], // La Réunion
      ] as [number, number][]) {
        const ours = camera.project(point);
        const theirs = map.project(point);
        expect(Math.abs(ours.x - theirs.x), `x of ${point}`).to.be.below(0.5);
        expect(Math.abs(ours.y - theirs.y), `y of ${point}`).to.be.below(0.5);
      }
      const [a, b] = [camera.getBounds(), map.getBounds()];
      for (const side of ['getWest', 'getSouth', 'getEast', 'getNorth'] as const) {
        expect(a[side]()).to.be.closeTo(b[side](), 1e-6);
      }
      // The same box fitted by MapLibre lands on the same view.
      map.fitBounds(
        [
          [-4.5, 41.9],
          [7.7, 48.6],
        ],
        { padding: 60, maxZoom: 11, duration: 0 },
      );
      expect(map.getZoom()).to.be.closeTo(camera.getZoom(), 1e-6);
      expect(map.getCenter().lng).to.be.closeTo(center.lng, 1e-6);
      expect(map.getCenter().lat).to.be.closeTo(center.lat, 1e-6);
      // One point takes the highest zoom allowed, centred on it.
      camera.fitBounds(
        [
          [-1.68, 48.11],
          [-1.68, 48.11],
        ],
        { padding: 60, maxZoom: 11 },
      );
      expect(camera.getZoom()).to.equal(11);
      expect(camera.getCenter().lng).to.be.closeTo(-1.68, 1e-9);
      expect(camera.getCenter().lat).to.be.closeTo(48.11, 1e-9);
    } finally {
      map.remove();
    }
  });
});

describe('<pb-map> first view', () => {
  it('draws the first clusters before MapLibre exists, and they stay put when it comes', async () => {
    const el = document.createElement('pb-map');
    el.style.setProperty('--pb-map-height', '500px');
    el.style.width = '800px';
    el.setAttribute('src', `${FIXTURES}/programmes.json`);
    document.body.append(el);
    let mapWhenFirstDrawn: unknown = 'not drawn';
    let first = new Map<string, { x: number; y: number }>();
    await waitFor(
      () => {
        if (markers(el).length === 0) return false;
        mapWhenFirstDrawn = el.map;
        first = positions(el);
        return true;
      },
      15_000,
      'no marker was drawn',
    );
    expect(mapWhenFirstDrawn, 'the MapLibre map when the first markers are drawn').to.equal(
      undefined,
    );
    // The markers are real, named buttons from the start.
    expect(markers(el).every((m) => m.getAttribute('aria-label') || m.textContent?.trim())).to.be
      .true;
    await el.ready;
    expect(el.map, 'the MapLibre map once ready').to.exist;
    const after = positions(el);
    expect([...after.keys()].sort()).to.deep.equal([...first.keys()].sort());
    for (const [key, { x, y }] of first) {
      expect(Math.abs(after.get(key)!.x - x), `x of ${key}`).to.be.below(1);
      expect(Math.abs(after.get(key)!.y - y), `y of ${key}`).to.be.below(1);
    }
  });
});

describe('<pb-map> far from the viewport', () => {
  afterEach(() => {
    for (const el of document.querySelectorAll('.spacer, pb-summary')) el.remove();
    window.scrollTo(0, 0);
  });

  /** A map 3000 px below the top of the page, with an id. */
  function below(): PbMap {
    const spacer = document.createElement('div');
    spacer.className = 'spacer';
    spacer.style.height = '3000px';
    const el = document.createElement('pb-map');
    el.id = 'far';
    el.style.setProperty('--pb-map-height', '300px');
    el.setAttribute('src', `${FIXTURES}/programmes.json`);
    document.body.append(spacer, el);
    return el;
  }

  it('loads neither its feed nor MapLibre until it is scrolled near', async () => {
    const el = below();
    await customElements.whenDefined('pb-map');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(el.store.state.feed, 'the feed, out of view').to.equal(undefined);
    expect(el.map, 'the map, out of view').to.equal(undefined);
    el.scrollIntoView();
    await el.ready;
    expect(el.store.state.feed?.programmes.length).to.equal(6);
    expect(markers(el).length).to.be.greaterThan(0);
  });

  it('loads its feed at once for an element that follows it, without the map', async () => {
    const el = below();
    const summary = document.createElement('pb-summary');
    summary.setAttribute('for', 'far');
    document.body.prepend(summary);
    await waitFor(() => el.store.state.feed, 10_000, 'the feed did not load for the summary');
    expect(el.store.state.feed!.programmes.length).to.equal(6);
    expect(el.map, 'the map stays unmade out of view').to.equal(undefined);
  });
});
