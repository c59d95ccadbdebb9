/**
 * The `url-state` of `<pb-map>`: its filter, view and open programme kept in the page's URL hash,
 * so a reader can share a link that reopens the same view. Pure functions over strings; the
 * element reads and writes `location.hash` with them.
 *
 * The hash is shared with the host page: pb-map owns one `&`-separated segment of it, named
 * `pb` (or `pb-<id>` for a map with an id, so several maps keep apart), and leaves every other
 * segment as it found it. Example, with the host's own `#programme` anchor kept first:
 *
 *     #programme&pb-carte=years%3D2018-2024%26view%3D2.35%2C48.85%2C6.5%26open%3Dfr-75056
 */
import { FILTER_ATTRIBUTES, type FilterAttributes } from '../../core/filter.js';

/** What a map keeps in the URL. */
export interface UrlState {
  /** The filter, as the element's attributes write it. */
  filter: FilterAttributes;
  /** The map's centre and zoom. */
  view?: { center: [number, number]; zoom: number };
  /** Id of the programme whose card is open. */
  open?: string;
}

/** The segment name of a map: `pb`, or `pb-<id>`. */
export function urlStateKey(id: string | undefined): string {
  return id ? `pb-${id}` : 'pb';
}

/** A map's state in a hash (with or without its `#`); undefined when the hash has none. */
export function readUrlState(hash: string, key: string): UrlState | undefined {
  const segment = segments(hash).find((s) => s.startsWith(`${key}=`));
  if (segment === undefined) return undefined;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(decodeURIComponent(segment.slice(key.length + 1)));
  } catch {
    return undefined; // malformed escapes: not ours to fix
  }
  const state: UrlState = { filter: {} };
  for (const name of FILTER_ATTRIBUTES) {
    const value = params.get(name);
    if (value) state.filter[name] = value;
  }
  const view = params.get('view')?.split(',').map(Number);
  if (view?.length === 3 && view.every(Number.isFinite)) {
    const [lon, lat, zoom] = view as [number, number, number];
    if (Math.abs(lat) <= 90 && zoom >= 0 && zoom <= 24) state.view = { center: [lon, lat], zoom };
  }
  const open = params.get('open');
  if (open) state.open = open;
  return state;
}

/**
 * The hash with a map's segment replaced by `state` (removed when `state` holds nothing), every
 * other segment kept in place. Returns it without `#`.
 */
export function writeUrlState(hash: string, key: string, state: UrlState): string {
  const params = new URLSearchParams();
  for (const name of FILTER_ATTRIBUTES) {
    const value = state.filter[name];
    if (value) params.set(name, value);
  }
  if (state.view) {
    const [lon, lat] = state.view.center;
    params.set('view', `${round(lon, 5)},${round(lat, 5)},${round(state.view.zoom, 2)}`);
  }
  if (state.open) params.set('open', state.open);
  const value = params.toString();
  const others = segments(hash);
  const at = others.findIndex((s) => s.startsWith(`${key}=`));
  const mine = value ? `${key}=${encodeURIComponent(value)}` : undefined;
  if (at >= 0) {
    if (mine) others[at] = mine;
    else others.splice(at, 1);
  } else if (mine) {
    others.push(mine);
  }
  return others.join('&');
}

function segments(hash: string): string[] {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return text === '' ? [] : text.split('&');
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
