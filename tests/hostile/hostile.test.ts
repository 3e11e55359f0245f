import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise, type LoadedExercise } from '../../graders/content/load';
import { createGrader } from '../../graders/grader';
import { MAX_REPORT_BYTES, type GradeReport } from '../../graders/report';
import { writeTempExercise } from '../../graders/testing/temp-exercise';

// The triplet-loss exercise with tight limits, so that every attack hits them quickly.
const LIMITS = { timeMsPerTest: 300, timeMsPerJob: 1500, memoryMb: 128 };
// Job budget plus the watchdog's grace and the start of up to three fresh isolates.
const WALL_BUDGET_MS = LIMITS.timeMsPerJob + 1000;
const PWNED = '/tmp/tensorgrade-pwned';

// Both isolate policies: a fresh isolate per job, and an isolate reused (a fresh context per job).
const graders = { fresh: createGrader({ concurrency: 2 }), reused: createGrader({ concurrency: 2, jobsPerIsolate: 20 }) };
const grader = graders.fresh;
let exercise: LoadedExercise;

beforeAll(async () => {
  const source = await loadExercise('exercises/triplet-loss');
  const meta = { ...source.meta, limits: LIMITS };
  const dir = await writeTempExercise('triplet-loss', {
    'exercise.json': JSON.stringify(meta),
    'statement.md': source.statement,
    'stub.js': source.stub,
    'reference.js': source.reference,
    'tests.js': source.tests,
  });
  exercise = await loadExercise(dir);
  await Promise.all(Object.values(graders).map((g) => g.reference(exercise)));
});

type Check = (report: GradeReport) => void;
const firstMessage =
  (pattern: RegExp): Check =>
  (r) =>
    expect(r.tests[0].message).toMatch(pattern);

const WRONG_VALUE = /^output: got -1 but expected 1\.375/;
// Bombs that grow memory are ended by whichever limit comes first: the memory limit, the per-test
// time limit, or the watchdog when garbage collection on a busy machine delays V8's own timeout.
const LIMIT_HIT = /^(memory limit of 128 MB exceeded|time limit exceeded during this test|stopped by the watchdog during this test)/;

const attacks: [string, Check][] = [
  [
    'infinite-loop',
    (r) => {
      expect(r.tests[0].message).toMatch(/^time limit exceeded during this test: more than 300 ms/);
      // Nothing ever finished, so the second chance runs under a quarter of the limit.
      expect(r.tests.filter((t) => /more than 75 ms/.test(t.message ?? '')).length).toBeGreaterThan(0);
    },
  ],
  ['infinite-loop-top-level', firstMessage(/^time limit exceeded while loading your code/)],
  ['microtask-loop', firstMessage(/^(time limit exceeded|stopped by the watchdog) during this test/)],
  ['never-resolving-promise', firstMessage(/returned a Promise; the function must be synchronous/)],
  ['async-entry', firstMessage(/returned a Promise; the function must be synchronous/)],
  ['heap-bomb', firstMessage(LIMIT_HIT)],
  ['typed-array-bomb', firstMessage(LIMIT_HIT)],
  ['huge-typed-array', firstMessage(/^memory limit of 128 MB exceeded \(RangeError/)],
  ['string-bomb', firstMessage(/^memory limit of 128 MB exceeded \(RangeError: Invalid string length\)/)],
  ['tensor-bomb', firstMessage(LIMIT_HIT)],
  ['deep-recursion', firstMessage(/^line 2: RangeError: Maximum call stack size exceeded/)],
  ['huge-return', firstMessage(/^output too large: the output has more than 2097152 elements/)],
  ['huge-nested-return', firstMessage(/^output too large: the output has more than 10000 parts/)],
  ['output-amplification', firstMessage(/^output too large: 1\.5 GB of keys \(at most 1 MB in all\)$/)],
  [
    'report-bloat-keys',
    (r) => {
      expect(r.tests[0].message).toMatch(/^output: got an object but expected a tensor/);
      expect(r.tests[0].actual).toMatch(/^\{ kkkk.*… \(1000000 characters\): Tensor/);
      for (const t of r.tests) expect(t.actual?.length ?? 0).toBeLessThanOrEqual(500);
      expect(JSON.stringify(r).length).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    },
  ],
  [
    'report-bloat-names',
    (r) => {
      expect(r.tests[0].message).toMatch(/^function tripletLoss is not defined .* Your code defines: f0xxx/);
      for (const t of r.tests) expect(t.message.length).toBeLessThanOrEqual(2000);
      expect(JSON.stringify(r).length).toBeLessThanOrEqual(MAX_REPORT_BYTES);
    },
  ],
  ['constructor-escape', firstMessage(/^line 2: ReferenceError: process is not defined/)],
  ['prepare-stack-trace', firstMessage(/^line 5: TypeError: frames\.find is not a function/)],
  ['throw-getter-bomb', firstMessage(/^time limit exceeded while loading your code/)],
  ['throw-getter-in-call', firstMessage(/^time limit exceeded during this test/)],
  ['require', firstMessage(/^line 2: ReferenceError: require is not defined/)],
  ['process-access', firstMessage(/^line 2: ReferenceError: process is not defined/)],
  [
    'dynamic-import',
    (r) => {
      expect(r.tests[0].message).toMatch(WRONG_VALUE);
      expect(r.logs[0]).toMatch(/^import failed: Error: Not supported/);
    },
  ],
  ['pollute-prototypes', firstMessage(/^your code failed while loading: line 3: TypeError: Cannot define property values, object is not extensible/)],
  ['pollute-tensor-prototype', firstMessage(/^your code failed while loading: line 3: TypeError: Cannot define property shape, object is not extensible/)],
  ['patch-tf-namespace', firstMessage(WRONG_VALUE)],
  ['patch-kernel-registry', firstMessage(WRONG_VALUE)],
  ['backend-and-env', firstMessage(/^Error: No backend found in registry\. \(raised inside tfjs or the grader/)],
  ['proxy-output', firstMessage(/^the function returned a tensor whose data does not match its shape/)],
  ['getter-output', firstMessage(/^output: shape \[1\] but expected \[\]/)],
  ['to-primitive-output', firstMessage(/^the function returned a function, expected a tf\.Tensor/)],
  ['nan-output', firstMessage(/^output contains NaN$/)],
  ['infinity-output', firstMessage(/^output contains Infinity$/)],
  [
    'read-reference',
    (r) => {
      expect(r.tests[0].message).toMatch(WRONG_VALUE);
      const found = r.logs.join('\n');
      expect(found).toContain('tripletLoss');
      for (const secret of ['squaredDifference', '1.375', 'hand-computed', 'mistake', 'euclidean']) expect(found).not.toContain(secret);
    },
  ],
  [
    'console-flood',
    (r) => {
      expect(r.tests[0].message).toMatch(WRONG_VALUE);
      expect(r.logs.length).toBeLessThanOrEqual(200);
      expect(r.logs.join('').length).toBeLessThanOrEqual(6 * 16_000);
      expect(r.logsTruncated).toBe(true);
    },
  ],
  ['resizable-buffer', firstMessage(/^line 2: TypeError: resizable ArrayBuffers are not available in the grader/)],
  ['resizable-buffer-intrinsic', firstMessage(/^line 5: TypeError: resizable ArrayBuffers are not available in the grader/)],
  ['shared-memory', firstMessage(/^line 2: ReferenceError: SharedArrayBuffer is not defined/)],
  ['webassembly', firstMessage(/^line 3: ReferenceError: WebAssembly is not defined/)],
  ['timers-and-fetch', firstMessage(/^line 2: ReferenceError: setTimeout is not defined/)],
  ['redefine-harness', firstMessage(/^your code failed while loading: line 1: TypeError: Cannot redefine property: __tensorgrade/)],
  ['patch-endscope', firstMessage(WRONG_VALUE)],
  [
    'leak-hidden-inputs',
    (r) => {
      // Only the two visible cases' inputs are printed (random-batch twice: its value, then its gradient
      // check); hidden ones say nothing, not even their time.
      expect(r.logs.filter((l) => l.startsWith('inputs'))).toHaveLength(3);
      expect(r.logs).toContain('(console output during hidden tests is not shown)');
      for (const t of r.tests.filter((x) => !x.visible)) expect([t.durationMs, t.expected, t.actual]).toEqual([0, undefined, undefined]);
    },
  ],
  // 280 ms per call under a 300 ms limit: on a busy machine a call can cross it, which ends the job sooner.
  ['slow-everywhere', firstMessage(/^(output: got -1 but expected 1\.375|time limit exceeded during this test: more than 300 ms)/)],
  // Under the shipped 2 s limit it is the relative limit that stops it (graders/runner/time-limits.test.ts).
  ['hidden-timing-channel', firstMessage(/^time limit exceeded during this test: more than 300 ms/)],
];

describe.each(Object.entries(graders))('hostile submissions are contained (%s isolates)', (_policy, grader) => {
  it.each(attacks)('%s', async (name, check) => {
    const code = await readFile(`tests/hostile/attacks/${name}.js`, 'utf8');
    const started = performance.now();
    const report = await grader.grade({ exercise, code });
    expect(performance.now() - started).toBeLessThan(WALL_BUDGET_MS);
    expect(report.status).toBe('graded');
    expect(report.score).toBe(0);
    check(report);
    expect(existsSync(PWNED)).toBe(false);
    // The host is alive and the next honest submission is graded correctly.
    const honest = await grader.grade({ exercise, code: exercise.reference });
    expect(honest.tests.filter((t) => !t.passed)).toEqual([]);
  });
});

describe('the attack list', () => {
  it('covers at least 30 attacks, each with its own file', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir('tests/hostile/attacks')).map((f) => f.replace(/\.js$/, '')).sort();
    expect(files).toEqual(attacks.map(([name]) => name).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });
});

describe('cancellation', () => {
  it('an aborted job ends at once with a clear message, and the grader keeps working', async () => {
    const controller = new AbortController();
    const code = await readFile('tests/hostile/attacks/infinite-loop.js', 'utf8');
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const report = await grader.grade({ exercise, code, signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(600);
    expect(report.tests[0].message).toBe('grading was cancelled');
    expect((await grader.grade({ exercise, code: exercise.reference })).score).toBe(1);
  });
});
