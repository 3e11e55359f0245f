import type { Quiz } from './schema';
import { kindOf, type PublicFields } from './types';
import { attemptPrompt, questionSeed } from './variants';

// The student-visible quiz. Security boundary: every field is copied by name (never spread), here and
// in each type's toPublic, so a field added to the content schema later stays server-side until someone
// decides to show it.

interface PublicBase {
  id: string;
  prompt: string;
  points: number;
  concept: string;
}

export type PublicQuestion = PublicBase & PublicFields;

export interface PublicQuiz {
  id: string;
  title: string;
  description?: string;
  questions: PublicQuestion[];
}

/** `seed` identifies the attempt: the same seed always gives the same option order and the same per-student numbers. */
export function toPublicQuiz(quiz: Quiz, seed: string | number): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    ...(quiz.description === undefined ? {} : { description: quiz.description }),
    questions: quiz.questions.map(
      // The cast pairs `type` with the fields of the same kind, which TypeScript cannot follow through the lookup.
      (q) => ({ id: q.id, prompt: attemptPrompt(q, seed), points: q.points, concept: q.concept, type: q.type, ...kindOf(q).toPublic(q, questionSeed(seed, q.id)) }) as PublicQuestion,
    ),
  };
}
