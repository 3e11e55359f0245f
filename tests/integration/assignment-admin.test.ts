import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { db } from '@/db/client';
import { courses, quizAttempts } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode, updateEnrollmentRole } from '@/db/queries/courses';
import { selectExerciseItemForMember, submissionWindow } from '@/db/queries/assignments';
import { selectAssignableContent, selectAssignmentForEdit, selectCourseAssignments } from '@/db/queries/assignment-admin';
import { selectExerciseItemPage, selectStudentCourseItems } from '@/db/queries/student-items';
import { selectQuizItemForMember } from '@/db/queries/quizzes';
import { saveAssignment, type AssignmentDraft } from '@/db/services/assignments/save-assignment';
import { setAssignmentPublished } from '@/db/services/assignments/publish-assignment';
import { grantExtension, revokeExtension } from '@/db/services/assignments/extensions';
import { startQuizAttempt } from '@/db/services/start-quiz-attempt';
import { parseAssignmentForm } from '@/app/courses/[courseId]/staff/assignments/assignment.types';

const QUIZ = 'generative-ssl-concepts';
const DAY = 86_400_000;
const TRIPLET = { kind: 'exercise' as const, targetId: 'triplet-loss', points: 10, maxAttempts: null, feedback: 'immediate' as const };
const CONCEPTS = { kind: 'quiz' as const, targetId: QUIZ, points: 5, maxAttempts: 2, feedback: 'after_due' as const };

let drop: () => Promise<void>;
let courseId: string;
let instructor: string;
let grader: string;
let student: string;
let classmate: string;
let otherTeacher: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const make = (email: string, isAdmin = false) => insertUser({ email, name: email.split('@')[0], password: 'a long enough password', isAdmin });
  instructor = (await make('teach@uni.test', true)).id;
  otherTeacher = (await make('other@uni.test', true)).id;
  [grader, student, classmate] = (await Promise.all(['ta@uni.test', 'stu@uni.test', 'mate@uni.test'].map((e) => make(e)))).map((u) => u.id);
  const course = await insertCourse({ actorId: instructor, title: 'DGM', code: 'DGM' });
  courseId = course.id;
  await insertCourse({ actorId: otherTeacher, title: 'Other', code: 'O1' });
  for (const id of [grader, student, classmate]) await insertEnrollmentByJoinCode(id, course.joinCode);
  await updateEnrollmentRole({ actorId: instructor, courseId, userId: grader, role: 'grader' });
  await db().update(courses).set({ timeZone: 'Europe/Berlin' }).where(eq(courses.id, courseId));
});

afterAll(async () => drop?.());

const draft = (patch: Partial<AssignmentDraft> = {}): AssignmentDraft => ({
  courseId,
  assignmentId: null,
  title: 'Metric learning',
  description: '**Triplets**',
  opensAt: null,
  dueAt: new Date(Date.now() + 7 * DAY),
  hardCloseAt: null,
  latePenaltyPerDay: 0,
  items: [TRIPLET, CONCEPTS],
  ...patch,
});

function form(fields: Record<string, string>, items: unknown[] = [TRIPLET]): FormData {
  const data = new FormData();
  const all = { courseId: '00000000-0000-4000-8000-000000000000', assignmentId: '', title: 'A', description: '', opensAt: '', dueAt: '', hardCloseAt: '', latePenaltyPercent: '0', ...fields };
  for (const [name, value] of Object.entries(all)) data.set(name, value);
  data.set('items', JSON.stringify(items));
  return data;
}

describe('assignment form', () => {
  it('reads deadlines as wall-clock times of the course time zone, across DST', () => {
    const winter = parseAssignmentForm(form({ opensAt: '2026-11-20T09:00', dueAt: '2026-12-01T17:00', hardCloseAt: '2026-12-04T23:59', latePenaltyPercent: '12.5' }), 'Europe/Berlin');
    expect(winter.ok && winter.data.dueAt?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(winter.ok && winter.data.hardCloseAt?.toISOString()).toBe('2026-12-04T22:59:00.000Z');
    expect(winter.ok && winter.data.latePenaltyPerDay).toBe(0.125);
    const summer = parseAssignmentForm(form({ dueAt: '2026-07-01T17:00' }), 'Europe/Berlin');
    expect(summer.ok && summer.data.dueAt?.toISOString()).toBe('2026-07-01T15:00:00.000Z');
    const pacific = parseAssignmentForm(form({ dueAt: '2026-12-01T17:00' }), 'America/Los_Angeles');
    expect(pacific.ok && pacific.data.dueAt?.toISOString()).toBe('2026-12-02T01:00:00.000Z');
  });

  it('names the field at fault', () => {
    const errors = (fields: Record<string, string>, items?: unknown[]) => {
      const result = parseAssignmentForm(form(fields, items), 'Europe/Berlin');
      return result.ok ? {} : result.fieldErrors;
    };
    expect(errors({ title: ' ' }).title).toBe('Give the assignment a title.');
    expect(errors({ opensAt: '2026-12-02T10:00', dueAt: '2026-12-01T17:00' }).dueAt).toMatch(/after the opening/);
    expect(errors({ dueAt: '2026-12-01T17:00', hardCloseAt: '2026-12-01T16:00' }).hardCloseAt).toMatch(/before the due date/);
    expect(errors({ dueAt: '2026-12-01T17:00', hardCloseAt: '2026-12-01T17:00' })).toEqual({});
    expect(errors({ hardCloseAt: '2026-12-01T17:00' }).dueAt).toMatch(/needs a due date/);
    expect(errors({ dueAt: '2026-03-29T02:30' }).dueAt).toMatch(/Not a valid time in Europe\/Berlin/);
    expect(errors({ latePenaltyPercent: '150' }).latePenaltyPercent).toBe('Between 0 and 100 %.');
    expect(errors({ latePenaltyPercent: '10' }).dueAt).toMatch(/late penalty needs a due date/);
    expect(errors({}, [TRIPLET, TRIPLET]).items).toMatch(/only once/);
    expect(errors({}, [{ ...TRIPLET, points: null }]).items).toBe('Enter points for every item.');
    expect(errors({}, [{ ...TRIPLET, maxAttempts: 0 }]).items).toBe('Allow at least one attempt.');
  });
});

describe('instructor workflow', () => {
  it('lists the library content, creates a draft, edits it and publishes it', async () => {
    const catalogue = await selectAssignableContent(instructor, courseId);
    expect(catalogue).toEqual(
      expect.arrayContaining([
        { kind: 'exercise', targetId: 'triplet-loss', title: expect.any(String), usedIn: [] },
        { kind: 'quiz', targetId: QUIZ, title: expect.any(String), usedIn: [] },
      ]),
    );
    const { id } = await saveAssignment(instructor, draft());
    // The editor warns that an item is already in another assignment, naming it.
    const after = await selectAssignableContent(instructor, courseId);
    expect(after.find((c) => c.targetId === 'triplet-loss')?.usedIn).toEqual([{ assignmentId: id, title: 'Metric learning' }]);
    expect(after.find((c) => c.targetId === 'flow-coupling')?.usedIn ?? []).toEqual([]);
    const created = (await selectAssignmentForEdit(instructor, courseId, id))!;
    expect(created.assignment).toMatchObject({ title: 'Metric learning', published: false });
    expect(created.items.map((i) => [i.targetId, i.points, i.maxAttempts, i.feedback])).toEqual([
      ['triplet-loss', 10, null, 'immediate'],
      [QUIZ, 5, 2, 'after_due'],
    ]);
    expect(await selectStudentCourseItems(student, courseId)).toEqual([]);

    // Reordering and new points keep the rows (and with them any student work).
    await saveAssignment(instructor, draft({ assignmentId: id, title: 'Metric learning (v2)', items: [{ ...CONCEPTS, points: 8 }, TRIPLET] }));
    const edited = (await selectAssignmentForEdit(instructor, courseId, id))!;
    expect(edited.items.map((i) => [i.targetId, i.points])).toEqual([
      [QUIZ, 8],
      ['triplet-loss', 10],
    ]);
    expect(edited.items.map((i) => i.id).sort()).toEqual(created.items.map((i) => i.id).sort());

    await expect(setAssignmentPublished({ actorId: instructor, courseId, assignmentId: (await saveAssignment(instructor, draft({ items: [] }))).id, published: true })).rejects.toThrow(/at least one/);
    await setAssignmentPublished({ actorId: instructor, courseId, assignmentId: id, published: true });
    expect((await selectStudentCourseItems(student, courseId)).map((i) => i.title)).toHaveLength(2);
    expect((await selectCourseAssignments(instructor, courseId)).find((a) => a.id === id)).toMatchObject({ published: true, itemCount: 2 });
  });

  it('keeps a published assignment from students until it opens, and refuses work before then', async () => {
    const { id, itemIds } = await createPublished(draft({ title: 'Scheduled', opensAt: new Date(Date.now() + DAY) }));
    const [exerciseItem, quizItem] = itemIds;
    const titles = async (userId: string) => new Set((await selectStudentCourseItems(userId, courseId)).map((i) => i.assignmentTitle));
    expect((await titles(student)).has('Scheduled')).toBe(false);
    expect(await selectExerciseItemPage(student, exerciseItem)).toBeNull();
    expect(await selectExerciseItemForMember(student, exerciseItem)).toBeNull();
    expect(await selectQuizItemForMember(student, quizItem)).toBeNull();
    await expect(startQuizAttempt({ userId: student, itemId: quizItem })).rejects.toThrow();
    // Staff preview what is scheduled; the submission window still says it has not opened.
    expect((await titles(grader)).has('Scheduled')).toBe(true);
    const preview = (await selectExerciseItemForMember(instructor, exerciseItem))!;
    expect(submissionWindow(preview, new Date()).open).toBe(false);

    await saveAssignment(instructor, draft({ assignmentId: id, title: 'Scheduled', opensAt: new Date(Date.now() - 60_000) }));
    expect((await titles(student)).has('Scheduled')).toBe(true);
    expect(await selectExerciseItemPage(student, exerciseItem)).not.toBeNull();
    await setAssignmentPublished({ actorId: instructor, courseId, assignmentId: id, published: false });
    expect((await titles(student)).has('Scheduled')).toBe(false);
  });

  it('refuses to remove an item that holds student work, but lets its settings change', async () => {
    const {
      id,
      itemIds: [, quizItem],
    } = await createPublished(draft({ title: 'With work' }));
    await startQuizAttempt({ userId: student, itemId: quizItem });
    await expect(saveAssignment(instructor, draft({ assignmentId: id, title: 'With work', items: [TRIPLET] }))).rejects.toThrow(
      /^Cannot remove “Concepts: generative models and self-supervised learning” \(1 submissions or attempts\)/,
    );
    expect(await db().select().from(quizAttempts).where(eq(quizAttempts.itemId, quizItem))).toHaveLength(1);

    await saveAssignment(instructor, draft({ assignmentId: id, title: 'With work', items: [{ ...CONCEPTS, points: 7, maxAttempts: 3 }] }));
    const saved = (await selectAssignmentForEdit(instructor, courseId, id))!;
    expect(saved.items.map((i) => [i.id, i.points, i.maxAttempts, i.workCount])).toEqual([[quizItem, 7, 3, 1]]);
  });

  it('lets an extension reopen the assignment for one student only', async () => {
    const {
      id,
      itemIds: [exerciseItem],
    } = await createPublished(draft({ title: 'Past due', dueAt: new Date(Date.now() - DAY) }));
    const windowOf = async (userId: string) => submissionWindow((await selectExerciseItemForMember(userId, exerciseItem))!, new Date());
    expect((await windowOf(student)).open).toBe(false);

    const extended = new Date(Date.now() + 2 * DAY);
    await grantExtension({ actorId: instructor, courseId, assignmentId: id, userId: student, dueAt: extended });
    expect(await windowOf(student)).toEqual({ open: true, late: false });
    expect((await windowOf(classmate)).open).toBe(false);
    const home = (await selectStudentCourseItems(student, courseId)).find((i) => i.assignmentId === id)!;
    expect(home.extendedDueAt?.toISOString()).toBe(extended.toISOString());
    expect((await selectAssignmentForEdit(instructor, courseId, id))!.extensions.map((e) => e.userId)).toEqual([student]);
    await expect(grantExtension({ actorId: instructor, courseId, assignmentId: id, userId: grader, dueAt: extended })).rejects.toMatchObject({ name: 'Refusal', code: 'invalid' });

    await revokeExtension({ actorId: instructor, courseId, assignmentId: id, userId: student });
    expect((await windowOf(student)).open).toBe(false);
  });

  it('refuses graders, students and other courses’ instructors', async () => {
    const { id } = await saveAssignment(instructor, draft({ title: 'Guarded' }));
    for (const actor of [grader, student, otherTeacher]) {
      await expect(saveAssignment(actor, draft({ assignmentId: id }))).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
      await expect(setAssignmentPublished({ actorId: actor, courseId, assignmentId: id, published: true })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
      await expect(grantExtension({ actorId: actor, courseId, assignmentId: id, userId: student, dueAt: new Date() })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
      await expect(revokeExtension({ actorId: actor, courseId, assignmentId: id, userId: student })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
      await expect(selectCourseAssignments(actor, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
      await expect(selectAssignmentForEdit(actor, courseId, id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    }
    // An instructor of another course cannot reach this assignment through their own course id.
    const [otherCourse] = await db().select({ id: courses.id }).from(courses).where(eq(courses.code, 'O1'));
    await expect(saveAssignment(otherTeacher, draft({ courseId: otherCourse.id, assignmentId: id }))).rejects.toThrow(/No such assignment/);
    await expect(setAssignmentPublished({ actorId: otherTeacher, courseId: otherCourse.id, assignmentId: id, published: false })).rejects.toThrow(/No such assignment/);
    expect(await selectAssignmentForEdit(otherTeacher, otherCourse.id, id)).toBeNull();
  });
});

async function createPublished(input: AssignmentDraft) {
  const { id } = await saveAssignment(instructor, input);
  await setAssignmentPublished({ actorId: instructor, courseId, assignmentId: id, published: true });
  const { items } = (await selectAssignmentForEdit(instructor, courseId, id))!;
  return { id, itemIds: items.map((i) => i.id) };
}
