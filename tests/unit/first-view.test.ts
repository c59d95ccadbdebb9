import { describe, expect, it } from 'vitest';
import { StaticCamera, viewBox } from '../../src/core/camera.js';
import { PointClusters, type PointItem } from '../../src/core/cluster.js';
import { firstView, frameBox, mainCluster } from '../../src/core/first-view.js';

/** 40 programmes around Rennes and Nantes, 40 around Lyon, and 3 overseas (La Réunion, Martinique, Guyane). */
function points(): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < 40; i++) out.push(-1.68 + (i % 8) * 0.1, 47.6 + Math.floor(i / 8) * 0.1);
  for (let i = 0; i < 40; i++) out.push(4.83 + (i % 8) * 0.05, 45.7 + Math.floor(i / 8) * 0.05);
  out.push(55.45, -20.88, -61.07, 14.6, -52.33, 4.93);
  return Float64Array.from(out);
}

const all = (n: number) => ({
  indices: Uint32Array.from({ length: n }, (_, i) => i),
  figures: new Float64Array(n).fill(1000),
});
const size = { clientWidth: 800, clientHeight: 500 };

describe('firstView', () => {
  it('frames the main group, not the overseas programmes, and clusters that view as the map would', () => {
    const coords = points();
    const view = firstView(coords, all(83), size)!;
    // Framed on the 80 metropolitan programmes: their box, centred.
    let [w, s, e, n] = [180, 90, -180, -90];
    for (let i = 0; i < 80; i++) {
      [w, e] = [Math.min(w, coords[2 * i]!), Math.max(e, coords[2 * i]!)];
      [s, n] = [Math.min(s, coords[2 * i + 1]!), Math.max(n, coords[2 * i + 1]!)];
    }
    const camera = new StaticCamera(size, [0, 0], 0);
    camera.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 60, maxZoom: 11 },
    );
    expect(view.center).toEqual([camera.getCenter().lng, camera.getCenter().lat]);
    expect(view.zoom).toBe(camera.getZoom());
    // The same clusters as PointClusters gives for that view (what the clustering worker answers).
    const clusters = new PointClusters();
    clusters.setPoints(coords);
    clusters.select(all(83).indices, all(83).figures);
    const { bbox, zoom } = viewBox(camera);
    expect(view.items).toEqual(clusters.getClusters(bbox, zoom));
    // Every metropolitan programme is in the view's items; the overseas ones are not.
    const count = view.items.reduce((k, item) => k + (item.kind === 'cluster' ? item.count : 1), 0);
    expect(count).toBe(80);
  });

  it('frames every point when no group holds three quarters of them', () => {
    const coords = Float64Array.from([2.35, 48.85, 55.45, -20.88, -61.07, 14.6, 151.2, -33.87]);
    const view = firstView(coords, all(4), size)!;
    const count = view.items.reduce((k, item) => k + (item.kind === 'cluster' ? item.count : 1), 0);
    expect(count).toBe(4);
  });

  it('gives nothing for an empty selection or a map with no size', () => {
    const coords = points();
    expect(
      firstView(coords, { indices: new Uint32Array(0), figures: new Float64Array(0) }, size),
    ).toBe(undefined);
    expect(firstView(coords, all(83), { clientWidth: 0, clientHeight: 0 })).toBe(undefined);
  });
});

describe('frameBox', () => {
  const groups: PointItem[] = [
    { kind: 'cluster', id: 1, coordinates: [0, 0], count: 3, budget: 0, budgetCount: 0 },
    { kind: 'point', index: 3, coordinates: [10, 20] },
  ];
  const positions: [number, number][] = [
    [1, 1],
    [2, 3],
    [-1, 2],
    [10, 20],
    [-50, -40],
  ];
  const at = (i: number) => positions[i]!;

  it('frames the main group, else the lone points, else every point', () => {
    expect(frameBox(groups, [0, 1, 2], at, 5)).toEqual([-1, 1, 2, 3]);
    expect(frameBox(groups, undefined, at, 5)).toEqual([10, 20, 10, 20]);
    expect(frameBox([groups[0]!], undefined, at, 5)).toEqual([-50, -40, 10, 20]);
  });
});

describe('mainCluster', () => {
  it('is the cluster with three quarters of the points, or none', () => {
    const cluster = (count: number): PointItem => ({
      kind: 'cluster',
      id: count,
      coordinates: [0, 0],
      count,
      budget: 0,
      budgetCount: 0,
    });
    const point: PointItem = { kind: 'point', index: 0, coordinates: [0, 0] };
    expect(mainCluster([cluster(75), cluster(24), point])).toEqual(cluster(75));
    expect(mainCluster([cluster(74), cluster(25), point])).toBe(undefined);
    expect(mainCluster([])).toBe(undefined);
  });
});
