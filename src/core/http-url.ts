/**
 * The one check of a link or feed address before it is followed: only http(s) URLs are.
 */

/**
 * `value` as an absolute http(s) URL, resolved against `base` when given (relative addresses
 * are refused without one); `undefined` for anything else (`javascript:`, `data:`, malformed,
 * empty).
 *
 * @example
 * httpUrl('budgets.json', location.href); // 'https://example.org/budgets.json'
 * httpUrl('javascript:alert(1)'); // undefined
 */
export function httpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
