import { checkFormula } from './formula';
import { loadAllQuizzes } from './load';
import type { Quiz, ShortQuestion } from './schema';
import { scoreAnswer } from './score';
import { compilePhrase, ignoredWords } from './short/phrase';
import { analyse } from './short/text';

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
      problems.push(...phrasingProblems(q).map((p) => `${at}: ${p}`));
    }
  }
  return problems;
}

/**
 * A phrasing must say something the question does not: one content word alone ("margin") is named by
 * any list of terms, and one made only of the prompt's words is earned by copying the question.
 * Claims are exempt from the one-word rule, as their subject is the second word.
 */
export function phrasingProblems(q: ShortQuestion): string[] {
  const problems: string[] = [];
  const promptStems = new Set(analyse(q.prompt).words.map((w) => w.stem));
  const groups: [string, string[], boolean][] = [
    ...q.rubric.map((r) => [`rubric ${r.id}`, r.phrasings, true] as [string, string[], boolean]),
    ...q.rubric.flatMap((r) => r.claims.map((c) => [`rubric ${r.id}: claim "${c.label}"`, c.phrasings, false] as [string, string[], boolean])),
    ...q.misconceptions.map((m) => [`misconception ${m.id}`, m.phrasings, !m.subject] as [string, string[], boolean]),
  ];
  for (const [label, phrasings, needsTwoWords] of groups) {
    for (const phrasing of phrasings) {
      const ignored = ignoredWords(phrasing);
      if (ignored.length) problems.push(`${label}: "${phrasing}" ignores ${ignored.map((w) => `"${w}"`).join(', ')} (too common to match on)`);
      const { terms } = compilePhrase(phrasing, promptStems);
      if (needsTwoWords && terms.length < 2 && !terms.some((t) => t.negated)) problems.push(`${label}: "${phrasing}" is a single word; a list of terms would match it (give two words, or make it a claim about a subject)`);
      else if (terms.length > 0 && terms.every((t) => !t.informative)) problems.push(`${label}: "${phrasing}" uses only words of the question; copying the prompt would earn it`);
    }
  }
  for (const s of q.subjects) {
    for (const m of s.mentions) {
      if (analyse(m).words.length !== 1) problems.push(`subject ${s.id}: mention "${m}" must be one content word`);
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
