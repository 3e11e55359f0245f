// Last trusted script before content or student code. After it, the only ways out of the isolate
// are the values the host copies, and the intrinsics the harness relies on are frozen, so a
// submission can pollute prototypes only in ways that throw or are ignored.
(function (internal) {
  'use strict';
  const g = globalThis;
  // Shared memory, code outside JS, and the two ways to run code later (GC callbacks): the latter
  // could otherwise run during a later job in the same isolate. The rest are not present in a bare
  // context but are checked anyway; the host verifies this list per job.
  // Resizable buffers reserve their maxByteLength outside the allocator that enforces the
  // isolate's memory limit, and resize() then commits real memory past it (a 1 GB resize inside a
  // 128 MB isolate). Only fixed-length buffers remain: the ArrayBuffer constructor, under every
  // name it is reachable by (the global and ArrayBuffer.prototype.constructor), refuses the
  // options argument, and resize/grow are gone. transfer() of a fixed-length buffer allocates
  // through the limited allocator, so it stays.
  const NativeArrayBuffer = g.ArrayBuffer;
  const construct = Reflect.construct;
  function ArrayBuffer(length, options) {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (options !== null && typeof options === 'object' && options.maxByteLength !== undefined) {
      throw new TypeError('resizable ArrayBuffers are not available in the grader');
    }
    return construct(NativeArrayBuffer, [length], new.target);
  }
  Object.defineProperty(ArrayBuffer, 'prototype', { value: NativeArrayBuffer.prototype, writable: false });
  Object.defineProperty(ArrayBuffer, 'isView', { value: NativeArrayBuffer.isView, writable: true, configurable: true });
  Object.defineProperty(ArrayBuffer, Symbol.species, Object.getOwnPropertyDescriptor(NativeArrayBuffer, Symbol.species));
  Object.defineProperty(NativeArrayBuffer.prototype, 'constructor', { value: ArrayBuffer, writable: true, configurable: true });
  Object.defineProperty(g, 'ArrayBuffer', { value: ArrayBuffer, writable: true, configurable: true });
  delete NativeArrayBuffer.prototype.resize;
  if (g.SharedArrayBuffer) delete g.SharedArrayBuffer.prototype.grow;

  for (const name of ['SharedArrayBuffer', 'Atomics', 'WebAssembly', 'FinalizationRegistry', 'WeakRef', 'require', 'process', 'fetch', 'setTimeout', 'setInterval', 'queueMicrotask']) {
    delete g[name];
  }

  // Freezing each builtin and its prototype is enough: the harness only calls methods found
  // there, and a deep walk (all of Intl, every method object) costs milliseconds per job.
  function freezeWithPrototype(value) {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    Object.freeze(value);
    if (typeof value === 'function' && value.prototype) Object.freeze(value.prototype);
  }
  // Standard globals are non-enumerable; what tfjs stored on the global (its engine, registries)
  // is enumerable and must stay mutable.
  for (const name of Object.getOwnPropertyNames(g)) {
    const d = Object.getOwnPropertyDescriptor(g, name);
    if (!d.enumerable && name !== 'console' && name !== 'globalThis') freezeWithPrototype(d.value);
  }
  // Objects reachable only through syntax or prototype chains, not through a global name.
  [
    Object.getPrototypeOf(Int8Array),
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
    Object.getPrototypeOf([][Symbol.iterator]()),
    Object.getPrototypeOf(new Map()[Symbol.iterator]()),
    Object.getPrototypeOf(new Set()[Symbol.iterator]()),
    Object.getPrototypeOf(''[Symbol.iterator]()),
    Object.getPrototypeOf(/x/[Symbol.matchAll]('')),
  ].forEach(freezeWithPrototype);
  // tf's namespace and Tensor's prototype (chained ops live there). The engine and its kernel
  // registry stay mutable because tfjs needs them; a submission that patches them only changes
  // its own outputs, which are compared on the host with values computed in another isolate.
  Object.freeze(g.tf);
  freezeWithPrototype(g.tf.Tensor);
  freezeWithPrototype(g.tf.Variable);

  Object.defineProperty(g, 'console', { value: internal.console, writable: false, configurable: false, enumerable: false });
  const globalsBefore = Object.getOwnPropertyNames(g).concat(['__tensorgrade']);
  const api = Object.freeze({
    ...internal.api,
    definedFunctions: () => internal.api.definedFunctions(globalsBefore),
  });
  Object.defineProperty(g, '__tensorgrade', { value: api, writable: false, configurable: false, enumerable: false });
  delete g.__tensorgradeInternal;
})(globalThis.__tensorgradeInternal);
