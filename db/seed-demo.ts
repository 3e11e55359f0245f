import { and, eq } from 'drizzle-orm';
import { getEnv } from '../env';
import { db } from './client';
import { insertCourse } from './queries/courses';
import { insertUser, selectUserByEmail, type PublicUser } from './queries/users';
import { insertAssignmentWithItems, insertExerciseItemsIfMissing } from './queries/assignments';
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

// Week 1 is the course's first nine exercises, named so that exercises added later do not leak into it.
export const WEEK_1_EXERCISE_IDS = [
  'affine-coupling-forward',
  'affine-coupling-inverse',
  'ddpm-reverse-step',
  'forward-diffusion',
  'nt-xent-loss',
  'rotation-pretext',
  'triplet-loss',
  'uniform-dequantization',
  'vae-reparameterization',
];
const WEEK_1_TITLE = 'Week 1: metric learning, flows and diffusion';

// The generative pipeline end to end (#19): authors append their exercise ids here.
export const END_TO_END_EXERCISE_IDS = ['ddpm-posterior', 'ddpm-noise-loss', 'vae-negative-elbo', 'flow-log-likelihood', 'ddpm-sampling-loop', 'batch-hard-triplet'];
const END_TO_END_TITLE = 'Generative models end to end';

const WEEK = 7 * 24 * 3600 * 1000;

/** The exercises of `ids` that the content sync loaded, in the order of `ids`. */
async function loadedExercises(ids: string[]): Promise<string[]> {
  const loaded = new Set((await selectExerciseSummaries()).map((e) => e.id));
  return ids.filter((id) => loaded.has(id));
}

/** A published first assignment, due in a week, so the demo has work to do. */
async function seedDemoAssignment(courseId: string): Promise<void> {
  const [existing] = await db().select({ id: assignments.id }).from(assignments).where(eq(assignments.courseId, courseId));
  if (existing) return;
  await insertAssignmentWithItems({
    courseId,
    title: WEEK_1_TITLE,
    description: 'Implement the building blocks; run the visible tests in the browser, then submit.',
    dueAt: new Date(Date.now() + WEEK),
    hardCloseAt: new Date(Date.now() + 2 * WEEK),
    latePenaltyPerDay: 0.1,
    published: true,
    items: (await loadedExercises(WEEK_1_EXERCISE_IDS)).map((id) => ({ kind: 'exercise' as const, targetId: id, points: 10 })),
  });
}

/** The second assignment; a demo seeded before it (or before some of its exercises) existed gets what is missing. */
async function seedEndToEndAssignment(courseId: string): Promise<void> {
  const ids = await loadedExercises(END_TO_END_EXERCISE_IDS);
  const [existing] = await db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.courseId, courseId), eq(assignments.title, END_TO_END_TITLE)));
  if (existing) {
    await insertExerciseItemsIfMissing({ assignmentId: existing.id, exerciseIds: ids, points: 10 });
    return;
  }
  await insertAssignmentWithItems({
    courseId,
    title: END_TO_END_TITLE,
    description: 'The pieces of week 1 working together: the posterior a reverse step matches, the losses that train the models, and whole likelihoods.',
    dueAt: new Date(Date.now() + 2 * WEEK),
    hardCloseAt: new Date(Date.now() + 3 * WEEK),
    latePenaltyPerDay: 0.1,
    published: true,
    items: ids.map((id) => ({ kind: 'exercise' as const, targetId: id, points: 10 })),
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
  await seedEndToEndAssignment(course.id);
  return { courseId: course.id, joinCode: course.joinCode, password, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) };
}
