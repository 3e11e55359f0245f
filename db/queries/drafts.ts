import { and, eq, sql } from 'drizzle-orm';
import { db } from '../client';
import { drafts } from '../schema';

export type OwnDraft = { code: string; updatedAt: Date };

/** The acting user's autosaved code for an exercise; nobody else's (ownership is the WHERE). */
export async function selectOwnDraft(userId: string, exerciseId: string): Promise<OwnDraft | null> {
  const [row] = await db()
    .select({ code: drafts.code, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.exerciseId, exerciseId)));
  return row ?? null;
}

/**
 * Saves the acting user's draft. Callers check that the user may work on the exercise (an item
 * of theirs points at it); the key includes the user, so one student can never write another's.
 */
export async function upsertOwnDraft(userId: string, exerciseId: string, code: string): Promise<{ updatedAt: Date }> {
  const [row] = await db()
    .insert(drafts)
    .values({ userId, exerciseId, code })
    .onConflictDoUpdate({ target: [drafts.userId, drafts.exerciseId], set: { code, updatedAt: sql`now()` } })
    .returning({ updatedAt: drafts.updatedAt });
  return row;
}
