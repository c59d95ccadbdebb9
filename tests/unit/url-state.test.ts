import { describe, expect, it } from 'vitest';
import {
  readUrlState,
  urlStateKey,
  writeUrlState,
  type UrlState,
} from '../../src/elements/pb-map/url-state.js';

const state: UrlState = {
  filter: {
    years: '2018-2024',
    budget: '100000-',
    level: 'commune,department',
    q: 'saint étienne & co',
  },
  view: { center: [2.352222, 48.856613], zoom: 6.4567 },
  open: 'fr-75056',
};

describe('url-state', () => {
  it('names a map’s segment after its id', () => {
    expect(urlStateKey(undefined)).toBe('pb');
    expect(urlStateKey('carte')).toBe('pb-carte');
  });

  it('reads back what it wrote, rounded to what a link needs', () => {
    const hash = writeUrlState('', 'pb', state);
    expect(hash).not.toContain('#');
    expect(hash.split('&')).toHaveLength(1); // the text's own & is escaped
    expect(readUrlState(`#${hash}`, 'pb')).toEqual({
      ...state,
      view: { center: [2.35222, 48.85661], zoom: 6.46 },
    });
  });

  it('keeps the host page’s own hash and other maps’ segments in place', () => {
    const other = writeUrlState('', 'pb-other', { filter: { years: '2020' } });
    const hash = writeUrlState(`#section-2&${other}`, 'pb-carte', state);
    expect(hash.startsWith(`section-2&${other}&pb-carte=`)).toBe(true);
    expect(readUrlState(hash, 'pb-other')).toEqual({ filter: { years: '2020' } });
    // Updating replaces the segment where it stands; an empty state removes it.
    const updated = writeUrlState(hash, 'pb-other', { filter: {} });
    expect(updated).toBe(`section-2&${hash.split('&')[2]}`);
    expect(writeUrlState('#top', 'pb', { filter: {} })).toBe('top');
  });

  it('has nothing to say about a hash without its segment, and ignores a malformed one', () => {
    expect(readUrlState('#section', 'pb')).toBeUndefined();
    expect(readUrlState('', 'pb')).toBeUndefined();
    expect(readUrlState('#pb=%E0%A4%A', 'pb')).toBeUndefined();
    // A bad view is dropped, the rest kept.
    expect(readUrlState(`#pb=${encodeURIComponent('years=2020&view=2,95,6')}`, 'pb')).toEqual({
      filter: { years: '2020' },
    });
    // Another map's segment is not this one's, even when its name starts the same.
    expect(readUrlState(`#pb-carte=${encodeURIComponent('years=2020')}`, 'pb')).toBeUndefined();
  });
});
