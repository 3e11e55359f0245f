import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { JWK } from 'jose';
import { db, type Db } from '../client';
import { NO_PASSWORD } from '../password';
import type { CourseRole } from '../permissions';
import {
  assignmentItems,
  assignments,
  courses,
  enrollments,
  ltiContexts,
  ltiDeployments,
  ltiLibraryRecords,
  ltiMembers,
  ltiNonces,
  ltiPlatforms,
  ltiResourceLinks,
  ltiScoreSyncs,
  ltiToolKeys,
  ltiUserLinks,
  users,
} from '../schema';
import { assertCapability } from './courses';
import { isUniqueViolation, Refusal } from './errors';

/** The LTI data layer: platforms, deployments, keys, nonces, links and the score outbox. */

export type LtiPlatform = typeof ltiPlatforms.$inferSelect;
export type PlatformInput = { name: string; issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string };

export async function insertPlatform(input: PlatformInput & { deploymentIds: string[] }): Promise<string> {
  try {
    return await db().transaction(async (tx) => {
      const [row] = await tx
        .insert(ltiPlatforms)
        .values({ name: input.name, issuer: input.issuer, clientId: input.clientId, authUrl: input.authUrl, tokenUrl: input.tokenUrl, jwksUrl: input.jwksUrl })
        .returning({ id: ltiPlatforms.id });
      for (const deploymentId of input.deploymentIds) await tx.insert(ltiDeployments).values({ platformId: row.id, deploymentId });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal('conflict', 'This issuer and client id are already registered.');
    throw error;
  }
}

export async function selectPlatforms(): Promise<LtiPlatform[]> {
  return db().select().from(ltiPlatforms).orderBy(asc(ltiPlatforms.createdAt));
}

export async function selectPlatformById(id: string): Promise<LtiPlatform | null> {
  const [row] = await db().select().from(ltiPlatforms).where(eq(ltiPlatforms.id, id));
  return row ?? null;
}

/** Enabled platforms only: a disabled one can neither log in nor launch. */
export async function selectEnabledPlatform(issuer: string, clientId: string): Promise<LtiPlatform | null> {
  const [row] = await db()
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.issuer, issuer), eq(ltiPlatforms.clientId, clientId), isNull(ltiPlatforms.disabledAt)));
  return row ?? null;
}

export async function selectEnabledPlatformsByIssuer(issuer: string): Promise<LtiPlatform[]> {
  return db()
    .select()
    .from(ltiPlatforms)
    .where(and(eq(ltiPlatforms.issuer, issuer), isNull(ltiPlatforms.disabledAt)));
}

export async function updatePlatform(id: string, values: Partial<PlatformInput> & { disabledAt?: Date | null }): Promise<void> {
  await db().update(ltiPlatforms).set(values).where(eq(ltiPlatforms.id, id));
}

export async function deletePlatform(id: string): Promise<void> {
  await db().delete(ltiPlatforms).where(eq(ltiPlatforms.id, id));
}

export async function notePlatformLaunch(id: string): Promise<void> {
  await db()
    .update(ltiPlatforms)
    .set({ lastLaunchAt: sql`now()` })
    .where(eq(ltiPlatforms.id, id));
}

/** `message` is written by us (never the platform's token or payload). */
export async function notePlatformError(id: string, message: string): Promise<void> {
  await db()
    .update(ltiPlatforms)
    .set({ lastError: message.slice(0, 500), lastErrorAt: sql`now()` })
    .where(eq(ltiPlatforms.id, id));
}

export async function selectDeployments(platformId: string) {
  return db().select().from(ltiDeployments).where(eq(ltiDeployments.platformId, platformId)).orderBy(asc(ltiDeployments.createdAt));
}

export async function selectDeployment(platformId: string, deploymentId: string) {
  const [row] = await db()
    .select()
    .from(ltiDeployments)
    .where(and(eq(ltiDeployments.platformId, platformId), eq(ltiDeployments.deploymentId, deploymentId)));
  return row ?? null;
}

export async function insertDeployment(platformId: string, deploymentId: string, name?: string): Promise<string> {
  const [row] = await db()
    .insert(ltiDeployments)
    .values({ platformId, deploymentId, name })
    .onConflictDoUpdate({ target: [ltiDeployments.platformId, ltiDeployments.deploymentId], set: { name: name ?? null } })
    .returning({ id: ltiDeployments.id });
  return row.id;
}

export async function updateDeployment(platformId: string, id: string, values: { deploymentId?: string; name?: string | null }): Promise<void> {
  await db()
    .update(ltiDeployments)
    .set(values)
    .where(and(eq(ltiDeployments.platformId, platformId), eq(ltiDeployments.id, id)));
}

export async function deleteDeployment(platformId: string, id: string): Promise<void> {
  await db()
    .delete(ltiDeployments)
    .where(and(eq(ltiDeployments.platformId, platformId), eq(ltiDeployments.id, id)));
}

// Tool keys

export type ToolKey = typeof ltiToolKeys.$inferSelect;

/** Keys to publish in the JWKS: every key not retired, including one that does not sign yet. */
export async function selectPublishedToolKeys(): Promise<ToolKey[]> {
  return db().select().from(ltiToolKeys).where(isNull(ltiToolKeys.retiredAt)).orderBy(asc(ltiToolKeys.createdAt));
}

/** The newest key allowed to sign now (published since signs_from at least). */
export async function selectSigningToolKey(): Promise<ToolKey | null> {
  const [row] = await db()
    .select()
    .from(ltiToolKeys)
    .where(and(isNull(ltiToolKeys.retiredAt), lte(ltiToolKeys.signsFrom, sql`now()`)))
    .orderBy(sql`${ltiToolKeys.signsFrom} desc`)
    .limit(1);
  return row ?? null;
}

export async function insertToolKey(key: { kid: string; publicJwk: JWK; privateJwk: JWK; signsFrom?: Date }): Promise<void> {
  await db().insert(ltiToolKeys).values(key).onConflictDoNothing();
}

// Nonces

export async function insertNonce(nonce: string, expiresAt: Date): Promise<void> {
  // Expired nonces are useless; drop them here rather than in a separate job.
  await db()
    .delete(ltiNonces)
    .where(lte(ltiNonces.expiresAt, sql`now() - interval '1 day'`));
  await db().insert(ltiNonces).values({ nonce, expiresAt });
}

/** Consumes a nonce: true exactly once, and only before it expires. */
export async function consumeNonce(nonce: string): Promise<boolean> {
  const rows = await db()
    .update(ltiNonces)
    .set({ usedAt: sql`now()` })
    .where(and(eq(ltiNonces.nonce, nonce), isNull(ltiNonces.usedAt), gt(ltiNonces.expiresAt, sql`now()`)))
    .returning({ nonce: ltiNonces.nonce });
  return rows.length === 1;
}

// The library's own records (its launch sessions, dynamic-registration sessions)

export async function upsertLibraryRecord(kind: string, id: string, data: unknown, expiresAt: Date): Promise<void> {
  await db()
    .insert(ltiLibraryRecords)
    .values({ kind, id, data, expiresAt })
    .onConflictDoUpdate({ target: [ltiLibraryRecords.kind, ltiLibraryRecords.id], set: { data, expiresAt } });
}

export async function selectLibraryRecord(kind: string, id: string): Promise<unknown> {
  const [row] = await db()
    .select({ data: ltiLibraryRecords.data })
    .from(ltiLibraryRecords)
    .where(and(eq(ltiLibraryRecords.kind, kind), eq(ltiLibraryRecords.id, id), gt(ltiLibraryRecords.expiresAt, sql`now()`)));
  return row?.data;
}

export async function deleteLibraryRecord(kind: string, id: string): Promise<void> {
  await db()
    .delete(ltiLibraryRecords)
    .where(and(eq(ltiLibraryRecords.kind, kind), eq(ltiLibraryRecords.id, id)));
}

// Users, contexts and resource links

/**
 * The account linked to a platform user, created on first launch. Never matched by e-mail: a new account
 * gets an address of its own under .invalid and an unusable password, so it signs in only through the LMS.
 */
export async function selectOrInsertLinkedUser(platformId: string, subject: string, name: string): Promise<{ id: string; sessionVersion: number }> {
  const linked = async () => {
    const [row] = await db()
      .select({ id: users.id, sessionVersion: users.sessionVersion })
      .from(ltiUserLinks)
      .innerJoin(users, eq(users.id, ltiUserLinks.userId))
      .where(and(eq(ltiUserLinks.platformId, platformId), eq(ltiUserLinks.subject, subject)));
    return row ?? null;
  };
  const existing = await linked();
  if (existing) return existing;
  // Signs in through the LMS only; hashing a random password here made a 300-member roster sync 300 argon2 runs.
  const passwordHash = NO_PASSWORD;
  const email = `lti-${randomBytes(9).toString('hex')}@lms.invalid`;
  try {
    return await db().transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, name: name || 'LMS user', passwordHash })
        .returning({ id: users.id, sessionVersion: users.sessionVersion });
      await tx.insert(ltiUserLinks).values({ platformId, subject, userId: user.id });
      return user;
    });
  } catch (error) {
    // Two first launches at once: the other one linked the user.
    if (isUniqueViolation(error)) return (await linked())!;
    throw error;
  }
}

export async function selectContextCourse(platformId: string, contextId: string): Promise<string | null> {
  const [row] = await db()
    .select({ courseId: ltiContexts.courseId })
    .from(ltiContexts)
    .where(and(eq(ltiContexts.platformId, platformId), eq(ltiContexts.contextId, contextId)));
  return row?.courseId ?? null;
}

export async function upsertContext(input: { platformId: string; contextId: string; courseId: string; title: string; membershipsUrl?: string; lineItemsUrl?: string }): Promise<void> {
  await db()
    .insert(ltiContexts)
    .values(input)
    .onConflictDoUpdate({
      target: [ltiContexts.platformId, ltiContexts.contextId],
      set: { title: input.title, membershipsUrl: input.membershipsUrl ?? null, lineItemsUrl: input.lineItemsUrl ?? null },
    });
}

/** Staff: an instructor of the course links an LMS context to it (before or instead of a created course). */
export async function linkContextToCourse(actorId: string, courseId: string, platformId: string, contextId: string, title = ''): Promise<void> {
  await assertCapability(actorId, courseId, 'lms.manage');
  // Never repoints a context another course holds: its LMS students would then launch into this course.
  await db().insert(ltiContexts).values({ platformId, contextId, courseId, title }).onConflictDoNothing();
  const [row] = await db()
    .select({ courseId: ltiContexts.courseId })
    .from(ltiContexts)
    .where(and(eq(ltiContexts.platformId, platformId), eq(ltiContexts.contextId, contextId)));
  if (row?.courseId !== courseId) throw new Refusal('conflict', 'This LMS course is already connected to another Tensorgrade course.');
}

/** The LMS is the authority on course roles of the accounts it launches. */
export async function upsertEnrollment(courseId: string, userId: string, role: CourseRole): Promise<void> {
  await db()
    .insert(enrollments)
    .values({ courseId, userId, role })
    .onConflictDoUpdate({ target: [enrollments.courseId, enrollments.userId], set: { role } });
}

export async function insertCourseForContext(title: string, code: string, creatorId: string): Promise<string> {
  const joinCode = randomBytes(6).toString('hex').toUpperCase();
  const [row] = await db()
    .insert(courses)
    .values({ title: title || 'LMS course', code: code || 'LMS', joinCode, createdBy: creatorId })
    .returning({ id: courses.id });
  return row.id;
}

export type LinkedItem = { itemId: string; courseId: string; kind: 'exercise' | 'quiz'; points: number };

export async function selectItemInCourse(itemId: string, courseId: string): Promise<LinkedItem | null> {
  const [row] = await db()
    .select({ itemId: assignmentItems.id, courseId: assignments.courseId, kind: assignmentItems.kind, points: assignmentItems.points })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(eq(assignmentItems.id, itemId), eq(assignments.courseId, courseId)));
  return row ?? null;
}

export type ResourceLinkInput = { platformId: string; deploymentId: string; resourceLinkId: string; courseId: string; itemId: string | null; lineItemUrl: string | null };

/** Records the link and what it opens; a later launch keeps a known item and picks up a new line item URL. */
export async function upsertResourceLink(input: ResourceLinkInput): Promise<{ id: string; itemId: string | null }> {
  const [row] = await db()
    .insert(ltiResourceLinks)
    .values(input)
    .onConflictDoUpdate({
      target: [ltiResourceLinks.platformId, ltiResourceLinks.resourceLinkId],
      set: { lineItemUrl: sql`coalesce(excluded.line_item_url, ${ltiResourceLinks.lineItemUrl})`, itemId: sql`coalesce(${ltiResourceLinks.itemId}, excluded.item_id)` },
    })
    .returning({ id: ltiResourceLinks.id, itemId: ltiResourceLinks.itemId });
  return row;
}

// The score outbox

/**
 * Marks (user, item) scores for sending, inside the caller's transaction (the score change and its mark
 * commit together). Only items placed in an LMS with a line item, and only users the LMS launched, get a
 * row: without any LMS this inserts nothing.
 */
export async function markScoresChanged(tx: Db, userIds: readonly string[], itemIds: readonly string[]): Promise<void> {
  if (userIds.length === 0 || itemIds.length === 0) return;
  await tx.execute(sql`
    insert into lti_score_syncs (resource_link_id, user_id)
    select rl.id, ul.user_id
    from lti_resource_links rl
    join lti_user_links ul on ul.platform_id = rl.platform_id
    where rl.item_id in (${sql.join(
      itemIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and rl.line_item_url is not null
      and ul.user_id in (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    on conflict (resource_link_id, user_id) do update
      set version = lti_score_syncs.version + 1, changed_at = now(), attempts = 0, last_error = null,
        -- A row whose job is queued stays queued (one job per row at a time, so posts stay in order);
        -- that job sees the version moved on and puts the row back to pending when it is done.
        status = case when lti_score_syncs.status = 'queued' then 'queued'::lti_score_sync_status else 'pending'::lti_score_sync_status end`);
}

/** Every (user, item) of an item's students: a late penalty or a regrade may change any of them. */
export async function markItemScoresChanged(tx: Db, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await tx.execute(sql`
    update lti_score_syncs s set version = s.version + 1, changed_at = now(), attempts = 0, last_error = null,
      status = case when s.status = 'queued' then 'queued'::lti_score_sync_status else 'pending'::lti_score_sync_status end
    from lti_resource_links rl
    where rl.id = s.resource_link_id and rl.item_id in (${sql.join(
      itemIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
}

export type PendingScoreSync = { resourceLinkId: string; userId: string; version: number };

/** Claims pending rows for sending (status → queued); each gets one queue job. */
export async function claimPendingScoreSyncs(tx: Db, limit = 100): Promise<PendingScoreSync[]> {
  const result = await tx.execute(sql`
    update lti_score_syncs set status = 'queued'
    where (resource_link_id, user_id) in (select resource_link_id, user_id from lti_score_syncs where status = 'pending' order by changed_at limit ${limit} for update skip locked)
    returning resource_link_id as "resourceLinkId", user_id as "userId", version`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as PendingScoreSync[];
}

export type ScoreSyncTarget = {
  resourceLinkId: string;
  userId: string;
  version: number;
  sentVersion: number;
  sentScore: number | null;
  courseId: string;
  itemId: string | null;
  lineItemUrl: string | null;
  subject: string;
  platform: LtiPlatform;
  deploymentId: string;
};

export async function selectScoreSyncTarget(resourceLinkId: string, userId: string): Promise<ScoreSyncTarget | null> {
  const [row] = await db()
    .select({
      resourceLinkId: ltiScoreSyncs.resourceLinkId,
      userId: ltiScoreSyncs.userId,
      version: ltiScoreSyncs.version,
      sentVersion: ltiScoreSyncs.sentVersion,
      sentScore: ltiScoreSyncs.sentScore,
      courseId: ltiResourceLinks.courseId,
      itemId: ltiResourceLinks.itemId,
      lineItemUrl: ltiResourceLinks.lineItemUrl,
      deploymentId: ltiResourceLinks.deploymentId,
      subject: ltiUserLinks.subject,
      platform: ltiPlatforms,
    })
    .from(ltiScoreSyncs)
    .innerJoin(ltiResourceLinks, eq(ltiResourceLinks.id, ltiScoreSyncs.resourceLinkId))
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiResourceLinks.platformId))
    .innerJoin(ltiUserLinks, and(eq(ltiUserLinks.platformId, ltiPlatforms.id), eq(ltiUserLinks.userId, ltiScoreSyncs.userId)))
    .where(and(eq(ltiScoreSyncs.resourceLinkId, resourceLinkId), eq(ltiScoreSyncs.userId, userId)));
  return row ?? null;
}

/** Delivered `version` with `score`; a change made meanwhile (version moved on) stays pending. */
export async function markScoreSyncSent(resourceLinkId: string, userId: string, version: number, score: number | null): Promise<void> {
  await db()
    .update(ltiScoreSyncs)
    .set({
      sentVersion: version,
      sentScore: score,
      sentAt: sql`now()`,
      lastError: null,
      status: sql`case when ${ltiScoreSyncs.version} = ${version} then 'sent'::lti_score_sync_status else 'pending'::lti_score_sync_status end`,
    })
    .where(and(eq(ltiScoreSyncs.resourceLinkId, resourceLinkId), eq(ltiScoreSyncs.userId, userId)));
}

export async function markScoreSyncAttemptFailed(resourceLinkId: string, userId: string, message: string, final: boolean): Promise<void> {
  await db()
    .update(ltiScoreSyncs)
    .set({ attempts: sql`${ltiScoreSyncs.attempts} + 1`, lastError: message.slice(0, 500), ...(final ? { status: 'failed' as const } : {}) })
    .where(and(eq(ltiScoreSyncs.resourceLinkId, resourceLinkId), eq(ltiScoreSyncs.userId, userId)));
}

/** Staff page: what is waiting or failed, per course. */
export async function selectScoreSyncsForCourse(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'lms.manage');
  return db()
    .select({
      resourceLinkId: ltiScoreSyncs.resourceLinkId,
      userId: ltiScoreSyncs.userId,
      name: users.name,
      status: ltiScoreSyncs.status,
      attempts: ltiScoreSyncs.attempts,
      lastError: ltiScoreSyncs.lastError,
      changedAt: ltiScoreSyncs.changedAt,
      sentAt: ltiScoreSyncs.sentAt,
    })
    .from(ltiScoreSyncs)
    .innerJoin(ltiResourceLinks, eq(ltiResourceLinks.id, ltiScoreSyncs.resourceLinkId))
    .innerJoin(users, eq(users.id, ltiScoreSyncs.userId))
    .where(eq(ltiResourceLinks.courseId, courseId))
    .orderBy(asc(ltiScoreSyncs.changedAt));
}

/** Staff: send failed scores again. */
export async function retryFailedScoreSyncs(actorId: string, courseId: string): Promise<number> {
  await assertCapability(actorId, courseId, 'lms.manage');
  const result = await db().execute(sql`
    update lti_score_syncs s set status = 'pending', attempts = 0
    from lti_resource_links rl where rl.id = s.resource_link_id and rl.course_id = ${courseId}::uuid and s.status = 'failed'
    returning s.user_id`);
  return ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as unknown[]).length;
}

// Staff page

async function assertPlatformAdmin(actorId: string): Promise<void> {
  const [row] = await db().select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, actorId));
  // A platform is shared by every course, so registering or disabling one is for platform administrators.
  if (!row?.isAdmin) throw new Refusal('forbidden', 'Only a platform administrator can register or disable an LMS.');
}

export async function registerPlatform(actorId: string, input: PlatformInput & { deploymentIds: string[] }): Promise<string> {
  await assertPlatformAdmin(actorId);
  return insertPlatform(input);
}

export async function setPlatformEnabled(actorId: string, platformId: string, enabled: boolean): Promise<void> {
  await assertPlatformAdmin(actorId);
  await updatePlatform(platformId, { disabledAt: enabled ? null : new Date() });
}

export type PlatformOverview = Pick<LtiPlatform, 'id' | 'name' | 'issuer' | 'clientId' | 'disabledAt' | 'lastLaunchAt' | 'lastError' | 'lastErrorAt'> & {
  deploymentIds: string[];
  linkedHere: boolean;
};

/** Staff of a course: every registered platform (no secrets exist to hide), and whether it serves this course. */
export async function selectPlatformOverview(actorId: string, courseId: string): Promise<PlatformOverview[]> {
  await assertCapability(actorId, courseId, 'lms.manage');
  const platforms = await selectPlatforms();
  const deployments = await db().select({ platformId: ltiDeployments.platformId, deploymentId: ltiDeployments.deploymentId }).from(ltiDeployments);
  const linked = new Set((await db().select({ platformId: ltiContexts.platformId }).from(ltiContexts).where(eq(ltiContexts.courseId, courseId))).map((r) => r.platformId));
  return platforms.map((p) => ({
    id: p.id,
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    disabledAt: p.disabledAt,
    lastLaunchAt: p.lastLaunchAt,
    lastError: p.lastError,
    lastErrorAt: p.lastErrorAt,
    deploymentIds: deployments.filter((d) => d.platformId === p.id).map((d) => d.deploymentId),
    linkedHere: linked.has(p.id),
  }));
}

// Roster (NRPS)

export async function selectCourseContexts(courseId: string) {
  return db()
    .select({ platformId: ltiContexts.platformId, contextId: ltiContexts.contextId, membershipsUrl: ltiContexts.membershipsUrl, platform: ltiPlatforms })
    .from(ltiContexts)
    .innerJoin(ltiPlatforms, eq(ltiPlatforms.id, ltiContexts.platformId))
    .where(eq(ltiContexts.courseId, courseId));
}

/** Stores the roster as listed; members no longer listed are marked dropped (kept, with their work). */
export async function replaceContextMembers(platformId: string, contextId: string, members: { subject: string; userId: string; roles: string[]; active: boolean }[]): Promise<{ dropped: number }> {
  return db().transaction(async (tx) => {
    for (const m of members) {
      await tx
        .insert(ltiMembers)
        .values({ platformId, contextId, subject: m.subject, userId: m.userId, roles: m.roles, droppedAt: m.active ? null : sql`now()`, syncedAt: sql`now()` })
        .onConflictDoUpdate({
          target: [ltiMembers.platformId, ltiMembers.contextId, ltiMembers.subject],
          set: { userId: m.userId, roles: m.roles, syncedAt: sql`now()`, droppedAt: m.active ? null : sql`coalesce(${ltiMembers.droppedAt}, now())` },
        });
    }
    const listed = members.map((m) => m.subject);
    const dropped = await tx
      .update(ltiMembers)
      .set({ droppedAt: sql`now()` })
      .where(
        and(
          eq(ltiMembers.platformId, platformId),
          eq(ltiMembers.contextId, contextId),
          isNull(ltiMembers.droppedAt),
          listed.length
            ? sql`${ltiMembers.subject} not in (${sql.join(
                listed.map((s) => sql`${s}`),
                sql`, `,
              )})`
            : undefined,
        ),
      )
      .returning({ subject: ltiMembers.subject });
    await tx
      .update(ltiContexts)
      .set({ lastRosterSyncAt: sql`now()` })
      .where(and(eq(ltiContexts.platformId, platformId), eq(ltiContexts.contextId, contextId)));
    return { dropped: dropped.length };
  });
}

export async function selectContextMembers(platformId: string, contextId: string) {
  return db()
    .select()
    .from(ltiMembers)
    .where(and(eq(ltiMembers.platformId, platformId), eq(ltiMembers.contextId, contextId)));
}
