import { describe, expect, it } from 'vitest';
import {
  PointClusters,
  ProgrammeClusters,
  coordinatesOf,
  type ClusterItem,
} from '../../src/core/cluster.js';
import type { Programme } from '../../src/core/feed/model.js';

function programme(id: string, coordinates: [number, number], budget?: number): Programme {
  return {
    id,
    name: id,
    coordinates,
    editions:
      budget === undefined
        ? [{ year: 2024 }]
        : [
            { year: 2023, budget: 1 },
            { year: 2024, budget },
          ],
  };
}

// Two neighbours 6 km apart, two programmes at the very same place (one without a budget), and
// two islands on either side of the antimeridian.
const programmes = [
  programme('rennes', [-1.68, 48.11], 3_500_000),
  programme('cesson', [-1.6, 48.12], 100_000),
  programme('paris', [2.35, 48.86], 100_000_000),
  programme('paris-centre', [2.35, 48.86]),
  programme('mata-utu', [-176.17, -13.28], 20_000),
  programme('suva', [178.44, -18.14]),
];
const world: [number, number, number, number] = [-180, -90, 180, 90];

/** What a reader of the map sees for each item: a cluster's ids and sums, or a programme's id. */
function summary(clusters: ProgrammeClusters, items: ClusterItem[]) {
  return items.map((item) =>
    item.kind === 'cluster'
      ? {
          leaves: clusters.getLeaves(item.id).map((p) => p.id),
          count: item.count,
          budget: item.budget,
          budgetCount: item.budgetCount,
          expansionZoom: clusters.expansionZoom(item.id),
          stack: clusters.isStack(item.id),
        }
      : { id: item.programme.id, budget: item.budget },
  );
}

describe('ProgrammeClusters', () => {
  const clusters = new ProgrammeClusters().load(programmes);

  it('groups metropolitan France at zoom 3 with the sum of latest budgets, partial when one is unknown', () => {
    expect(summary(clusters, clusters.getClusters(world, 3))).toEqual([
      {
        leaves: ['rennes', 'cesson', 'paris', 'paris-centre'],
        count: 4,
        budget: 103_600_000,
        budgetCount: 3,
        expansionZoom: 4,
        stack: false,
      },
      { id: 'mata-utu', budget: 20_000 },
      { id: 'suva', budget: undefined },
    ]);
  });

  it('places a cluster at the centre of its programmes', () => {
    const [france] = clusters.getClusters([-5, 40, 10, 52], 3);
    expect(france?.kind).toBe('cluster');
    expect(france?.coordinates[0]).toBeCloseTo((-1.68 - 1.6 + 2.35 + 2.35) / 4, 6);
    expect(france?.coordinates[1]).toBeCloseTo(48.48887, 4);
  });

  it('splits at the expansion zoom, and lists programmes at the same place as a stack', () => {
    expect(summary(clusters, clusters.getClusters([-5, 40, 10, 52], 4))).toEqual([
      {
        leaves: ['rennes', 'cesson'],
        count: 2,
        budget: 3_600_000,
        budgetCount: 2,
        expansionZoom: 10,
        stack: false,
      },
      {
        leaves: ['paris', 'paris-centre'],
        count: 2,
        budget: 100_000_000,
        budgetCount: 1,
        expansionZoom: 17,
        stack: true,
      },
    ]);
  });

  it('shows neighbours apart from their expansion zoom on, and a stack as one cluster up to maxZoom', () => {
    expect(summary(clusters, clusters.getClusters([-5, 40, 10, 52], 10))).toEqual([
      { id: 'rennes', budget: 3_500_000 },
      { id: 'cesson', budget: 100_000 },
      {
        leaves: ['paris', 'paris-centre'],
        count: 2,
        budget: 100_000_000,
        budgetCount: 1,
        expansionZoom: 17,
        stack: true,
      },
    ]);
    expect(clusters.getClusters([2, 48, 3, 49], 16).map((i) => i.kind)).toEqual(['cluster']);
  });

  it('gives each lone programme its own coordinates and index', () => {
    const [paris, centre] = clusters.getClusters([2, 48, 3, 49], 17);
    expect(paris).toEqual({
      kind: 'programme',
      index: 2,
      programme: programmes[2],
      coordinates: [2.35, 48.86],
      budget: 100_000_000,
    });
    expect(centre).toEqual({
      kind: 'programme',
      index: 3,
      programme: programmes[3],
      coordinates: [2.35, 48.86],
    });
  });

  it('finds programmes in a box across the antimeridian, in the box’s own longitudes', () => {
    const expected = [
      ['suva', [178.44, -18.14]],
      ['mata-utu', [-176.17 + 360, -13.28]],
    ];
    const ids = (items: ClusterItem[]) =>
      items.map((i) => [i.kind === 'programme' ? i.programme.id : i.id, i.coordinates]);
    // west > east, as a bbox is usually written across the antimeridian
    expect(ids(clusters.getClusters([170, -25, -170, -5], 5))).toEqual(expected);
    // east beyond 180, as MapLibre reports bounds over the next world copy
    expect(ids(clusters.getClusters([170, -25, 190, -5], 5))).toEqual(expected);
    // west beyond -180: the same places seen from the previous world copy
    expect(ids(clusters.getClusters([-190, -25, -170, -5], 5))).toEqual([
      ['suva', [178.44 - 360, -18.14]],
      ['mata-utu', [-176.17, -13.28]],
    ]);
    // a box on one side only misses the other side
    expect(ids(clusters.getClusters([170, -25, 180, -5], 5))).toEqual([['suva', [178.44, -18.14]]]);
  });

  it('limits the leaves it returns, and throws on an unknown cluster id', () => {
    const [france] = clusters.getClusters([-5, 40, 10, 52], 3);
    if (france?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(clusters.getLeaves(france.id, 1).map((p) => p.id)).toEqual(['rennes']);
    expect(clusters.getLeaves(france.id, 0)).toEqual([]);
    expect(() => clusters.getLeaves(123_456)).toThrow('No cluster with the specified id.');
  });

  it('honours radius, maxZoom and minPoints', () => {
    const strict = new ProgrammeClusters({ minPoints: 3 }).load(programmes);
    expect(strict.getClusters([-5, 40, 10, 52], 4).map((i) => i.kind)).toEqual([
      'programme',
      'programme',
      'programme',
      'programme',
    ]);

    const low = new ProgrammeClusters({ maxZoom: 8 }).load(programmes);
    expect(low.options).toEqual({ radius: 60, maxZoom: 8, minPoints: 2 });
    const [rennes] = low.getClusters([-5, 40, 0, 52], 8);
    if (rennes?.kind !== 'cluster') throw new Error('expected a cluster');
    // Still grouped at the highest clustering zoom: zooming cannot split it, so it is a stack.
    expect([low.expansionZoom(rennes.id), low.isStack(rennes.id)]).toEqual([9, true]);

    const tight = new ProgrammeClusters({ radius: 20 }).load(programmes);
    expect(tight.getClusters([-5, 40, 0, 52], 8).map((i) => i.kind)).toEqual([
      'programme',
      'programme',
    ]);
  });

  it('is empty before load, and forgets the previous programmes on load', () => {
    const fresh = new ProgrammeClusters();
    expect(fresh.getClusters(world, 0)).toEqual([]);
    fresh.load(programmes);
    fresh.load(programmes.slice(4));
    expect(summary(fresh, fresh.getClusters(world, 0))).toEqual([
      { id: 'mata-utu', budget: 20_000 },
      { id: 'suva', budget: undefined },
    ]);
  });
});

describe('ProgrammeClusters under a filter', () => {
  it('clusters only the selected programmes and sums the figures the filter gives them', () => {
    // Paris and Rennes kept, with figures of an earlier edition than their latest.
    const clusters = new ProgrammeClusters().load(programmes, {
      indices: Uint32Array.of(0, 2, 3),
      figures: Float64Array.of(1_000_000, 17_700_000, NaN),
    });
    expect(summary(clusters, clusters.getClusters(world, 3))).toEqual([
      {
        leaves: ['rennes', 'paris', 'paris-centre'],
        count: 3,
        budget: 18_700_000,
        budgetCount: 2,
        expansionZoom: 4,
        stack: false,
      },
    ]);
    expect(summary(clusters, clusters.getClusters([-5, 40, 10, 52], 4))).toEqual([
      { id: 'rennes', budget: 1_000_000 },
      {
        leaves: ['paris', 'paris-centre'],
        count: 2,
        budget: 17_700_000,
        budgetCount: 1,
        expansionZoom: 17,
        stack: true,
      },
    ]);
  });

  it('draws nothing for an empty selection', () => {
    const clusters = new ProgrammeClusters().load(programmes, {
      indices: new Uint32Array(0),
      figures: new Float64Array(0),
    });
    expect(clusters.getClusters(world, 3)).toEqual([]);
  });
});

describe('PointClusters', () => {
  const coords = coordinatesOf(programmes);

  it('forgets the clusters of a previous selection: their ids are refused', () => {
    const points = new PointClusters();
    points.setPoints(coords);
    points.select(Uint32Array.of(0, 1, 2, 3), Float64Array.of(1, 2, 3, NaN));
    const [cluster] = points.getClusters(world, 3);
    if (cluster?.kind !== 'cluster') throw new Error('expected a cluster');
    expect(points.getLeaves(cluster.id).sort()).toEqual([0, 1, 2, 3]);
    points.select(Uint32Array.of(0, 1), Float64Array.of(1, 2));
    expect(() => points.getLeaves(cluster.id)).toThrow('No cluster with the specified id.');
    expect(points.size).toBe(2);
  });

  it('answers any zoom, above maxZoom with every point alone', () => {
    const points = new PointClusters({ maxZoom: 5 });
    points.setPoints(coords);
    points.select(Uint32Array.of(0, 1), Float64Array.of(1, 2));
    expect(points.getClusters(world, 5).map((i) => i.kind)).toEqual(['cluster']);
    expect(points.getClusters(world, 6).map((i) => i.kind)).toEqual(['point', 'point']);
    expect(points.getClusters(world, 22).map((i) => i.kind)).toEqual(['point', 'point']);
  });

  it('refuses an index outside the points', () => {
    const points = new PointClusters();
    points.setPoints(coords);
    expect(() => points.select(Uint32Array.of(6), Float64Array.of(1))).toThrow(RangeError);
  });
});
