import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '../client';
import { scoreOverrides } from '../schema';
import { isUuid } from './ids';

/** What a student is told about a grader's score change (score in points of the item). The reason stays with staff. */
export type FinalScore = { itemId: string; score: number; comment: string | null; at: Date };

/**
 * The latest override of each of the user's own items: it replaces the automatic score as the item's
 * final score. Ownership is the WHERE clause; the audit reason is not selected.
 */
export async function selectOwnFinalScores(userId: string, itemIds: readonly string[]): Promise<Map<string, FinalScore>> {
  const ids = itemIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await db()
    .selectDistinctOn([scoreOverrides.itemId], { itemId: scoreOverrides.itemId, score: scoreOverrides.newScore, comment: scoreOverrides.comment, at: scoreOverrides.createdAt })
    .from(scoreOverrides)
    .where(and(eq(scoreOverrides.userId, userId), inArray(scoreOverrides.itemId, ids)))
    .orderBy(scoreOverrides.itemId, desc(scoreOverrides.createdAt), desc(scoreOverrides.id));
  return new Map(rows.map((r) => [r.itemId, r]));
}
