/**
 * The parts of France a `view="france"` map shows: metropolitan France (with Corsica), framed on
 * the main map, and the five overseas departments and regions (DROM), each drawn in an inset.
 * DOM-free: plain longitude/latitude boxes, and the Web Mercator arithmetic the insets need.
 */

/** A box in degrees: `[west, south, east, north]`. */
export type LonLatBox = readonly [west: number, south: number, east: number, north: number];

/** The five overseas departments and regions, by ISO 3166-1 alpha-2 code. */
export type DromCode = 'GP' | 'MQ' | 'GF' | 'RE' | 'YT';

/** One territory: its code and the box that holds all of its land. */
export interface Territory {
  code: DromCode;
  box: LonLatBox;
}

/**
 * Metropolitan France with Corsica: from Ouessant (5.1° W) to the Rhine and Corsica (9.6° E),
 * from Corsica's southern cape (41.4° N) to Dunkirk (51.1° N), with a small margin.
 */
export const METROPOLE: LonLatBox = [-5.3, 41.25, 9.75, 51.2];

/**
 * The DROM in the order French official maps list their insets (west to east, roughly), each with
 * a box around its land in Natural Earth 1:50m (Guadeloupe includes Marie-Galante, La Désirade
 * and Les Saintes).
 */
export const DROM: readonly Territory[] = [
  { code: 'GP', box: [-61.9, 15.8, -60.95, 16.55] },
  { code: 'MQ', box: [-61.3, 14.35, -60.75, 14.9] },
  { code: 'GF', box: [-54.7, 2.05, -51.5, 5.85] },
  { code: 'RE', box: [55.15, -21.45, 55.9, -20.8] },
  { code: 'YT', box: [44.95, -13.05, 45.35, -12.6] },
];

/** Whether a [longitude, latitude] point lies in a box (edges included). */
export function inBox([lon, lat]: readonly [number, number], [w, s, e, n]: LonLatBox): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** The DROM a [longitude, latitude] point lies in, if any. */
export function dromOf(point: readonly [number, number]): Territory | undefined {
  return DROM.find((t) => inBox(point, t.box));
}

/** Whether two boxes share any point. */
export function boxesOverlap(a: LonLatBox, b: LonLatBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** Web Mercator of a [longitude, latitude]: x and y in [0, 1], y growing southwards (as tiles). */
export function mercator([lon, lat]: readonly [number, number]): [number, number] {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/**
 * How a box is drawn in a square of `size` CSS pixels, centred in what `margins` leave free
 * (fractions of the square's side: one for every side, or `[top, right, bottom, left]`): where a
 * [longitude, latitude] lands (as a fraction of the square, 0 to 1 from the top-left corner), and
 * the map zoom that matches that scale (MapLibre's 512-pixel tiles, so that clusters in the square
 * are grouped as the main map would group them at that zoom).
 */
export function squareProjection(
  box: LonLatBox,
  size: number,
  margins: number | readonly [number, number, number, number] = 0.06,
): { project(point: readonly [number, number]): [number, number]; zoom: number } {
  const [top, right, bottom, left] =
    typeof margins === 'number' ? [margins, margins, margins, margins] : margins;
  const [x0, y0] = mercator([box[0], box[3]]);
  const [x1, y1] = mercator([box[2], box[1]]);
  const width = 1 - left - right;
  const height = 1 - top - bottom;
  const scale = Math.min(width / (x1 - x0), height / (y1 - y0)); // square fractions per world unit
  const dx = left + (width - (x1 - x0) * scale) / 2;
  const dy = top + (height - (y1 - y0) * scale) / 2;
  return {
    project(point) {
      const [x, y] = mercator(point);
      return [dx + (x - x0) * scale, dy + (y - y0) * scale];
    },
    zoom: Math.log2((scale * size) / 512),
  };
}
