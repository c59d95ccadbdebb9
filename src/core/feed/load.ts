/**
 * Fetches a feed and parses it, turning every way a download can fail into one clear
 * `ParseResult` error. Works with the global `fetch` of browsers and Node 20.
 */
import type { FeedErrorCode, ParseResult } from './model.js';
import { parseFeed } from './parse.js';

/** Options of `loadFeed`. */
export interface LoadFeedOptions {
  /** Aborting it stops the download; `loadFeed` then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Give up after this many milliseconds (error code `timeout`). Default 15000. */
  timeoutMs?: number;
  /** Refuse bodies larger than this many bytes (error code `too-large`). Default 50 MB. */
  maxBytes?: number;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
}

/** Default of `LoadFeedOptions.timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Default of `LoadFeedOptions.maxBytes`: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Downloads the feed at `url` (without cookies or other credentials) and parses it with
 * `parseFeed`.
 *
 * Resolves, never rejects, for every failure: network (`network`), HTTP status (`http`),
 * too slow (`timeout`), too big (`too-large`), an HTML page instead of JSON (`not-json`), and
 * every failure of `parseFeed`. The one exception: when the caller's `signal` aborts, the
 * promise rejects with `signal.reason` (an `AbortError` by default), so callers that replaced
 * the request can ignore it.
 *
 * @example
 * const result = await loadFeed('https://example.org/pb.json', { signal });
 * if (!result.ok) console.warn(result.error.code, result.error.message);
 */
export async function loadFeed(
  url: string | URL,
  options: LoadFeedOptions = {},
): Promise<ParseResult> {
  const { signal } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const doFetch = options.fetch ?? globalThis.fetch;
  const address = String(url);

  signal?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The feed took too long', 'TimeoutError'));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  const why = (err: unknown): ParseResult => {
    if (signal?.aborted) throw signal.reason;
    if (timedOut) {
      return failure(
        'timeout',
        `The feed at ${address} did not arrive within ${seconds(timeoutMs)}.`,
      );
    }
    return failure('network', `Could not download the feed at ${address}: ${errorText(err)}.`);
  };

  try {
    if (typeof doFetch !== 'function') return why(new Error('fetch is not available here'));
    let response: Response;
    try {
      response = await doFetch(url, {
        signal: controller.signal,
        credentials: 'omit',
        headers: { Accept: 'application/json, application/geo+json, */*;q=0.5' },
      });
    } catch (err) {
      return why(networkReason(err));
    }

    if (!response.ok) {
      discard(response);
      const text = response.statusText ? ` ${response.statusText}` : '';
      return failure(
        'http',
        `The server answered HTTP ${response.status}${text} for the feed at ${address}.`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      discard(response);
      return tooLarge(address, maxBytes, declared);
    }
    if (/^\s*text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
      discard(response);
      return htmlReceived(address);
    }

    let body: Body;
    const got = { bytes: 0 };
    try {
      body = await readText(response, maxBytes, got);
    } catch (err) {
      // The connection broke mid-file (unless the timeout or the caller stopped it): how far it got.
      const of = declared >= 0 ? ` of ${size(declared)}` : '';
      return why(new Error(`cut off after ${size(got.bytes)}${of} (${errorText(err)})`));
    }
    if (body.kind === 'too-large') return tooLarge(address, maxBytes, body.bytes);
    if (body.kind === 'html') return htmlReceived(address);
    return parseFeed(body.text);
  } catch (err) {
    // A bug or an odd fetch implementation: still a result, unless the caller aborted.
    return why(err);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------------------------------------

type Body =
  { kind: 'text'; text: string } | { kind: 'too-large'; bytes: number } | { kind: 'html' };

/** Reads the body as UTF-8, counting bytes as they come (in `got`), and stops early at HTML. */
async function readText(
  response: Response,
  maxBytes: number,
  got: { bytes: number },
): Promise<Body> {
  const decoder = new TextDecoder('utf-8');
  if (!response.body) {
    const buffer = await response.arrayBuffer();
    if (buffer.byteLength > maxBytes) return { kind: 'too-large', bytes: buffer.byteLength };
    const text = decoder.decode(buffer);
    return looksLikeHtml(text) ? { kind: 'html' } : { kind: 'text', text };
  }
  const reader = response.body.getReader();
  const parts: string[] = [];
  let started = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const bytes = (got.bytes += value.byteLength);
      if (bytes > maxBytes) {
        void reader.cancel().catch(() => undefined);
        return { kind: 'too-large', bytes };
      }
      const part = decoder.decode(value, { stream: true });
      parts.push(part);
      if (!started && part.trim() !== '') {
        started = true;
        if (looksLikeHtml(part)) {
          void reader.cancel().catch(() => undefined);
          return { kind: 'html' };
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
  parts.push(decoder.decode());
  return { kind: 'text', text: parts.join('') };
}

/** True when the first character that is not blank (nor a byte-order mark) is `<`. */
function looksLikeHtml(text: string): boolean {
  return /^[\s\uFEFF]*</.test(text);
}

function htmlReceived(address: string): ParseResult {
  return failure(
    'not-json',
    `An HTML page was received instead of the JSON feed at ${address}: probably an error page or a wrong address.`,
  );
}

function tooLarge(address: string, maxBytes: number, bytes: number): ParseResult {
  return failure(
    'too-large',
    `The feed at ${address} is larger than the limit of ${size(maxBytes)} (${size(bytes)} or more).`,
  );
}

function failure(code: FeedErrorCode, message: string): ParseResult {
  return { ok: false, error: { code, message }, problems: [] };
}

/** Frees the connection of a response whose body is not wanted. */
function discard(response: Response): void {
  try {
    void response.body?.cancel().catch(() => undefined);
  } catch {
    // a locked or already used body: nothing to free
  }
}

/** Node's fetch says only "fetch failed" and keeps the reason in `cause`. */
function networkReason(err: unknown): unknown {
  if (err instanceof Error && err.message === 'fetch failed' && err.cause instanceof Error) {
    return new Error(`${err.message} (${err.cause.message})`);
  }
  return err;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / (1024 * 1024))} MB`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function errorText(err: unknown): string {
  try {
    const text = err instanceof Error ? err.message : String(err);
    return text.replace(/\.$/, '');
  } catch {
    return 'unknown error';
  }
}
