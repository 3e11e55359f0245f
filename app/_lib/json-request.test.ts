import { afterEach, describe, expect, it, vi } from 'vitest';
import { readJsonRequest } from './json-request';

const SITE = 'http://tensorgrade.test:3000';
const CAP = 64 * 1024;
const CHUNK = 16 * 1024;

/** A POST from the site itself unless `headers` say otherwise (undefined drops a header). */
function post(body: BodyInit | null, headers: Record<string, string | undefined> = {}): Request {
  const all = { host: 'tensorgrade.test:3000', 'content-type': 'application/json', origin: SITE, ...headers };
  return new Request(`${SITE}/api/submissions`, {
    method: 'POST',
    headers: Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
    body,
    duplex: 'half',
  } as RequestInit);
}

/** 200 MB of JSON-ish bytes, produced only as the reader pulls them; counts what was pulled. */
function hugeStream(totalBytes = 200 * 1024 * 1024) {
  const pulled = { bytes: 0 };
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled.bytes >= totalBytes) return controller.close();
        const chunk = new Uint8Array(CHUNK).fill(0x20);
        if (pulled.bytes === 0) chunk[0] = 0x22; // a string that never ends
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled, wasCancelled: () => cancelled };
}

async function errorOf(result: Awaited<ReturnType<typeof readJsonRequest>>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return { status: result.response.status, error: ((await result.response.json()) as { error: string }).error };
}

afterEach(() => vi.unstubAllEnvs());

describe('readJsonRequest', () => {
  it('parses a same-origin JSON body', async () => {
    const result = await readJsonRequest(post(JSON.stringify({ code: 'x' })), { maxBytes: CAP });
    expect(result).toEqual({ ok: true, body: { code: 'x' } });
  });

  it('accepts application/json with a charset and a same-origin Referer when Origin is absent', async () => {
    const result = await readJsonRequest(post('[1]', { 'content-type': 'application/json; charset=utf-8', origin: undefined, referer: `${SITE}/courses/x` }), { maxBytes: CAP });
    expect(result).toEqual({ ok: true, body: [1] });
  });

  it('streams a 200 MB body only up to the cap, cancels it, and answers 413', async () => {
    const { stream, pulled, wasCancelled } = hugeStream();
    const result = await readJsonRequest(post(stream), { maxBytes: CAP, tooLargeMessage: 'Your code is over the 64 KB limit.' });
    expect(await errorOf(result)).toEqual({ status: 413, error: 'Your code is over the 64 KB limit.' });
    expect(pulled.bytes).toBeLessThan(CAP + 64 * 1024);
    expect(wasCancelled()).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const { stream, pulled } = hugeStream();
    const result = await readJsonRequest(post(stream, { 'content-length': String(200 * 1024 * 1024) }), { maxBytes: CAP });
    expect(await errorOf(result)).toEqual({ status: 413, error: 'The request is larger than 64 KB.' });
    expect(pulled.bytes).toBe(0);
  });

  it('refuses text/plain and a missing Content-Type with 415', async () => {
    expect((await errorOf(await readJsonRequest(post('{}', { 'content-type': 'text/plain' }), { maxBytes: CAP }))).status).toBe(415);
    expect((await errorOf(await readJsonRequest(post('{}', { 'content-type': 'application/jsonp' }), { maxBytes: CAP }))).status).toBe(415);
    const bare = new Request(`${SITE}/api/submissions`, { method: 'POST', headers: { host: 'tensorgrade.test:3000', origin: SITE }, body: new Uint8Array([0x7b, 0x7d]) });
    expect(await errorOf(await readJsonRequest(bare, { maxBytes: CAP }))).toEqual({ status: 415, error: 'Send JSON (Content-Type: application/json).' });
  });

  it('refuses a foreign, null or missing origin with 403', async () => {
    const refused = [
      { origin: 'https://evil.test' },
      { origin: 'http://tensorgrade.test:3001' },
      { origin: 'null' },
      { origin: undefined },
      { origin: undefined, referer: 'https://evil.test/page' },
      { origin: SITE, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refused) {
      expect(await errorOf(await readJsonRequest(post('{}', headers), { maxBytes: CAP })), JSON.stringify(headers)).toEqual({
        status: 403,
        error: 'This request did not come from this site and was refused.',
      });
    }
  });

  it('takes the host a proxy forwarded, and AUTH_URL when set', async () => {
    const proxied = post('{}', { host: '127.0.0.1:3000', 'x-forwarded-host': 'course.example.org', origin: 'https://course.example.org' });
    expect((await readJsonRequest(proxied, { maxBytes: CAP })).ok).toBe(true);
    expect((await readJsonRequest(post('{}', { origin: 'https://public.example.org' }), { maxBytes: CAP })).ok).toBe(false);
    vi.stubEnv('AUTH_URL', 'https://public.example.org/api/auth');
    expect((await readJsonRequest(post('{}', { origin: 'https://public.example.org' }), { maxBytes: CAP })).ok).toBe(true);
  });

  it('answers 400 with a sentence for bad JSON and an empty body', async () => {
    expect(await errorOf(await readJsonRequest(post('{"code": '), { maxBytes: CAP }))).toEqual({ status: 400, error: 'The request body is not valid JSON.' });
    expect(await errorOf(await readJsonRequest(post(null), { maxBytes: CAP }))).toEqual({ status: 400, error: 'The request body is empty; send JSON.' });
  });
});
