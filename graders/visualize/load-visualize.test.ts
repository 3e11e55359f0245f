import { describe, expect, it } from 'vitest';
import { metaJson, writeTempExercise } from '../testing/temp-exercise';
import { ContentError, loadExercise, parseExerciseFiles } from '../content/load';
import { visualizeProblems } from './validate';

const files = (overrides: Record<string, string> = {}) => ({
  'exercise.json': metaJson('demo', ['f']),
  'statement.md': '# Demo\n',
  'stub.js': 'function f(x) {}\n',
  'reference.js': 'function f(x) { return x; }\n',
  'tests.js': 'defineTests([]);\n',
  ...overrides,
});

describe('visualize.js in the exercise loader', () => {
  it('is optional: a folder without it loads with visualize null', async () => {
    const ex = await loadExercise(await writeTempExercise('demo', files()));
    expect(ex.visualize).toBeNull();
  });

  it('is loaded and is part of the version hash', async () => {
    const without = await loadExercise(await writeTempExercise('demo', files()));
    const source = 'function visualize({ tf, fns }) {\n  return [];\n}\n';
    const withIt = await loadExercise(await writeTempExercise('demo', files({ 'visualize.js': source })));
    const edited = await loadExercise(await writeTempExercise('demo', files({ 'visualize.js': source.replace('[]', '[ ]') })));
    expect(withIt.visualize).toBe(source);
    expect(new Set([without.versionHash, withIt.versionHash, edited.versionHash]).size).toBe(3);
  });

  it('rejects a syntax error with its line', async () => {
    const err = await loadExercise(await writeTempExercise('demo', files({ 'visualize.js': 'function visualize() {\n  return [;\n}\n' }))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).message).toMatch(/^visualize\.js: syntax error at line 2, column 11: /);
  });

  it('rejects a file that declares no visualize function', async () => {
    const err = await loadExercise(await writeTempExercise('demo', files({ 'visualize.js': 'const draw = () => [];\n' }))).catch((e: unknown) => e);
    expect((err as ContentError).message).toBe('visualize.js: must declare a top-level function visualize({ tf, fns, rng }) that returns the pictures');
  });
});

describe('visualizeProblems (validate-exercises)', () => {
  const exercise = (visualize: string) => parseExerciseFiles({ ...files(), 'visualize.js': visualize }, 'demo', { trusted: true });
  it('refuses visualize.js in an upload or a draft: validation would run it outside the sandbox', () => {
    expect(() => parseExerciseFiles({ ...files(), 'visualize.js': 'function visualize() { return []; }' }, 'demo')).toThrow(/visualize\.js.*only be added to exercises under exercises\//);
  });
  it('accepts pictures the page can draw', async () => {
    const ok = `function visualize({ fns }) { return [{ kind: 'points', title: 'P', description: 'identity', frames: [{ label: 'f', series: [{ name: 's', x: [fns.f(1)], y: [2] }] }] }]; }`;
    expect(await visualizeProblems(exercise(ok))).toEqual([]);
  });
  it('names what is wrong with what visualize returns, or what it throws', async () => {
    expect(await visualizeProblems(exercise(`function visualize() { return [{ kind: 'pie' }]; }`))).toEqual([expect.stringMatching(/^visualize\.js: visualize returned a bad value at 0\.kind: /)]);
    expect(await visualizeProblems(exercise(`function visualize({ fns }) { return fns.g(); }`))).toEqual(['visualize.js: throws with the reference: fns.g is not a function']);
  });
});
