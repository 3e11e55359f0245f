import { and, eq, sql } from 'drizzle-orm';
import type { ExerciseMeta } from '../../graders/content/exercise-schema';
import { db } from '../client';
import { exercises, exerciseVersions } from '../schema';

export type ExerciseContent = {
  id: string;
  slug: string;
  title: string;
  topic: string;
  difficulty: string;
  meta: ExerciseMeta;
  statement: string;
  stub: string;
  reference: string;
  tests: string;
  visualize?: string | null;
  contentHash: string;
};

/**
 * Makes `content` the exercise's current version. Versions are immutable and keyed by content
 * hash, so syncing unchanged files is a no-op and an edit adds a version beside the old ones.
 */
export async function upsertExerciseVersion(content: ExerciseContent, actorId?: string): Promise<{ versionId: string; created: boolean }> {
  return db().transaction(async (tx) => {
    await tx
      .insert(exercises)
      .values({ id: content.id, slug: content.slug, title: content.title, topic: content.topic, difficulty: content.difficulty })
      .onConflictDoUpdate({
        target: exercises.id,
        set: { slug: content.slug, title: content.title, topic: content.topic, difficulty: content.difficulty, updatedAt: sql`now()` },
      });
    const inserted = await tx
      .insert(exerciseVersions)
      .values({
        exerciseId: content.id,
        contentHash: content.contentHash,
        meta: content.meta,
        statement: content.statement,
        stub: content.stub,
        reference: content.reference,
        tests: content.tests,
        visualize: content.visualize ?? null,
        createdBy: actorId,
      })
      .onConflictDoNothing()
      .returning({ id: exerciseVersions.id });
    const versionId =
      inserted[0]?.id ??
      (
        await tx
          .select({ id: exerciseVersions.id })
          .from(exerciseVersions)
          .where(and(eq(exerciseVersions.exerciseId, content.id), eq(exerciseVersions.contentHash, content.contentHash)))
      )[0].id;
    await tx.update(exercises).set({ currentVersionId: versionId }).where(eq(exercises.id, content.id));
    return { versionId, created: inserted.length > 0 };
  });
}

export async function selectExerciseSummaries(): Promise<{ id: string; slug: string; title: string; topic: string; difficulty: string }[]> {
  return db().select({ id: exercises.id, slug: exercises.slug, title: exercises.title, topic: exercises.topic, difficulty: exercises.difficulty }).from(exercises).orderBy(exercises.title);
}
