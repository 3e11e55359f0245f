import { db } from '../client';
import { submissionWindow } from '../queries/assignments';
import { selectOwnOpenQuizAttemptForUpdate, selectOwnQuizAttempt, selectQuizItemForMember, upsertQuizAnswer } from '../queries/quizzes';
import type { Answer } from '../../graders/quiz/answers';
import type { Question } from '../../graders/quiz/schema';
import { kindOf } from '../../graders/quiz/types';
import { Refusal } from '../queries/errors';

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

/** The question type's own answer schema; a draft may be empty (a student clears a field), which scoring treats as unanswered. */
function parseDraft(question: Question, raw: unknown): Answer {
  const kind = kindOf(question);
  const parsed = kind.answer.safeParse(raw);
  if (!parsed.success) throw new Refusal('invalid', parsed.error.issues[0].message);
  const accepted = kind.acceptDraft ? kind.acceptDraft(question, parsed.data) : { ok: true as const, value: parsed.data };
  if (!accepted.ok) throw new Refusal('invalid', accepted.error);
  return accepted.value;
}
