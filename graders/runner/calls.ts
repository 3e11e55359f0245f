import type { Sandbox } from '../sandbox/engine';

// How long past its own timeout an isolate call may take before the host stops waiting and
// disposes the isolate (a call stuck where V8 cannot interrupt it, e.g. a microtask storm).
export const WATCHDOG_GRACE_MS = 250;

export type KillReason = 'timeout' | 'memory' | 'watchdog' | 'aborted';

export class IsolateKilled extends Error {
  constructor(readonly reason: KillReason) {
    super(`isolate stopped: ${reason}`);
  }
}

/**
 * Calls `__tensorgrade.<method>(...args)` in the sandbox, copying arguments in and the result
 * out; only structured-clonable data crosses. Resolves, or rejects with IsolateKilled when a
 * limit ended the call, or with the original error for anything else.
 */
export async function callHarness(sandbox: Sandbox, method: string, args: unknown[], timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
  return guard(sandbox, timeoutMs, signal, () =>
    sandbox.context.evalClosure(`return __tensorgrade.${method}(...$0)`, [args], {
      arguments: { copy: true },
      result: { copy: true },
      timeout: Math.max(1, Math.round(timeoutMs)),
    }),
  );
}

/**
 * Runs an isolate operation under the outer watchdog, translating limit errors into IsolateKilled.
 * A kill settles the call at once: isolated-vm can leave a call pending forever after dispose.
 */
export function guard<T>(sandbox: Sandbox, timeoutMs: number, signal: AbortSignal | undefined, op: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let killed: KillReason | undefined;
    const kill = (reason: KillReason) => {
      killed ??= reason;
      sandbox.kill();
      reject(new IsolateKilled(killed));
    };
    const onAbort = () => kill('aborted');
    const timer = setTimeout(() => kill('watchdog'), timeoutMs + WATCHDOG_GRACE_MS);
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return (cleanup(), kill('aborted'));
    signal?.addEventListener('abort', onAbort);
    op().then(
      (value) => (cleanup(), resolve(value)),
      (err) => (cleanup(), reject(classify(err, killed))),
    );
  });
}

function classify(err: unknown, killed: KillReason | undefined): unknown {
  if (killed) return new IsolateKilled(killed);
  const message = err instanceof Error ? err.message : String(err);
  if (message.includes('Script execution timed out')) return new IsolateKilled('timeout');
  if (message.includes('memory limit')) return new IsolateKilled('memory');
  if (message.includes('Isolate was disposed') || message.includes('Isolate is disposed')) return new IsolateKilled('watchdog');
  return err;
}
