import { db } from '@/db/client';
import { selectAuthoringDraft, selectExerciseOwner, selectSubmissionCount } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import type { AuthoringProblem, ExerciseValidation } from '@/graders/authoring/protocol';
import { validateExerciseFiles } from '@/graders/authoring/validate-exercise';
import { parseExerciseFiles } from '@/graders/content/load';
import { AuthoringRejected, idTaken } from './errors';
import { linkDraftToTarget, storeCourseExerciseVersion } from './store-version';

export type PublishedExercise = { exerciseId: string; versionId: string; created: boolean; submissionCount: number; validation: ExerciseValidation };

/**
 * Publishes a draft: validate in a sandbox process (reference 100 %, stub less), then store an
 * immutable version and make it current, in one transaction. Existing submissions keep the
 * version they were graded with; regrading them is the instructor's separate choice.
 */
export async function publishExerciseDraft(input: { actorId: string; courseId: string; draftId: string }): Promise<PublishedExercise> {
  const draft = await selectAuthoringDraft(input.actorId, input.courseId, input.draftId);
  if (!draft || draft.kind !== 'exercise') throw new AuthoringRejected([{ file: '', field: '', message: 'no such exercise draft in this course' }]);
  const id = exerciseIdOf(draft.files);
  const early = await ownershipProblems(id, draft.targetId, input.courseId);
  if (early.length) throw new AuthoringRejected(early);
  const validation = await validateExerciseFiles(draft.files, id!);
  if (validation.problems.length) throw new AuthoringRejected(validation.problems);
  // Only JSON and zod here: the code itself ran in the sandbox process above.
  const exercise = parseExerciseFiles(draft.files, id!);
  const stored = await db().transaction(async (tx) => {
    const version = await storeCourseExerciseVersion(tx, { actorId: input.actorId, courseId: input.courseId, exercise });
    await linkDraftToTarget(tx, draft.id, exercise.meta.id);
    return version;
  });
  return { exerciseId: exercise.meta.id, ...stored, submissionCount: await selectSubmissionCount(exercise.meta.id), validation };
}

/** Problems found before running anything: the id must be readable, stable once published, and free. */
export async function ownershipProblems(id: string | null, targetId: string | null, courseId: string): Promise<AuthoringProblem[]> {
  if (!id) return [{ file: 'exercise.json', field: 'id', message: 'missing (or the file is not valid JSON)' }];
  if (targetId && targetId !== id) return [{ file: 'exercise.json', field: 'id', message: `was "${targetId}" when published; an id never changes (copy the exercise instead)` }];
  const owner = await selectExerciseOwner(id);
  if (owner && !(owner.source === 'browser' && owner.courseId === courseId)) return [idTaken(id)];
  return [];
}
