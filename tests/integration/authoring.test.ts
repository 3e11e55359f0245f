import { existsSync } from 'node:fs';
import { mkdtemp, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { exercises, exerciseVersions, submissions } from '@/db/schema';
import { insertCourse } from '@/db/queries/courses';
import { insertUser } from '@/db/queries/users';
import { insertAuthoringDraft, updateAuthoringDraftFiles, selectContentOverview } from '@/db/queries/authoring';
import { AuthoringRejected } from '@/db/services/authoring/errors';
import { publishExerciseDraft } from '@/db/services/authoring/publish-exercise';
import { copyExerciseIntoCourse } from '@/db/services/authoring/copy-exercise';
import { importExerciseZip } from '@/db/services/authoring/import-exercise';
import { syncContent } from '@/db/sync-content';
import { validateExerciseFiles } from '@/graders/authoring/validate-exercise';
import { zipExercise } from '@/graders/authoring/zip';

let drop: () => Promise<void>;
let instructorId: string;
let courseId: string;
beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  const instructor = await insertUser({ email: 'prof@uni.test', name: 'Prof', password: 'correct horse battery', isAdmin: true });
  instructorId = instructor.id;
  courseId = (await insertCourse({ actorId: instructorId, title: 'Authoring', code: 'AUTH' })).id;
});
afterAll(async () => drop());

const softplus = (id = 'softplus', overrides: Record<string, string> = {}) => ({
  'exercise.json': JSON.stringify({ id, title: 'Implement softplus', topic: 'Activations', difficulty: 'intro', points: 2, entry: ['softplus'] }),
  'statement.md': '# Softplus\n\nReturn $\\log(1 + e^x)$ element-wise.\n',
  'stub.js': 'function softplus(x) {\n  return tf.zerosLike(x);\n}\n',
  'reference.js': 'function softplus(x) {\n  return tf.softplus(x);\n}\n',
  'tests.js': `defineTests([
  { id: 'small', name: 'a small vector', visible: true, points: 1, seed: 1, inputs: ({ tf }) => [tf.tensor1d([-2, 0, 3])] },
  { id: 'random', name: 'a random batch', visible: false, points: 1, seed: 5, inputs: ({ rng }) => [rng.normal([4, 3])] },
]);
`,
  ...overrides,
});

describe('validation in a sandbox process', () => {
  it('fails a reference that calls a host API that does not exist, with the file and the line', async () => {
    const result = await validateExerciseFiles(softplus('softplus', { 'reference.js': 'const fs = require("fs");\nfunction softplus(x) { return tf.softplus(x); }\n' }), 'softplus');
    expect(result.problems).toEqual([{ file: 'reference.js', field: '', message: 'ReferenceError: require is not defined (reference.js line 1)' }]);
  });

  it('fails a reference that loops forever with a clear message, and the host keeps validating', async () => {
    const started = performance.now();
    const looping = await validateExerciseFiles(softplus('softplus', { 'reference.js': 'function softplus(x) {\n  while (true) {}\n}\n' }), 'softplus');
    expect(looping.problems).toHaveLength(1);
    expect(looping.problems[0]).toMatchObject({ file: 'reference.js' });
    expect(looping.problems[0].message).toMatch(/stopped \(.*time/i);
    console.log(`looping reference rejected in ${Math.round(performance.now() - started)} ms`);
    // This process ran none of it: the next validation works as if nothing happened.
    const ok = await validateExerciseFiles(softplus(), 'softplus');
    expect(ok.problems).toEqual([]);
    expect(ok.reference?.score).toBe(1);
    expect(ok.stub?.score).toBeLessThan(1);
  }, 120_000);

  it('refuses a visualize.js sent from the browser instead of running it outside the sandbox', async () => {
    const marker = `/tmp/tensorgrade-visualize-escape-${process.pid}`;
    const hostile = `function visualize() { process.getBuiltinModule('fs').writeFileSync('${marker}', 'ran'); return []; }`;
    const result = await validateExerciseFiles({ ...softplus(), 'visualize.js': hostile }, 'softplus');
    expect(result.problems).toEqual([{ file: 'visualize.js', field: '', message: expect.stringMatching(/only be added to exercises under exercises\//) }]);
    expect(existsSync(marker)).toBe(false);
  });

  it('reports schema problems by file and field before running anything', async () => {
    const result = await validateExerciseFiles(
      softplus('softplus', { 'exercise.json': JSON.stringify({ id: 'softplus', title: 'x', topic: 'y', difficulty: 'hard', points: 2, entry: ['softplus'] }) }),
      'softplus',
    );
    expect(result.problems).toEqual([{ file: 'exercise.json', field: 'difficulty', message: expect.stringMatching(/intro/) }]);
    expect(result.reference).toBeNull();
  });
});

describe('publishing', () => {
  it('creates immutable versions; submissions keep theirs; a library id is never taken', async () => {
    const draftId = await insertAuthoringDraft({ actorId: instructorId, courseId, kind: 'exercise', targetId: null, files: softplus() });
    const first = await publishExerciseDraft({ actorId: instructorId, courseId, draftId });
    expect(first).toMatchObject({ exerciseId: 'softplus', created: true, submissionCount: 0 });
    const [row] = await db().select().from(exercises).where(eq(exercises.id, 'softplus'));
    expect(row).toMatchObject({ source: 'browser', courseId, currentVersionId: first.versionId });

    await db().insert(submissions).values({ userId: instructorId, exerciseId: 'softplus', exerciseVersionId: first.versionId, code: 'x', attempt: 1 });
    await updateAuthoringDraftFiles({ actorId: instructorId, courseId, draftId, files: softplus('softplus', { 'statement.md': '# Softplus\n\nNow with a clearer statement.\n' }) });
    const second = await publishExerciseDraft({ actorId: instructorId, courseId, draftId });
    expect(second).toMatchObject({ created: true, submissionCount: 1 });
    expect(second.versionId).not.toBe(first.versionId);
    const versions = await db().select({ id: exerciseVersions.id }).from(exerciseVersions).where(eq(exerciseVersions.exerciseId, 'softplus'));
    expect(versions).toHaveLength(2);
    const [pinned] = await db().select({ v: submissions.exerciseVersionId }).from(submissions).where(eq(submissions.exerciseId, 'softplus'));
    expect(pinned.v).toBe(first.versionId);

    // Publishing a broken draft stores nothing and says where the problem is.
    await updateAuthoringDraftFiles({ actorId: instructorId, courseId, draftId, files: softplus('softplus', { 'stub.js': 'function softplus(x) { return tf.softplus(x); }\n' }) });
    const refused = await publishExerciseDraft({ actorId: instructorId, courseId, draftId }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AuthoringRejected);
    expect((refused as AuthoringRejected).problems[0]).toMatchObject({ file: 'stub.js' });
    const [after] = await db().select({ current: exercises.currentVersionId }).from(exercises).where(eq(exercises.id, 'softplus'));
    expect(after.current).toBe(second.versionId);
  }, 60_000);

  it('copies a library exercise under a new id and refuses to publish over a library id', async () => {
    await syncContent();
    const { draftId } = await copyExerciseIntoCourse({ actorId: instructorId, courseId, exerciseId: 'triplet-loss', newId: 'triplet-loss-mine' });
    const overview = await selectContentOverview(instructorId, courseId);
    expect(overview.exercises.find((e) => e.id === 'triplet-loss-mine')).toMatchObject({ source: 'browser', courseId });
    expect(overview.drafts.find((d) => d.id === draftId)?.targetId).toBe('triplet-loss-mine');
    const hijack = await insertAuthoringDraft({ actorId: instructorId, courseId, kind: 'exercise', targetId: null, files: softplus('triplet-loss') });
    const refused = await publishExerciseDraft({ actorId: instructorId, courseId, draftId: hijack }).catch((e: unknown) => e);
    expect((refused as AuthoringRejected).problems).toEqual([expect.objectContaining({ file: 'exercise.json', field: 'id' })]);
  }, 60_000);
});

describe('zip import and exercises/ sync', () => {
  it('imports a valid zip, and refuses a broken one by file and field without saving anything', async () => {
    const broken = zipSync({ 'gelu/exercise.json': strToU8('{ "id": "gelu", "title": "GELU", }'), 'gelu/stub.js': strToU8('x') });
    const refused = await importExerciseZip({ actorId: instructorId, courseId, zip: broken }).catch((e: unknown) => e);
    expect((refused as AuthoringRejected).problems.map((p) => p.file)).toEqual(['statement.md', 'reference.js', 'tests.js']);
    const wrongJson = zipExercise('gelu', { ...softplus('gelu'), 'exercise.json': '{ "id": "gelu", }' });
    const refusedJson = await importExerciseZip({ actorId: instructorId, courseId, zip: wrongJson }).catch((e: unknown) => e);
    expect((refusedJson as AuthoringRejected).problems[0]).toMatchObject({ file: 'exercise.json', field: 'id' });
    expect(await db().select().from(exercises).where(eq(exercises.id, 'gelu'))).toHaveLength(0);

    const imported = await importExerciseZip({ actorId: instructorId, courseId, zip: zipExercise('softplus-2', softplus('softplus-2')) });
    expect(imported).toMatchObject({ exerciseId: 'softplus-2', created: true });
  }, 60_000);

  it('sync reports a broken folder with file and field, skips it and syncs the rest', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'tg-sync-'));
    await cp('exercises/triplet-loss', path.join(root, 'triplet-loss'), { recursive: true });
    await mkdir(path.join(root, 'broken'));
    for (const [name, text] of Object.entries(softplus('broken', { 'exercise.json': JSON.stringify({ id: 'broken', title: 'B', topic: 't', difficulty: 'intro', points: -1, entry: ['f'] }) }))) {
      await writeFile(path.join(root, 'broken', name), text);
    }
    // A folder whose id a course already authored in the browser is reported, never taken over.
    await mkdir(path.join(root, 'softplus'));
    for (const [name, text] of Object.entries(softplus())) await writeFile(path.join(root, 'softplus', name), text);
    const result = await syncContent(root);
    expect(result.synced.map((s) => s.slug)).toEqual(['triplet-loss']);
    expect(result.errors).toEqual([expect.stringMatching(/^broken\/exercise\.json: points: /), expect.stringMatching(/^softplus\/exercise\.json: id: .*authored in a course/)]);
  });
});
