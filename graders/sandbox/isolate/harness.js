// First of the harness scripts (harness → wire → runner → lockdown), all trusted and run before
// any content or student code. They share a temporary global that lockdown removes again.
(function () {
  'use strict';
  const tf = globalThis.tf;
  const Tensor = tf.Tensor;
  const MAX_LOG_LINES = 200;
  const MAX_LOG_CHARS = 16000;
  const MAX_LINE_CHARS = 1000;

  const harnessErrors = new WeakSet();
  /** Errors raised by the harness itself carry a kind the host maps to a message; students cannot forge them. */
  function harnessError(kind, message) {
    const err = new Error(message);
    err.kind = kind;
    harnessErrors.add(err);
    return err;
  }

  const logState = { lines: [], chars: 0, truncated: false };
  function formatArg(a) {
    try {
      if (typeof a === 'string') return a;
      if (a instanceof Tensor) {
        const head = Array.from(a.dataSync().subarray(0, 20), (x) => Number(x).toPrecision(6));
        return `Tensor ${a.dtype} [${a.shape.join(',')}] [${head.join(', ')}${a.size > 20 ? ', …' : ''}]`;
      }
      if (typeof a === 'object' && a !== null) return JSON.stringify(a).slice(0, MAX_LINE_CHARS);
      return String(a);
    } catch {
      return '[unprintable]';
    }
  }
  function log(...args) {
    if (logState.truncated) return;
    const line = args.map(formatArg).join(' ').slice(0, MAX_LINE_CHARS);
    if (logState.lines.length >= MAX_LOG_LINES || logState.chars + line.length > MAX_LOG_CHARS) {
      logState.truncated = true;
      return;
    }
    logState.lines.push(line);
    logState.chars += line.length;
  }
  function drainLogs() {
    const out = { lines: logState.lines, truncated: logState.truncated };
    logState.lines = [];
    return out;
  }
  const console = Object.freeze({ log, info: log, warn: log, error: log, debug: log });

  /** mulberry32 + Box–Muller: fast, seedable, and bit-identical on every machine. */
  function makeRng(seed) {
    let a = seed >>> 0;
    function random() {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    function gaussian() {
      let u = 0;
      while (u === 0) u = random();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    }
    const size = (shape) => shape.reduce((n, d) => n * d, 1);
    function fill(shape, dtype, draw) {
      const values = dtype === 'int32' ? new Int32Array(size(shape)) : new Float32Array(size(shape));
      for (let i = 0; i < values.length; i++) values[i] = draw();
      return tf.tensor(values, shape, dtype);
    }
    return Object.freeze({
      random,
      randint: (lo, hi) => lo + Math.floor(random() * (hi - lo)),
      uniform: (shape, lo = 0, hi = 1) => fill(shape, 'float32', () => lo + (hi - lo) * random()),
      normal: (shape, mean = 0, std = 1) => fill(shape, 'float32', () => mean + std * gaussian()),
      int: (shape, lo, hi) => fill(shape, 'int32', () => lo + Math.floor(random() * (hi - lo))),
    });
  }

  Object.defineProperty(globalThis, '__tensorgradeInternal', {
    value: { harnessError, harnessErrors, drainLogs, console, makeRng },
    configurable: true,
  });
})();
