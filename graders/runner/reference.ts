import { z } from 'zod';
import { ContentError, formatPath } from '../content/errors';
import type { LoadedExercise } from '../content/load';
import type { SandboxEngine, Sandbox } from '../sandbox/engine';
import { callHarness, guard, IsolateKilled } from './calls';
import { DEFAULT_TOLERANCE, TestCaseSchema, type TestCase } from './case-schema';
import { checkOutput, type CaseCompare } from '../compare';
import { findNonFinite } from './tensors';
import { CaseRunSchema, WireSchema, type Wire } from './wire';

export interface ReferenceCase {
  spec: TestCase;
  /** Exactly the arguments the student's function will receive (decoded from the same wire). */
  args: Wire[];
  expected: { value: Wire; grads: Wire[] | null };
  /**
   * Outputs of the declared common mistakes on this case, where they differ from the expected one.
   * Hidden cases too: a student's output matching one names the mistake without saying anything
   * about the inputs. Only visible cases' values ever leave the server (visible-cases/build.ts).
   */
  mistakes: { id: string; message: string; value: Wire }[];
  /** The reference's own warm time on this case (fastest of a few runs, wire copy included). */
  referenceMs: number;
}

const TIMED_RUNS = 3;

const MistakeSchema = z.object({
  id: z.string().min(1),
  message: z.string().min(1).max(300),
  replace: z.array(z.string()).min(1, 'replace must hold at least one function'),
});

export interface ReferenceData {
  versionHash: string;
  cases: ReferenceCase[];
  /** Every mistake tests.js declares, in order (validate-exercises checks each can be named). */
  mistakes: { id: string; message: string }[];
}

/**
 * Content is trusted, but runs under limits too: a slow generator must not hang a worker, and an
 * instructor whose draft reference loops should hear so in seconds. A reference must pass its own
 * per-test limit when validated, so twice that limit (at least 5 s) leaves ample room.
 */
export function referenceTimeoutMs(exercise: LoadedExercise): number {
  return Math.max(5_000, 2 * exercise.meta.limits.timeMsPerTest);
}

/** Evaluates tests.js and reference.js in a trusted isolate (never in the host) and records inputs and expected outputs. */
export async function computeReference(engine: SandboxEngine, exercise: LoadedExercise): Promise<ReferenceData> {
  const sandbox = await engine.open(Math.max(256, exercise.meta.limits.memoryMb * 2));
  const timeoutMs = referenceTimeoutMs(exercise);
  const call = (method: string, args: unknown[]) => callHarness(sandbox, method, args, timeoutMs);
  try {
    await sandbox.context.eval('globalThis.defineTests = __tensorgrade.defineTests;');
    await runContentScript(sandbox, 'tests.js', exercise.tests, timeoutMs);
    await runContentScript(sandbox, 'reference.js', exercise.reference, timeoutMs);
    await bindEntries(sandbox, exercise.meta.entry, timeoutMs);
    const specs = parseCases(await call('listCases', []), exercise);
    const mistakes = parseMistakes(await call('listMistakes', []), exercise);
    const cases: ReferenceCase[] = [];
    for (const [index, spec] of specs.entries()) {
      const args = z.array(WireSchema).parse(await call('buildInputs', [index]));
      const run = CaseRunSchema.parse(await call('runCase', [caseCall(spec, exercise, args)]));
      if (!run.ok) {
        throw new ContentError('reference.js', `case ${spec.id}`, `${run.error.name}: ${run.error.message}${stackLine(run.error.stack)}`);
      }
      const bad = [run.value, ...(run.grads ?? [])].map((w) => findNonFinite(w)).find((f) => f !== null);
      if (bad) throw new ContentError('reference.js', `case ${spec.id}`, `expected output is not finite (${bad.what} ${bad.where})`);
      const referenceMs = await warmTime(() => call('runCase', [caseCall(spec, exercise, args)]));
      const variants = await runMistakes(call, mistakes, caseCall(spec, exercise, args), run.value, { ...DEFAULT_TOLERANCE, ...spec.compare });
      cases.push({ spec, args, expected: { value: run.value, grads: run.grads }, mistakes: variants, referenceMs });
    }
    return { versionHash: exercise.versionHash, cases, mistakes: mistakes.map(({ id, message }) => ({ id, message })) };
  } catch (err) {
    if (err instanceof IsolateKilled) throw new ContentError('reference.js', '', `the reference isolate stopped (${err.reason}) while computing expected outputs`);
    throw err;
  } finally {
    sandbox.dispose();
  }
}

/** The fastest of a few runs after the first (which computed the expected value and warmed up). */
async function warmTime(runOnce: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < TIMED_RUNS; i++) {
    const started = performance.now();
    await runOnce();
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best * 100) / 100;
}

/** The spec handed to __tensorgrade.runCase, identical for the reference and the student. */
export function caseCall(spec: TestCase, exercise: LoadedExercise, args: Wire[]) {
  return {
    entry: spec.entry ?? exercise.meta.entry[0],
    run: spec.run ?? null,
    entries: exercise.meta.entry,
    args,
    grad: spec.grad ? { wrt: spec.grad.wrt, output: spec.grad.output ?? null } : null,
  };
}

/** Binds the named top-level functions (declared with function, var, let or const) into the harness. */
export async function bindEntries(sandbox: Sandbox, entries: string[], timeoutMs: number): Promise<void> {
  const picks = entries.map((name) => `${name}: (() => { try { return ${name}; } catch { return undefined; } })()`);
  await guard(sandbox, timeoutMs, undefined, () => sandbox.context.eval(`__tensorgrade.bind({ ${picks.join(', ')} });`, { timeout: timeoutMs }));
}

async function runContentScript(sandbox: Sandbox, file: string, code: string, timeoutMs: number) {
  try {
    const script = await sandbox.isolate.compileScript(code, { filename: file });
    await guard(sandbox, timeoutMs, undefined, () => script.run(sandbox.context, { timeout: timeoutMs }));
  } catch (err) {
    if (err instanceof IsolateKilled) throw err;
    const e = err as Error;
    throw new ContentError(file, '', `${e.name}: ${e.message}${stackLine(e.stack ?? '', file)}`);
  }
}

function parseCases(raw: unknown, exercise: LoadedExercise): TestCase[] {
  const parsed = z.array(TestCaseSchema).min(1, 'defineTests([...]) was not called with any case').safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError('tests.js', formatPath(['cases', ...issue.path]), issue.message);
  }
  const ids = new Set<string>();
  for (const [i, c] of parsed.data.entries()) {
    if (ids.has(c.id)) throw new ContentError('tests.js', `cases[${i}].id`, `duplicate id "${c.id}"`);
    ids.add(c.id);
    if (c.entry && !exercise.meta.entry.includes(c.entry)) {
      throw new ContentError('tests.js', `cases[${i}].entry`, `"${c.entry}" is not one of exercise.json entry`);
    }
  }
  return parsed.data;
}

type HarnessCall = (method: string, args: unknown[]) => Promise<unknown>;

async function runMistakes(call: HarnessCall, mistakes: z.infer<typeof MistakeSchema>[], spec: ReturnType<typeof caseCall>, expected: Wire, compare: CaseCompare) {
  const out: ReferenceCase['mistakes'] = [];
  for (const [index, mistake] of mistakes.entries()) {
    await call('useMistake', [index]);
    const run = CaseRunSchema.parse(await call('runCase', [{ ...spec, grad: null }]));
    // A mistake that gives the right answer on this case (or meets its properties) cannot be told apart from a correct one.
    if (run.ok && checkOutput(expected, run.value, compare.properties ? compare : DEFAULT_TOLERANCE) !== null) out.push({ id: mistake.id, message: mistake.message, value: run.value });
  }
  await call('useMistake', [-1]);
  return out;
}

function parseMistakes(raw: unknown, exercise: LoadedExercise) {
  const parsed = z.array(MistakeSchema).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError('tests.js', formatPath(['mistakes', ...issue.path]), issue.message);
  }
  for (const [i, m] of parsed.data.entries()) {
    const unknown = m.replace.find((name) => !exercise.meta.entry.includes(name));
    if (unknown) throw new ContentError('tests.js', `mistakes[${i}].replace`, `"${unknown}" is not one of exercise.json entry`);
  }
  return parsed.data;
}

function stackLine(stack: string, file = 'reference.js'): string {
  const m = new RegExp(`${file.replace('.', '\\.')}:(\\d+):(\\d+)`).exec(stack);
  return m ? ` (${file} line ${m[1]})` : '';
}
