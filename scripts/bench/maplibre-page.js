// The baseline: MapLibre's own clustered GeoJSON source on the same feed, same view and same
// filters. Each change: applyFilter (the same core function pb-map uses), build the features,
// source.setData, then wait for the map's `idle` plus one frame. Driven by run.mjs.
import * as maplibregl from '/node_modules/maplibre-gl/dist/maplibre-gl.mjs';
import { applyFilter, indexProgrammes, parseFeed } from '/dist/core.js';
import {
  SEQUENCE,
  VIEW,
  WARMUP,
  longTasksSupported,
  reportError,
  round,
  sleep,
  timeChange,
} from './page-lib.js';

maplibregl.setWorkerUrl('/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');

const feedUrl = new URLSearchParams(location.search).get('feed');
let map;
let index;
let geometries;

/** The filtered programmes as GeoJSON, each with the figure pb-map would sum (0 when none). */
function featuresFor(filter) {
  const selection = applyFilter(index, filter);
  const { indices, figures } = selection;
  const features = new Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const figure = figures[k];
    features[k] = {
      type: 'Feature',
      geometry: geometries[indices[k]],
      properties: { budget: figure === figure ? figure : 0 },
    };
  }
  return { data: { type: 'FeatureCollection', features }, programmes: selection.totals.programmes };
}

const idle = () => new Promise((resolve) => map.once('idle', () => resolve()));

/** One change, as an application would do it: filter, build, setData; done at `idle`. */
function setFilter(filter) {
  const { data, programmes } = featuresFor(filter);
  map.getSource('programmes').setData(data);
  return { programmes, idle: idle() };
}

window.bench = {
  async setup() {
    const t0 = performance.now();
    const parsed = parseFeed(await (await fetch(feedUrl)).json());
    if (!parsed.ok) throw new Error(`feed: ${parsed.error.message}`);
    const programmes = parsed.feed.programmes;
    index = indexProgrammes(programmes);
    geometries = programmes.map((p) => ({ type: 'Point', coordinates: p.coordinates }));
    const initial = featuresFor({});
    map = new maplibregl.Map({
      container: 'map',
      // Background only: no basemap sources or tiles to wait for (pb-map draws its own offline
      // basemap; leaving it out here only helps MapLibre). No glyphs URL: MapLibre 6 draws the
      // count labels with a local font (TinySDF).
      style: {
        version: 8,
        sources: {},
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#dfe9f2' } },
        ],
      },
      center: VIEW.center,
      zoom: VIEW.zoom,
      pixelRatio: 1,
      fadeDuration: 0,
      attributionControl: false,
      renderWorldCopies: false,
      maxZoom: 18,
    });
    await new Promise((resolve, reject) => {
      map.once('load', resolve);
      map.once('error', (e) => reject(e.error ?? e));
    });
    map.on('error', (e) => reportError(e.error ?? e));
    map.addSource('programmes', {
      type: 'geojson',
      data: initial.data,
      cluster: true,
      clusterRadius: 60,
      clusterMaxZoom: 16,
      clusterProperties: { budget: ['+', ['get', 'budget']] },
    });
    map.addLayer({
      id: 'clusters',
      type: 'circle',
      source: 'programmes',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#1f6f8b',
        'circle-radius': ['min', 38, ['+', 13, ['*', 3.5, ['log2', ['get', 'point_count']]]]],
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });
    map.addLayer({
      id: 'cluster-count',
      type: 'symbol',
      source: 'programmes',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': ['sans-serif'],
        'text-size': 13,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    });
    map.addLayer({
      id: 'programme',
      type: 'circle',
      source: 'programmes',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': '#c2410c',
        'circle-radius': 7,
        'circle-stroke-width': 2,
        'circle-stroke-color': '#ffffff',
      },
    });
    await idle();
    await sleep(500);
    const labels = map.queryRenderedFeatures({ layers: ['cluster-count'] }).length;
    const circles = map.queryRenderedFeatures({ layers: ['clusters', 'programme'] }).length;
    return {
      readyMs: round(performance.now() - t0),
      longTasksSupported,
      programmes: initial.programmes,
      labels,
      circles,
      view: { center: map.getCenter().toArray(), zoom: map.getZoom() },
      devicePixelRatio,
      version: maplibregl.getVersion?.() ?? maplibregl.version,
    };
  },

  async run() {
    const warmup = [];
    for (const f of WARMUP)
      warmup.push(
        await timeChange(
          () => setFilter(f),
          (r) => r.idle,
        ),
      );
    const changes = [];
    for (const f of SEQUENCE) {
      let programmes;
      const r = await timeChange(
        () => {
          const s = setFilter(f);
          programmes = s.programmes;
          return s;
        },
        (s) => s.idle,
      );
      changes.push({ ...r, programmes });
    }
    return { warmup, changes };
  },

  /** For scale: setData of 10 points, to idle. */
  async tiny() {
    const few = { type: 'FeatureCollection', features: [] };
    for (let i = 0; i < 10; i++) {
      few.features.push({ type: 'Feature', geometry: geometries[i], properties: { budget: 0 } });
    }
    const times = [];
    for (let k = 0; k < 5; k++) {
      const r = await timeChange(
        () => {
          map
            .getSource('programmes')
            .setData(k % 2 ? few : { ...few, features: few.features.slice(1) });
          return idle();
        },
        (p) => p,
      );
      times.push(r.ms);
    }
    return times;
  },
};

window.addEventListener('error', (event) => reportError(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => reportError(event.reason));
