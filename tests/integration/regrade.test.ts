import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { exercises, exerciseVersions, gradeReports, submissions } from '@/db/schema';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode, updateEnrollmentRole } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { selectRegradeResults, selectRegradeRuns, summarizeRegrade } from '@/db/queries/regrades';
import { submitExercise } from '@/db/services/submit-exercise';
import { acceptRegrade, discardRegrade, startRegrade } from '@/db/services/regrade';
import { recordGradeResult, recordRegradeCrash } from '@/db/services/record-grade';
import { startGradingWorker, type GradingWorker } from '@/db/grading/worker';
import { GRADE_QUEUE, getQueue, stopQueue, type GradeJobData } from '@/db/grading/queue';
import type { GradeReport } from '@/graders/report';

let drop: () => Promise<void>;
let worker: GradingWorker;
let teacherId: string, graderId: string, aliceId: string, bobId: string, courseId: string;
let correctId: string, wrongId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true });
  const grader = await insertUser({ email: 'g@uni.test', name: 'Grader', password: 'a long grader pass' });
  const alice = await insertUser({ email: 'a@uni.test', name: 'Alice', password: 'a long student pass' });
  const bob = await insertUser({ email: 'b@uni.test', name: 'Bob', password: 'a long student pass' });
  [teacherId, graderId, aliceId, bobId] = [teacher.id, grader.id, alice.id, bob.id];
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  courseId = course.id;
  for (const user of [grader, alice, bob]) await insertEnrollmentByJoinCode(user.id, course.joinCode);
  await updateEnrollmentRole({ actorId: teacherId, courseId, userId: graderId, role: 'grader' });
  const {
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10 }],
  });
  worker = await startGradingWorker({ concurrency: 1 });
  correctId = (await submitExercise({ userId: aliceId, itemId, code: readFileSync('exercises/triplet-loss/reference.js', 'utf8') })).submissionId;
  // Right only for the batch sizes of the "every hinge inactive" test (12, then 4), so it earns that test alone: 1.5 of 10 points.
  const rightOnThatTestAlone = `function tripletLoss(a, p, n, margin) {
    if (a.shape[0] !== 12 && a.shape[0] !== 4) return tf.scalar(0);
    return tf.mean(tf.maximum(tf.add(tf.sub(tf.sum(tf.squaredDifference(a, p), -1), tf.sum(tf.squaredDifference(a, n), -1)), margin), 0));
  }`;
  wrongId = (await submitExercise({ userId: bobId, itemId, code: rightOnThatTestAlone })).submissionId;
  await waitUntil(async () => (await scoreOf(correctId)) !== null && (await scoreOf(wrongId)) !== null);
});

afterAll(async () => {
  await worker?.stop();
  await stopQueue();
  await drop();
});

async function waitUntil(done: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function scoreOf(submissionId: string) {
  const [row] = await db().select({ score: submissions.score, status: submissions.status }).from(submissions).where(eq(submissions.id, submissionId));
  return row.status === 'graded' ? row.score : null;
}

/** Publishes a new current version of triplet-loss whose "all-zero-loss" test is worth `points`. */
async function publishVersionWorth(points: number): Promise<string> {
  const [exercise] = await db().select().from(exercises).where(eq(exercises.id, 'triplet-loss'));
  const [current] = await db().select().from(exerciseVersions).where(eq(exerciseVersions.id, exercise.currentVersionId!));
  const tests = current.tests.replace(/points: [\d.]+,(\s+seed: 11,)/, `points: ${points},$1`);
  expect(tests).not.toBe(current.tests);
  const { exerciseId, meta, statement, stub, reference } = current;
  const [version] = await db()
    .insert(exerciseVersions)
    .values({ exerciseId, meta, statement, stub, reference, tests, contentHash: `${current.contentHash}-zero-loss-${points}` })
    .returning({ id: exerciseVersions.id });
  await db().update(exercises).set({ currentVersionId: version.id }).where(eq(exercises.id, 'triplet-loss'));
  return version.id;
}

async function waitForRun(runId: string) {
  const seen: number[] = [];
  let run;
  await waitUntil(async () => {
    run = (await selectRegradeRuns(teacherId, courseId)).find((r) => r.id === runId)!;
    seen.push(run.done);
    return run.status !== 'running';
  });
  return { run: run!, seen };
}

describe('regrade against a new version', () => {
  it('refuses students, regrades in the background, and changes nothing until accepted', async () => {
    expect(await scoreOf(correctId)).toBe(1);
    expect(await scoreOf(wrongId)).toBeCloseTo(0.15, 5);
    const v2 = await publishVersionWorth(4.5);

    await expect(startRegrade({ actorId: aliceId, courseId, exerciseId: 'triplet-loss' })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(selectRegradeRuns(aliceId, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    // Graders may start a regrade; only instructors decide it.
    const { runId, total } = await startRegrade({ actorId: graderId, courseId, exerciseId: 'triplet-loss' });
    expect(total).toBe(2);
    const { run, seen } = await waitForRun(runId);
    expect(run).toMatchObject({ status: 'ready', done: 2, total: 2 });
    expect(seen).toEqual([...seen].sort());

    // Not applied yet: the live score and the report a student sees are the old ones.
    expect(await scoreOf(wrongId)).toBeCloseTo(0.15, 5);
    const before = await selectOwnSubmission(bobId, wrongId);
    expect((before!.report as GradeReport).maxPoints).toBe(10);

    const summary = summarizeRegrade(await selectRegradeResults(teacherId, courseId, runId));
    expect(summary).toMatchObject({ regraded: 2, crashed: 0, changed: 1, up: 1, down: 0 });
    expect(summary.changes[0]).toMatchObject({ submissionId: wrongId, studentName: 'Bob' });
    expect(summary.changes[0].newScore).toBeCloseTo(4.5 / 13, 5);
    expect(summary.maxAbsChange).toBeCloseTo(4.5 / 13 - 0.15, 5);
    expect(summary.histogram.find((b) => b.label === '+10 to +50')!.count).toBe(1);

    await expect(acceptRegrade(aliceId, courseId, runId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(acceptRegrade(graderId, courseId, runId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    expect(await acceptRegrade(teacherId, courseId, runId)).toEqual({ applied: 2 });
    await expect(acceptRegrade(teacherId, courseId, runId)).rejects.toMatchObject({ name: 'Refusal', code: 'conflict' });

    expect(await scoreOf(correctId)).toBe(1);
    expect(await scoreOf(wrongId)).toBeCloseTo(4.5 / 13, 5);
    const [pinned] = await db().select({ versionId: submissions.exerciseVersionId }).from(submissions).where(eq(submissions.id, wrongId));
    expect(pinned.versionId).toBe(v2);
    expect((await selectOwnSubmission(bobId, wrongId))!.report).toMatchObject({ maxPoints: 13 });
    // What the run changed stays readable after it is applied.
    expect(summarizeRegrade(await selectRegradeResults(teacherId, courseId, runId)).changed).toBe(1);
  });

  it('writes nothing twice when a regrade job is delivered again', async () => {
    const [report] = await db().select().from(gradeReports).where(eq(gradeReports.submissionId, wrongId)).orderBy(gradeReports.run);
    const [, regraded] = await db().select().from(gradeReports).where(eq(gradeReports.submissionId, wrongId)).orderBy(gradeReports.run);
    expect(report.run).toBe(0);
    const again = { submissionId: wrongId, run: regraded.run, regradeRunId: regraded.regradeRunId! };
    expect(await recordGradeResult({ ...again, report: regraded.report as GradeReport })).toBe(false);
    const boss = await getQueue();
    const jobId = (await boss.send(GRADE_QUEUE, again))!;
    await waitUntil(async () => (await boss.getJobById(GRADE_QUEUE, jobId))?.state === 'completed');
    const reports = await db().select({ run: gradeReports.run }).from(gradeReports).where(eq(gradeReports.submissionId, wrongId));
    expect(reports.map((r) => r.run).sort()).toEqual([0, 1]);
    expect(await scoreOf(wrongId)).toBeCloseTo(4.5 / 13, 5);
  });

  it("discarding one student's regrade changes nothing", async () => {
    await publishVersionWorth(0.5);
    const { runId, total } = await startRegrade({ actorId: teacherId, courseId, exerciseId: 'triplet-loss', userId: bobId });
    expect(total).toBe(1);
    await expect(startRegrade({ actorId: teacherId, courseId, exerciseId: 'triplet-loss' })).rejects.toThrow(/still running/);
    await waitForRun(runId);
    const summary = summarizeRegrade(await selectRegradeResults(teacherId, courseId, runId));
    expect(summary).toMatchObject({ regraded: 1, changed: 1, down: 1 });
    expect(summary.changes[0].oldScore).toBeCloseTo(4.5 / 13, 5);

    await expect(discardRegrade(aliceId, courseId, runId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await discardRegrade(teacherId, courseId, runId);
    await expect(acceptRegrade(teacherId, courseId, runId)).rejects.toMatchObject({ name: 'Refusal', code: 'conflict' });
    expect((await selectRegradeRuns(teacherId, courseId)).find((r) => r.id === runId)!.status).toBe('discarded');
    expect(await scoreOf(wrongId)).toBeCloseTo(4.5 / 13, 5);
    expect((await selectOwnSubmission(bobId, wrongId))!.report).toMatchObject({ maxPoints: 13 });
  });

  it('a submission whose regrade crashed every time keeps its result when the run is accepted', async () => {
    await worker.stop();
    const { runId } = await startRegrade({ actorId: teacherId, courseId, exerciseId: 'triplet-loss', userId: bobId });
    // Take the job as a worker would, and record what the worker records once every retry crashed.
    const [job] = await (await getQueue()).fetch<GradeJobData>(GRADE_QUEUE);
    expect(job.data).toMatchObject({ submissionId: wrongId, regradeRunId: runId });
    expect(await recordRegradeCrash({ submissionId: wrongId, run: job.data.run, regradeRunId: runId })).toBe(true);
    const summary = summarizeRegrade(await selectRegradeResults(teacherId, courseId, runId));
    expect(summary).toMatchObject({ regraded: 0, crashed: 1, changed: 0 });
    expect(await acceptRegrade(teacherId, courseId, runId)).toEqual({ applied: 1 });
    expect(await scoreOf(wrongId)).toBeCloseTo(4.5 / 13, 5);
    expect((await selectOwnSubmission(bobId, wrongId))!.report).toMatchObject({ maxPoints: 13 });
  });
});
