import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, describeJsonError, formatPath } from './errors';
import { ExerciseMetaSchema, type ExerciseMeta } from './exercise-schema';
import { visualizeSourceProblem } from '../visualize/check';

export { ContentError } from './errors';

export interface LoadedExercise {
  slug: string;
  meta: ExerciseMeta;
  statement: string;
  stub: string;
  reference: string;
  /** Source of tests.js; only ever evaluated inside a sandbox isolate. */
  tests: string;
  /** Source of the optional visualize.js: trusted, not secret (the page runs it in the Run worker). */
  visualize: string | null;
  /** sha256 over every content file, line endings normalised, so it is the same on every machine. */
  versionHash: string;
}

export const CONTENT_FILES = ['exercise.json', 'statement.md', 'stub.js', 'reference.js', 'tests.js'] as const;
export type ContentFileName = (typeof CONTENT_FILES)[number];
/** Files an exercise may have; a folder without them hashes exactly as before they existed. */
export const OPTIONAL_CONTENT_FILES = ['visualize.js'] as const;

export async function loadExercise(dir: string): Promise<LoadedExercise> {
  const files: Record<string, string> = {};
  for (const name of CONTENT_FILES) {
    try {
      // Content is read at run time from wherever it lives; turbopackIgnore keeps the build's file
      // tracer from following the computed path (it would trace the whole project).
      const file = path.join(/* turbopackIgnore: true */ dir, name);
      files[name] = await readFile(/* turbopackIgnore: true */ file, 'utf8');
    } catch {
      throw new ContentError(name, '', 'file is missing or unreadable');
    }
  }
  for (const name of OPTIONAL_CONTENT_FILES) {
    const text = await readFile(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ dir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) files[name] = text;
  }
  return parseExerciseFiles(files, path.basename(path.resolve(dir)), { trusted: true });
}

/**
 * The one check of an exercise's files, wherever they come from: a folder under exercises/, a
 * zip upload or the browser editor. `folder` is the name the id must match. Only `trusted` content
 * (a folder under exercises/) may carry visualize.js: validation runs it outside the sandbox, so an
 * upload or a draft that has one is refused rather than run on the server.
 */
export function parseExerciseFiles(raw: Readonly<Record<string, string | undefined>>, folder: string, options: { trusted?: boolean } = {}): LoadedExercise {
  const files = new Map<string, string>();
  for (const name of CONTENT_FILES) {
    const text = raw[name];
    if (typeof text !== 'string') throw new ContentError(name, '', 'file is missing or unreadable');
    files.set(name, text.replace(/\r\n?/g, '\n'));
  }
  const meta = parseMeta(files.get('exercise.json')!);
  if (meta.id !== folder) throw new ContentError('exercise.json', 'id', `"${meta.id}" does not match the folder name "${folder}"`);
  for (const name of ['statement.md', 'stub.js', 'reference.js', 'tests.js']) {
    if (!files.get(name)!.trim()) throw new ContentError(name, '', 'file is empty');
  }
  const visualize = raw['visualize.js'] === undefined ? null : raw['visualize.js'].replace(/\r\n?/g, '\n');
  if (visualize !== null && !options.trusted) throw new ContentError('visualize.js', '', 'pictures can only be added to exercises under exercises/ for now (visualize.js is trusted code)');
  if (visualize !== null) {
    const problem = visualizeSourceProblem(visualize);
    if (problem) throw new ContentError('visualize.js', '', problem);
    files.set('visualize.js', visualize);
  }
  return {
    slug: folder,
    meta,
    statement: files.get('statement.md')!,
    stub: files.get('stub.js')!,
    reference: files.get('reference.js')!,
    tests: files.get('tests.js')!,
    visualize,
    versionHash: hashContent(files),
  };
}

/**
 * A stored exercise version (a database row) as the grader takes it. The metadata is parsed
 * again, not cast: a row written by an older version gets the schema's defaults for newer fields.
 */
export function exerciseFromVersion(row: {
  exerciseId: string;
  meta: unknown;
  statement: string;
  stub: string;
  reference: string;
  tests: string;
  visualize?: string | null;
  versionHash: string;
}): LoadedExercise {
  const meta = ExerciseMetaSchema.safeParse(row.meta);
  if (!meta.success) throw new ContentError('exercise.json', formatPath(meta.error.issues[0].path) || '(root)', `stored version: ${meta.error.issues[0].message}`);
  const { exerciseId, statement, stub, reference, tests, versionHash } = row;
  return { slug: exerciseId, meta: meta.data, statement, stub, reference, tests, visualize: row.visualize ?? null, versionHash };
}

export async function loadAllExercises(root = 'exercises'): Promise<{ exercises: LoadedExercise[]; errors: ContentError[] }> {
  const entries = await readdir(/* turbopackIgnore: true */ root, { withFileTypes: true });
  const exercises: LoadedExercise[] = [];
  const errors: ContentError[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // quizzes/ lives next to the exercises but is not one.
    if (!entry.isDirectory() || entry.name === 'quizzes' || entry.name.startsWith('.')) continue;
    try {
      exercises.push(await loadExercise(path.join(/* turbopackIgnore: true */ root, entry.name)));
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      errors.push(new ContentError(`${entry.name}/${err.file}`, err.field, err.detail));
    }
  }
  const seen = new Map<string, string>();
  for (const ex of exercises) {
    const other = seen.get(ex.meta.id);
    if (other) errors.push(new ContentError(`${ex.slug}/exercise.json`, 'id', `duplicate of ${other}`));
    seen.set(ex.meta.id, ex.slug);
  }
  return { exercises, errors };
}

function parseMeta(text: string): ExerciseMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ContentError('exercise.json', '', describeJsonError(text, err as Error));
  }
  const parsed = ExerciseMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentError('exercise.json', formatPath(issue.path) || '(root)', issue.message);
  }
  const stray = parsed.data.scalarLosses.find((name) => !parsed.data.entry.includes(name));
  if (stray) throw new ContentError('exercise.json', 'scalarLosses', `"${stray}" is not one of entry`);
  return parsed.data;
}

function hashContent(files: Map<string, string>): string {
  const hash = createHash('sha256');
  for (const name of CONTENT_FILES) hash.update(`${name}\0${files.get(name)}\0`);
  for (const name of OPTIONAL_CONTENT_FILES) if (files.has(name)) hash.update(`${name}\0${files.get(name)}\0`);
  return hash.digest('hex');
}
