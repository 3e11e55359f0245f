import { and, eq, sql } from 'drizzle-orm';
import { db } from '../client';
import { enqueueGrading, fairGradingPriority, getQueue, wakeOneConsumer } from '../grading/queue';
import { selectExerciseItemForMember, submissionWindow } from '../queries/assignments';
import { isDatabaseUnavailable, isUniqueViolation, Refusal } from '../queries/errors';
import { selectSubmissionPressure } from '../queries/submissions';
import { submissions } from '../schema';

export const MAX_SUBMISSION_BYTES = 64 * 1024;
export const MAX_IN_FLIGHT_PER_USER = 3;
export const MAX_PER_MINUTE_PER_USER = 10;

/**
 * Stores a submission and queues its grading in one transaction, after checking membership,
 * the submission window, attempts left, size and the per-student rate limits.
 */
export async function submitExercise(input: { userId: string; itemId: string; code: string; now?: Date }) {
  try {
    return await storeSubmission(input);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // A connection lost during COMMIT leaves the outcome unknown to us; the row and its job commit
    // or roll back together, so "check your history" is honest and nothing is half-stored.
    throw new Refusal(
      'unavailable',
      'The grading service is briefly unavailable, so your submission may not have been stored. Check your submission history in a moment and submit again if it is not there.',
    );
  }
}

async function storeSubmission(input: { userId: string; itemId: string; code: string; now?: Date }) {
  const now = input.now ?? new Date();
  const size = Buffer.byteLength(input.code, 'utf8');
  if (size > MAX_SUBMISSION_BYTES) {
    throw new Refusal('too-large', `Your code is ${Math.ceil(size / 1024)} KB; the limit is ${MAX_SUBMISSION_BYTES / 1024} KB.`);
  }
  const item = await selectExerciseItemForMember(input.userId, input.itemId);
  if (!item || !item.exerciseId) throw new Refusal('not-found', 'No such exercise in your courses.');
  if (!item.currentVersionId) throw new Refusal('unpublished', 'This exercise has no published version yet.');
  const window = submissionWindow(item, now);
  if (!window.open) throw new Refusal('closed', window.reason ?? 'Submissions are closed.');

  const pressure = await selectSubmissionPressure(input.userId);
  if (pressure.inFlight >= MAX_IN_FLIGHT_PER_USER) {
    throw new Refusal('rate-limited', `You already have ${pressure.inFlight} submissions being graded; wait for one to finish.`);
  }
  if (pressure.lastMinute >= MAX_PER_MINUTE_PER_USER) {
    throw new Refusal('rate-limited', `At most ${MAX_PER_MINUTE_PER_USER} submissions per minute; try again shortly.`);
  }

  const boss = await getQueue();
  try {
    const stored = await db().transaction(async (tx) => {
      const [{ used }] = await tx
        .select({ used: sql<number>`coalesce(max(${submissions.attempt}), 0)`.mapWith(Number) })
        .from(submissions)
        .where(and(eq(submissions.userId, input.userId), eq(submissions.itemId, input.itemId)));
      if (item.maxAttempts !== null && used >= item.maxAttempts) {
        throw new Refusal('no-attempts-left', `You have used all ${item.maxAttempts} attempts for this exercise.`);
      }
      const [row] = await tx
        .insert(submissions)
        .values({
          userId: input.userId,
          itemId: input.itemId,
          exerciseId: item.exerciseId!,
          exerciseVersionId: item.currentVersionId!,
          code: input.code,
          attempt: used + 1,
          isLate: window.late,
        })
        .returning({ id: submissions.id, attempt: submissions.attempt, isLate: submissions.isLate });
      await enqueueGrading(boss, tx, { submissionId: row.id, run: 0, userId: input.userId, priority: fairGradingPriority(pressure.recentGradingMs) });
      return { submissionId: row.id, attempt: row.attempt, isLate: row.isLate };
    });
    wakeOneConsumer(boss);
    return stored;
  } catch (error) {
    // Two submits racing for the same attempt number: the loser retries from the top.
    if (isUniqueViolation(error)) throw new Refusal('rate-limited', 'Another submission of yours is being stored; try again.');
    throw error;
  }
}
