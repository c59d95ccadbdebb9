import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCrs, projector } from '../../src/cli/convert/positions.js';
import { fold, readAmount, readCount, readNumber, readYear } from '../../src/cli/convert/text.js';

const value = <T>(read: { ok: true; value: T } | { ok: false; why: string }) =>
  read.ok ? read.value : `refused: ${read.why}`;

describe('readAmount', () => {
  it('reads amounts as French and English spreadsheets write them', () => {
    const cases: [string, number][] = [
      ['1500000', 1_500_000],
      ['1 500 000', 1_500_000],
      ['1 500 000 €', 1_500_000],
      ['1\u00a0500\u00a0000\u00a0€', 1_500_000], // no-break spaces
      ['1\u202f500\u202f000,50\u202f€', 1_500_000.5], // narrow no-break spaces, decimal comma
      ['1.500.000', 1_500_000],
      ['1.500.000,50', 1_500_000.5],
      ['1,500,000.50', 1_500_000.5],
      ['12,5', 12.5],
      ['12.50', 12.5],
      ['1,5 M€', 1_500_000],
      ['300 k€', 300_000],
      ['EUR 4000', 4000],
      ['4000 euros', 4000],
      ['25 000 € TTC', 25_000],
      ['0', 0],
    ];
    for (const [text, expected] of cases) expect(value(readAmount(text)), text).toBe(expected);
  });

  it('refuses words, negative and ambiguous amounts, with a hint', () => {
    expect(value(readAmount('environ 3000'))).toBe(
      'refused: is not an amount; write digits, e.g. 3 000 € or 1 500 000,50 €',
    );
    expect(value(readAmount('-200'))).toMatch(/negative/);
    expect(value(readAmount('1.500'))).toMatch(/ambiguous.*1500/);
    expect(value(readAmount('1,500'))).toMatch(/ambiguous/);
    expect(readAmount('').ok).toBe(false);
  });

  it('reads back any whole amount written with French spaces', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        const french = new Intl.NumberFormat('fr-FR').format(n); // narrow no-break spaces
        expect(value(readAmount(`${french} €`))).toBe(n);
      }),
    );
  });
});

describe('readYear, readNumber, readCount', () => {
  it('reads years in numbers, dates and short texts', () => {
    expect(value(readYear('2019'))).toBe(2019);
    expect(value(readYear('2019.0'))).toBe(2019);
    expect(value(readYear('BP 2019'))).toBe(2019);
    expect(value(readYear('2019-05-01'))).toBe(2019);
    expect(value(readYear('01/05/2019'))).toBe(2019);
    expect(value(readYear('2018-2019'))).toMatch(/several years/);
    expect(value(readYear('dix-neuf'))).toMatch(/not a year/);
    expect(value(readYear('1975'))).toMatch(/1980 to 2100/);
  });

  it('reads coordinates with a decimal point or comma', () => {
    expect(value(readNumber('48.1173'))).toBe(48.1173);
    expect(value(readNumber('48,1173'))).toBe(48.1173);
    expect(value(readNumber('-1.67'))).toBe(-1.67);
    expect(value(readNumber('6 128 211,97'))).toBe(6128211.97);
    expect(readNumber('N48°').ok).toBe(false);
  });

  it('reads counts', () => {
    expect(value(readCount('12 000'))).toBe(12000);
    expect(value(readCount('12000.0'))).toBe(12000);
    expect(value(readCount('12.000'))).toBe(12000);
    expect(readCount('12,5').ok).toBe(false);
  });

  it('folds names for comparison', () => {
    expect(fold('Libellé_du-Projet ')).toBe('libelle du projet');
    expect(fold('ŒUVRE')).toBe('oeuvre');
  });
});

describe('projections', () => {
  it('knows the systems by their usual names', () => {
    expect(findCrs('EPSG:2154')?.code).toBe('EPSG:2154');
    expect(findCrs('2154')?.code).toBe('EPSG:2154');
    expect(findCrs('lambert93')?.code).toBe('EPSG:2154');
    expect(findCrs('urn:ogc:def:crs:EPSG::3857')?.code).toBe('EPSG:3857');
    expect(findCrs('EPSG:27572')).toBeUndefined();
  });

  it('puts Lambert-93 origin and Web Mercator metres where they belong', () => {
    // Lambert-93's false origin (700 000, 6 600 000) is at 3° E, 46.5° N by definition.
    const [lon, lat] = projector(findCrs('EPSG:2154')!)(700_000, 6_600_000);
    expect(lon).toBeCloseTo(3, 6);
    expect(lat).toBeCloseTo(46.5, 6);
    // Web Mercator from its formula, independently of proj4.
    const R = 6378137;
    const x = (R * -1.6778 * Math.PI) / 180;
    const y = R * Math.log(Math.tan(Math.PI / 4 + (48.1173 * Math.PI) / 360));
    const [mlon, mlat] = projector(findCrs('EPSG:3857')!)(x, y);
    expect(mlon).toBeCloseTo(-1.6778, 5);
    expect(mlat).toBeCloseTo(48.1173, 5);
  });
});
