import ivm from 'isolated-vm';
import { readFileSync } from 'node:fs';
import { loadTfBundle } from './bundle';

const isolateScript = (name: string) => ({
  filename: `tensorgrade/${name}`,
  code: readFileSync(new URL(`./isolate/${name}`, import.meta.url), 'utf8'),
});
// Order matters: each script relies on what the previous ones installed.
const HARNESS = ['platform.js', 'harness.js', 'wire.js', 'runner.js'].map(isolateScript);
// Never part of the snapshot: V8 aborts the process when it bootstraps a context from a snapshot
// whose builtins are frozen, so each isolate is locked down after it starts.
const LOCKDOWN = isolateScript('lockdown.js');

// Compiles the kernels most submissions touch, so a fresh isolate starts with their bytecode.
const WARMUP = `(() => {
  const a = tf.ones([8, 4]), b = tf.zeros([8, 4]).add(0.5), c = tf.randomNormal([8, 4]);
  const f = (x) => tf.maximum(x.sub(b).square().sum(1).sub(tf.sum(tf.squaredDifference(x, c), -1)).add(1), 0).mean();
  f(a).dataSync();
  tf.grad(f)(a).dataSync();
  tf.relu(tf.matMul(a, c, false, true)).mul(2).div(3).neg().exp().log().sqrt().abs().max().min().dataSync();
  tf.norm(a.squaredDifference(c), 'euclidean', 1).pow(2).mean(0).arraySync();
  tf.tidy(() => tf.stack([a, b]).reshape([16, 4]).slice([0, 0], [4, 4]).transpose().dataSync());
})();`;

const FORBIDDEN = [
  'require',
  'process',
  'fetch',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
  'SharedArrayBuffer',
  'Atomics',
  'WebAssembly',
  'FinalizationRegistry',
  'WeakRef',
  '__tensorgradeInternal',
  'ivm',
];
const VERIFY = `(() => {
  const present = ${JSON.stringify(FORBIDDEN)}.filter((n) => n in globalThis);
  if (!Object.isFrozen(Object.prototype) || !Object.isFrozen(Error) || !Object.isFrozen(tf)) present.push('(unfrozen intrinsics)');
  const resizable = (() => { try { new (new Uint8Array(1).buffer.constructor)(1, { maxByteLength: 2 }); return true; } catch { return false; } })();
  if (resizable || 'resize' in ArrayBuffer.prototype || new Uint8Array(1).buffer.constructor !== ArrayBuffer) present.push('(resizable ArrayBuffer)');
  if (typeof __tensorgrade !== 'object' || typeof tf.tensor !== 'function') present.push('(harness missing)');
  return present.join(',');
})()`;

export interface Sandbox {
  readonly isolate: ivm.Isolate;
  readonly context: ivm.Context;
  /** The job is over: frees what it used (for a reused isolate, only its context). */
  dispose(): void;
  /** Stops whatever runs now and disposes the whole isolate; it is never used again. */
  kill(): void;
}

/**
 * Makes fresh, locked-down isolates holding tfjs and the harness. Everything it feeds V8 at
 * startup (snapshot, code cache) is produced by this process from trusted code only.
 */
export class SandboxEngine {
  private constructor(
    private readonly bundle: string,
    private readonly snapshot: ivm.ExternalCopy<ArrayBuffer> | undefined,
    private readonly cachedData: ivm.ExternalCopy<ArrayBuffer> | undefined,
  ) {}

  /**
   * With `snapshot` (the default) isolates start from a V8 startup snapshot taken after tfjs and
   * the harness ran, which halves startup; without it the bundle is compiled from a code cache.
   */
  static async create({ snapshot = true } = {}): Promise<SandboxEngine> {
    const bundle = await loadTfBundle();
    if (snapshot) {
      const blob = ivm.Isolate.createSnapshot([{ code: bundle, filename: 'tfjs.js' }, ...HARNESS], WARMUP);
      return new SandboxEngine(bundle, blob, undefined);
    }
    const isolate = new ivm.Isolate({ memoryLimit: 128 });
    try {
      const script = await isolate.compileScript(bundle, { filename: 'tfjs.js', produceCachedData: true });
      return new SandboxEngine(bundle, undefined, (script as { cachedData?: ivm.ExternalCopy<ArrayBuffer> }).cachedData);
    } finally {
      isolate.dispose();
    }
  }

  /** A fresh isolate with a fresh, locked-down context. */
  async open(memoryMb: number): Promise<Sandbox> {
    const isolate = new ivm.Isolate({ memoryLimit: memoryMb, snapshot: this.snapshot });
    const kill = () => {
      if (!isolate.isDisposed) isolate.dispose();
    };
    try {
      return { isolate, context: await this.prepareContext(isolate), dispose: kill, kill };
    } catch (err) {
      kill();
      throw err;
    }
  }

  /**
   * Another fresh, locked-down context in an isolate that already served jobs (see WarmPool's
   * `reuse`). Contexts share no objects, intrinsics or tf state; the isolate shares its heap limit.
   */
  async openIn(isolate: ivm.Isolate): Promise<Sandbox> {
    const context = await this.prepareContext(isolate);
    const kill = () => {
      if (!isolate.isDisposed) isolate.dispose();
    };
    return { isolate, context, dispose: () => context.release(), kill };
  }

  private async prepareContext(isolate: ivm.Isolate): Promise<ivm.Context> {
    const context = await isolate.createContext();
    try {
      if (!this.snapshot) {
        const script = await isolate.compileScript(this.bundle, { filename: 'tfjs.js', cachedData: this.cachedData });
        await script.run(context);
        for (const { code, filename } of HARNESS) await (await isolate.compileScript(code, { filename })).run(context);
      }
      await (await isolate.compileScript(LOCKDOWN.code, { filename: LOCKDOWN.filename })).run(context, { timeout: 1000 });
      const leaks = await context.eval(VERIFY, { timeout: 1000 });
      if (leaks) throw new Error(`sandbox verification failed: ${leaks}`);
      return context;
    } catch (err) {
      context.release();
      throw err;
    }
  }
}

const shared = new Map<boolean, Promise<SandboxEngine>>();

/** One engine per process (and kind): the snapshot takes ~100 ms to make and is reused by every job. */
export function getSandboxEngine({ snapshot = true } = {}): Promise<SandboxEngine> {
  let engine = shared.get(snapshot);
  if (!engine) {
    engine = SandboxEngine.create({ snapshot }).catch((err) => {
      shared.delete(snapshot);
      throw err;
    });
    shared.set(snapshot, engine);
  }
  return engine;
}
