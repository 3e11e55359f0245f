import { loadAllQuizzes } from './load';
import type { Quiz } from './schema';
import { kindOf } from './types';

/**
 * Problems an author must fix before a quiz goes live, as "file: where: what" lines. Structure
 * (ids, one correct option per single-choice question, rubric totals…) is checked by the schema at
 * load; this adds each type's checks that need the graders themselves.
 */
export async function validateQuizzes(root = 'exercises/quizzes'): Promise<string[]> {
  const { quizzes, errors } = await loadAllQuizzes(root);
  return [...errors.map((e) => e.message), ...quizzes.flatMap(({ slug, quiz }) => validateQuiz(quiz).map((p) => `${slug}.json: ${p}`))];
}

export function validateQuiz(quiz: Quiz): string[] {
  const problems: string[] = [];
  for (const concept of quiz.concepts) {
    if (!quiz.questions.some((q) => q.concept === concept.id)) problems.push(`concepts.${concept.id}: no question probes this concept`);
  }
  for (const q of quiz.questions) {
    let found: string[];
    try {
      found = kindOf(q).problems?.(q, quiz.reviewThreshold) ?? [];
    } catch (err) {
      found = [`cannot be checked: ${err instanceof Error ? err.message : 'unknown error'}`];
    }
    problems.push(...found.map((p) => `question ${q.id}: ${p}`));
  }
  return problems;
}
