import type { Sandbox, SandboxEngine } from './engine';

/**
 * Keeps a few fresh, locked-down isolates ready so a job does not wait for one to start. Each is
 * handed out once and never reused: this moves isolate start-up off the job's critical path
 * without giving up a fresh isolate per job.
 */
export class WarmPool {
  private readonly ready: Promise<Sandbox>[] = [];
  private closed = false;

  constructor(
    private readonly engine: SandboxEngine,
    private readonly memoryMb: number,
    private readonly size: number,
  ) {
    for (let i = 0; i < size; i++) this.refill();
  }

  /** A started isolate; its replacement starts when it is disposed, so not during the job. */
  async take(): Promise<Sandbox> {
    const sandbox = await (this.ready.shift() ?? this.engine.open(this.memoryMb));
    const dispose = sandbox.dispose;
    return {
      ...sandbox,
      dispose: () => {
        const first = !sandbox.isolate.isDisposed;
        dispose();
        if (first) this.refill();
      },
    };
  }

  close(): void {
    this.closed = true;
    for (const pending of this.ready.splice(0)) pending.then((s) => s.dispose(), () => undefined);
  }

  private refill() {
    if (this.closed || this.ready.length >= this.size) return;
    const opening = this.engine.open(this.memoryMb);
    // A failed start surfaces when a job takes it; keep it from being an unhandled rejection.
    opening.catch(() => undefined);
    this.ready.push(opening);
  }
}
