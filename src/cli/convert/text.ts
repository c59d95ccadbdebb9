/**
 * Reading the cells of a spreadsheet as people type them in France: names compared without
 * accents or case, amounts with spaces between thousands and a decimal comma, years inside
 * text. Pure functions, no I/O.
 */

/** Spaces people (and spreadsheets) put between thousands: normal, no-break, narrow no-break, thin. */
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

/**
 * A text reduced for comparison: lower case, accents and ligatures removed, every run of
 * punctuation (hyphens, apostrophes, underscores, dots) read as one space.
 *
 * @example fold("Libellé_du-Projet ") === "libelle du projet"
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The outcome of reading a cell: a value, or why not with a hint of what to write. */
export type Read<T> = { ok: true; value: T } | { ok: false; why: string };

const fail = (why: string): Read<never> => ({ ok: false, why });

/**
 * An amount as written in a French (or English) spreadsheet, in units:
 * `1500000`, `1 500 000 €`, `1 500 000,50 €` (normal, no-break or narrow no-break spaces),
 * `1.500.000`, `1,500,000.50`, `12,5`, `1,5 M€`, `300 k€`, `EUR 4000`.
 * Refused: negative amounts, words (`environ 3000`), and `1.500` or `1,500` alone, which
 * read as 1.5 in one language and 1500 in the other.
 */
export function readAmount(raw: string): Read<number> {
  let text = raw.trim().replace(GROUP_SPACES, '');
  let factor = 1;
  text = text.replace(/^(?:€|eur|euros?)/i, '');
  const unit = /(?:€|eur|euros?|ttc|ht)$/i;
  while (unit.test(text)) text = text.replace(unit, '');
  const scale = /^(.*\d)(k|m|millions?|mille)$/i.exec(text);
  if (scale) {
    factor = /^(k|mille)$/i.test(scale[2] ?? '') ? 1e3 : 1e6;
    text = scale[1] ?? '';
  }
  if (/^-/.test(text)) return fail('is negative; a budget is 0 or more');
  const number = readDecimal(text);
  if (number === undefined) {
    const ambiguous = /^\d{1,3}[.,]\d{3}$/.test(text);
    return fail(
      ambiguous
        ? `is ambiguous (${raw.trim()} reads as ${text.replace(',', '.')} or as ${text.replace(/[.,]/, '')}); write it without separator, e.g. ${text.replace(/[.,]/, '')}, or with a space, e.g. ${text.replace(/[.,]/, ' ')}`
        : 'is not an amount; write digits, e.g. 3 000 € or 1 500 000,50 €',
    );
  }
  const value = roundCents(number * factor);
  // Hundreds of digits read as Infinity, which a feed cannot hold (JSON writes it as null).
  if (!Number.isFinite(value)) return fail(TOO_LARGE);
  return { ok: true, value };
}

const TOO_LARGE = 'is too large to be read as a number; check the cell';

/**
 * A decimal number without spaces: `1500000`, `1.500.000`, `1,500,000.50`, `1.500.000,50`,
 * `12,5`, `12.5`. Undefined for anything else, including the ambiguous `1.500` and `1,500`.
 */
function readDecimal(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  // One decimal separator with 1, 2 or 4+ digits after it (3 would be a thousands group).
  let m = /^(\d+)[.,](\d{1,2}|\d{4,})$/.exec(text);
  if (m) return Number(`${m[1]}.${m[2]}`);
  // Thousands grouped by dots (French) with an optional decimal comma, or the English way.
  m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(text);
  if (m && (m[2] !== undefined || (m[1] ?? '').split('.').length > 2)) {
    return Number(`${(m[1] ?? '').replace(/\./g, '')}.${m[2] ?? '0'}`);
  }
  m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text);
  if (m && (m[2] !== undefined || (m[1] ?? '').split(',').length > 2)) {
    return Number(`${(m[1] ?? '').replace(/,/g, '')}.${m[2] ?? '0'}`);
  }
  return undefined;
}

/** Amounts in cents at most, so that 0.1 + 0.2 and 1,5 M€ come out as people wrote them. */
function roundCents(value: number): number {
  // A whole amount (every number past 2^53 is one) has no cents: multiplying would blur or overflow it.
  return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
}

/**
 * A coordinate or other plain number: `48.1173`, `48,1173` (decimal comma), `-1.67`,
 * `6 128 211,97` (spaces between thousands), `1e5`.
 */
export function readNumber(raw: string): Read<number> {
  const text = raw.trim().replace(GROUP_SPACES, '').replace(/^\+/, '');
  if (!/^-?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(text)) {
    return fail('is not a number; write it with digits, e.g. 48.1173 or 48,1173');
  }
  return { ok: true, value: Number(text.replace(',', '.')) };
}

/**
 * A year: `2019`, `2019.0` (a spreadsheet's float), or the one year in a short text such as
 * `BP 2019`, `édition 2019` or a date `2019-05-01` / `01/05/2019`. From 1980 to 2100.
 */
export function readYear(raw: string): Read<number> {
  const text = raw.trim();
  const plain = /^(\d{4})(?:[.,]0+)?$/.exec(text);
  const years = plain ? [plain[1]] : (text.match(/(?<!\d)(?:19|20|21)\d{2}(?!\d)/g) ?? []);
  const distinct = [...new Set(years)];
  if (distinct.length !== 1) {
    return fail(
      distinct.length > 1
        ? `holds several years (${distinct.join(', ')}); write one year per row, e.g. 2019`
        : 'is not a year; write the year of the vote with four digits, e.g. 2019',
    );
  }
  const year = Number(distinct[0]);
  if (year < 1980 || year > 2100) return fail('must be a year from 1980 to 2100');
  return { ok: true, value: year };
}

/** A whole number of people or projects: `12000`, `12 000`, `12.000`, `12000.0`. */
export function readCount(raw: string): Read<number> {
  const text = raw.trim().replace(GROUP_SPACES, '');
  // "12.0" is a spreadsheet's float; "12.000" is twelve thousand, grouped.
  const m = /^(\d+)(?:[.,](?:0{1,2}|0{4,}))?$/.exec(text);
  const grouped = /^\d{1,3}(?:[.,]\d{3})+$/.test(text);
  const value = m ? Number(m[1]) : grouped ? Number(text.replace(/[.,]/g, '')) : NaN;
  if (value === Infinity) return fail(TOO_LARGE);
  if (m || grouped) return { ok: true, value };
  return fail('is not a whole number; write digits, e.g. 12 000');
}

/**
 * A short, stable id fragment from text: `Jardin partagé rue d'Antrain` → `jardin-partage-rue-d-antrain`,
 * cut to `max` characters.
 */
export function slug(text: string, max = 60): string {
  return fold(text).replace(/ /g, '-').slice(0, max).replace(/-+$/, '');
}

/** Text cut to `max` characters (code points), with an ellipsis when cut. */
export function cut(text: string, max: number): { text: string; cut: boolean } {
  const chars = Array.from(text);
  if (chars.length <= max) return { text, cut: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, cut: true };
}
