import { eq } from 'drizzle-orm';
import { getEnv } from '../env';
import { db } from './client';
import { insertCourse } from './queries/courses';
import { insertUser, selectUserByEmail, type PublicUser } from './queries/users';
import { insertAssignmentWithItems } from './queries/assignments';
import { selectExerciseSummaries } from './queries/content';
import { insertQuizItemIfMissing } from './queries/quizzes';
import { assignments, courses, enrollments } from './schema';

// The only place demo identities exist. Real deployments never run this (`npm start` does, for the demo).
const DEMO_COURSE = { code: 'DGM-DEMO', title: 'Deep Generative Models (Demo)' };
const DEMO_ACCOUNTS = [
  { email: 'student@demo.test', name: 'Sam Student', role: 'student' },
  { email: 'grader@demo.test', name: 'Grace Grader', role: 'grader' },
  { email: 'instructor@demo.test', name: 'Ingrid Instructor', role: 'instructor' },
] as const;

/** A published first assignment with every exercise, due in a week, so the demo has work to do. */
async function seedDemoAssignment(courseId: string): Promise<void> {
  const [existing] = await db().select({ id: assignments.id }).from(assignments).where(eq(assignments.courseId, courseId));
  if (existing) return;
  const exercises = await selectExerciseSummaries();
  const week = 7 * 24 * 3600 * 1000;
  await insertAssignmentWithItems({
    courseId,
    title: 'Week 1: metric learning, flows and diffusion',
    description: 'Implement the building blocks; run the visible tests in the browser, then submit.',
    dueAt: new Date(Date.now() + week),
    hardCloseAt: new Date(Date.now() + 2 * week),
    latePenaltyPerDay: 0.1,
    published: true,
    items: exercises.map((exercise) => ({ kind: 'exercise' as const, targetId: exercise.id, points: 10 })),
  });
}

/** The concepts quiz in the demo assignment, added to a demo seeded before quizzes existed too. */
async function seedDemoQuiz(courseId: string): Promise<void> {
  const [assignment] = await db().select({ id: assignments.id }).from(assignments).where(eq(assignments.courseId, courseId)).orderBy(assignments.createdAt).limit(1);
  if (assignment) await insertQuizItemIfMissing({ assignmentId: assignment.id, quizId: 'generative-ssl-concepts', points: 10, maxAttempts: 3 });
}

export type DemoSeed = { courseId: string; joinCode: string; password: string; accounts: { email: string; role: string }[] };

/** Idempotent: creates what is missing, never resets a changed password or role. */
export async function seedDemo(password = getEnv().DEMO_PASSWORD ?? 'tensorgrade-demo'): Promise<DemoSeed> {
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
  await seedDemoAssignment(course.id);
  await seedDemoQuiz(course.id);
  return { courseId: course.id, joinCode: course.joinCode, password, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
