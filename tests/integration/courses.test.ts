import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { insertUser, verifyUserPassword, selectUser } from '@/db/queries/users';
import {
  insertCourse,
  insertEnrollmentByJoinCode,
  regenerateJoinCode,
  selectCanCreateCourses,
  selectCourseForMember,
  selectCourseMembers,
  selectCoursesForUser,
  selectJoinCode,
  updateEnrollmentRole,
} from '@/db/queries/courses';
import { db } from '@/db/client';

let drop: () => Promise<void>;
beforeAll(async () => ({ drop } = await createTestDatabase()));
afterAll(async () => drop());

const password = 'correct horse battery';

describe('users', () => {
  it('stores e-mails case-insensitively, hashes passwords and rejects a taken e-mail', async () => {
    const user = await insertUser({ email: ' Ada@Example.org ', name: 'Ada', password });
    expect(user.email).toBe('ada@example.org');
    const [row] = rowsOf<{ password_hash: string }>(await db().execute(sql`select password_hash from users where id = ${user.id}`));
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    await expect(insertUser({ email: 'ADA@example.org', name: 'Other', password })).rejects.toMatchObject({
      name: 'Refusal',
      code: 'conflict',
      message: 'An account with this e-mail already exists.',
    });
    expect(await verifyUserPassword('ada@EXAMPLE.org', password)).toEqual({ ok: true, user });
    expect(await verifyUserPassword('ada@example.org', 'wrong password!')).toEqual({ ok: false, reason: 'wrong_password' });
    expect(await verifyUserPassword('nobody@example.org', password)).toEqual({ ok: false, reason: 'unknown_email' });
    expect(await selectUser(user.id)).toEqual(user);
  });
});

describe('courses and roles', () => {
  it('lets only teachers create courses, and students join with a code', async () => {
    const admin = await insertUser({ email: 'admin@uni.test', name: 'Admin', password, isAdmin: true });
    const student = await insertUser({ email: 'stu@uni.test', name: 'Stu', password });
    expect(await selectCanCreateCourses(student.id)).toBe(false);
    await expect(insertCourse({ actorId: student.id, title: 'X', code: 'X1' })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });

    const course = await insertCourse({ actorId: admin.id, title: 'Generative Models', code: 'DGM' });
    expect(await selectCourseForMember(admin.id, course.id)).toMatchObject({ role: 'instructor', title: 'Generative Models' });
    expect(await selectCourseForMember(student.id, course.id)).toBeNull();
    expect(await selectCourseForMember(student.id, 'not-a-uuid')).toBeNull();

    expect(await insertEnrollmentByJoinCode(student.id, 'WRONG123')).toBeNull();
    const lowerDashed = `${course.joinCode.slice(0, 4)}-${course.joinCode.slice(4)}`.toLowerCase();
    expect(await insertEnrollmentByJoinCode(student.id, lowerDashed)).toEqual({ courseId: course.id, role: 'student' });
    expect(await selectCoursesForUser(student.id)).toEqual([{ id: course.id, title: 'Generative Models', code: 'DGM', timeZone: 'UTC', role: 'student' }]);

    // Students see no staff data and cannot act as staff.
    await expect(selectCourseMembers(student.id, course.id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(selectJoinCode(student.id, course.id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(updateEnrollmentRole({ actorId: student.id, courseId: course.id, userId: student.id, role: 'instructor' })).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    expect((await selectCourseForMember(student.id, course.id))?.role).toBe('student');

    // A grader sees members but cannot change roles or read the join code.
    await updateEnrollmentRole({ actorId: admin.id, courseId: course.id, userId: student.id, role: 'grader' });
    expect((await selectCourseMembers(student.id, course.id)).map((m) => m.email).sort()).toEqual(['admin@uni.test', 'stu@uni.test']);
    await expect(selectJoinCode(student.id, course.id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
    await expect(regenerateJoinCode(student.id, course.id)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });

    // Joining again keeps the role; the old code stops working after regeneration.
    expect(await insertEnrollmentByJoinCode(student.id, course.joinCode)).toEqual({ courseId: course.id, role: 'grader' });
    const fresh = await regenerateJoinCode(admin.id, course.id);
    expect(fresh).not.toBe(course.joinCode);
    expect(await insertEnrollmentByJoinCode(student.id, course.joinCode)).toBeNull();
  });

  it('never leaves a course without an instructor', async () => {
    const teacher = await insertUser({ email: 'solo@uni.test', name: 'Solo', password, isAdmin: true });
    const course = await insertCourse({ actorId: teacher.id, title: 'Solo course', code: 'S1' });
    await expect(updateEnrollmentRole({ actorId: teacher.id, courseId: course.id, userId: teacher.id, role: 'student' })).rejects.toMatchObject({
      name: 'Refusal',
      code: 'conflict',
      message: 'A course needs at least one instructor; promote someone else first.',
    });
    expect(await selectCanCreateCourses(teacher.id)).toBe(true);
  });
});

describe('score override audit trail', () => {
  it('rejects UPDATE and DELETE at the database', async () => {
    const user = await insertUser({ email: 'audit@uni.test', name: 'Audit', password, isAdmin: true });
    const course = await insertCourse({ actorId: user.id, title: 'Audit', code: 'A' });
    const [assignment] = rowsOf<{ id: string }>(await db().execute(sql`insert into assignments (course_id, title) values (${course.id}, 'A1') returning id`));
    await db().execute(sql`insert into exercises (id, slug, title, topic, difficulty) values ('ex', 'ex', 'Ex', 't', 'core')`);
    const [item] = rowsOf<{ id: string }>(
      await db().execute(sql`insert into assignment_items (assignment_id, kind, exercise_id, points) values (${assignment.id}, 'exercise', 'ex', 10) returning id`),
    );
    await db().execute(sql`insert into score_overrides (course_id, user_id, item_id, new_score, reason, actor_id) values (${course.id}, ${user.id}, ${item.id}, 1, 'regrade request', ${user.id})`);
    await expect(db().execute(sql`update score_overrides set reason = 'rewritten'`)).rejects.toThrow();
    await expect(db().execute(sql`delete from score_overrides`)).rejects.toThrow();
  });
});

// postgres.js returns the rows array itself; PGlite returns { rows }.
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
