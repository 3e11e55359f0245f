import { z } from 'zod';
import type { ParamValues } from '../params';
import type { QuestionResult } from '../result';

// What a question type is made of. Each folder under types/ exports one (two for choice) and
// types/index.ts collects them in a Record keyed by type, so scoring, saving drafts, the public shape
// and the review page ask the registry instead of switching on `type`.

export const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
export const markdown = z.string().trim().min(1).max(4000);

/** Fields every question has; a type's schema spreads them into its strictObject. */
export const common = {
  id: kebab,
  prompt: markdown,
  points: z.number().positive().max(100),
  /** Id of one of the quiz's `concepts`: which syllabus concept the question probes. */
  concept: kebab,
};

export interface Issue {
  /** Relative to the question. */
  path: PropertyKey[];
  message: string;
}

export type Accepted<A> = { ok: true; value: A } | { ok: false; error: string };

/** A rubric item a grader can tick on the review page. */
export interface GradedItem {
  id: string;
  label: string;
  points: number;
}

type QuestionBase = { type: string; id: string; points: number };

/**
 * S is the question's schema (kept concrete, so the quiz schema's union and its JSON Schema see every
 * field), A its answer, P its public fields.
 */
export interface QuestionKind<S extends z.ZodType<QuestionBase>, A, P extends object, Q extends z.output<S> = z.output<S>> {
  /** The question in a quiz file, `common` fields included. */
  schema: S;
  /** Rules across the fields of one question (unique ids, one correct option), checked at load. */
  issues?(question: Q): Issue[];
  /**
   * The one answer schema: what the browser may send, what a draft stores, what the scorer reads.
   * It admits an empty answer (a cleared field): scoring treats that as unanswered.
   */
  answer: z.ZodType<A>;
  /** Checks a draft against the question (an id that is not one of its options); returns what to store. */
  acceptDraft?(question: Q, answer: A): Accepted<A>;
  /**
   * Scores a non-empty answer that passed `answer`. May throw on a content bug: the caller sends it to review.
   * `params` are the attempt's own numbers for a question with `params` (graders/quiz/params.ts), else empty.
   */
  score(question: Q, answer: A, context: { reviewThreshold: number; params: ParamValues }): QuestionResult;
  /**
   * Student-visible fields besides id, prompt, points and concept. Copied by name, never spread: a field
   * added to the schema later stays server-side. `seed` is the attempt's, per question.
   */
  toPublic(question: Q, seed: string): P;
  /** Author-facing problems that need the grader itself (a model answer that does not earn full points). */
  problems?(question: Q, reviewThreshold: number): string[];
  /** Staff only: the right answer for one attempt's numbers (a question with `params`), to show beside the student's. */
  expected?(question: Q, params: ParamValues): string;
  /** What a grader ticks when reviewing an answer, and the answer to compare with; none for machine-only types. */
  review?(question: Q): { items: GradedItem[]; modelAnswer?: string };
}

/** Indices of ids seen earlier in the list. */
export function duplicates(ids: string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) < i ? [i] : []));
}
