import { z } from 'zod';
import { db } from '../client';
import { submissionWindow } from '../queries/assignments';
import { selectOwnOpenQuizAttemptForUpdate, selectOwnQuizAttempt, selectQuizItemForMember, upsertQuizAnswer } from '../queries/quizzes';
import { MAX_FORMULA_CHARS, MAX_SHORT_ANSWER_CHARS } from '../../graders/quiz/answers';
import type { Question, QuestionType } from '../../graders/quiz/schema';
import { Refusal } from '../queries/errors';

// A draft may be empty (a student clears a field); scoring treats empty as unanswered.
const DraftSchemas = {
  single: z.string().max(100),
  multiple: z.array(z.string().max(100)).max(50),
  numeric: z.string().max(100),
  formula: z.string().max(MAX_FORMULA_CHARS, `a formula may have at most ${MAX_FORMULA_CHARS} characters`),
  short: z.string().max(MAX_SHORT_ANSWER_CHARS, `an answer may have at most ${MAX_SHORT_ANSWER_CHARS} characters`),
} satisfies Record<QuestionType, z.ZodType>;

/** Autosave of one answer in the student's own open attempt; re-checks membership and the window each time. */
export async function saveQuizAnswer(input: { userId: string; attemptId: string; questionId: string; answer: unknown; now?: Date }): Promise<{ savedAt: Date }> {
  const attempt = await selectOwnQuizAttempt(input.userId, input.attemptId);
  if (!attempt) throw new Refusal('not-found', 'No such quiz attempt.');
  if (attempt.status !== 'in_progress') throw new Refusal('already-submitted', 'This attempt has been submitted; answers can no longer change.');
  const item = await selectQuizItemForMember(input.userId, attempt.itemId);
  if (!item) throw new Refusal('not-found', 'No such quiz attempt.');
  const window = submissionWindow(item, input.now ?? new Date());
  if (!window.open) throw new Refusal('closed', window.reason ?? 'This quiz is closed.');
  const question = attempt.quiz.questions.find((q) => q.id === input.questionId);
  if (!question) throw new Refusal('invalid', 'No such question in this quiz.');
  const answer = parseDraft(question, input.answer);

  return db().transaction(async (tx) => {
    const open = await selectOwnOpenQuizAttemptForUpdate(tx, input.userId, input.attemptId);
    if (!open) throw new Refusal('already-submitted', 'This attempt has been submitted; answers can no longer change.');
    return { savedAt: await upsertQuizAnswer(tx, open.id, question.id, answer) };
  });
}

function parseDraft(question: Question, raw: unknown): string | string[] {
  const parsed = DraftSchemas[question.type].safeParse(raw);
  if (!parsed.success) throw new Refusal('invalid', parsed.error.issues[0].message);
  const value = parsed.data;
  if (question.type === 'single' || question.type === 'multiple') {
    const ids = new Set(question.options.map((o) => o.id));
    const picked = typeof value === 'string' ? (value ? [value] : []) : value;
    if (picked.some((id) => !ids.has(id))) throw new Refusal('invalid', 'That is not one of the options.');
    if (Array.isArray(value)) return [...new Set(value)];
  }
  return value;
}
