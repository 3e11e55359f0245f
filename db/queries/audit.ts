import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../client';
import { assignmentItems, exercises, quizzes, scoreOverrides, users } from '../schema';
import { assertCapability } from './courses';

const actors = alias(users, 'actors');

const trailColumns = {
  id: scoreOverrides.id,
  createdAt: scoreOverrides.createdAt,
  actorName: actors.name,
  actorEmail: actors.email,
  studentName: users.name,
  studentEmail: users.email,
  itemTitle: sql<string>`coalesce(${exercises.title}, ${quizzes.title}, 'Untitled item')`,
  oldScore: scoreOverrides.oldScore,
  newScore: scoreOverrides.newScore,
  reason: scoreOverrides.reason,
  comment: scoreOverrides.comment,
  submissionId: scoreOverrides.submissionId,
  quizAttemptId: scoreOverrides.quizAttemptId,
};

function trail() {
  return db()
    .select(trailColumns)
    .from(scoreOverrides)
    .innerJoin(users, eq(users.id, scoreOverrides.userId))
    .leftJoin(actors, eq(actors.id, scoreOverrides.actorId))
    .innerJoin(assignmentItems, eq(assignmentItems.id, scoreOverrides.itemId))
    .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .$dynamic();
}

export type AuditEntry = Awaited<ReturnType<typeof selectAuditTrail>>[number];

/**
 * Every manual score change in the course, newest first: the instructor's oversight of all staff. Graders see
 * the overrides (reasons included) of the one student item they open (selectItemOverrides), so they grade
 * consistently with each other; students never see a reason, only the grader's comment.
 */
export async function selectAuditTrail(actorId: string, courseId: string, limit = 500) {
  await assertCapability(actorId, courseId, 'audit.view');
  return trail().where(eq(scoreOverrides.courseId, courseId)).orderBy(desc(scoreOverrides.createdAt)).limit(limit);
}

/** The overrides of one student's item, newest first, for the staff submission and gradebook pages. */
export async function selectItemOverrides(actorId: string, courseId: string, userId: string, itemId: string) {
  await assertCapability(actorId, courseId, 'submissions.view-all');
  return trail()
    .where(and(eq(scoreOverrides.courseId, courseId), eq(scoreOverrides.userId, userId), eq(scoreOverrides.itemId, itemId)))
    .orderBy(desc(scoreOverrides.createdAt));
}
