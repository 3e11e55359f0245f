import { eq } from 'drizzle-orm';
import { db } from './client';
import { insertCourse } from './queries/courses';
import { insertUser, selectUserByEmail, type PublicUser } from './queries/users';
import { courses, enrollments } from './schema';

// The only place demo identities exist. Real deployments never run this (`npm start` does, for the demo).
const DEMO_COURSE = { code: 'DGM-DEMO', title: 'Deep Generative Models (Demo)' };
const DEMO_ACCOUNTS = [
  { email: 'student@demo.test', name: 'Sam Student', role: 'student' },
  { email: 'grader@demo.test', name: 'Grace Grader', role: 'grader' },
  { email: 'instructor@demo.test', name: 'Ingrid Instructor', role: 'instructor' },
] as const;

export type DemoSeed = { courseId: string; joinCode: string; password: string; accounts: { email: string; role: string }[] };

/** Idempotent: creates what is missing, never resets a changed password or role. */
export async function seedDemo(password = process.env.DEMO_PASSWORD || 'tensorgrade-demo'): Promise<DemoSeed> {
  const users = new Map<string, PublicUser>();
  for (const account of DEMO_ACCOUNTS) {
    const user = (await selectUserByEmail(account.email)) ?? (await insertUser({ email: account.email, name: account.name, password }));
    users.set(account.role, user);
  }
  const instructor = users.get('instructor')!;
  let [course] = await db().select({ id: courses.id, joinCode: courses.joinCode }).from(courses).where(eq(courses.code, DEMO_COURSE.code));
  course ??= await insertCourse({ actorId: instructor.id, ...DEMO_COURSE, skipPermissionCheck: true });
  for (const account of DEMO_ACCOUNTS) {
    const userId = users.get(account.role)!.id;
    await db().insert(enrollments).values({ courseId: course.id, userId, role: account.role }).onConflictDoNothing();
  }
  return { courseId: course.id, joinCode: course.joinCode, password, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
