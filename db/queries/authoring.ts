import { and, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { db } from '../client';
import { authoringDrafts, exercises, exerciseVersions, quizzes, quizVersions, submissions } from '../schema';
import { assertCapability } from './courses';
import { isUuid } from './ids';

/** Only instructors author content; graders (TAs) review submissions but do not change exercises. */

export type DraftFiles = Record<string, string>;
export type AuthoringDraft = { id: string; courseId: string; kind: 'exercise' | 'quiz'; targetId: string | null; files: DraftFiles; updatedAt: Date };

/** Exercises a course's instructors can see in the content area: the shared library and the course's own. */
export async function selectContentOverview(actorId: string, courseId: string) {
  await assertCapability(actorId, courseId, 'content.publish');
  const [exerciseRows, quizRows, drafts] = await Promise.all([
    db()
      .select({ id: exercises.id, title: exercises.title, topic: exercises.topic, source: exercises.source, courseId: exercises.courseId })
      .from(exercises)
      .where(or(isNull(exercises.courseId), eq(exercises.courseId, courseId)))
      .orderBy(exercises.title),
    db()
      .select({ id: quizzes.id, title: quizzes.title, source: quizzes.source, courseId: quizzes.courseId })
      .from(quizzes)
      .where(or(isNull(quizzes.courseId), eq(quizzes.courseId, courseId)))
      .orderBy(quizzes.title),
    db()
      .select({ id: authoringDrafts.id, kind: authoringDrafts.kind, targetId: authoringDrafts.targetId, files: authoringDrafts.files, updatedAt: authoringDrafts.updatedAt })
      .from(authoringDrafts)
      .where(eq(authoringDrafts.courseId, courseId))
      .orderBy(desc(authoringDrafts.updatedAt)),
  ]);
  return { exercises: exerciseRows, quizzes: quizRows, drafts: drafts.map((d) => ({ ...d, files: d.files })) };
}

/** A draft of the course, for its instructors only. */
export async function selectAuthoringDraft(actorId: string, courseId: string, draftId: string): Promise<AuthoringDraft | null> {
  await assertCapability(actorId, courseId, 'content.publish');
  if (!isUuid(draftId)) return null;
  const [row] = await db()
    .select({
      id: authoringDrafts.id,
      courseId: authoringDrafts.courseId,
      kind: authoringDrafts.kind,
      targetId: authoringDrafts.targetId,
      files: authoringDrafts.files,
      updatedAt: authoringDrafts.updatedAt,
    })
    .from(authoringDrafts)
    .where(and(eq(authoringDrafts.id, draftId), eq(authoringDrafts.courseId, courseId)));
  return row ? { ...row, files: row.files } : null;
}

/** The course's open draft of a published exercise or quiz, if an instructor started one. */
export async function selectDraftForTarget(actorId: string, courseId: string, kind: 'exercise' | 'quiz', targetId: string): Promise<string | null> {
  await assertCapability(actorId, courseId, 'content.publish');
  const [row] = await db()
    .select({ id: authoringDrafts.id })
    .from(authoringDrafts)
    .where(and(eq(authoringDrafts.courseId, courseId), eq(authoringDrafts.kind, kind), eq(authoringDrafts.targetId, targetId)));
  return row?.id ?? null;
}

/** The current version of an exercise the course may use (library or its own); null otherwise. */
export async function selectExerciseForCourse(actorId: string, courseId: string, exerciseId: string) {
  await assertCapability(actorId, courseId, 'content.publish');
  const [row] = await db()
    .select({
      id: exercises.id,
      source: exercises.source,
      courseId: exercises.courseId,
      meta: exerciseVersions.meta,
      statement: exerciseVersions.statement,
      stub: exerciseVersions.stub,
      reference: exerciseVersions.reference,
      tests: exerciseVersions.tests,
      contentHash: exerciseVersions.contentHash,
    })
    .from(exercises)
    .innerJoin(exerciseVersions, eq(exerciseVersions.id, exercises.currentVersionId))
    .where(and(eq(exercises.id, exerciseId), or(isNull(exercises.courseId), eq(exercises.courseId, courseId))));
  return row ?? null;
}

/** The current version of a quiz the course may use (library or its own); null otherwise. */
export async function selectQuizForCourse(actorId: string, courseId: string, quizId: string) {
  await assertCapability(actorId, courseId, 'content.publish');
  const [row] = await db()
    .select({ id: quizzes.id, source: quizzes.source, courseId: quizzes.courseId, content: quizVersions.content })
    .from(quizzes)
    .innerJoin(quizVersions, eq(quizVersions.id, quizzes.currentVersionId))
    .where(and(eq(quizzes.id, quizId), or(isNull(quizzes.courseId), eq(quizzes.courseId, courseId))));
  return row ?? null;
}

/** Submissions graded against any version of the exercise: whether "Regrade existing submissions" is worth offering. */
export async function selectSubmissionCount(exerciseId: string): Promise<number> {
  const [row] = await db().select({ n: count() }).from(submissions).where(eq(submissions.exerciseId, exerciseId));
  return row?.n ?? 0;
}

/** Starts a draft in the course; `targetId` names the published exercise or quiz it edits, if any. */
export async function insertAuthoringDraft(input: { actorId: string; courseId: string; kind: 'exercise' | 'quiz'; targetId: string | null; files: DraftFiles }): Promise<string> {
  await assertCapability(input.actorId, input.courseId, 'content.publish');
  const [row] = await db()
    .insert(authoringDrafts)
    .values({ courseId: input.courseId, kind: input.kind, targetId: input.targetId, files: input.files, updatedBy: input.actorId })
    .returning({ id: authoringDrafts.id });
  return row.id;
}

/** Saves work in progress; nothing is validated or published here. */
export async function updateAuthoringDraftFiles(input: { actorId: string; courseId: string; draftId: string; files: DraftFiles }): Promise<boolean> {
  await assertCapability(input.actorId, input.courseId, 'content.publish');
  const rows = await db()
    .update(authoringDrafts)
    .set({ files: input.files, updatedBy: input.actorId, updatedAt: sql`now()` })
    .where(and(eq(authoringDrafts.id, input.draftId), eq(authoringDrafts.courseId, input.courseId)))
    .returning({ id: authoringDrafts.id });
  return rows.length > 0;
}

/** Who owns an exercise id, across every course: ids are global, so a new one must be free. */
export async function selectExerciseOwner(exerciseId: string): Promise<{ source: 'files' | 'browser'; courseId: string | null } | null> {
  const [row] = await db().select({ source: exercises.source, courseId: exercises.courseId }).from(exercises).where(eq(exercises.id, exerciseId));
  return row ?? null;
}

/** Who owns a quiz id, across every course (quiz ids are global like exercise ids). */
export async function selectQuizOwner(quizId: string): Promise<{ source: 'files' | 'browser'; courseId: string | null } | null> {
  const [row] = await db().select({ source: quizzes.source, courseId: quizzes.courseId }).from(quizzes).where(eq(quizzes.id, quizId));
  return row ?? null;
}
