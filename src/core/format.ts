/**
 * Amounts, counts and year spans as people read them, through Intl. Intl's output is kept as it
 * is, spaces included: French separates thousands with a narrow no-break space (U+202F) and puts
 * a no-break space (U+00A0) before the currency sign, so "4,3 M €" never breaks across lines.
 */

/** Options of {@link formatAmount}. */
export interface AmountOptions {
  /** BCP 47 locale, e.g. `fr`, `fr-FR`, `en-GB`. */
  locale: string;
  /** ISO 4217 currency code, e.g. `EUR`. */
  currency: string;
  /** Short form for badges: "4,3 M €" (fr), "€4.3M" (en). @default false */
  compact?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();

/** One shared formatter per set of options: building one costs far more than using it. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * Formats an amount of money. Whole amounts show no cents ("4 300 000 €"), others show the
 * currency's usual decimals ("6,50 €"); the compact form rounds to two significant digits.
 *
 * @throws RangeError when the locale or the currency code is malformed.
 * @example
 * formatAmount(4_300_000, { locale: 'fr', currency: 'EUR', compact: true }); // "4,3 M €" (with no-break spaces)
 * formatAmount(4_300_000, { locale: 'en', currency: 'EUR' }); // "€4,300,000"
 */
export function formatAmount(value: number, opts: AmountOptions): string {
  return numberFormat(opts.locale, {
    style: 'currency',
    currency: opts.currency,
    notation: opts.compact ? 'compact' : 'standard',
    trailingZeroDisplay: 'stripIfInteger',
  }).format(value);
}

/**
 * Formats a count with the locale's digit grouping: "12 345" (fr), "12,345" (en).
 *
 * @throws RangeError when the locale is malformed.
 */
export function formatCount(n: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/**
 * Formats the years of a programme's editions as runs: "2016", "2016–2024",
 * "2016, 2018–2020". Consecutive years join with an en dash, gaps with a comma. The input need
 * not be sorted; repeats are ignored; no year gives "".
 *
 * @throws RangeError when the locale is malformed.
 */
export function formatYears(years: readonly number[], locale: string): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const year = numberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
  const runs: [first: number, last: number][] = [];
  for (const y of sorted) {
    const run = runs[runs.length - 1];
    if (run && y === run[1] + 1) run[1] = y;
    else runs.push([y, y]);
  }
  return runs
    .map(([first, last]) =>
      first === last ? year.format(first) : `${year.format(first)}\u2013${year.format(last)}`,
    )
    .join(', ');
}
