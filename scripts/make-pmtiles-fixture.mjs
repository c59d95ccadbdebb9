// Writes the PMTiles fixture of the browser tests (tests/browser/basemaps.test.ts):
//
//   tests/browser/fixtures/basemap.pmtiles     a PMTiles v3 raster archive, zooms 0–2, every
//                                              tile 256×256 of one flat colour (21 PNG tiles)
//   tests/browser/fixtures/basemap-tiles.json  which colour each tile has, for the test to check
//                                              the pixels the map draws
//   tests/browser/fixtures/basemap-vector.pmtiles  a PMTiles v3 vector archive (MVT), zooms 0–2,
//                                              in the layout of the Protomaps basemap: an `earth`
//                                              polygon over western Europe, a `water` polygon in
//                                              it, a `roads` line, a `places` point
//
// Run: `node scripts/make-pmtiles-fixture.mjs`. Deterministic: the same bytes every time.
// Layout (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): the 127-byte header,
// the root directory, the JSON metadata, then the tile data, clustered (in tile-id order); no
// leaf directories; no compression, internal or of tiles (PNG is compressed already).

import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

const OUT = new URL('../tests/browser/fixtures/basemap.pmtiles', import.meta.url);
const COLOURS_OUT = new URL('../tests/browser/fixtures/basemap-tiles.json', import.meta.url);
const VECTOR_OUT = new URL('../tests/browser/fixtures/basemap-vector.pmtiles', import.meta.url);
const MAX_ZOOM = 2;
const SIZE = 256;
export const ATTRIBUTION = '© pb-map test tiles';

// ——— PNG ———

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A SIZE×SIZE PNG of one opaque colour: a one-entry palette, 1 bit per pixel. */
function flatPng(rgb) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 3; // colour type: palette
  const raw = Buffer.alloc(SIZE * (1 + SIZE / 8)); // each row: filter byte 0, then index 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(rgb)),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Distinct, saturated colours, far from the markers' blue and red: hues by the golden angle. */
function colourOf(index) {
  const hue = (60 + index * 137.508) % 360;
  const [s, l] = [0.55, 0.6];
  const k = (n) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)].map((v) => Math.round(v * 255));
}

// ——— PMTiles v3 ———

function varints(values) {
  const bytes = [];
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

/** A directory: count, tile-id deltas, run lengths, lengths, offsets (0 = right after the previous). */
function directory(entries) {
  let last = 0;
  const ids = entries.map((e) => {
    const delta = e.tileId - last;
    last = e.tileId;
    return delta;
  });
  return Buffer.concat([
    varints([entries.length]),
    varints(ids),
    varints(entries.map((e) => e.runLength)),
    varints(entries.map((e) => e.length)),
    varints(entries.map((e, i) => (i > 0 ? 0 : e.offset + 1))),
  ]);
}

/** Every tile of zooms 0 to MAX_ZOOM, in tile-id order, with `content(z, x, y)` (or none). */
function pyramid(content) {
  const tiles = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, tileId: zxyToTileId(z, x, y) });
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  return tiles
    .map((tile, i) => ({ ...tile, data: content(tile, i) }))
    .filter((tile) => tile.data !== undefined);
}

/** A PMTiles v3 archive of `tiles` (each with its bytes in `data`), one root directory. */
function archive(tiles, { tileType, metadata: meta }) {
  let offset = 0;
  for (const tile of tiles) {
    Object.assign(tile, { offset, length: tile.data.length, runLength: 1 });
    offset += tile.data.length;
  }
  const tileData = Buffer.concat(tiles.map((tile) => tile.data));
  const root = directory(tiles);
  const metadata = Buffer.from(JSON.stringify(meta));

  const HEADER = 127;
  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'latin1');
  header[7] = 3;
  const u64 = (value, at) => header.writeBigUInt64LE(BigInt(value), at);
  u64(HEADER, 8); // root directory offset
  u64(root.length, 16);
  u64(HEADER + root.length, 24); // metadata offset
  u64(metadata.length, 32);
  u64(HEADER + root.length + metadata.length, 40); // leaf directories: none
  u64(0, 48);
  u64(HEADER + root.length + metadata.length, 56); // tile data offset
  u64(tileData.length, 64);
  u64(tiles.length, 72); // addressed tiles
  u64(tiles.length, 80); // tile entries
  u64(tiles.length, 88); // tile contents
  header[96] = 1; // clustered
  header[97] = 1; // internal compression: none
  header[98] = 1; // tile compression: none
  header[99] = tileType;
  header[100] = 0; // min zoom
  header[101] = MAX_ZOOM;
  const e7 = (value, at) => header.writeInt32LE(Math.round(value * 1e7), at);
  e7(-180, 102);
  e7(-85.0511287, 106);
  e7(180, 110);
  e7(85.0511287, 114);
  header[118] = 0; // center zoom
  e7(0, 119);
  e7(0, 123);
  return Buffer.concat([header, root, metadata, tileData]);
}

// ——— The raster archive ———

const rasterTiles = pyramid((_, i) => flatPng(colourOf(i)));
const raster = archive(rasterTiles, {
  tileType: 2, // PNG
  metadata: {
    name: 'pb-map test raster',
    description: 'Flat-coloured tiles for the browser tests of pb-map',
    attribution: ATTRIBUTION,
    format: 'png',
    type: 'baselayer',
  },
});
await writeFile(OUT, raster);
await writeFile(
  COLOURS_OUT,
  `${JSON.stringify(
    {
      attribution: ATTRIBUTION,
      maxZoom: MAX_ZOOM,
      tiles: rasterTiles.map(({ z, x, y }, i) => ({ z, x, y, rgb: colourOf(i) })),
    },
    null,
    2,
  )}\n`,
);
console.log(`${OUT.pathname}: ${raster.length} bytes, ${rasterTiles.length} tiles`);

// ——— The vector archive ———

const box = (w, s, e, n) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const feature = (geometry) => ({ type: 'Feature', properties: {}, geometry });
/** Each layer's features (documented in tests/browser/basemaps.test.ts, which looks at them). */
const LAYERS = {
  earth: [feature({ type: 'Polygon', coordinates: box(-10, 35, 30, 60) })],
  water: [feature({ type: 'Polygon', coordinates: box(-2, 45, 2, 48) })],
  roads: [
    feature({
      type: 'LineString',
      coordinates: [
        [-5, 40],
        [25, 55],
      ],
    }),
  ],
  places: [feature({ type: 'Point', coordinates: [2.35, 48.85] })],
};
const indexes = Object.entries(LAYERS).map(([name, features]) => [
  name,
  new GeoJSONVT(
    { type: 'FeatureCollection', features },
    { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM },
  ),
]);
const vectorTiles = pyramid(({ z, x, y }) => {
  const layers = {};
  for (const [name, index] of indexes) {
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) layers[name] = tile;
  }
  return Object.keys(layers).length > 0 ? Buffer.from(fromGeojsonVt(layers)) : undefined;
});
const vector = archive(vectorTiles, {
  tileType: 1, // MVT
  metadata: {
    name: 'pb-map test vector',
    attribution: ATTRIBUTION,
    vector_layers: Object.keys(LAYERS).map((id) => ({ id, fields: {}, minzoom: 0, maxzoom: 2 })),
  },
});
await writeFile(VECTOR_OUT, vector);
console.log(`${VECTOR_OUT.pathname}: ${vector.length} bytes, ${vectorTiles.length} tiles`);
