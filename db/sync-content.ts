import { existsSync } from 'node:fs';
import { loadAllExercises } from '../graders/content/load';
import { loadAllQuizzes } from '../graders/quiz/load';
import { selectExerciseOwner } from './queries/authoring';
import { upsertExerciseVersion } from './queries/content';
import { upsertQuizVersion } from './queries/quizzes';

export type SyncResult = {
  synced: { slug: string; contentHash: string; created: boolean }[];
  quizzes: { slug: string; contentHash: string; created: boolean }[];
  errors: string[];
};

/**
 * Loads every folder under `root` and stores new versions. A broken folder is reported and skipped:
 * one typo in one exercise must not keep the course site from starting.
 */
export async function syncContent(root = 'exercises'): Promise<SyncResult> {
  const { exercises, errors } = await loadAllExercises(root);
  const result: SyncResult = { synced: [], quizzes: [], errors: errors.map((error) => error.message) };
  for (const exercise of exercises) {
    const { meta } = exercise;
    // Ids are global: a folder must not take over an exercise a course authored in the browser.
    if ((await selectExerciseOwner(meta.id))?.source === 'browser') {
      result.errors.push(`${exercise.slug}/exercise.json: id: "${meta.id}" is already used by an exercise authored in a course; rename the folder and its id`);
      continue;
    }
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
      visualize: exercise.visualize,
      contentHash: exercise.versionHash,
    });
    result.synced.push({ slug: exercise.slug, contentHash: exercise.versionHash, created });
  }
  // Quizzes live in <root>/quizzes; a broken file is reported and skipped like a broken folder.
  const quizRoot = `${root}/quizzes`;
  const loadedQuizzes = existsSync(quizRoot) ? await loadAllQuizzes(quizRoot) : { quizzes: [], errors: [] };
  result.errors.push(...loadedQuizzes.errors.map((error) => error.message));
  for (const { slug, quiz, versionHash } of loadedQuizzes.quizzes) {
    const { created } = await upsertQuizVersion({ id: quiz.id, slug, title: quiz.title, quiz, contentHash: versionHash });
    result.quizzes.push({ slug, contentHash: versionHash, created });
  }
  return result;
}
