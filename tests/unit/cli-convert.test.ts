import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/core/feed/parse.js';
import { ROLES } from '../../src/cli/convert/columns.js';
import { EXIT, USAGE } from '../../src/cli/pb-feed.js';
import { run } from './cli-run.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pb-feed-convert-'));
});

/** Writes `text` (or bytes) to a file in the temporary folder and returns its path. */
async function file(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function feedAt(path: string) {
  const text = await readFile(path, 'utf8');
  const parsed = parseFeed(text);
  expect(parsed.ok && parsed.problems).toEqual([]);
  return JSON.parse(text);
}

describe('pb-feed convert, CSV', () => {
  it('reads a semicolon CSV with a BOM, French amounts and decimal commas', async () => {
    const csv =
      '\ufeffIdentifiant;Titre du projet;Année;Montant;Latitude;Longitude;Thème;Lien\r\n' +
      'a1;Jardin partagé;2023;"1 500 000,50 €";48,1173;-1,6778;Nature;https://example.org/a1\r\n' +
      'a2;Bancs;2024;12\u202f000\u00a0€;48.12;-1.68;;\r\n';
    const out = join(dir, 'semi.json');
    const { code, stderr } = await run('convert', await file('semi.csv', csv), '-o', out);
    expect(stderr).toContain('read 2 rows');
    expect(stderr).toContain('separated by ";"');
    expect(code).toBe(EXIT.ok);
    const feed = await feedAt(out);
    expect(feed.kind).toBe('projects');
    expect(feed.programmes).toEqual([
      {
        id: 'a1',
        name: 'Jardin partagé',
        coordinates: [-1.6778, 48.1173],
        year: 2023,
        budget: 1500000.5,
        category: 'Nature',
        url: 'https://example.org/a1',
      },
      { id: 'a2', name: 'Bancs', coordinates: [-1.68, 48.12], year: 2024, budget: 12000 },
    ]);
  });

  it('reports each row problem with its spreadsheet row, column and a hint, and keeps what it can', async () => {
    const csv = [
      'id,nom,annee,budget,lat,lon,photo',
      'p1,Un,2020,environ 3000,48.1,-1.6,javascript:alert(1)', // row 2
      'p1,Deux,2020,"3 000",48.1,-1.6,', // row 3: same id
      'p3,,2021,10,48.1,-1.6,', // row 4: no name
      'p4,Quatre,2021,10,,,', // row 5: no position
      'p5,Cinq,2021,10,123,-1.6,', // row 6: out of range
      '',
      'p7,Sept,vingt,10,48.1,-1.6,', // row 8 (row 7 is empty)
    ].join('\n');
    const out = join(dir, 'problems.json');
    const { code, stderr } = await run('convert', await file('problems.csv', csv), '-o', out);
    expect(code).toBe(EXIT.problems);
    const lines = stderr.split('\n');
    expect(lines).toContain(
      'row 2, column "budget": "environ 3000" is not an amount; write digits, e.g. 3 000 € or 1 500 000,50 € (value left out)',
    );
    expect(lines).toContain(
      'row 2, column "photo": "javascript:alert(1)" is not an http(s) link; write a full address starting with https://; the entry is kept without it (value left out)',
    );
    expect(stderr).toMatch(/^row 3, column "id": "p1" repeats the id of row 2; saved as "p1-2"/m);
    expect(stderr).toMatch(/^row 4, column "nom": is empty; the entry is named "Projet p3"/m);
    expect(stderr).toMatch(/^row 5: has no position \("lat", "lon" empty\).*\(row left out\)$/m);
    expect(stderr).toMatch(
      /^row 6, column "lat": "123, -1.6" gives a position out of range.*\(row left out\)$/m,
    );
    expect(stderr).toMatch(/^row 8, column "annee": "vingt" is not a year/m);
    expect(stderr).toMatch(/^row 8, column "budget": "10" has no year beside it/m);
    expect(stderr).toContain('read 6 rows');
    expect(stderr).toContain('wrote 4 entries');
    expect(stderr).toContain('2 rows left out');
    const feed = await feedAt(out);
    expect(feed.programmes.map((p: { id: string }) => p.id)).toEqual(['p1', 'p1-2', 'p3', 'p7']);
  });

  it('says which columns it saw when none holds names, and writes nothing', async () => {
    const out = join(dir, 'nothing.json');
    const { code, stderr } = await run(
      'convert',
      await file('nonames.csv', 'Projet lauréat,Lat,Lon\nA,48,-1\n'),
      '-o',
      out,
    );
    expect(code).toBe(EXIT.unusable);
    expect(stderr).toContain('no column holds the names');
    expect(stderr).toContain('"Projet lauréat", "Lat", "Lon"');
    expect(stderr).toContain('--column name=');
    await expect(readFile(out)).rejects.toThrow();
    // Mapping the column by hand makes it work.
    const mapped = await run(
      'convert',
      join(dir, 'nonames.csv'),
      '-o',
      out,
      '--column',
      'name=projet laureat',
    );
    expect(mapped.code).toBe(EXIT.ok);
    expect((await feedAt(out)).programmes[0].name).toBe('A');
  });

  it('projects Lambert-93 x/y with --crs, and refuses metres without it', async () => {
    const csv = 'nom;x;y\nOrigine;700000;6600000\nNotre-Dame;652470;6861690\n';
    const path = await file('l93.csv', csv);
    const out = join(dir, 'l93.json');
    const without = await run('convert', path, '-o', out);
    expect(without.code).toBe(EXIT.unusable);
    expect(without.stderr).toContain('--crs EPSG:2154');
    const { code } = await run('convert', path, '-o', out, '--crs', 'EPSG:2154');
    expect(code).toBe(EXIT.ok);
    const [origin, notreDame] = (await feedAt(out)).programmes;
    expect(origin.coordinates[0]).toBeCloseTo(3, 5);
    expect(origin.coordinates[1]).toBeCloseTo(46.5, 5);
    expect(notreDame.coordinates[0]).toBeCloseTo(2.35, 1);
    expect(notreDame.coordinates[1]).toBeCloseTo(48.853, 1);
  });

  it('says the CRS is probably wrong when most positions land outside France', async () => {
    const csv = 'nom;x;y\nA;652470;6861690\nB;352000;6789000\n';
    const out = join(dir, 'wrongcrs.json');
    const { code, stderr } = await run(
      'convert',
      await file('w.csv', csv),
      '-o',
      out,
      '--crs',
      '3857',
    );
    expect(code).toBe(EXIT.unusable);
    expect(stderr).toContain('2 of 2 positions fall outside France when read as EPSG:3857');
    expect(stderr).toContain('try --crs EPSG:2154');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('places rows by INSEE code or arrondissement, and credits the commune table', async () => {
    const csv = [
      'nom;code insee;annee;budget',
      'Rennes;35238;2024;3 500 000',
      'Brest;29019;2024;500 000',
      'Nulle part;99999;2024;1',
    ].join('\n');
    const out = join(dir, 'insee.json');
    const { code, stderr } = await run(
      'convert',
      await file('insee.csv', csv),
      '-o',
      out,
      '--kind',
      'programmes',
      '--source',
      'Réseau=https://example.org/rnbp',
    );
    expect(code).toBe(EXIT.problems);
    expect(stderr).toMatch(
      /^row 4, column "code insee": "99999" is no commune in INSEE's 2026 list/m,
    );
    const feed = await feedAt(out);
    expect(feed.kind).toBe('programmes');
    const [rennes] = feed.programmes;
    expect(rennes).toMatchObject({
      name: 'Rennes',
      place: 'Rennes',
      country: 'FR',
      region: 'Bretagne',
      level: 'commune',
      year: 2024,
      budget: 3_500_000,
    });
    expect(rennes.population).toBeGreaterThan(200_000);
    expect(Math.abs(rennes.coordinates[0] + 1.678)).toBeLessThan(0.02);
    expect(feed.sources[0]).toEqual({ name: 'Réseau', url: 'https://example.org/rnbp' });
    expect(feed.sources.map((s: { name: string }) => s.name).join()).toMatch(
      /Positions des communes : GeoNames.*CC BY 4\.0/,
    );
  });

  it('groups rows into editions only with --group-by', async () => {
    const csv = [
      'collectivité;code insee;année;enveloppe;votants',
      'Rennes;35238;2023;3 500 000;12 000',
      'Rennes;35238;2022;3 000 000;9 000',
      'Brest;29019;2024;500 000;',
      'Rennes;35238;2023;1;', // row 5: the same year again
      'Rennes;35238;;1;', // row 6: no year
    ].join('\n');
    const path = await file('group.csv', csv);
    const out = join(dir, 'group.json');
    const flat = await run('convert', path, '-o', out, '--kind', 'programmes');
    expect(flat.stderr).toContain('wrote 5 entries');
    const { code, stderr } = await run(
      'convert',
      path,
      '-o',
      out,
      '--kind',
      'programmes',
      '--group-by',
      'insee',
    );
    expect(code).toBe(EXIT.problems);
    expect(stderr).toMatch(
      /^row 5, column "année": "2023" repeats the year of another row grouped with row 2/m,
    );
    expect(stderr).toMatch(/^row 6, column "année": is empty, so this row cannot be an edition/m);
    const [rennes, brest] = (await feedAt(out)).programmes;
    expect(rennes.editions).toEqual([
      { year: 2022, budget: 3_000_000, voters: 9000 },
      { year: 2023, budget: 3_500_000, voters: 12_000 },
    ]);
    expect(rennes.year).toBeUndefined();
    expect(brest).toMatchObject({ name: 'Brest', year: 2024, budget: 500_000 });
    const unknown = await run('convert', path, '-o', out, '--group-by', 'commune');
    expect(unknown.code).toBe(EXIT.unusable);
    expect(unknown.stderr).toContain('--group-by commune: no such column');
  });

  it('reads a Windows-1252 file and says so', async () => {
    const bytes = Buffer.from('nom;lat;lon\nPlace de l\xe9glise;48.1;-1.6\n', 'latin1');
    const out = join(dir, 'cp1252.json');
    const { stderr } = await run('convert', await file('cp1252.csv', bytes), '-o', out);
    expect(stderr).toContain('Windows-1252');
    expect((await feedAt(out)).programmes[0].name).toBe('Place de léglise');
  });
});

describe('pb-feed convert, GeoJSON', () => {
  it('reads Points and their properties, and reports other geometries by feature', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 7,
          geometry: { type: 'Point', coordinates: [-1.6778, 48.1173] },
          properties: { titre: 'Jardin', annee: 2022, cout: '40 000 €' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [] },
          properties: { titre: 'Parc', annee: 2022 },
        },
      ],
    };
    const out = join(dir, 'geo.json');
    const { code, stderr } = await run(
      'convert',
      await file('in.geojson', JSON.stringify(geojson)),
      '-o',
      out,
    );
    expect(code).toBe(EXIT.problems);
    expect(stderr).toMatch(/^feature 1: its geometry is a Polygon, not a Point/m);
    expect((await feedAt(out)).programmes).toEqual([
      { id: '7', name: 'Jardin', coordinates: [-1.6778, 48.1173], year: 2022, budget: 40000 },
    ]);
  });
});

describe('pb-feed convert, GeoJSON in Lambert-93', () => {
  it("projects the geometries with --crs, or with the file's own crs member", async () => {
    const features = [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [700000, 6600000] },
        properties: { nom: 'Origine' },
      },
    ];
    const out = join(dir, 'geo-l93.json');
    const plain = await file(
      'l93.geojson',
      JSON.stringify({ type: 'FeatureCollection', features }),
    );
    expect((await run('convert', plain, '-o', out, '--crs', 'EPSG:2154')).code).toBe(EXIT.ok);
    const [lon, lat] = (await feedAt(out)).programmes[0].coordinates;
    expect([lon, lat]).toEqual([3, 46.5]);
    const named = await file(
      'l93-crs.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2154' } },
        features,
      }),
    );
    expect((await run('convert', named, '-o', out)).code).toBe(EXIT.ok);
    expect((await feedAt(out)).programmes[0].coordinates).toEqual([3, 46.5]);
    // Read as degrees, those metres are out of range: the row is left out, nothing written.
    const wrong = await run('convert', plain, '-o', join(dir, 'none.json'));
    expect(wrong.code).toBe(EXIT.unusable);
    expect(wrong.stderr).toMatch(/^feature 0: "700000, 6600000" gives a position out of range/m);
  });
});

describe('pb-feed convert, the command', () => {
  it('prints a JSON report with --json', async () => {
    const out = join(dir, 'json.json');
    const { code, stdout } = await run(
      'convert',
      await file('j.csv', 'nom,lat,lon,budget\nA,48,-1,beaucoup\n'),
      '-o',
      out,
      '--json',
    );
    expect(code).toBe(EXIT.problems);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ ok: true, output: out, report: { rows: 1, written: 1 } });
    expect(report.report.problems[0]).toMatchObject({
      row: 2,
      column: 'budget',
      value: 'beaucoup',
      message: 'is not an amount',
      effect: 'field',
    });
  });

  it('writes to standard output without -o, and never leaves a partial file', async () => {
    const path = await file('s.csv', 'nom,lat,lon\nA,48,-1\n');
    const { code, stdout } = await run('convert', path);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout).programmes).toHaveLength(1);
    const target = join(dir, 'missing-folder', 'feed.json');
    const failed = await run('convert', path, '-o', target);
    expect(failed.code).toBe(EXIT.unusable);
    expect(failed.stderr).toContain('cannot write');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bad options with exit 64 and a missing file with exit 2', async () => {
    const path = await file('u.csv', 'nom,lat,lon\nA,48,-1\n');
    for (const args of [
      [],
      [path, '--kind', 'villes'],
      [path, '--crs', 'EPSG:27572'],
      [path, '--country', 'France'],
      [path, '--source', 'X=ftp://x'],
      [path, '--json'],
      [path, '--colour'],
    ]) {
      const { code, stderr } = await run('convert', ...args);
      expect(code, args.join(' ')).toBe(EXIT.usage);
      expect(stderr).toMatch(/^pb-feed convert: /);
    }
    const missing = await run('convert', join(dir, 'nope.csv'));
    expect(missing.code).toBe(EXIT.unusable);
    expect(missing.stderr).toContain('no such file');
    expect((await run('convert', '--help')).stdout).toBe(USAGE);
  });

  it('shows progress when asked', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `P${i},48,-1`).join('\n');
    const { stderr } = await run(
      'convert',
      await file('big.csv', `nom,lat,lon\n${rows}\n`),
      '--progress',
    );
    expect(stderr).toContain('converted 10000 of 20001 rows');
    expect(stderr).toContain('converted 20001 of 20001 rows');
  });

  it('documents in docs/pb-feed.md every option and role the usage text names', async () => {
    const doc = await readFile(new URL('../../docs/pb-feed.md', import.meta.url), 'utf8');
    const options = new Set(USAGE.match(/--[a-z][a-z-]+/g));
    expect(options.size).toBeGreaterThan(15);
    for (const option of options) expect(doc, option).toMatch(new RegExp(`[\`\\s]${option}\\b`));
    for (const role of ROLES) expect(doc, role).toContain(`\`${role}\``);
  });
});
