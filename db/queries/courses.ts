import { randomInt } from 'node:crypto';
import { and, asc, count, eq } from 'drizzle-orm';
import { db, type Db } from '../client';
import { courses, enrollments, users } from '../schema';
import { can, type Capability, type CourseRole } from '../permissions';
import { isUniqueViolation, NOT_PERMITTED, Refusal } from './errors';
import { isUuid } from './ids';

// timeZone: the course's wall clock, in which every page shows its dates.
export type MemberCourse = { id: string; title: string; code: string; timeZone: string; role: CourseRole };

const courseColumns = { id: courses.id, title: courses.title, code: courses.code, timeZone: courses.timeZone, role: enrollments.role };

export async function selectCoursesForUser(userId: string): Promise<MemberCourse[]> {
  return db().select(courseColumns).from(enrollments).innerJoin(courses, eq(courses.id, enrollments.courseId)).where(eq(enrollments.userId, userId)).orderBy(asc(courses.title));
}

export async function selectCourseForMember(userId: string, courseId: string): Promise<MemberCourse | null> {
  if (!isUuid(courseId)) return null;
  const [row] = await db()
    .select(courseColumns)
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
  return row ?? null;
}

export async function selectOptionalEnrollment(userId: string, courseId: string): Promise<{ role: CourseRole } | null> {
  if (!isUuid(courseId)) return null;
  const [row] = await db()
    .select({ role: enrollments.role })
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.courseId, courseId)));
  return row ?? null;
}

/** Throws a 'forbidden' Refusal unless the user's role in the course holds `capability` (see db/permissions.ts). */
export async function assertCapability(userId: string, courseId: string, capability: Capability): Promise<CourseRole> {
  const enrollment = await selectOptionalEnrollment(userId, courseId);
  if (!enrollment || !can(enrollment.role, capability)) throw new Refusal('forbidden', NOT_PERMITTED);
  return enrollment.role;
}

/** Admins, and anyone already teaching a course, may open new courses. */
export async function selectCanCreateCourses(userId: string): Promise<boolean> {
  const [user] = await db().select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId));
  if (!user) return false;
  if (user.isAdmin) return true;
  const [row] = await db()
    .select({ n: count() })
    .from(enrollments)
    .where(and(eq(enrollments.userId, userId), eq(enrollments.role, 'instructor')));
  return (row?.n ?? 0) > 0;
}

// No 0/O or 1/I/L: join codes are read aloud in lecture halls and typed from projector slides.
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function normalizeJoinCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export async function insertCourse(input: { actorId: string; title: string; code: string; skipPermissionCheck?: boolean }): Promise<{ id: string; joinCode: string }> {
  if (!input.skipPermissionCheck && !(await selectCanCreateCourses(input.actorId))) {
    throw new Refusal('forbidden', 'Only instructors can create courses.');
  }
  return db().transaction(async (tx) => {
    const course = await insertCourseWithFreshCode(tx, input);
    await tx.insert(enrollments).values({ courseId: course.id, userId: input.actorId, role: 'instructor' });
    return course;
  });
}

async function insertCourseWithFreshCode(tx: Db, input: { actorId: string; title: string; code: string }) {
  // A collision among 31^8 codes is rare; retry a few times rather than fail a course creation.
  for (let tries = 0; ; tries++) {
    const joinCode = generateJoinCode();
    const [exists] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.joinCode, joinCode));
    if (exists && tries < 5) continue;
    const [course] = await tx
      .insert(courses)
      .values({ title: input.title.trim(), code: input.code.trim(), joinCode, createdBy: input.actorId })
      .returning({ id: courses.id, joinCode: courses.joinCode });
    return course;
  }
}

export async function insertEnrollmentByJoinCode(userId: string, joinCode: string): Promise<{ courseId: string; role: CourseRole } | null> {
  const [course] = await db()
    .select({ id: courses.id })
    .from(courses)
    .where(eq(courses.joinCode, normalizeJoinCode(joinCode)));
  if (!course) return null;
  await db().insert(enrollments).values({ courseId: course.id, userId, role: 'student' }).onConflictDoNothing();
  const enrollment = await selectOptionalEnrollment(userId, course.id);
  return enrollment && { courseId: course.id, role: enrollment.role };
}

export async function selectCourseMembers(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'staff.view');
  return db()
    .select({ userId: users.id, name: users.name, email: users.email, role: enrollments.role })
    .from(enrollments)
    .innerJoin(users, eq(users.id, enrollments.userId))
    .where(eq(enrollments.courseId, courseId))
    .orderBy(asc(enrollments.role), asc(users.name));
}

export async function selectJoinCode(actorId: string, courseId: string): Promise<string> {
  await assertCapability(actorId, courseId, 'course.settings');
  const [course] = await db().select({ joinCode: courses.joinCode }).from(courses).where(eq(courses.id, courseId));
  return course.joinCode;
}

export async function regenerateJoinCode(actorId: string, courseId: string): Promise<string> {
  await assertCapability(actorId, courseId, 'course.settings');
  for (let tries = 0; ; tries++) {
    try {
      const joinCode = generateJoinCode();
      await db().update(courses).set({ joinCode }).where(eq(courses.id, courseId));
      return joinCode;
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

export async function updateEnrollmentRole(input: { actorId: string; courseId: string; userId: string; role: CourseRole }): Promise<void> {
  await assertCapability(input.actorId, input.courseId, 'members.manage');
  if (!isUuid(input.userId)) throw new Refusal('forbidden', 'No such member.');
  await db().transaction(async (tx) => {
    // Lock the course's instructor rows so two demotions cannot both see "another instructor remains".
    const instructors = await tx
      .select({ userId: enrollments.userId })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, input.courseId), eq(enrollments.role, 'instructor')))
      .for('update');
    const demotesLast = input.role !== 'instructor' && instructors.length === 1 && instructors[0].userId === input.userId;
    if (demotesLast) throw new Refusal('conflict', 'A course needs at least one instructor; promote someone else first.');
    const updated = await tx
      .update(enrollments)
      .set({ role: input.role })
      .where(and(eq(enrollments.courseId, input.courseId), eq(enrollments.userId, input.userId)))
      .returning({ userId: enrollments.userId });
    if (updated.length === 0) throw new Refusal('forbidden', 'No such member.');
  });
}
