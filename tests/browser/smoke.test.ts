// Checks the browser-test plumbing itself: MapLibre renders with WebGL2 in this Chromium,
// vite-style imports work under the test runner, files are served over HTTP, axe can fail.

import { expect } from '@esm-bundle/chai';
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import packageJson from '../../package.json';
import { axeCheck, fixture, html } from './helpers.js';

setWorkerUrl(workerUrl);

const points: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    [-10, 0],
    [0, 0],
    [10, 0],
  ].map((coordinates, i) => ({
    type: 'Feature',
    properties: { id: i },
    geometry: { type: 'Point', coordinates },
  })),
};

const style: StyleSpecification = {
  version: 8,
  sources: { points: { type: 'geojson', data: points } },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef' } },
    {
      id: 'points',
      type: 'circle',
      source: 'points',
      paint: { 'circle-radius': 8, 'circle-color': '#c00' },
    },
  ],
};

describe('browser test plumbing', () => {
  it('renders a MapLibre map with WebGL2 and removes it', async () => {
    const container = await fixture<HTMLDivElement>(
      html`<div style="width: 400px; height: 300px"></div>`,
    );
    const map = new MapLibreMap({
      container,
      style,
      center: [0, 0],
      zoom: 2,
      attributionControl: false,
    });
    // `load` and the first `idle` can fire in the same frame: listen for idle first.
    const idle = map.once('idle');
    await map.once('load');
    await idle;

    const rendered = map.queryRenderedFeatures({ layers: ['points'] });
    expect(rendered.map((f) => f.properties['id']).sort()).to.deep.equal([0, 1, 2]);
    expect(map.getCanvas().getContext('webgl2')).to.be.instanceOf(WebGL2RenderingContext);

    map.remove();
    expect(container.children.length).to.equal(0);
  });

  it('serves vite-style ?url and ?inline imports, JSON modules and .mjs as JavaScript', async () => {
    expect(workerUrl).to.equal('/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');
    const worker = await fetch(workerUrl);
    expect(worker.headers.get('content-type')).to.match(/^text\/javascript/);
    expect(maplibreCss).to.be.a('string').and.to.include('.maplibregl-map');
    expect(packageJson.name).to.equal('pb-map');

    // A JSON file's ?url is its plain URL: fetching it gives the JSON, not a module.
    expect(atlasUrl).to.equal('/node_modules/world-atlas/countries-110m.json');
    const atlas = (await (await fetch(atlasUrl)).json()) as { type: string };
    expect(atlas.type).to.equal('Topology');
  });

  it('fetches repository files over HTTP', async () => {
    const response = await fetch('/package.json');
    expect(response.ok).to.equal(true);
    const parsed = (await response.json()) as { name: string };
    expect(parsed.name).to.equal('pb-map');
  });

  it('passes axe on an accessible element', async () => {
    const el = await fixture(html`<button type="button">Zoom in</button>`);
    await axeCheck(el);
  });

  it('fails axe on an image without alt text', async () => {
    const el = await fixture(
      html`<div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" /></div>`,
    );
    let error: unknown;
    try {
      await axeCheck(el);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(Error);
    expect((error as Error).message).to.include('image-alt');
  });
});
