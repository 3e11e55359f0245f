import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { END_TO_END_EXERCISE_IDS, seedDemo, WEEK_1_EXERCISE_IDS } from '@/db/seed-demo';
import { assignmentItems, assignments } from '@/db/schema';
import type { DbHandle } from '@/db/client';

let drop: () => Promise<void>;
let handle: DbHandle;

beforeAll(async () => {
  ({ drop, handle } = await createTestDatabase());
  await syncContent();
});
afterAll(async () => drop?.());

/** Each demo assignment's title with its exercise ids in item order. */
async function demoExercises(courseId: string) {
  const rows = await handle.db
    .select({ title: assignments.title, exerciseId: assignmentItems.exerciseId })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(eq(assignments.courseId, courseId), eq(assignmentItems.kind, 'exercise')))
    .orderBy(asc(assignments.createdAt), asc(assignmentItems.position));
  const byTitle = new Map<string, string[]>();
  for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r.exerciseId!]);
  return byTitle;
}

it('seeds Week 1 with its nine exercises only and the end-to-end assignment with the new ones, idempotently', async () => {
  const { courseId } = await seedDemo('a long demo password');
  const first = await demoExercises(courseId);
  expect(WEEK_1_EXERCISE_IDS).toHaveLength(9);
  expect([...(first.get('Week 1: metric learning, flows and diffusion') ?? [])].sort()).toEqual([...WEEK_1_EXERCISE_IDS].sort());
  expect(first.get('Generative models end to end')).toEqual(END_TO_END_EXERCISE_IDS);
  expect(END_TO_END_EXERCISE_IDS.filter((id) => WEEK_1_EXERCISE_IDS.includes(id))).toEqual([]);

  await seedDemo('a long demo password');
  expect(await demoExercises(courseId)).toEqual(first);

  // A demo seeded before an exercise joined the end-to-end assignment gets it appended.
  const [assignment] = await handle.db.select({ id: assignments.id }).from(assignments).where(eq(assignments.title, 'Generative models end to end'));
  await handle.db.delete(assignmentItems).where(and(eq(assignmentItems.assignmentId, assignment.id), eq(assignmentItems.exerciseId, END_TO_END_EXERCISE_IDS[0])));
  await seedDemo('a long demo password');
  const again = await demoExercises(courseId);
  expect([...(again.get('Generative models end to end') ?? [])].sort()).toEqual([...END_TO_END_EXERCISE_IDS].sort());
  expect(again.get('Week 1: metric learning, flows and diffusion')).toEqual(first.get('Week 1: metric learning, flows and diffusion'));
});
