import { z } from 'zod';
import type { QuestionResult } from '../../result';
import { duplicates, type Issue, type QuestionKind } from '../kind';
import { gradeShort } from './grade';
import { phrasingProblems } from './problems';
import { ShortSchema, type ShortQuestion } from './schema';

export const MAX_SHORT_ANSWER_CHARS = 4000;

export const short: QuestionKind<typeof ShortSchema, string, { maxLength: number }> = {
  schema: ShortSchema,
  issues: rubricIssues,
  answer: z.string({ error: 'type an answer' }).max(MAX_SHORT_ANSWER_CHARS, `an answer may have at most ${MAX_SHORT_ANSWER_CHARS} characters`),
  score: (q, text, { reviewThreshold }) => scoreShort(q, text, reviewThreshold),
  toPublic: () => ({ maxLength: MAX_SHORT_ANSWER_CHARS }),
  problems(q, reviewThreshold) {
    const result = scoreShort(q, q.modelAnswer, reviewThreshold);
    const problems: string[] = [];
    if (result.points < q.points || result.needsReview) {
      const missing = result.concepts?.filter((c) => !c.found).map((c) => c.id) ?? [];
      problems.push(`the model answer scores ${result.points}/${q.points} with confidence ${result.confidence}${missing.length ? `; not found: ${missing.join(', ')}` : ''}`);
    }
    return [...problems, ...phrasingProblems(q)];
  },
  review: (q) => ({ items: q.rubric.map((r) => ({ id: r.id, label: r.label, points: r.points })), modelAnswer: q.modelAnswer }),
};

function scoreShort(question: ShortQuestion, text: string, reviewThreshold: number): QuestionResult {
  const grade = gradeShort(question, text);
  const needsReview = grade.confidence < reviewThreshold;
  const lines = [...grade.feedback];
  if (needsReview) lines.push(`A grader will review this answer; the automatic suggestion is ${grade.points} of ${question.points} points.`);
  return {
    questionId: question.id,
    points: grade.points,
    maxPoints: question.points,
    correct: needsReview ? null : grade.points >= question.points,
    needsReview,
    confidence: grade.confidence,
    feedback: lines.join(' '),
    concepts: grade.concepts,
    ...(grade.reasons.length ? { reasons: grade.reasons } : {}),
  };
}

function rubricIssues(q: ShortQuestion): Issue[] {
  const issues: Issue[] = [];
  const issue = (path: PropertyKey[], message: string) => issues.push({ path, message });
  duplicates(q.rubric.map((r) => r.id)).forEach((j) => issue(['rubric', j, 'id'], 'duplicate rubric id'));
  const sum = q.rubric.reduce((s, r) => s + r.points, 0);
  if (Math.abs(sum - q.points) > 1e-9) issue(['points'], `points (${q.points}) must equal the rubric's total (${sum})`);
  duplicates(q.subjects.map((s) => s.id)).forEach((j) => issue(['subjects', j, 'id'], 'duplicate subject id'));
  const subjects = new Set(q.subjects.map((s) => s.id));
  const items = new Set(q.rubric.map((r) => r.id));
  q.rubric.forEach((r, j) =>
    r.claims.forEach((c, k) => {
      if (!subjects.has(c.subject)) issue(['rubric', j, 'claims', k, 'subject'], `unknown subject "${c.subject}"; declare it in subjects`);
    }),
  );
  q.misconceptions.forEach((m, j) => {
    if (m.subject && !subjects.has(m.subject)) issue(['misconceptions', j, 'subject'], `unknown subject "${m.subject}"; declare it in subjects`);
    if (m.item && !items.has(m.item)) issue(['misconceptions', j, 'item'], `unknown rubric item "${m.item}"`);
  });
  if (q.subjects.filter((s) => s.default).length > 1) issue(['subjects'], 'at most one subject can be the default');
  return issues;
}
