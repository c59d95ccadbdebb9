/**
 * `<pb-map>` as an image: what the reader sees of the map (basemap, bubbles and discs), with a
 * band under it that holds the legend and the credits (the feed's title, licence and sources,
 * the basemap's attribution), as a PNG at the screen's pixel ratio. Imported on the first call of
 * `toImage()`, so that none of it weighs on the element.
 *
 * MapLibre draws with WebGL without `preserveDrawingBuffer` (which would slow every frame): its
 * canvas reads blank outside a frame (maplibre-gl-js #3899). So the canvas is copied inside the
 * map's `render` event, right after `triggerRepaint()`, while the frame is still there. The
 * markers are DOM buttons over it: they are drawn again onto the image, as circles with their
 * count and sum, in their computed colours, where they stand on screen.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { exportFileName } from '../../core/export.js';
import type { Feed } from '../../core/feed/model.js';
import type { Filter } from '../../core/filter.js';
import { formatAmount } from '../../core/format.js';
import { messagesFor } from '../../core/messages.js';
import { saveFile } from '../shared/download.js';
import { pageLang } from '../shared/shared.js';
import type { PbMap } from './pb-map.component.js';
import { imageMessagesFor, type ImageMessages } from './pb-map.image.messages.js';

/** Padding of the band, its text size and line height, in CSS pixels. */
const PAD = 10;
const FONT_SIZE = 12;
const LINE = 16;
/** How long to wait for the basemap's tiles, then for a frame, before drawing what there is. */
const IDLE_WAIT = 5000;
const FRAME_WAIT = 2000;
/** Sources named in the band before "and 150 more". */
const MAX_SOURCE_LINES = 3;

/** The map as a PNG: the map area at the screen's pixel ratio, and the band under it. */
export async function mapImage(host: PbMap): Promise<Blob> {
  await host.drawn;
  const root = host.shadowRoot!;
  const area = root.querySelector<HTMLElement>('.map')!;
  const width = area.clientWidth;
  const height = area.clientHeight;
  const ratio = window.devicePixelRatio || 1;
  const lang = pageLang(host);
  const m = imageMessagesFor(lang);
  const style = getComputedStyle(host);
  const colour = (name: string, fallback: string) =>
    style.getPropertyValue(name).trim() || fallback;
  const colours = {
    surface: colour('--_surface', '#ffffff'),
    text: colour('--_text', '#161616'),
    muted: colour('--_muted', '#555555'),
    cluster: colour('--_cluster', '#000091'),
    programme: colour('--_programme', '#e1000f'),
    border: colour('--_border', '#dddddd'),
  };
  const font = (getComputedStyle(area).fontFamily || 'sans-serif').replace(/;/g, '');
  const { feed, filter } = host.store.state;

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = `${FONT_SIZE}px ${font}`;
  const band = bandLines(ctx, m, lang, feed, filter, attributionOf(root), width - 2 * PAD, font);
  const bandHeight = band.height + 2 * PAD;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((height + bandHeight) * ratio);
  ctx.scale(ratio, ratio);

  // The map area: its background (the plain one before MapLibre, or under a failed basemap)…
  ctx.fillStyle = getComputedStyle(area).backgroundColor || colours.surface;
  ctx.fillRect(0, 0, width, height);
  // … MapLibre's frame …
  const map = host.map;
  if (map) await drawMapFrame(map, ctx, width, height);
  // … and the markers over it.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, width, height);
  ctx.clip();
  drawMarkers(ctx, root, area.getBoundingClientRect());
  ctx.restore();

  // The band: legend and credits.
  ctx.fillStyle = colours.surface;
  ctx.fillRect(0, height, width, bandHeight);
  ctx.fillStyle = colours.border;
  ctx.fillRect(0, height, width, 1);
  let y = height + PAD;
  for (const line of band.lines) {
    const x = PAD + (line.key ? 22 : 0);
    if (line.key) drawKey(ctx, line.key, PAD + 8, y + LINE / 2, colours);
    ctx.font = `${line.bold ? '600 ' : ''}${FONT_SIZE}px ${font}`;
    ctx.fillStyle = line.muted ? colours.muted : colours.text;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'start';
    ctx.fillText(line.text, x, y + LINE / 2);
    y += LINE;
  }

  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
      'image/png',
    );
  });
}

/** Makes the image and hands it to the reader as `carte-budgets-participatifs-<date>.png`. */
export async function saveMapImage(host: PbMap): Promise<void> {
  const blob = await host.toImage();
  const m = imageMessagesFor(pageLang(host));
  saveFile(blob, exportFileName(m.fileStem, new Date(), 'png'), host.shadowRoot!);
}

/**
 * Copies MapLibre's canvas into `ctx` inside a frame: waits (a while) for the basemap's tiles,
 * asks for a repaint, and draws the canvas from the `render` event, before the browser shows the
 * frame and clears its buffer. Leaves the background when no frame comes (a hidden page).
 */
async function drawMapFrame(
  map: MapLibreMap,
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
): Promise<void> {
  if (!map.loaded()) {
    await Promise.race([map.once('idle'), new Promise((r) => setTimeout(r, IDLE_WAIT))]);
  }
  await new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      map.off('render', onRender);
      resolve();
    };
    const onRender = (): void => {
      try {
        ctx.drawImage(map.getCanvas(), 0, 0, width, height);
      } finally {
        done();
      }
    };
    const timer = setTimeout(done, FRAME_WAIT);
    map.on('render', onRender);
    map.triggerRepaint();
  });
}

/** Draws every marker button that stands in the map area, as it looks on screen. */
function drawMarkers(ctx: CanvasRenderingContext2D, root: ShadowRoot, area: DOMRect): void {
  for (const marker of root.querySelectorAll<HTMLElement>('.markers .marker')) {
    const r = marker.getBoundingClientRect();
    if (r.right < area.left || r.left > area.right || r.bottom < area.top || r.top > area.bottom) {
      continue;
    }
    const cs = getComputedStyle(marker);
    const cx = r.left + r.width / 2 - area.left;
    const cy = r.top + r.height / 2 - area.top;
    const radius = r.width / 2;
    const ring = parseFloat(cs.borderTopWidth) || 0;
    // The halo (box-shadow: 0 0 0 1px <colour>), the ring (border), the fill.
    const halo = /^(rgba?\([^)]*\)|#[0-9a-f]+)\s.*?(\d+(?:\.\d+)?)px$/i.exec(cs.boxShadow);
    if (halo) circle(ctx, cx, cy, radius + parseFloat(halo[2]!), halo[1]!);
    circle(ctx, cx, cy, radius, cs.borderTopColor);
    circle(ctx, cx, cy, radius - ring, cs.backgroundColor);
    for (const span of marker.querySelectorAll<HTMLElement>('.count, .sum')) {
      const s = span.getBoundingClientRect();
      const ts = getComputedStyle(span);
      ctx.font = `${ts.fontWeight} ${ts.fontSize} ${ts.fontFamily}`;
      ctx.fillStyle = ts.color;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(
        span.textContent ?? '',
        s.left + s.width / 2 - area.left,
        s.top + s.height / 2 - area.top,
      );
    }
  }
}

function circle(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  fill: string,
): void {
  if (r <= 0) return;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
}

/** A legend key: a bubble or a disc, in the markers' colours, ringed with the surface. */
function drawKey(
  ctx: CanvasRenderingContext2D,
  key: 'cluster' | 'programme',
  x: number,
  y: number,
  c: { surface: string; cluster: string; programme: string },
): void {
  const fill = key === 'cluster' ? c.cluster : c.programme;
  const r = key === 'cluster' ? 7 : 5;
  circle(ctx, x, y, r + 1, fill);
  circle(ctx, x, y, r, c.surface);
  circle(ctx, x, y, r - 1.5, fill);
}

/** The basemap's credits as the map shows them (MapLibre's attribution), in plain text. */
function attributionOf(root: ShadowRoot): string {
  const inner = root.querySelector('.maplibregl-ctrl-attrib-inner');
  return (inner?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

interface BandLine {
  text: string;
  key?: 'cluster' | 'programme';
  bold?: boolean;
  muted?: boolean;
}

/**
 * The band's lines, wrapped to `width`: the feed's title, the legend (bubble, disc, which amount),
 * then the credits: licence, sources (the first few, then how many more), basemap. Feed text is
 * drawn as text, never read as markup.
 */
function bandLines(
  ctx: CanvasRenderingContext2D,
  m: ImageMessages,
  lang: string,
  feed: Feed | undefined,
  filter: Filter,
  attribution: string,
  width: number,
  font: string,
): { lines: BandLine[]; height: number } {
  const base = messagesFor(lang);
  const lines: BandLine[] = [];
  const add = (text: string, o: Omit<BandLine, 'text'> = {}, indent = 0) => {
    ctx.font = `${o.bold ? '600 ' : ''}${FONT_SIZE}px ${font}`;
    wrap(ctx, text, width - indent).forEach((t, i) =>
      lines.push(i === 0 ? { text: t, ...o } : { text: t, bold: o.bold, muted: o.muted }),
    );
  };
  const kind = feed?.kind ?? 'programmes';
  if (feed?.title) add(feed.title, { bold: true });
  add(m.clusters(kind), { key: 'cluster' }, 22);
  add(m.single(kind), { key: 'programme' }, 22);
  const { years, budget, budgetPer } = filter;
  const perInhabitant = budgetPer === 'inhabitant';
  const currency = feed?.currency ?? 'EUR';
  const amount = (v: number) =>
    formatAmount(v, { locale: base.locale, currency, compact: !perInhabitant });
  const range = budget
    ? `${amount(budget[0])} – ${budget[1] === Infinity ? '∞' : amount(budget[1])}`
    : undefined;
  const span = years && (years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`);
  add(base.legendFigure(span, range, perInhabitant));
  if (feed) {
    const credits = [
      feed.licence && `${m.licence}${m.colon}${feed.licence}`,
      feed.updated && m.updated(feed.updated),
    ]
      .filter(Boolean)
      .join(' · ');
    if (credits) add(`${m.data} — ${credits}`, { muted: true });
    const names = feed.sources.map((s) => s.name);
    if (names.length) {
      // The first sources that fit in a few lines, then how many more the feed names.
      ctx.font = `${FONT_SIZE}px ${font}`;
      let shown = names.length;
      let text = `${m.sources}${m.colon}${names.join(' · ')}`;
      while (shown > 1 && wrap(ctx, text, width).length > MAX_SOURCE_LINES) {
        shown--;
        text = `${m.sources}${m.colon}${names.slice(0, shown).join(' · ')} ${m.more(names.length - shown)}`;
      }
      add(text, { muted: true });
    }
  }
  if (attribution) add(`${m.basemap}${m.colon}${attribution}`, { muted: true });
  return { lines, height: lines.length * LINE };
}

/** `text` cut into lines no wider than `width` at spaces (a word longer than a line stays whole). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const words = text.split(/[ \t\r\n]+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
