import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { seedDemo } from '@/db/seed-demo';
import { assignmentItems, assignments } from '@/db/schema';
import type { DbHandle } from '@/db/client';

let drop: () => Promise<void>;
let handle: DbHandle;

beforeAll(async () => {
  ({ drop, handle } = await createTestDatabase());
  await syncContent();
});
afterAll(async () => drop?.());

async function quizItems(courseId: string) {
  return handle.db
    .select({ id: assignmentItems.id, maxAttempts: assignmentItems.maxAttempts })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(eq(assignments.courseId, courseId), eq(assignmentItems.quizId, 'generative-ssl-concepts')));
}

it('puts the concepts quiz into the demo assignment once, and adds it to a demo seeded before quizzes existed', async () => {
  const { courseId } = await seedDemo('a long demo password');
  expect(await quizItems(courseId)).toHaveLength(1);
  await seedDemo('a long demo password');
  expect(await quizItems(courseId)).toHaveLength(1);
  // An older demo: the assignment exists, the quiz item does not.
  await handle.db.delete(assignmentItems).where(eq(assignmentItems.quizId, 'generative-ssl-concepts'));
  await seedDemo('a long demo password');
  expect(await quizItems(courseId)).toEqual([{ id: expect.any(String), maxAttempts: 3 }]);
});
