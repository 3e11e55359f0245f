import { certainResult, type QuestionResult } from '../../result';
import type { OrderingQuestion } from './schema';

// Partial credit by Kendall's tau: of all n(n−1)/2 pairs of items, how many the student put in the
// right relative order (concordant, C) against the wrong one (D = pairs − C). Credit is
// max(0, (C − D) / pairs): the right order earns everything, one swap of neighbours in four items
// 2/3, and an order no better than chance (or the reverse) nothing, as with multiple select, where
// guessing earns nothing on average. Every pair counts, not only neighbours, so moving one item to
// the far end costs more than swapping two neighbours.

export interface OrderAgreement {
  concordant: number;
  pairs: number;
  credit: number;
}

/** `given` must be a permutation of `correct`. */
export function orderAgreement(correct: readonly string[], given: readonly string[]): OrderAgreement {
  const rank = new Map(correct.map((id, i) => [id, i]));
  const pairs = (given.length * (given.length - 1)) / 2;
  let concordant = 0;
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) if (rank.get(given[i])! < rank.get(given[j])!) concordant++;
  }
  return { concordant, pairs, credit: Math.max(0, (2 * concordant - pairs) / pairs) };
}

/** Why `given` is not an arrangement of the question's items, or null when it is. */
export function arrangementError(question: OrderingQuestion, given: readonly string[]): string | null {
  const ids = new Set(question.items.map((item) => item.id));
  const unknown = given.find((id) => !ids.has(id));
  if (unknown !== undefined) return `"${unknown.slice(0, 40)}" is not one of the items`;
  if (given.length !== ids.size || new Set(given).size !== ids.size) return 'put every item in the list exactly once';
  return null;
}

export function scoreOrdering(question: OrderingQuestion, given: string[]): QuestionResult {
  const error = arrangementError(question, given);
  if (error) return certainResult(question.id, question.points, 0, error);
  const { concordant, pairs, credit } = orderAgreement(
    question.items.map((item) => item.id),
    given,
  );
  if (credit === 1) return certainResult(question.id, question.points, question.points, 'Correct.');
  const note = `${concordant} of ${pairs} pairs of items in the right order.`;
  return certainResult(question.id, question.points, credit * question.points, [note, question.feedback].filter(Boolean).join(' '));
}
