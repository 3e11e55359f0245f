import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { LoadedExercise } from '../content/load';
import { caseCall, type ReferenceCase } from '../runner/reference';
import { loadTfBundle } from '../sandbox/bundle';

const SCRIPTS = ['platform.js', 'harness.js', 'wire.js', 'runner.js'].map((name) => readFileSync(new URL(`../sandbox/isolate/${name}`, import.meta.url), 'utf8'));

interface Api {
  loadSubmission(code: string, entries: string[]): { ok: boolean };
  runCase(spec: unknown): { ok: boolean };
}

/**
 * The same harness and tfjs bundle in a plain vm context of this process: no isolate, no
 * copying, a JIT that stays warm. What the sandbox costs is measured against this.
 */
export async function createBareRunner(exercise: LoadedExercise, cases: ReferenceCase[], code: string): Promise<() => void> {
  const context = vm.createContext({});
  vm.runInContext(await loadTfBundle(), context);
  for (const script of SCRIPTS) vm.runInContext(script, context);
  const api = (context as { __tensorgradeInternal: { api: Api } }).__tensorgradeInternal.api;
  if (!api.loadSubmission(code, exercise.meta.entry).ok) throw new Error('bare: the submission did not load');
  const specs = cases.map((c) => caseCall(c.spec, exercise, c.args));
  return () => {
    for (const spec of specs) if (!api.runCase(spec).ok) throw new Error('bare: a case failed');
  };
}
