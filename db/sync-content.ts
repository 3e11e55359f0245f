import { loadAllExercises } from '../graders/content/load';
import { upsertExerciseVersion } from './queries/content';

export type SyncResult = {
  synced: { slug: string; contentHash: string; created: boolean }[];
  errors: string[];
};

/**
 * Loads every folder under `root` and stores new versions. A broken folder is reported and skipped:
 * one typo in one exercise must not keep the course site from starting.
 */
export async function syncContent(root = 'exercises'): Promise<SyncResult> {
  const { exercises, errors } = await loadAllExercises(root);
  const result: SyncResult = { synced: [], errors: errors.map((error) => error.message) };
  for (const exercise of exercises) {
    const { meta } = exercise;
    const { created } = await upsertExerciseVersion({
      id: meta.id,
      slug: exercise.slug,
      title: meta.title,
      topic: meta.topic,
      difficulty: meta.difficulty,
      meta,
      statement: exercise.statement,
      stub: exercise.stub,
      reference: exercise.reference,
      tests: exercise.tests,
      contentHash: exercise.versionHash,
    });
    result.synced.push({ slug: exercise.slug, contentHash: exercise.versionHash, created });
  }
  return result;
}
