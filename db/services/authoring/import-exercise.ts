import { db } from '@/db/client';
import { insertAuthoringDraft } from '@/db/queries/authoring';
import { assertCapability } from '@/db/queries/courses';
import { exerciseIdOf } from '@/graders/authoring/files';
import { validateExerciseFiles } from '@/graders/authoring/validate-exercise';
import { unzipExercise } from '@/graders/authoring/zip';
import { parseExerciseFiles } from '@/graders/content/load';
import { AuthoringRejected } from './errors';
import { ownershipProblems } from './publish-exercise';
import { storeCourseExerciseVersion } from './store-version';

/**
 * Imports an exercise folder from a zip into the course: the same validation as exercises/ sync
 * and browser publishing (schema, then reference and stub in a sandbox process). Nothing is
 * stored unless all of it passes; then it is published, with a draft for further edits.
 */
export async function importExerciseZip(input: { actorId: string; courseId: string; zip: Uint8Array }) {
  await assertCapability(input.actorId, input.courseId, 'content.publish');
  const unpacked = unzipExercise(input.zip);
  if ('problems' in unpacked) throw new AuthoringRejected(unpacked.problems);
  const id = exerciseIdOf(unpacked.files);
  const early = await ownershipProblems(id, null, input.courseId);
  if (early.length) throw new AuthoringRejected(early);
  const validation = await validateExerciseFiles(unpacked.files, unpacked.folder ?? id!);
  if (validation.problems.length) throw new AuthoringRejected(validation.problems);
  const exercise = parseExerciseFiles(unpacked.files, id!);
  const stored = await db().transaction((tx) => storeCourseExerciseVersion(tx, { actorId: input.actorId, courseId: input.courseId, exercise }));
  const draftId = await insertAuthoringDraft({ actorId: input.actorId, courseId: input.courseId, kind: 'exercise', targetId: exercise.meta.id, files: unpacked.files });
  return { draftId, exerciseId: exercise.meta.id, ...stored };
}
