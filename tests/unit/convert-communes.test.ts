import { describe, expect, it } from 'vitest';
import type { CogCommune, GeoPlace } from '../../src/cli/convert/communes.js';
import {
  communeKey,
  joinCommunes,
  lookupCode,
  measureCoverage,
} from '../../src/cli/convert/communes.js';
import {
  deserializeTable,
  joinFromRegistries,
  serializeTable,
} from '../../src/cli/convert/communes-load.js';

const commune = (code: string, nom: string, departement: string, extra: Partial<CogCommune> = {}) =>
  ({ code, nom, type: 'commune-actuelle', departement, region: '53', ...extra }) as CogCommune;
const place = (
  name: string,
  admin2: string,
  lat: number,
  lng: number,
  country = 'FR',
): GeoPlace => ({
  name,
  lat: String(lat),
  lng: String(lng),
  country,
  admin1: '',
  admin2,
});

describe('communeKey', () => {
  it('meets names written with or without accents, hyphens, "Saint" or articles', () => {
    expect(communeKey("L'Île-Saint-Denis")).toBe(communeKey('Ile St Denis'));
    expect(communeKey('Le Mans')).toBe(communeKey('Mans'));
    expect(communeKey('Sainte-Foy-lès-Lyon')).toBe(communeKey('Ste Foy les Lyon'));
    expect(communeKey('Saint-Malo')).not.toBe(communeKey('Saint-Lô'));
    expect(communeKey('Les Sables-d’Olonne')).toBe('sables d olonne');
  });
});

describe('joinCommunes', () => {
  it('places communes by name within their département only', () => {
    const table = joinCommunes(
      [
        commune('35238', 'Rennes', '35', { population: 230_000 }),
        commune('29019', 'Brest', '29', { population: 140_000 }),
        commune('72181', 'Le Mans', '72'),
        commune('35001', 'Acigné', '35', { population: 7000 }),
      ],
      [
        place('Rennes', '35', 48.11, -1.67),
        place('Brest', '22', 48.0, -3.0), // a Brest elsewhere: not ours
        place('Mans', '72', 48.0, 0.2),
        place('Acigne', '35', 48.13, -1.53),
      ],
    );
    expect(table.communes.get('35238')?.position).toEqual([-1.67, 48.11]);
    expect(table.communes.get('29019')?.position).toBeUndefined();
    expect(table.communes.get('72181')?.position).toEqual([0.2, 48.0]);
    expect(table.communes.get('35001')?.placement).toBe('name');
    const coverage = measureCoverage(table);
    expect(coverage).toMatchObject({ communes: 4, communesPlaced: 3, population: 377_000 });
    expect(coverage.populationPlaced).toBe(237_000);
  });

  it('leaves out names it cannot tell apart: two communes, or two places far apart', () => {
    const table = joinCommunes(
      [
        commune('01001', 'Saint-Martin', '01'),
        commune('01002', 'St Martin', '01'),
        commune('02001', 'Bois', '02'),
      ],
      [
        place('Saint-Martin', '01', 46, 5),
        place('Bois', '02', 49, 3),
        place('Bois', '02', 49.5, 3.5),
      ],
    );
    expect(table.communes.get('01001')?.position).toBeUndefined();
    expect(table.communes.get('01002')?.position).toBeUndefined();
    expect(table.communes.get('02001')?.position).toBeUndefined();
  });

  it('places arrondissements by number, renamed communes by the start of their name, and former communes at their commune', () => {
    const table = joinCommunes(
      [
        commune('75056', 'Paris', '75'),
        {
          ...commune('75104', 'Paris 4e Arrondissement', '75'),
          type: 'arrondissement-municipal',
          commune: '75056',
        },
        {
          ...commune('69383', 'Lyon 3e Arrondissement', '69'),
          type: 'arrondissement-municipal',
          commune: '69123',
        },
        commune('91228', 'Évry-Courcouronnes', '91'),
        { ...commune('91182', 'Courcouronnes', '91'), type: 'commune-deleguee', chefLieu: '91228' },
      ],
      [
        place('Paris', '75', 48.853, 2.349),
        place('Paris 04 Hôtel-de-Ville', '75', 48.86, 2.35),
        place('Paris 10e Arrondissement', '75', 48.87, 2.36),
        place('Lyon 03', '69', 45.76, 4.85),
        place('Évry', '91', 48.63, 2.44),
      ],
    );
    expect(table.communes.get('75104')).toMatchObject({
      position: [2.35, 48.86],
      placement: 'arrondissement',
    });
    expect(table.communes.get('69383')?.position).toEqual([4.85, 45.76]);
    expect(table.communes.get('91228')).toMatchObject({
      position: [2.44, 48.63],
      placement: 'prefix',
    });
    expect(table.communes.get('91182')).toMatchObject({
      position: [2.44, 48.63],
      placement: 'parent',
    });
  });

  it('survives being written and read back', () => {
    const table = joinCommunes(
      [commune('35238', 'Rennes', '35', { population: 5 })],
      [place('Rennes', '35', 48.11, -1.67)],
      [{ code: '53', nom: 'Bretagne' }],
    );
    const back = deserializeTable(serializeTable(table));
    expect(back.table.communes.get('35238')).toEqual(table.communes.get('35238'));
    expect(back.table.regions.get('53')).toBe('Bretagne');
    expect(back.coverage).toEqual(measureCoverage(table));
  });
});

describe('lookupCode', () => {
  const table = joinCommunes(
    [
      commune('13001', 'Aix-en-Provence', '13'),
      ...[1, 2, 3, 4].map((n) => ({
        ...commune(`7510${n}`, `Paris ${n}e Arrondissement`, '75'),
        type: 'arrondissement-municipal',
      })),
      {
        ...commune('13213', 'Marseille 13e Arrondissement', '13'),
        type: 'arrondissement-municipal',
      },
      commune('35238', 'Rennes', '35'),
    ],
    [
      place('Aix-en-Provence', '13', 43.5, 5.4),
      ...[1, 2, 3, 4].map((n) => place(`Paris 0${n} X`, '75', 48.86 + n / 1000, 2.34)),
      place('Marseille 13', '13', 43.35, 5.43),
      place('Rennes', '35', 48.11, -1.67),
    ],
  );
  it('reads postal-style arrondissement codes, and INSEE codes with a lost leading zero', () => {
    expect(lookupCode(table, '75004', false)).toMatchObject({
      code: '75104',
      readAs: '75004 → 75104',
    });
    expect(lookupCode(table, '13013', true)?.commune?.name).toBe('Marseille 13e Arrondissement');
    // In an INSEE column 13001 is Aix-en-Provence, not Marseille 1er.
    expect(lookupCode(table, '13001', false)?.commune?.name).toBe('Aix-en-Provence');
    expect(lookupCode(table, '35238.0', false)?.commune?.name).toBe('Rennes');
    expect(lookupCode(table, 'Rennes', false)).toBeUndefined();
    expect(lookupCode(table, '75123', true)?.group?.position).toEqual([2.34, 48.8625]);
  });
});

describe('the table joined from the registries', () => {
  it('places the big cities, all 45 arrondissements and most of the population', async () => {
    const table = await joinFromRegistries();
    const c = measureCoverage(table);
    expect(c.communes).toBeGreaterThan(34_000);
    expect(c.arrondissementsPlaced).toBe(45);
    expect(c.populationPlaced / c.population).toBeGreaterThan(0.75);
    const near = (code: string, lon: number, lat: number) => {
      const p = table.communes.get(code)?.position;
      expect(p, code).toBeDefined();
      expect(Math.abs(p![0] - lon) + Math.abs(p![1] - lat), code).toBeLessThan(0.05);
    };
    near('35238', -1.678, 48.112); // Rennes
    near('75056', 2.349, 48.853); // Paris
    near('75104', 2.355, 48.856); // Paris 4e
    near('69123', 4.835, 45.758); // Lyon
    near('97411', 55.45, -20.88); // Saint-Denis (La Réunion)
    near('2A004', 8.737, 41.919); // Ajaccio
  }, 30_000);
});
