// Runs one test case against whichever functions were bound: the reference's in the trusted
// isolate, the student's in a student isolate. Same code on both sides, so outputs are
// normalised identically.
(function (internal) {
  'use strict';
  const tf = globalThis.tf;
  const engine = tf.engine();
  const { encode, decode, fn } = internal.wire;
  const indirectEval = eval;
  let bound = {};
  let cases = [];
  let mistakes = [];

  // What the submission did while it ran, for the diagnosis on the host (graders/diagnosis.ts):
  // the tf ops it called itself (not those nested inside other ops), values it read out of
  // tensors, random numbers it drew. Installed here, before lockdown freezes Tensor and Math.
  let probe = null;
  const scopes = [];
  const startScope = engine.startScope;
  const endScope = engine.endScope;
  engine.startScope = function (name) {
    const isOp = typeof name === 'string' && name.endsWith('__op');
    if (probe && isOp && !scopes.includes(true)) probe.ops.add(name.slice(0, -4));
    scopes.push(isOp);
    return startScope.call(this, name);
  };
  engine.endScope = function (result) {
    scopes.pop();
    return endScope.call(this, result);
  };
  const proto = tf.Tensor.prototype;
  for (const method of ['dataSync', 'arraySync', 'data', 'array', 'bufferSync', 'buffer']) {
    const original = proto[method];
    proto[method] = function (...args) {
      if (probe) probe.reads += 1;
      return original.apply(this, args);
    };
  }
  const mathRandom = Math.random;
  Math.random = function random() {
    if (probe) probe.random += 1;
    return mathRandom();
  };
  const RANDOM_OPS = ['randomNormal', 'randomUniform', 'randomStandardNormal', 'truncatedNormal', 'randomGamma', 'multinomial', 'randomUniformInt'];

  /**
   * Runs the submission's call under the probe and stores in out.probe what it saw, plus the
   * inputs it disposed or changed (also when the call threw).
   */
  function probed(call, args, out) {
    const before = args.map((a) => (a instanceof tf.Tensor ? a.dataSync().slice() : null));
    const seen = { ops: new Set(), reads: 0, random: 0 };
    probe = seen;
    try {
      return call(args);
    } finally {
      probe = null;
      out.probe = summarise(seen, args, before);
    }
  }

  function summarise(seen, args, before) {
    const disposed = [];
    const mutated = [];
    args.forEach((a, i) => {
      if (!(a instanceof tf.Tensor)) return;
      if (a.isDisposed) return disposed.push(i);
      const now = a.dataSync();
      if (now.some((x, k) => !Object.is(x, before[i][k]))) mutated.push(i);
    });
    const ops = [...seen.ops].slice(0, 200);
    const random = seen.random + ops.filter((op) => RANDOM_OPS.includes(op)).length;
    return { ops, reads: seen.reads, random, disposed, mutated };
  }

  function defineTests(list, options) {
    if (!Array.isArray(list)) throw new TypeError('defineTests expects an array of cases');
    cases = list;
    mistakes = (options && options.mistakes) || [];
  }

  /** Known-wrong variants of the entry functions; a visible failure that matches one names the mistake. */
  function listMistakes() {
    return mistakes.map((m) => ({
      id: m.id,
      message: m.message,
      replace: Object.keys(m.replace || {}).filter((k) => typeof m.replace[k] === 'function'),
    }));
  }

  /** Swaps a mistake's functions over the bound ones; index -1 restores the originals. */
  let original = null;
  function useMistake(index) {
    original = original || bound;
    bound = index < 0 ? original : Object.assign({}, original, mistakes[index].replace);
  }

  /** Case metadata as plain data; the host validates it with zod. */
  function listCases() {
    return cases.map((c) => {
      const meta = {};
      for (const key of Object.keys(c)) {
        const v = c[key];
        meta[key] = typeof v === 'function' ? (key === 'run' ? String(v) : 'function') : v;
      }
      return meta;
    });
  }

  function buildInputs(index) {
    const c = cases[index];
    engine.startScope();
    try {
      const args = c.inputs({ tf, rng: internal.makeRng(c.seed), fn });
      if (!Array.isArray(args)) throw new TypeError(`inputs() of case "${c.id}" must return an array of arguments`);
      return args.map((a) => encode(a, true));
    } finally {
      engine.endScope();
    }
  }

  function bind(fns) {
    bound = fns;
  }

  /**
   * Runs the submission's top level. Evaluated here rather than as a host-run script so that
   * whatever it throws is caught in the isolate: isolated-vm converting a thrown object with
   * looping getters can spin a thread forever. The appended expression runs in the same eval, so
   * it also sees top-level const/let/class; sourceURL keeps stack traces on the student's lines.
   */
  function loadSubmission(code, entries) {
    const pick = entries.map((name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`).join(', ');
    try {
      const fns = indirectEval(`${code}\n;({ ${pick} });\n//# sourceURL=solution.js`);
      const picked = {};
      for (const name of entries) picked[name] = fns[name];
      bound = picked;
      return { ok: true, logs: internal.drainLogs() };
    } catch (err) {
      return { ok: false, error: describeError(err), logs: internal.drainLogs() };
    }
  }

  /** Top-level functions the submission defined, to suggest a rename when the entry is missing. */
  function definedFunctions(before) {
    return Object.getOwnPropertyNames(globalThis)
      .filter((k) => !before.includes(k) && typeof Object.getOwnPropertyDescriptor(globalThis, k).value === 'function')
      .slice(0, 10)
      .map((k) => (k.length > 100 ? `${k.slice(0, 99)}…` : k));
  }

  function requireFn(name) {
    const f = bound[name];
    if (typeof f !== 'function') throw internal.harnessError('missing', name);
    return f;
  }

  /** spec: { entry, run, entries, args: wire[], grad: { wrt, output } | null } */
  function runCase(spec) {
    const out = { probe: null };
    try {
      engine.startScope();
      const args = spec.args.map(decode);
      let call;
      if (spec.run) {
        const fns = {};
        for (const name of spec.entries) fns[name] = requireFn(name);
        const composed = indirectEval(`(${spec.run})`);
        call = (a) => composed(fns, ...a);
      } else {
        const f = requireFn(spec.entry);
        call = (a) => f(...a);
      }
      const value = encode(probed(call, args, out), false);
      // A failing gradient keeps the value: the host compares the value first, so a wrong value
      // is reported as such and not as a gradient problem.
      let grads = null;
      let gradError = null;
      try {
        grads = spec.grad ? gradients(call, args, spec.grad) : null;
      } catch (err) {
        gradError = describeError(err);
      }
      return { ok: true, value, grads, gradError, logs: internal.drainLogs(), probe: out.probe };
    } catch (err) {
      return { ok: false, error: describeError(err), logs: internal.drainLogs(), probe: out.probe };
    } finally {
      // The engine is mutable (tfjs needs it), so a submission may have patched endScope.
      try {
        engine.endScope();
      } catch {
        // nothing to clean up that the isolate's disposal will not
      }
    }
  }

  function gradients(call, args, grad) {
    const f = (...xs) => {
      const a = args.slice();
      grad.wrt.forEach((k, i) => (a[k] = xs[i]));
      let out = call(a);
      if (grad.output != null && out !== null && typeof out === 'object' && !(out instanceof tf.Tensor)) out = out[grad.output];
      if (!(out instanceof tf.Tensor)) throw internal.harnessError('grad', 'the gradient check needs a tensor output');
      return out;
    };
    let gs;
    try {
      gs = tf.grads(f)(grad.wrt.map((k) => args[k]));
    } catch (err) {
      if (internal.harnessErrors.has(err)) throw err;
      const message = String(err && err.message);
      if (/Cannot compute gradient/.test(message)) {
        throw internal.harnessError('grad', 'no gradient flows to the input: use tf operations all the way (no dataSync/arraySync/new tensors from values)');
      }
      throw err;
    }
    return gs.map((g) => encode(g, false));
  }

  function describeError(err) {
    if (internal.harnessErrors.has(err)) return { kind: err.kind, name: 'Error', message: err.message, stack: '' };
    const read = (f, fallback) => {
      try {
        const v = f();
        return typeof v === 'string' ? v : fallback;
      } catch {
        return fallback;
      }
    };
    const isObject = err !== null && (typeof err === 'object' || typeof err === 'function');
    return {
      kind: 'exception',
      name: read(() => (isObject ? String(err.name) : 'thrown value'), 'Error').slice(0, 100),
      message: read(() => (isObject ? String(err.message) : String(err)), '(unprintable exception)').slice(0, 1000),
      stack: read(() => (isObject ? err.stack : ''), '').slice(0, 4000),
    };
  }

  internal.api = { defineTests, listCases, listMistakes, useMistake, buildInputs, bind, loadSubmission, runCase, definedFunctions };
})(globalThis.__tensorgradeInternal);
