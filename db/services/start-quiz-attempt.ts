import { randomInt } from 'node:crypto';
import { db } from '../client';
import { submissionWindow } from '../queries/assignments';
import { isUniqueViolation } from '../queries/errors';
import { insertQuizAttempt, selectQuizAttemptUsage, selectQuizItemForMember } from '../queries/quizzes';
import { Refusal } from '../queries/errors';

/**
 * Returns the student's open attempt at a quiz item, or starts the next one: membership, a
 * published assignment, the submission window and the attempt limit are checked here, not in the page.
 * The attempt pins the quiz's current version and a random seed for its option order.
 */
export async function startQuizAttempt(input: { userId: string; itemId: string; now?: Date }): Promise<{ attemptId: string; attempt: number; resumed: boolean }> {
  const now = input.now ?? new Date();
  const item = await selectQuizItemForMember(input.userId, input.itemId);
  if (!item) throw new Refusal('not-found', 'No such quiz in your courses.');
  if (!item.currentVersionId) throw new Refusal('unpublished', 'This quiz has no published version yet.');
  const window = submissionWindow(item, now);
  if (!window.open) throw new Refusal('closed', window.reason ?? 'This quiz is closed.');
  try {
    return await db().transaction(async (tx) => {
      const usage = await selectQuizAttemptUsage(tx, input.userId, input.itemId);
      if (usage.open) return { attemptId: usage.open.id, attempt: usage.open.attempt, resumed: true };
      if (item.maxAttempts !== null && usage.used >= item.maxAttempts) {
        throw new Refusal('no-attempts-left', `You have used all ${item.maxAttempts} attempt${item.maxAttempts === 1 ? '' : 's'} for this quiz.`);
      }
      const row = await insertQuizAttempt(tx, {
        userId: input.userId,
        itemId: input.itemId,
        quizVersionId: item.currentVersionId!,
        attempt: usage.used + 1,
        seed: randomInt(0, 2 ** 31 - 1),
      });
      return { attemptId: row.id, attempt: row.attempt, resumed: false };
    });
  } catch (error) {
    // Two tabs starting at once: the loser resumes the winner's attempt.
    if (isUniqueViolation(error)) {
      const again = await db().transaction((tx) => selectQuizAttemptUsage(tx, input.userId, input.itemId));
      if (again.open) return { attemptId: again.open.id, attempt: again.open.attempt, resumed: true };
    }
    throw error;
  }
}
