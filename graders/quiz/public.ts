import { MAX_FORMULA_CHARS, MAX_SHORT_ANSWER_CHARS } from './answers';
import { createRng, hashSeed, shuffled } from './rng';
import type { Question, Quiz } from './schema';

// The student-visible quiz. Security boundary: every field is copied by name (never spread), so a
// field added to the content schema later stays server-side until someone decides to show it.

interface PublicBase {
  id: string;
  prompt: string;
  points: number;
  concept: string;
}

export type PublicQuestion =
  | (PublicBase & { type: 'single' | 'multiple'; options: { id: string; text: string }[] })
  | (PublicBase & { type: 'numeric'; units?: string })
  | (PublicBase & { type: 'formula'; variables: string[]; maxLength: number })
  | (PublicBase & { type: 'short'; maxLength: number });

export interface PublicQuiz {
  id: string;
  title: string;
  description?: string;
  questions: PublicQuestion[];
}

/** `seed` identifies the attempt: the same seed always gives the same option order. */
export function toPublicQuiz(quiz: Quiz, seed: string | number): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    ...(quiz.description === undefined ? {} : { description: quiz.description }),
    questions: quiz.questions.map((q) => toPublicQuestion(q, `${seed}:${q.id}`)),
  };
}

function toPublicQuestion(q: Question, seed: string): PublicQuestion {
  const base: PublicBase = { id: q.id, prompt: q.prompt, points: q.points, concept: q.concept };
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const options = shuffled(q.options, createRng(hashSeed(seed))).map((o) => ({ id: o.id, text: o.text }));
      return { ...base, type: q.type, options };
    }
    case 'numeric':
      return { ...base, type: 'numeric', ...(q.units === undefined ? {} : { units: q.units }) };
    case 'formula':
      // Names only: students need them to write the formula; ranges hint at nothing useful but stay private.
      return { ...base, type: 'formula', variables: Object.keys(q.variables), maxLength: MAX_FORMULA_CHARS };
    case 'short':
      return { ...base, type: 'short', maxLength: MAX_SHORT_ANSWER_CHARS };
  }
}
