import type { Sandbox, SandboxEngine } from './engine';

/**
 * Keeps fresh, locked-down sandboxes started ahead of jobs, so a job does not wait for one. Each
 * context serves one job. With `reuse` > 1 an isolate serves up to that many jobs, one at a time
 * and each in a new context; an isolate whose job hit a limit is never reused.
 */
export class WarmPool {
  private readonly ready: Promise<Sandbox>[] = [];
  private readonly uses = new WeakMap<object, number>();
  private closed = false;

  constructor(
    private readonly engine: SandboxEngine,
    private readonly memoryMb: number,
    private readonly size: number,
    private readonly reuse = 1,
  ) {
    for (let i = 0; i < size; i++) this.refill();
  }

  /** A started sandbox; its replacement is prepared when it is disposed, so not during the job. */
  async take(): Promise<Sandbox> {
    const sandbox = await (this.ready.shift() ?? this.engine.open(this.memoryMb));
    let done = false;
    return {
      ...sandbox,
      dispose: () => {
        if (done) return;
        done = true;
        this.recycle(sandbox);
      },
    };
  }

  close(): void {
    this.closed = true;
    for (const pending of this.ready.splice(0))
      pending.then(
        (s) => s.kill(),
        () => undefined,
      );
  }

  private recycle(sandbox: Sandbox) {
    const used = (this.uses.get(sandbox.isolate) ?? 1) + 1;
    if (this.closed || sandbox.isolate.isDisposed || used > this.reuse) {
      sandbox.kill();
      return this.refill();
    }
    this.uses.set(sandbox.isolate, used);
    sandbox.context.release();
    this.push(this.engine.openIn(sandbox.isolate));
  }

  private refill() {
    if (this.closed || this.ready.length >= this.size) return;
    this.push(this.engine.open(this.memoryMb));
  }

  private push(opening: Promise<Sandbox>) {
    // A failed start surfaces when a job takes it; keep it from being an unhandled rejection.
    opening.catch(() => undefined);
    this.ready.push(opening);
  }
}
