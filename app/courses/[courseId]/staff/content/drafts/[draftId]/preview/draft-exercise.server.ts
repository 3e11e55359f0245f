import 'server-only';
import type { AuthoringDraft } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import { ContentError, parseExerciseFiles, type LoadedExercise } from '@/graders/content/load';

/**
 * An exercise draft read as the exercise a student would get. Only JSON and zod run here; its
 * code runs later in the browser (Run) or in a sandbox process (visible cases), never in this server.
 */
export function draftExercise(draft: AuthoringDraft): { exercise: LoadedExercise } | { error: ContentError } {
  try {
    return { exercise: parseExerciseFiles(draft.files, exerciseIdOf(draft.files) ?? '') };
  } catch (error) {
    if (error instanceof ContentError) return { error };
    throw error;
  }
}
