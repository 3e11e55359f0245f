import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { db } from '../client';
import { assertCapability } from '../queries/courses';
import { Refusal } from '../queries/errors';
import { isUuid } from '../queries/ids';
import { markScoresChanged } from '../queries/lti';
import { selectOwnScores } from '../queries/scores';
import { assignmentItems, assignments, quizAttempts, scoreOverrides, submissions } from '../schema';

export type OverrideInput = {
  actorId: string;
  courseId: string;
  /** The submission or quiz attempt the grader was looking at; its student and item are overridden. */
  target: { kind: 'submission' | 'quiz_attempt'; id: string };
  /** In points of the item (0..points), as the score policy in db/queries/scores.ts reads overrides. */
  newScore: number;
  /** Why, for the audit trail; mandatory. */
  reason: string;
  /** What the student is told, if anything. */
  comment?: string | null;
  /** The grader confirmed a score below the best attempt's: without it such an override is refused. */
  confirmLower?: boolean;
};

/**
 * Sets a student's final score on an *item* (not on the attempt the grader opened): it replaces the best
 * attempt's score, so a score below it must be confirmed. The row is append-only (a trigger refuses UPDATE
 * and DELETE), so the audit trail keeps who, when, the score before, the score after and why.
 */
export async function overrideScore(input: OverrideInput): Promise<{ id: string; oldScore: number | null }> {
  await assertCapability(input.actorId, input.courseId, 'scores.override');
  const reason = input.reason.trim();
  if (!reason) throw new Refusal('invalid', 'Give a reason for the audit trail.');
  const target = await selectTarget(input.courseId, input.target);
  if (!target) throw new Refusal('forbidden', 'No such submission in this course.');
  if (!Number.isFinite(input.newScore) || input.newScore < 0 || input.newScore > target.points) {
    throw new Refusal('invalid', `The score must be between 0 and ${target.points} points.`);
  }
  // Read before the transaction: on PGlite a query outside an open transaction would wait for it.
  const { scores } = await selectOwnScores(target.userId, input.courseId);
  const score = scores.find((s) => s.itemId === target.itemId);
  const current = score?.final ?? null;
  const best = score?.best ?? null;
  if (best !== null && input.newScore < best && !input.confirmLower) {
    throw new Refusal('needs-confirmation', `${input.newScore} is below the best attempt's ${best} of ${target.points} points: confirm to lower the item's final score.`);
  }

  return db().transaction(async (tx) => {
    // Serialises overrides of one (student, item) so each row's old score is the previous row's new score
    // (an override wins over attempts, so the latest one is the current score when there is one).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`override:${target.userId}:${target.itemId}`}))`);
    const [previous] = await tx
      .select({ score: scoreOverrides.newScore })
      .from(scoreOverrides)
      .where(and(eq(scoreOverrides.userId, target.userId), eq(scoreOverrides.itemId, target.itemId)))
      .orderBy(desc(scoreOverrides.createdAt))
      .limit(1);
    const oldScore = previous?.score ?? current;
    const [row] = await tx
      .insert(scoreOverrides)
      .values({
        courseId: input.courseId,
        userId: target.userId,
        itemId: target.itemId,
        submissionId: input.target.kind === 'submission' ? input.target.id : null,
        quizAttemptId: input.target.kind === 'quiz_attempt' ? input.target.id : null,
        oldScore,
        newScore: input.newScore,
        reason,
        comment: input.comment?.trim() || null,
        actorId: input.actorId,
      })
      .returning({ id: scoreOverrides.id });
    await markScoresChanged(tx, [target.userId], [target.itemId]);
    return { id: row.id, oldScore };
  });
}

async function selectTarget(courseId: string, target: OverrideInput['target']) {
  if (!isUuid(target.id)) return null;
  const t = target.kind === 'submission' ? submissions : quizAttempts;
  const [row] = await db()
    .select({ userId: t.userId, itemId: assignmentItems.id, points: assignmentItems.points })
    .from(t)
    .innerJoin(assignmentItems, eq(assignmentItems.id, t.itemId))
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    // Nothing to override on a quiz attempt the student is still answering.
    .where(and(eq(t.id, target.id), eq(assignments.courseId, courseId), target.kind === 'quiz_attempt' ? ne(quizAttempts.status, 'in_progress') : undefined));
  return row ?? null;
}
