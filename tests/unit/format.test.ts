import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatYears } from '../../src/core/format.js';

// Intl's French output: U+202F (narrow no-break space) groups thousands, U+00A0 (no-break
// space) comes before the currency sign and after the compact unit.
const eur = { currency: 'EUR' };

describe('formatAmount', () => {
  it('writes amounts in full, without cents when whole, in French', () => {
    const fr = { ...eur, locale: 'fr' };
    expect(formatAmount(0, fr)).toBe('0\u00a0€');
    expect(formatAmount(950, fr)).toBe('950\u00a0€');
    expect(formatAmount(4_300_000, fr)).toBe('4\u202f300\u202f000\u00a0€');
    expect(formatAmount(100_000_000, fr)).toBe('100\u202f000\u202f000\u00a0€');
    expect(formatAmount(6.5, fr)).toBe('6,50\u00a0€');
  });

  it('writes amounts in full in English', () => {
    const en = { ...eur, locale: 'en' };
    expect(formatAmount(0, en)).toBe('€0');
    expect(formatAmount(950, en)).toBe('€950');
    expect(formatAmount(4_300_000, en)).toBe('€4,300,000');
    expect(formatAmount(100_000_000, en)).toBe('€100,000,000');
    expect(formatAmount(6.5, en)).toBe('€6.50');
  });

  it('shortens amounts for cluster badges', () => {
    const fr = { ...eur, locale: 'fr', compact: true };
    const en = { ...eur, locale: 'en', compact: true };
    expect([0, 950, 4_300_000, 100_000_000].map((v) => formatAmount(v, fr))).toEqual([
      '0\u00a0€',
      '950\u00a0€',
      '4,3\u00a0M\u00a0€',
      '100\u00a0M\u00a0€',
    ]);
    expect([0, 950, 4_300_000, 100_000_000].map((v) => formatAmount(v, en))).toEqual([
      '€0',
      '€950',
      '€4.3M',
      '€100M',
    ]);
    expect(formatAmount(4_350_000, fr)).toBe('4,4\u00a0M\u00a0€');
    expect(formatAmount(1_500_000_000, fr)).toBe('1,5\u00a0Md\u00a0€');
  });

  it('follows the currency and the region of the locale', () => {
    expect(formatAmount(4_300_000, { locale: 'en-GB', currency: 'EUR', compact: true })).toBe(
      '€4.3m',
    );
    expect(formatAmount(1_200, { locale: 'en', currency: 'USD' })).toBe('$1,200');
    expect(formatAmount(1_200, { locale: 'fr', currency: 'XPF' })).toBe('1\u202f200\u00a0FCFP');
  });

  it('refuses a malformed currency code', () => {
    expect(() => formatAmount(1, { locale: 'fr', currency: 'euro' })).toThrow(RangeError);
  });
});

describe('formatCount', () => {
  it('groups thousands as the locale does', () => {
    expect(formatCount(0, 'fr')).toBe('0');
    expect(formatCount(12_345, 'fr')).toBe('12\u202f345');
    expect(formatCount(12_345, 'en')).toBe('12,345');
  });
});

describe('formatYears', () => {
  it('writes one year, a run, and runs with gaps', () => {
    expect(formatYears([], 'fr')).toBe('');
    expect(formatYears([2016], 'fr')).toBe('2016');
    expect(formatYears([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], 'fr')).toBe(
      '2016–2024',
    );
    expect(formatYears([2016, 2018, 2019, 2020], 'en')).toBe('2016, 2018–2020');
    expect(formatYears([2018, 2020, 2022], 'fr')).toBe('2018, 2020, 2022');
  });

  it('never groups the digits of a year, and accepts unsorted repeats', () => {
    expect(formatYears([2024, 2023, 2023, 2019], 'fr')).toBe('2019, 2023–2024');
  });
});
