import { z } from 'zod';
import { QuestionSchema, kindOf } from './types';
import { duplicates, kebab } from './types/kind';

// Quiz content files (exercises/quizzes/<slug>.json). Structural rules that need no grading code live
// here and in each type's `issues`, so a broken file fails at load with a field path; checks that run
// the graders (model answers earn full points, formulas evaluate) live in validate.ts.

export { QuestionSchema };

export const QuizSchema = z
  .strictObject({
    id: kebab,
    title: z.string().trim().min(1).max(120),
    description: z.string().min(1).max(4000).optional(),
    /** Short answers graded with a confidence below this go to a human; the automatic score is a suggestion. */
    reviewThreshold: z.number().min(0).max(1),
    concepts: z.array(z.strictObject({ id: kebab, title: z.string().min(1).max(200) })).min(1),
    questions: z.array(QuestionSchema).min(1).max(200),
  })
  .superRefine((quiz, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    duplicates(quiz.concepts.map((c) => c.id)).forEach((i) => issue(['concepts', i, 'id'], 'duplicate concept id'));
    duplicates(quiz.questions.map((q) => q.id)).forEach((i) => issue(['questions', i, 'id'], 'duplicate question id'));
    const conceptIds = new Set(quiz.concepts.map((c) => c.id));
    quiz.questions.forEach((q, i) => {
      if (!conceptIds.has(q.concept)) issue(['questions', i, 'concept'], `unknown concept "${q.concept}"; declare it in concepts`);
      for (const { path, message } of kindOf(q).issues?.(q) ?? []) issue(['questions', i, ...path], message);
    });
  });

export type Quiz = z.infer<typeof QuizSchema>;
export type { Question, QuestionOf, QuestionType } from './types';
export type { ChoiceQuestion } from './types/choice/schema';
export type { NumericQuestion } from './types/numeric/schema';
export type { FormulaQuestion } from './types/formula/schema';
export type { Claim, Misconception, RubricItem, ShortQuestion, Subject } from './types/short/schema';
