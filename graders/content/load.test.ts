import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaJson, writeTempExercise } from '../testing/temp-exercise';
import { ContentError, loadAllExercises, loadExercise } from './load';

const files = (overrides: Record<string, string> = {}) => ({
  'exercise.json': metaJson('demo', ['f']),
  'statement.md': '# Demo\n',
  'stub.js': 'function f(x) {}\n',
  'reference.js': 'function f(x) { return x; }\n',
  'tests.js': 'defineTests([]);\n',
  ...overrides,
});

async function loadError(overrides: Record<string, string>, slug = 'demo'): Promise<ContentError> {
  const dir = await writeTempExercise(slug, files(overrides));
  const err = await loadExercise(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ContentError);
  return err as ContentError;
}

describe('loadExercise', () => {
  it('loads the triplet-loss exercise with defaults filled in', async () => {
    const ex = await loadExercise('exercises/triplet-loss');
    expect(ex.meta).toMatchObject({ id: 'triplet-loss', entry: ['tripletLoss'], limits: { memoryMb: 128 } });
    expect(ex.versionHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('fills in default limits', async () => {
    const ex = await loadExercise(await writeTempExercise('demo', files()));
    expect(ex.meta.limits).toEqual({ timeMsPerTest: 2000, timeMsPerJob: 10000, memoryMb: 128 });
    expect(ex.meta.hints).toEqual([]);
  });

  it('reports the file and field at fault', async () => {
    const err = await loadError({ 'exercise.json': metaJson('demo', ['f'], { limits: { memoryMb: 'lots' } }) });
    expect(err.file).toBe('exercise.json');
    expect(err.field).toBe('limits.memoryMb');
    expect(err.message).toMatch(/^exercise\.json: limits\.memoryMb: /);
  });

  it('reports the entry that is not an identifier', async () => {
    const err = await loadError({ 'exercise.json': metaJson('demo', ['f', 'not valid']) });
    expect(err.message).toBe('exercise.json: entry[1]: must be a JavaScript identifier');
  });

  it('reports JSON syntax errors with line and column', async () => {
    const err = await loadError({ 'exercise.json': '{\n  "id": "demo",\n  "title": "x"\n  "topic": "y"\n}' });
    expect(err.message).toMatch(/^exercise\.json: invalid JSON at line 4, column 3/);
  });

  it('rejects an id that does not match the folder and a missing file', async () => {
    expect((await loadError({}, 'other')).message).toBe('exercise.json: id: "demo" does not match the folder name "other"');
    const dir = await writeTempExercise('demo', files());
    await rm(path.join(dir, 'stub.js'));
    await expect(loadExercise(dir)).rejects.toThrow('stub.js: file is missing or unreadable');
  });

  it('hashes content independently of line endings, and changes with content', async () => {
    const dir = await writeTempExercise('demo', files());
    const before = (await loadExercise(dir)).versionHash;
    const ref = path.join(dir, 'reference.js');
    await writeFile(ref, (await readFile(ref, 'utf8')).replace(/\n/g, '\r\n'));
    expect((await loadExercise(dir)).versionHash).toBe(before);
    await writeFile(ref, 'function f(x) { return x.add(1); }\n');
    expect((await loadExercise(dir)).versionHash).not.toBe(before);
  });
});

describe('loadAllExercises', () => {
  it('reports a broken folder and keeps the others', async () => {
    const good = await writeTempExercise('demo', files());
    const root = path.dirname(good);
    await writeTempExercise('x', {}).then(async (tmp) => {
      const { rename } = await import('node:fs/promises');
      await rename(tmp, path.join(root, 'broken'));
    });
    const { exercises, errors } = await loadAllExercises(root);
    expect(exercises.map((e) => e.slug)).toEqual(['demo']);
    expect(errors.map((e) => e.message)).toEqual(['broken/exercise.json: file is missing or unreadable']);
  });
});
