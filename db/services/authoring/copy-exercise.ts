import { db } from '@/db/client';
import { insertAuthoringDraft, selectExerciseForCourse, selectExerciseOwner } from '@/db/queries/authoring';
import { exerciseFilesOf, withExerciseId } from '@/graders/authoring/files';
import { parseExerciseFiles } from '@/graders/content/load';
import { ExerciseMetaSchema } from '@/graders/content/exercise-schema';
import { AuthoringRejected, idTaken } from './errors';
import { storeCourseExerciseVersion } from './store-version';

/**
 * Copies an exercise the course can see (usually a library one, which is re-synced from disk and
 * so never edited in place) into a course-owned exercise under a new id, published as it was,
 * with a draft ready for editing.
 */
export async function copyExerciseIntoCourse(input: { actorId: string; courseId: string; exerciseId: string; newId: string }): Promise<{ draftId: string }> {
  const source = await selectExerciseForCourse(input.actorId, input.courseId, input.exerciseId);
  if (!source) throw new AuthoringRejected([{ file: '', field: '', message: 'no such exercise in this course' }]);
  const idCheck = ExerciseMetaSchema.shape.id.safeParse(input.newId);
  if (!idCheck.success) throw new AuthoringRejected([{ file: 'exercise.json', field: 'id', message: idCheck.error.issues[0].message }]);
  if (await selectExerciseOwner(input.newId)) throw new AuthoringRejected([idTaken(input.newId)]);
  const files = withExerciseId(exerciseFilesOf(source), input.newId);
  const exercise = parseExerciseFiles(files, input.newId);
  await db().transaction((tx) => storeCourseExerciseVersion(tx, { actorId: input.actorId, courseId: input.courseId, exercise }));
  return { draftId: await insertAuthoringDraft({ actorId: input.actorId, courseId: input.courseId, kind: 'exercise', targetId: input.newId, files }) };
}
