/**
 * The one way a route handler reads a JSON body: same-origin, application/json, size-capped.
 *
 * - Content-Type must be application/json (415): a cross-site <form> or a text/plain fetch cannot
 *   send it without a CORS preflight we never answer.
 * - The request must come from this site (403): an Origin header naming another host, Origin "null",
 *   Sec-Fetch-Site: cross-site, or neither Origin nor a same-origin Referer is refused. "This site"
 *   is the Host the request came to, the proxy's x-forwarded-host, or AUTH_URL / NEXTAUTH_URL when
 *   set (the app has no origin setting of its own: Auth.js trusts the host, see scripts/start.ts).
 * - The body is read as a stream and never buffered past `maxBytes` plus one chunk (413): a declared
 *   Content-Length over the cap is refused before reading anything.
 * - Bad JSON is a 400.
 */

import { configuredOrigins } from '@/env';

export type JsonRequestOptions = {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** The sentence of the 413 answer, e.g. "Your code is over the 64 KB limit." */
  tooLargeMessage?: string;
};

export type JsonRequestResult = { ok: true; body: unknown } | { ok: false; response: Response };

const refuse = (status: number, error: string): JsonRequestResult => ({ ok: false, response: Response.json({ error }, { status }) });

export async function readJsonRequest(request: Request, options: JsonRequestOptions): Promise<JsonRequestResult> {
  const headerProblem = checkJsonRequestHeaders(request);
  if (headerProblem) return { ok: false, response: headerProblem };
  const tooLarge = () => refuse(413, options.tooLargeMessage ?? `The request is larger than ${formatBytes(options.maxBytes)}.`);

  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > options.maxBytes) return tooLarge();
  const bytes = await readCapped(request.body, options.maxBytes);
  if (bytes === 'too_large') return tooLarge();
  if (bytes.byteLength === 0) return refuse(400, 'The request body is empty; send JSON.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(400, 'The request body is not valid UTF-8 text.');
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, 'The request body is not valid JSON.');
  }
}

/** The 415 / 403 answer for a request that is not same-origin JSON, or null when it is. */
export function checkJsonRequestHeaders(request: Request): Response | null {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return Response.json({ error: 'Send JSON (Content-Type: application/json).' }, { status: 415 });
  if (!isSameOrigin(request.headers)) return Response.json({ error: 'This request did not come from this site and was refused.' }, { status: 403 });
  return null;
}

function isSameOrigin(headers: Headers): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return false;
  const origin = headers.get('origin');
  // A present Origin decides alone; without one (older browsers), a Referer from this site must stand in.
  const source = origin || headers.get('referer');
  if (!source || source === 'null') return false;
  const host = hostOf(source);
  return host !== null && ownHosts(headers).has(host);
}

function ownHosts(headers: Headers): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get('host');
  if (host) hosts.add(host.toLowerCase());
  const forwarded = headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  if (forwarded) hosts.add(forwarded.toLowerCase());
  for (const configured of configuredOrigins()) {
    const configuredHost = hostOf(configured);
    if (configuredHost) hosts.add(configuredHost);
  }
  return hosts;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The whole body, or 'too_large' as soon as it passes `maxBytes` (the rest is never pulled). */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}
