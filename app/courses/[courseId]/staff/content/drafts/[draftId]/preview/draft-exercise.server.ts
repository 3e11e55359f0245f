import 'server-only';
import { selectAuthoringDraft } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import { ContentError, parseExerciseFiles, type LoadedExercise } from '@/graders/content/load';

/**
 * A draft read as the exercise a student would get. Only JSON and zod run here; its code runs
 * later in the browser (Run) or in a sandbox process (visible cases), never in this server.
 */
export async function loadDraftExercise(actorId: string, courseId: string, draftId: string): Promise<{ exercise: LoadedExercise } | { error: ContentError } | null> {
  const draft = await selectAuthoringDraft(actorId, courseId, draftId);
  if (!draft || draft.kind !== 'exercise') return null;
  try {
    return { exercise: parseExerciseFiles(draft.files, exerciseIdOf(draft.files) ?? '') };
  } catch (error) {
    if (error instanceof ContentError) return { error };
    throw error;
  }
}
