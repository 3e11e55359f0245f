/**
 * The one autosave behaviour behind the code editor's draft and a quiz attempt's answers:
 * values are keyed (one key for a draft, one per question for a quiz), sent after a quiet
 * moment, in order (an older value never lands after a newer one), retried while the failure is
 * the connection's or the server's, and sent without waiting when the page goes away. No React
 * and no DOM here, so the behaviour is unit-tested with fake timers; use-autosaver.ts wires it
 * to a component and to the page's lifecycle events.
 */

export type SaveState = { kind: 'saved'; at: string | null } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'error'; message: string; retrying: boolean };

/** A failure that sending the same value again cannot fix (too large, closed, not yours). */
export class SaveRefused extends Error {}

/** Statuses worth retrying: the server's trouble, a timeout, a rate limit, or a sign-in that may come back. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 401 || status === 408 || status === 429;
}

export type AutosaverOptions = { debounceMs: number; retryMs: number; onState(state: SaveState): void };

/** How values reach the server; replaceable (a component's latest props) with setTransport. */
export type AutosaveTransport<V> = {
  /** Stores one value; resolves to the server's save time (ISO) if it says. Throws SaveRefused, or anything else to be retried. */
  send(key: string, value: V): Promise<string | null | undefined>;
  /** Sends one value as the page closes (sendBeacon or a keepalive fetch); nothing is awaited. */
  sendOnExit(key: string, value: V): void;
  /** The server has this value for key (a newer one may already be waiting). */
  onStored?(key: string, value: V): void;
};

export class Autosaver<V> {
  private readonly pending = new Map<string, V>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly options: AutosaverOptions,
    private transport: AutosaveTransport<V>,
    private savedAt: string | null = null,
  ) {}

  setTransport(transport: AutosaveTransport<V>): void {
    this.transport = transport;
  }

  /** A new value for key, saved once nothing has changed for debounceMs. */
  set(key: string, value: V): void {
    this.pending.set(key, value);
    this.options.onState({ kind: 'pending' });
    this.schedule(this.options.debounceMs);
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Sends everything waiting now; resolves true when all of it (and all earlier saves) is stored. */
  flush(): Promise<boolean> {
    this.clearTimer();
    const batch = [...this.pending];
    this.pending.clear();
    if (batch.length === 0) return this.chain;
    this.chain = this.chain.then(() => this.sendBatch(batch));
    return this.chain;
  }

  /** The page is going away: what waits goes out at once, not behind a request that will never finish. */
  flushOnExit(): void {
    this.clearTimer();
    for (const [key, value] of this.pending) this.transport.sendOnExit(key, value);
    this.pending.clear();
  }

  /** Back online (or asked to): try what is waiting without waiting for the retry timer. */
  retryNow(): void {
    if (this.pending.size) void this.flush();
  }

  private async sendBatch(batch: [string, V][]): Promise<boolean> {
    this.options.onState({ kind: 'saving' });
    let failed: string | null = null;
    let retrying = false;
    for (const [key, value] of batch) {
      try {
        this.savedAt = (await this.transport.send(key, value)) ?? new Date().toISOString();
        this.transport.onStored?.(key, value);
      } catch (error) {
        failed = (error as Error).message;
        if (error instanceof SaveRefused) continue;
        retrying = true;
        // Keep it for the next try unless a newer value is already waiting.
        if (!this.pending.has(key)) this.pending.set(key, value);
      }
    }
    if (failed !== null) {
      this.options.onState({ kind: 'error', message: failed, retrying });
      if (retrying) this.schedule(this.options.retryMs);
      return false;
    }
    this.options.onState(this.pending.size ? { kind: 'pending' } : { kind: 'saved', at: this.savedAt });
    return true;
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
