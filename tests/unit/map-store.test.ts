import { describe, expect, it } from 'vitest';
import type { Feed, Programme } from '../../src/core/feed/model.js';
import { MapStore, programmesInBounds, type StoreChange } from '../../src/store/map-store.js';

function programme(id: string, coordinates: [number, number], years: number[]): Programme {
  return { id, name: id, coordinates, editions: years.map((year) => ({ year, budget: 1000 })) };
}

const feed: Feed = {
  version: 1,
  currency: 'EUR',
  kind: 'programmes',
  sources: [],
  programmes: [
    programme('rennes', [-1.68, 48.11], [2016, 2017]),
    programme('paris', [2.35, 48.86], [2014, 2020]),
    programme('suva', [178.44, -18.14], [2020]),
    programme('mata-utu', [-176.17, -13.28], [2021]),
  ],
} as Feed;

const france = {
  center: [1, 47] as [number, number],
  zoom: 5,
  bounds: [-5, 41, 10, 52] as [number, number, number, number],
};

describe('MapStore', () => {
  it('applies the filter to a new feed, and a new filter to the feed', () => {
    const store = new MapStore();
    store.setFilter({ years: [2020, 2021] });
    expect(store.state.selection).toBeUndefined();
    store.setFeed(feed);
    expect(Array.from(store.state.selection!.indices)).toEqual([1, 2, 3]);
    store.setFilter({ years: [2016, 2016] });
    expect(Array.from(store.state.selection!.indices)).toEqual([0]);
    expect(store.state.filter).toEqual({ years: [2016, 2016] });
    store.setFeed(undefined);
    expect(store.state.selection).toBeUndefined();
    expect(store.state.filter).toEqual({ years: [2016, 2016] });
  });

  it('tells each listener what changed and who changed it, until it stops listening', () => {
    const store = new MapStore();
    const calls: [StoreChange[], string][] = [];
    const stop = store.subscribe((_, changes, origin) => calls.push([[...changes], origin]));
    store.setFeed(feed);
    store.setFilter({ q: 'paris' }, 'user');
    store.setView(france, 'user');
    stop();
    store.setFilter({});
    expect(calls).toEqual([
      [[], 'script'],
      [['feed', 'selection'], 'script'],
      [['filter', 'selection'], 'user'],
      [['view'], 'user'],
    ]);
  });

  it('keeps the kept programmes that stand in the view, and follows both', () => {
    const store = new MapStore();
    store.setFeed(feed);
    expect(store.state.inView).toBeUndefined();
    store.setView(france);
    expect(Array.from(store.state.inView!)).toEqual([0, 1]);
    store.setFilter({ years: [2014, 2014] });
    expect(Array.from(store.state.inView!)).toEqual([1]);
  });
});

describe('programmesInBounds', () => {
  const all = Uint32Array.of(0, 1, 2, 3);
  it('reads a box across the antimeridian written either way', () => {
    expect(Array.from(programmesInBounds(feed, all, [170, -25, -170, -5]))).toEqual([2, 3]);
    expect(Array.from(programmesInBounds(feed, all, [170, -25, 190, -5]))).toEqual([2, 3]);
    expect(Array.from(programmesInBounds(feed, all, [-190, -25, -170, -5]))).toEqual([2, 3]);
    expect(Array.from(programmesInBounds(feed, all, [170, -25, 180, -5]))).toEqual([2]);
  });
  it('looks only at the indices it is given', () => {
    expect(Array.from(programmesInBounds(feed, Uint32Array.of(1), [-5, 41, 10, 52]))).toEqual([1]);
  });
});
