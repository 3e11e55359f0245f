import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember } from './gradebook-fixtures';
import { db } from '@/db/client';
import { insertUser } from '@/db/queries/users';
import { insertCourse, regenerateJoinCode, selectJoinCode, updateEnrollmentRole } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectOwnSubmission } from '@/db/queries/submissions';
import { selectSubmissionForStaff, selectSubmissionsPage } from '@/db/queries/staff-submissions';
import { selectAuditTrail, selectItemOverrides } from '@/db/queries/audit';
import { selectOwnFinalScores } from '@/db/queries/student-feedback';
import { overrideScore } from '@/db/services/override-score';

let drop: () => Promise<void>;
let courseId: string;
let instructor: string;
let grader: string;
let student: string;
let classmate: string;
let itemId: string;
let own: string;
let theirs: string;
const HIDDEN = [{ id: 'hidden-batch', name: 'large batch', passed: false, message: 'shape [64] but expected []' }];

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  instructor = (await insertUser({ email: 'i@uni.test', name: 'Ina', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: instructor, title: 'DGM', code: 'DGM' })).id;
  grader = await insertMember(courseId, 'Gus Grader', 'grader');
  student = await insertMember(courseId, 'Sam Student');
  classmate = await insertMember(courseId, 'Cleo Classmate');
  const versionId = await insertExercise('perm-ex');
  ({
    itemIds: [itemId],
  } = await insertAssignmentWithItems({ courseId, title: 'Week 1', published: true, items: [{ kind: 'exercise', targetId: 'perm-ex', points: 10 }] }));
  const at = new Date();
  own = await insertGradedSubmission({ userId: student, itemId, exerciseId: 'perm-ex', versionId, attempt: 1, at, score: 0.5, tests: HIDDEN });
  theirs = await insertGradedSubmission({ userId: classmate, itemId, exerciseId: 'perm-ex', versionId, attempt: 1, at, score: 0.9, tests: HIDDEN });
});

afterAll(async () => drop?.());

const refused = /permission/;

describe('staff permissions', () => {
  it('graders cannot change course settings or read the audit trail', async () => {
    await expect(updateEnrollmentRole({ actorId: grader, courseId, userId: student, role: 'grader' })).rejects.toThrow(refused);
    await expect(regenerateJoinCode(grader, courseId)).rejects.toThrow(refused);
    await expect(selectJoinCode(grader, courseId)).rejects.toThrow(refused);
    await expect(selectAuditTrail(grader, courseId)).rejects.toThrow(refused);
  });

  it('graders browse every submission and see hidden tests in full', async () => {
    const page = await selectSubmissionsPage(grader, courseId, { kind: 'exercise', sort: 'score_desc', page: 1 });
    expect(page.rows.map((r) => r.studentName)).toEqual(['Cleo Classmate', 'Sam Student']);
    const detail = await selectSubmissionForStaff(grader, courseId, own);
    expect(JSON.stringify(detail?.report)).toContain('shape [64] but expected []');
  });

  it('students cannot browse, open others’ work, override, or see the audit trail', async () => {
    await expect(selectSubmissionsPage(student, courseId, { kind: 'exercise', sort: 'newest', page: 1 })).rejects.toThrow(refused);
    await expect(selectSubmissionForStaff(student, courseId, theirs)).rejects.toThrow(refused);
    await expect(selectSubmissionForStaff(student, courseId, own)).rejects.toThrow(refused);
    expect(await selectOwnSubmission(student, theirs)).toBeNull();
    await expect(selectAuditTrail(student, courseId)).rejects.toThrow(refused);
    await expect(selectItemOverrides(student, courseId, student, itemId)).rejects.toThrow(refused);
    await expect(overrideScore({ actorId: student, courseId, target: { kind: 'submission', id: own }, newScore: 10, reason: 'I deserve it' })).rejects.toThrow(refused);
  });

  it('an override needs a reason and a score within the item, and is appended to the audit trail', async () => {
    await expect(overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: own }, newScore: 8, reason: '   ' })).rejects.toMatchObject({ name: 'Refusal', code: 'invalid' });
    await expect(overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: own }, newScore: 11, reason: 'typo' })).rejects.toMatchObject({ name: 'Refusal', code: 'invalid' });
    const first = await overrideScore({
      actorId: grader,
      courseId,
      target: { kind: 'submission', id: own },
      newScore: 8,
      reason: 'Hidden test used the wrong tolerance',
      comment: 'Your loss was right; the hidden test was too strict.',
    });
    expect(first.oldScore).toBe(5);
    const second = await overrideScore({ actorId: instructor, courseId, target: { kind: 'submission', id: own }, newScore: 7.5, reason: 'Second look: one case is still wrong' });
    expect(second.oldScore).toBe(8);
    const trail = await selectAuditTrail(instructor, courseId);
    expect(trail.map((t) => [t.actorName, t.studentName, t.oldScore, t.newScore, t.reason])).toEqual([
      ['Ina', 'Sam Student', 8, 7.5, 'Second look: one case is still wrong'],
      ['Gus Grader', 'Sam Student', 5, 8, 'Hidden test used the wrong tolerance'],
    ]);
    await expect(db().execute(sql`delete from score_overrides`)).rejects.toThrow();
  });

  it('a student sees their own final score and comment, never the reason or a classmate’s', async () => {
    await overrideScore({ actorId: grader, courseId, target: { kind: 'submission', id: theirs }, newScore: 10, reason: 'Regrade request accepted', comment: 'Full marks.' });
    const mine = await selectOwnFinalScores(student, [itemId]);
    expect(mine.get(itemId)).toMatchObject({ score: 7.5, comment: null });
    expect(JSON.stringify([...mine.values()])).not.toContain('Second look');
    expect((await selectOwnFinalScores(classmate, [itemId])).get(itemId)).toMatchObject({ score: 10, comment: 'Full marks.' });
  });
});
