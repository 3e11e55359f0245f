import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, isRetryableStatus, SaveRefused, type SaveState } from './autosaver';

type Sent = { key: string; value: string };

/** An Autosaver whose server is a list; `fail` decides per call what the "server" does. */
function harness(fail: (sent: Sent, call: number) => Error | null = () => null) {
  const sent: Sent[] = [];
  const exits: Sent[] = [];
  const states: SaveState[] = [];
  const stored: Sent[] = [];
  let call = 0;
  const saver = new Autosaver<string>(
    { debounceMs: 100, retryMs: 1000, onState: (state) => states.push(state) },
    {
      async send(key, value) {
        const error = fail({ key, value }, call++);
        await Promise.resolve();
        if (error) throw error;
        sent.push({ key, value });
        return `2026-12-03T10:00:0${sent.length}.000Z`;
      },
      sendOnExit: (key, value) => exits.push({ key, value }),
      onStored: (key, value) => stored.push({ key, value }),
    },
  );
  return { saver, sent, exits, states, stored, last: () => states.at(-1) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('sends the last value once typing pauses, not every keystroke', async () => {
    const h = harness();
    for (const text of ['a', 'ab', 'abc']) {
      h.saver.set('code', text);
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(h.sent).toEqual([]);
    expect(h.last()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(100);
    expect(h.sent).toEqual([{ key: 'code', value: 'abc' }]);
    expect(h.last()).toEqual({ kind: 'saved', at: '2026-12-03T10:00:01.000Z' });
  });

  it('keeps one value per key and sends every key', async () => {
    const h = harness();
    h.saver.set('q1', 'x');
    h.saver.set('q2', 'y');
    h.saver.set('q1', 'z');
    expect(await h.saver.flush()).toBe(true);
    expect(h.sent).toEqual([
      { key: 'q1', value: 'z' },
      { key: 'q2', value: 'y' },
    ]);
  });

  it('never lets an older value land after a newer one', async () => {
    const h = harness();
    h.saver.set('code', 'old');
    const first = h.saver.flush();
    h.saver.set('code', 'new');
    const second = h.saver.flush();
    await Promise.all([first, second]);
    expect(h.sent.map((s) => s.value)).toEqual(['old', 'new']);
    expect(h.last()).toEqual({ kind: 'saved', at: '2026-12-03T10:00:02.000Z' });
  });

  it('retries a failure of the connection or the server until it is stored', async () => {
    const h = harness((_, call) => (call < 2 ? new Error('the server answered 503') : null));
    h.saver.set('code', 'x');
    await vi.advanceTimersByTimeAsync(100);
    expect(h.last()).toEqual({ kind: 'error', message: 'the server answered 503', retrying: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([{ key: 'code', value: 'x' }]);
    expect(h.last()?.kind).toBe('saved');
  });

  it('a retry never overwrites a value typed after the failure', async () => {
    const h = harness((sent) => (sent.value === 'x' ? new Error('offline') : null));
    h.saver.set('code', 'x');
    const failed = h.saver.flush();
    h.saver.set('code', 'y');
    expect(await failed).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([{ key: 'code', value: 'y' }]);
  });

  it('does not retry a refusal, and says so', async () => {
    const h = harness(() => new SaveRefused('Drafts are limited to 64 KB.'));
    h.saver.set('code', 'huge');
    expect(await h.saver.flush()).toBe(false);
    expect(h.last()).toEqual({ kind: 'error', message: 'Drafts are limited to 64 KB.', retrying: false });
    expect(h.saver.hasPending()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.sent).toEqual([]);
  });

  it('sends what waits at once when the page goes away, and nothing twice', async () => {
    const h = harness();
    h.saver.set('q1', 'a');
    h.saver.set('q2', 'b');
    h.saver.flushOnExit();
    expect(h.exits).toEqual([
      { key: 'q1', value: 'a' },
      { key: 'q2', value: 'b' },
    ]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.sent).toEqual([]);
  });

  it('reports what the server stored, for the caller to clean up its local copy', async () => {
    const h = harness();
    h.saver.set('code', 'v1');
    await h.saver.flush();
    expect(h.stored).toEqual([{ key: 'code', value: 'v1' }]);
  });

  it('retryNow sends a waiting value without waiting for the timer (back online)', async () => {
    const h = harness((_, call) => (call === 0 ? new Error('offline') : null));
    h.saver.set('code', 'x');
    await h.saver.flush();
    h.saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sent).toEqual([{ key: 'code', value: 'x' }]);
  });
});

describe('isRetryableStatus', () => {
  it('retries the server, timeouts, rate limits and sign-in; not the request itself', () => {
    expect([500, 503, 408, 429, 401].map(isRetryableStatus)).toEqual([true, true, true, true, true]);
    expect([400, 403, 404, 409, 413, 415].map(isRetryableStatus)).toEqual([false, false, false, false, false, false]);
  });
});
