import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { authoringDrafts, exercises, exerciseVersions } from '@/db/schema';
import type { LoadedExercise } from '@/graders/content/load';
import { AuthoringRejected, idTaken } from './errors';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Inserts an immutable version of a course-owned exercise (keyed by content hash, so publishing
 * unchanged content adds nothing) and makes it current. The id must be new or already this
 * course's: a library exercise or another course's is never overwritten.
 */
export async function storeCourseExerciseVersion(tx: Tx, input: { actorId: string; courseId: string; exercise: LoadedExercise }) {
  const { meta, versionHash } = input.exercise;
  const owned = await tx
    .insert(exercises)
    .values({ id: meta.id, slug: meta.id, title: meta.title, topic: meta.topic, difficulty: meta.difficulty, source: 'browser', courseId: input.courseId })
    .onConflictDoUpdate({
      target: exercises.id,
      set: { title: meta.title, topic: meta.topic, difficulty: meta.difficulty, updatedAt: sql`now()` },
      setWhere: and(eq(exercises.courseId, input.courseId), eq(exercises.source, 'browser')),
    })
    .returning({ id: exercises.id });
  if (owned.length === 0) throw new AuthoringRejected([idTaken(meta.id)]);
  const inserted = await tx
    .insert(exerciseVersions)
    .values({
      exerciseId: meta.id,
      contentHash: versionHash,
      meta,
      statement: input.exercise.statement,
      stub: input.exercise.stub,
      reference: input.exercise.reference,
      tests: input.exercise.tests,
      createdBy: input.actorId,
    })
    .onConflictDoNothing()
    .returning({ id: exerciseVersions.id });
  const [version] = inserted.length
    ? inserted
    : await tx
        .select({ id: exerciseVersions.id })
        .from(exerciseVersions)
        .where(and(eq(exerciseVersions.exerciseId, meta.id), eq(exerciseVersions.contentHash, versionHash)));
  await tx.update(exercises).set({ currentVersionId: version.id }).where(eq(exercises.id, meta.id));
  return { versionId: version.id, created: inserted.length > 0 };
}

/** Points a draft at what it was published as, so the next edit continues the same exercise. */
export async function linkDraftToTarget(tx: Tx, draftId: string, targetId: string): Promise<void> {
  await tx.update(authoringDrafts).set({ targetId }).where(eq(authoringDrafts.id, draftId));
}
