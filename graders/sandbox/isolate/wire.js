// Converts between live values and the plain "wire" data that crosses isolates through the host:
// { t: 'tensor', shape, dtype, values: Float32Array | Int32Array } | { t: 'number', value }
// | { t: 'array', items } | { t: 'object', entries: [key, wire][] } | { t: 'fn', source, params }.
// Installed before any content or student code, so the intrinsics it captures are the real ones.
(function (internal) {
  'use strict';
  const tf = globalThis.tf;
  const Tensor = tf.Tensor;
  const F32 = Float32Array;
  const I32 = Int32Array;
  const U8 = Uint8Array;
  const isArray = Array.isArray;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const ownKeys = Object.keys;
  const ObjectProto = Object.prototype;
  const indirectEval = eval;
  // Bounds on what a student can make the host copy: elements per output and container nodes.
  const MAX_ELEMENTS = 1 << 21;
  const MAX_NODES = 10000;
  // Keys are the one part of an output whose size the node count does not bound, and the copy
  // multiplies them: a 1 MB key shared by 5000 objects is 1 MB here and 5 GB once copied to the
  // host. Counted per occurrence, as the copy will hold them.
  const MAX_KEY_CHARS = 1 << 20;

  const fnInputs = new WeakMap();

  /** Content authors pass functions as inputs with fn(factory, params): only data crosses isolates. */
  function fn(factory, params) {
    if (typeof factory !== 'function') throw new TypeError('fn(factory, params): factory must be a function');
    const marker = {};
    fnInputs.set(marker, { source: String(factory), params: params === undefined ? {} : params });
    return marker;
  }

  /** A live value as wire data, refused whole (before anything is copied out) when it is too large. */
  function encode(value, allowFns) {
    const budget = { nodes: 0, elements: 0, keyChars: 0 };
    const wire = encodeNode(value, budget, allowFns);
    if (budget.keyChars > MAX_KEY_CHARS) {
      throw internal.harnessError('too-large', `${formatSize(budget.keyChars)} of keys (at most ${formatSize(MAX_KEY_CHARS)} in all)`);
    }
    return wire;
  }

  function formatSize(chars) {
    const units = [
      [1 << 30, 'GB'],
      [1 << 20, 'MB'],
      [1 << 10, 'KB'],
    ];
    for (const [size, unit] of units) if (chars >= size) return `${Number((chars / size).toPrecision(2))} ${unit}`;
    return `${chars} bytes`;
  }

  function encodeNode(value, budget, allowFns) {
    budget.nodes += 1;
    if (budget.nodes > MAX_NODES) throw internal.harnessError('too-large', `the output has more than ${MAX_NODES} parts`);
    if (typeof value === 'number') return { t: 'number', value };
    if (value instanceof Tensor) return encodeTensor(value, budget);
    if (allowFns && fnInputs.has(value)) {
      const { source, params } = fnInputs.get(value);
      return { t: 'fn', source, params: encodeNode(params, budget, false) };
    }
    if (isArray(value)) {
      const items = [];
      for (let i = 0; i < value.length; i++) items.push(encodeNode(value[i], budget, allowFns));
      return { t: 'array', items };
    }
    if (value !== null && typeof value === 'object') {
      if (typeof value.then === 'function') {
        throw internal.harnessError('output', 'returned a Promise; the function must be synchronous (no async/await)');
      }
      const proto = getPrototypeOf(value);
      if (proto === ObjectProto || proto === null) {
        const entries = [];
        for (const key of ownKeys(value)) {
          budget.keyChars += key.length;
          entries.push([key, encodeNode(value[key], budget, allowFns)]);
        }
        return { t: 'object', entries };
      }
    }
    throw internal.harnessError('output', `returned ${describe(value)}, expected a tf.Tensor`);
  }

  function encodeTensor(t, budget) {
    const dtype = t.dtype;
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
      throw internal.harnessError('output', `returned a ${String(dtype)} tensor; only float32, int32 and bool are graded`);
    }
    const rawShape = t.shape;
    const shape = [];
    let size = 1;
    for (let i = 0; i < rawShape.length && i < 16; i++) {
      const d = rawShape[i];
      shape.push(d);
      size *= d;
    }
    budget.elements += size;
    if (!(size >= 0) || budget.elements > MAX_ELEMENTS) {
      throw internal.harnessError('too-large', `the output has more than ${MAX_ELEMENTS} elements`);
    }
    const data = t.dataSync();
    if (data.length !== size) throw internal.harnessError('output', 'returned a tensor whose data does not match its shape');
    const values = dtype === 'float32' ? new F32(data) : new I32(data);
    return { t: 'tensor', shape, dtype, values };
  }

  function decode(w) {
    switch (w.t) {
      case 'number':
        return w.value;
      case 'tensor':
        return tf.tensor(w.dtype === 'bool' ? new U8(w.values) : w.values, w.shape, w.dtype);
      case 'array':
        return w.items.map(decode);
      case 'object': {
        const out = {};
        for (const [key, item] of w.entries) {
          defineProperty(out, key, { value: decode(item), enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      case 'fn': {
        // The factory is content code; it gets tf and its weights, nothing from the host.
        const factory = indirectEval(`(${w.source})`);
        return factory(tf, decode(w.params));
      }
      default:
        throw new TypeError(`unknown wire value ${String(w.t)}`);
    }
  }

  function describe(v) {
    if (v === undefined) return 'undefined (did you forget to return?)';
    if (v === null) return 'null';
    if (typeof v === 'function') return 'a function';
    if (typeof v !== 'object') return `a ${typeof v}`;
    if (ArrayBuffer.isView(v)) return 'a typed array (return the tensor itself, not .dataSync())';
    return 'an object that is not a plain object';
  }

  internal.wire = Object.freeze({ fn, encode, decode });
})(globalThis.__tensorgradeInternal);
