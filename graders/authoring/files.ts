import { ContentError, type ContentFileName } from '../content/load';

/** An exercise folder held in memory: file name → text. The same shape for drafts, zips and exercises/. */
export type ExerciseFiles = Record<ContentFileName, string>;

export type StoredExercise = { meta: unknown; statement: string; stub: string; reference: string; tests: string };

/** A stored version back into its folder; exercise.json is the validated metadata, defaults included. */
export function exerciseFilesOf(version: StoredExercise): ExerciseFiles {
  return {
    'exercise.json': `${JSON.stringify(version.meta, null, 2)}\n`,
    'statement.md': version.statement,
    'stub.js': version.stub,
    'reference.js': version.reference,
    'tests.js': version.tests,
  };
}

/** The id in exercise.json, read loosely: drafts may hold JSON the schema does not accept yet. */
export function exerciseIdOf(files: Partial<Record<string, string>>): string | null {
  try {
    const id = (JSON.parse(files['exercise.json'] ?? '') as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** The same folder under another id (a copy of a library exercise must not take the original's). */
export function withExerciseId(files: ExerciseFiles, id: string, title?: string): ExerciseFiles {
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(files['exercise.json']) as Record<string, unknown>;
  } catch {
    throw new ContentError('exercise.json', '', 'is not valid JSON');
  }
  return { ...files, 'exercise.json': `${JSON.stringify({ ...meta, id, ...(title ? { title } : {}) }, null, 2)}\n` };
}

/** A small working skeleton for a new exercise: it validates once the author writes the reference. */
export function newExerciseFiles(id: string, title: string): ExerciseFiles {
  const meta = { id, title, topic: 'Deep learning', difficulty: 'intro', points: 2, entry: ['solve'], hints: [] };
  return {
    'exercise.json': `${JSON.stringify(meta, null, 2)}\n`,
    'statement.md': `# ${title}\n\nImplement \`solve(x)\`, returning $x^2$ element-wise.\n`,
    'stub.js': '/** @param {tf.Tensor} x */\nfunction solve(x) {\n  // TODO\n  return tf.zerosLike(x);\n}\n',
    'reference.js': 'function solve(x) {\n  return tf.square(x);\n}\n',
    'tests.js': [
      'defineTests([',
      "  { id: 'small', name: 'a small vector', visible: true, points: 1, seed: 1, inputs: ({ tf }) => [tf.tensor1d([-1, 0, 2])] },",
      "  { id: 'random', name: 'a random batch', visible: false, points: 1, seed: 7, inputs: ({ rng }) => [rng.normal([4, 3])] },",
      ']);',
      '',
    ].join('\n'),
  };
}
