import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertExercise, insertMember, reportOf } from './gradebook-fixtures';
import { db } from '@/db/client';
import { ltiScoreSyncs, submissions } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { insertPlatform, linkContextToCourse } from '@/db/queries/lti';
import { publishedJwks } from '@/db/lti/keys';
import { startLtiScoreSync } from '@/db/lti/score-sync';
import { stopQueue } from '@/db/grading/queue';
import { recordGradeResult } from '@/db/services/record-grade';
import { overrideScore } from '@/db/services/override-score';
import { grantExtension, revokeExtension } from '@/db/services/assignments/extensions';
import { ROLE, startFakePlatform, type FakePlatform } from '../lti-platform/platform';
import { launchAs } from '../lti-platform/launch-flow';

let drop: () => Promise<void>;
let platform: FakePlatform;
let sync: { stop(): Promise<void> };
let courseId: string;
let grader: string;
let studentId: string;
let versionId: string;
let linkedItem: string;
let unlinkedItem: string;
let assignmentId: string;
let teacher: string;

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A submission graded the way the worker records it (recordGradeResult), at `score` of the item. */
async function gradeSubmission(itemId: string, attempt: number, score: number) {
  const [row] = await db()
    .insert(submissions)
    .values({ userId: studentId, itemId, exerciseId: 'ex-a', exerciseVersionId: versionId, code: '// code', status: 'queued', attempt })
    .returning({ id: submissions.id });
  await recordGradeResult({ submissionId: row.id, run: 0, report: reportOf('graded', score, []) });
  return row.id;
}

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  platform = await startFakePlatform({ clientId: 'tg-client', deploymentId: 'dep-1', toolJwks: publishedJwks });
  const platformId = await insertPlatform(platform.registration);
  teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  grader = await insertMember(courseId, 'Gus', 'grader');
  versionId = await insertExercise('ex-a');
  ({
    id: assignmentId,
    itemIds: [linkedItem, unlinkedItem],
  } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'exercise', targetId: 'ex-a', points: 5 },
    ],
  }));
  await linkContextToCourse(teacher, courseId, platformId, 'ctx-1');
  platform.addUser({ sub: 'lms-student-1', name: 'Ada Student', email: 'ada@uni.test', roles: [ROLE.learner] });
  platform.addLink('exercise', { resourceLinkId: 'rl-ex', contextId: 'ctx-1', itemId: linkedItem, lineItem: 'li-ex' });
  studentId = (await launchAs(platform, 'lms-student-1', 'exercise')).userId;
  sync = await startLtiScoreSync();
});

afterAll(async () => {
  await sync?.stop();
  await stopQueue();
  await platform?.close();
  await drop?.();
});

describe('grade passback (AGS)', () => {
  it('posts the score of a grading to the line item, once', async () => {
    const first = await gradeSubmission(linkedItem, 1, 0.8);
    await until(() => platform.scores.length >= 1);
    expect(platform.scores[0]).toMatchObject({ lineItem: 'li-ex', body: { userId: 'lms-student-1', scoreGiven: 8, scoreMaximum: 10, activityProgress: 'Completed', gradingProgress: 'FullyGraded' } });
    // The tool got its token with the score scope, by a signed client assertion the platform verified.
    expect(platform.tokenRequests.at(-1)?.scope).toBe('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    // Recording the same result again (a retried grading job) changes nothing and sends nothing.
    await recordGradeResult({ submissionId: first, run: 0, report: reportOf('graded', 0.8, []) });
    await pause(2500);
    expect(platform.scores).toHaveLength(1);
    const [row] = await db().select().from(ltiScoreSyncs).where(eq(ltiScoreSyncs.userId, studentId));
    expect(row).toMatchObject({ status: 'sent', sentScore: 8 });
  });

  it('sends a better attempt, and nothing for a worse one (the final score is the best attempt)', async () => {
    await gradeSubmission(linkedItem, 2, 0.5);
    await pause(2500);
    expect(platform.scores).toHaveLength(1);
    await gradeSubmission(linkedItem, 3, 1);
    await until(() => platform.scores.length >= 2);
    expect(platform.scores[1].body.scoreGiven).toBe(10);
  });

  it('sends an override, which wins over the attempts', async () => {
    const [anySubmission] = await db().select({ id: submissions.id }).from(submissions).where(eq(submissions.itemId, linkedItem)).limit(1);
    await overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: anySubmission.id }, newScore: 6, reason: 'Copied helper', confirmLower: true });
    await until(() => platform.scores.length >= 3);
    expect(platform.scores[2].body).toMatchObject({ userId: 'lms-student-1', scoreGiven: 6, scoreMaximum: 10 });
    await pause(2000);
    expect(platform.scores).toHaveLength(3);
  });

  it('retries with back-off when the platform fails, and then delivers the latest score once', async () => {
    platform.failNextScores.count = 1;
    const [anySubmission] = await db().select({ id: submissions.id }).from(submissions).where(eq(submissions.itemId, linkedItem)).limit(1);
    await overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: anySubmission.id }, newScore: 7, reason: 'Appeal', confirmLower: true });
    await until(async () => (await db().select().from(ltiScoreSyncs).where(eq(ltiScoreSyncs.userId, studentId)))[0]?.attempts === 1);
    expect(platform.scores).toHaveLength(3);
    await until(() => platform.scores.length >= 4, 40_000);
    expect(platform.scores[3].body.scoreGiven).toBe(7);
    const [row] = await db().select().from(ltiScoreSyncs).where(eq(ltiScoreSyncs.userId, studentId));
    expect(row).toMatchObject({ status: 'sent', sentScore: 7 });
  }, 60_000);

  it('checks the LMS score again when an extension is granted or revoked (it can lift or restore a late penalty)', async () => {
    const syncRow = async () => (await db().select().from(ltiScoreSyncs).where(eq(ltiScoreSyncs.userId, studentId)))[0]!;
    const before = await syncRow();
    const sent = platform.scores.length;
    await grantExtension({ actorId: teacher, courseId, assignmentId, userId: studentId, dueAt: new Date(Date.now() + 7 * 86_400_000) });
    expect((await syncRow()).version).toBe(before.version + 1);
    await revokeExtension({ actorId: teacher, courseId, assignmentId, userId: studentId });
    expect((await syncRow()).version).toBe(before.version + 2);
    // The override still decides the final score, so the re-check delivers it as it was and posts nothing new.
    await until(async () => (await syncRow()).sentVersion === before.version + 2);
    expect(platform.scores).toHaveLength(sent);
  });

  it('leaves items no LMS links to alone', async () => {
    const before = platform.scores.length;
    await gradeSubmission(unlinkedItem, 1, 1);
    await pause(2000);
    expect(platform.scores).toHaveLength(before);
    expect(await db().select().from(ltiScoreSyncs)).toHaveLength(1);
  });
});
