import { checkFormula } from './formula';
import { loadAllQuizzes } from './load';
import type { Quiz } from './schema';
import { scoreAnswer } from './score';
import { ignoredWords } from './short/phrase';

/**
 * Problems an author must fix before a quiz goes live, as "file: where: what" lines. Structure
 * (ids, one correct option per single-choice question, rubric totals…) is checked by the schema at
 * load; this adds the checks that need the graders themselves.
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
    const at = `question ${q.id}`;
    if (q.type === 'formula') {
      const check = checkFormulaSafely(q, q.answer);
      if (check) problems.push(`${at}: the reference formula ${check}`);
    }
    if (q.type === 'short') {
      const result = scoreAnswer(q, q.modelAnswer, { reviewThreshold: quiz.reviewThreshold });
      if (result.points < q.points || result.needsReview) {
        const missing = result.concepts?.filter((c) => !c.found).map((c) => c.id) ?? [];
        problems.push(`${at}: the model answer scores ${result.points}/${q.points} with confidence ${result.confidence}${missing.length ? `; not found: ${missing.join(', ')}` : ''}`);
      }
      for (const [label, phrasings] of [...q.rubric.map((r) => [`rubric ${r.id}`, r.phrasings] as const), ...q.misconceptions.map((m) => [`misconception ${m.id}`, m.phrasings] as const)]) {
        for (const phrasing of phrasings) {
          const ignored = ignoredWords(phrasing);
          if (ignored.length) problems.push(`${at}: ${label}: "${phrasing}" ignores ${ignored.map((w) => `"${w}"`).join(', ')} (too common to match on)`);
        }
      }
    }
  }
  return problems;
}

function checkFormulaSafely(question: Parameters<typeof checkFormula>[0], text: string): string | null {
  try {
    const check = checkFormula(question, text);
    return check.equivalent ? null : `does not check against itself: ${check.message}`;
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^reference formula of \S+ /, '') : 'cannot be evaluated';
  }
}
