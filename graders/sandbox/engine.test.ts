import { describe, expect, it } from 'vitest';
import { SandboxEngine } from './engine';

describe.each([true, false])('SandboxEngine (snapshot: %s)', (snapshot) => {
  it('opens fresh isolates holding tfjs and nothing that reaches outside', async () => {
    const engine = await SandboxEngine.create({ snapshot });
    const [a, b] = [await engine.open(64), await engine.open(64)];
    try {
      const probe = `JSON.stringify({
        sum: tf.tensor([1, 2, 3]).sub(1).square().sum().dataSync()[0],
        grad: tf.grad((x) => x.square().sum())(tf.tensor([3])).dataSync()[0],
        reachable: ['require', 'process', 'fetch', 'setTimeout', 'queueMicrotask', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'ivm'].filter((n) => n in globalThis),
        frozen: [Object.prototype, Array.prototype, Function.prototype, Error, tf, tf.Tensor.prototype].every(Object.isFrozen),
      })`;
      expect(JSON.parse(await a.context.eval(probe))).toEqual({ sum: 5, grad: 6, reachable: [], frozen: true });
      // One isolate's changes are invisible to the next.
      await a.context.eval('globalThis.leak = 42; tf.engine().registry.cpu = null;');
      expect(await b.context.eval('typeof leak + " " + tf.tensor([2]).add(1).dataSync()[0]')).toBe('undefined 3');
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});

it('a reused isolate gives each job a fresh context: no globals, pollution or tf state carry over', async () => {
  const engine = await SandboxEngine.create();
  const first = await engine.open(64);
  try {
    await first.context.eval('globalThis.leak = 1; try { Array.prototype.map = null; } catch {} tf.engine().registry.cpu = null;');
    first.context.release();
    const second = await engine.openIn(first.isolate);
    expect(await second.context.eval('typeof leak + " " + typeof [].map + " " + tf.tensor([2]).add(1).dataSync()[0]')).toBe('undefined function 3');
    second.dispose();
  } finally {
    first.kill();
  }
});
