/**
 * A camera without a map: the Web Mercator view `<pb-map>` draws its first clusters in before
 * MapLibre exists. MapLibre's WebGL set-up is one long task (100–400 ms here in software rendering),
 * so the element frames the data, clusters it and places its markers with this first, and creates
 * the map afterwards at the same centre and zoom: the markers stay where they are and the basemap
 * appears under them. Same projection as MapLibre's (512-pixel world at zoom 0, no rotation or
 * pitch), so the numbers agree.
 */

/** The size of what a camera looks through, in CSS pixels: an element, or just the numbers. */
export interface Size {
  readonly clientWidth: number;
  readonly clientHeight: number;
}

/** What `<pb-map>` reads of a camera: a MapLibre map has all of it, and so does {@link StaticCamera}. */
export interface Camera {
  project(lngLat: [number, number]): { x: number; y: number };
  getContainer(): Size;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  isMoving(): boolean;
  jumpTo(options: { center?: [number, number]; zoom?: number }): unknown;
  fitBounds(
    bounds: [[number, number], [number, number]],
    options: { padding: number; maxZoom: number; duration: 0 },
  ): unknown;
}

/** Where a map starts before a feed is known: metropolitan France. */
export const FRANCE_CENTER: [number, number] = [2.4, 46.6];
export const FRANCE_ZOOM = 4.2;

/** MapLibre's tile size: the world is 512 pixels wide at zoom 0. */
const TILE = 512;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.051129;

/** A still camera over a container: centre and zoom, set by `fitBounds` or `jumpTo`. */
export class StaticCamera implements Camera {
  private center: [number, number];
  private zoom: number;

  constructor(
    private readonly container: Size,
    center: [number, number],
    zoom: number,
  ) {
    this.center = center;
    this.zoom = zoom;
  }

  project([lon, lat]: [number, number]): { x: number; y: number } {
    const scale = TILE * 2 ** this.zoom;
    const { clientWidth: width, clientHeight: height } = this.container;
    return {
      x: (mercatorX(lon) - mercatorX(this.center[0])) * scale + width / 2,
      y: (mercatorY(lat) - mercatorY(this.center[1])) * scale + height / 2,
    };
  }

  getContainer(): Size {
    return this.container;
  }

  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number } {
    const scale = TILE * 2 ** this.zoom;
    const { clientWidth: width, clientHeight: height } = this.container;
    const x = mercatorX(this.center[0]);
    const y = mercatorY(this.center[1]);
    const [west, east] = [x - width / 2 / scale, x + width / 2 / scale].map(longitudeOf);
    const [north, south] = [y - height / 2 / scale, y + height / 2 / scale].map(latitudeOf);
    return {
      getWest: () => west!,
      getSouth: () => south!,
      getEast: () => east!,
      getNorth: () => north!,
    };
  }

  getCenter(): { lng: number; lat: number } {
    return { lng: this.center[0], lat: this.center[1] };
  }

  getZoom(): number {
    return this.zoom;
  }

  isMoving(): boolean {
    return false;
  }

  jumpTo({ center, zoom }: { center?: [number, number]; zoom?: number }): void {
    if (center) this.center = [center[0], clampLatitude(center[1])];
    if (zoom !== undefined) this.zoom = Math.max(0, zoom);
  }

  /** Centres the box and zooms so it fits inside the container less `padding` on each side. */
  fitBounds(
    [[west, south], [east, north]]: [[number, number], [number, number]],
    { padding, maxZoom }: { padding: number; maxZoom: number },
  ): void {
    const { clientWidth: width, clientHeight: height } = this.container;
    const x0 = mercatorX(west);
    const x1 = mercatorX(east);
    const y0 = mercatorY(clampLatitude(north));
    const y1 = mercatorY(clampLatitude(south));
    const fit = Math.min(
      (width - 2 * padding) / ((x1 - x0) * TILE),
      (height - 2 * padding) / ((y1 - y0) * TILE),
    );
    // A single point (or a box with no room around it) takes the highest zoom allowed.
    const zoom = Number.isFinite(fit) && fit > 0 ? Math.log2(fit) : maxZoom;
    this.zoom = Math.max(0, Math.min(maxZoom, zoom));
    this.center = [longitudeOf((x0 + x1) / 2), latitudeOf((y0 + y1) / 2)];
  }
}

/** The box to cluster for a camera's view: the view and a tenth more on each side. */
export function viewBox(camera: Camera): { bbox: [number, number, number, number]; zoom: number } {
  const bounds = camera.getBounds();
  const padLon = (bounds.getEast() - bounds.getWest()) * 0.1;
  const padLat = (bounds.getNorth() - bounds.getSouth()) * 0.1;
  // Longitudes are not clamped: supercluster answers a box across ±180 in the box's own frame.
  return {
    bbox: [
      bounds.getWest() - padLon,
      Math.max(-90, bounds.getSouth() - padLat),
      bounds.getEast() + padLon,
      Math.min(90, bounds.getNorth() + padLat),
    ],
    zoom: Math.floor(camera.getZoom()),
  };
}

/** The padding around the data when a map frames it first: 60 px, less on a narrow map. */
export function framePadding(size: Size): number {
  return Math.min(60, size.clientWidth / 8);
}

/** Longitude to Web Mercator x, 0 to 1 from -180° to 180°. */
export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

/** Latitude to Web Mercator y, 0 at the top (85.05° N) to 1 at the bottom. */
export function mercatorY(lat: number): number {
  const sin = Math.sin((clampLatitude(lat) * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

function longitudeOf(x: number): number {
  return x * 360 - 180;
}

function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

function clampLatitude(lat: number): number {
  return Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
}
