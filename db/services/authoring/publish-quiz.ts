import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { selectAuthoringDraft, selectQuizOwner } from '@/db/queries/authoring';
import { quizVersions, quizzes } from '@/db/schema';
import { checkQuizText, QUIZ_FILE } from '@/graders/authoring/quiz';
import type { AuthoringProblem } from '@/graders/authoring/protocol';
import type { Quiz } from '@/graders/quiz/schema';
import { AuthoringRejected } from './errors';
import { linkDraftToTarget } from './store-version';

/** Validates a quiz draft and answers what is wrong by file and field, or the parsed quiz. */
export async function checkQuizDraft(input: { actorId: string; courseId: string; draftId: string }): Promise<{ quiz: Quiz; versionHash: string; draftId: string }> {
  const draft = await selectAuthoringDraft(input.actorId, input.courseId, input.draftId);
  if (!draft || draft.kind !== 'quiz') throw new AuthoringRejected([{ file: '', field: '', message: 'no such quiz draft in this course' }]);
  const checked = checkQuizText(draft.files[QUIZ_FILE] ?? '');
  if ('problems' in checked) throw new AuthoringRejected(checked.problems);
  const { id } = checked.quiz;
  const idProblem = (message: string): AuthoringProblem[] => [{ file: QUIZ_FILE, field: 'id', message }];
  if (draft.targetId && draft.targetId !== id) throw new AuthoringRejected(idProblem(`was "${draft.targetId}" when published; an id never changes`));
  const owner = await selectQuizOwner(id);
  if (owner && !(owner.source === 'browser' && owner.courseId === input.courseId)) throw new AuthoringRejected(idProblem(`"${id}" is already used by another quiz; choose a new id`));
  return { ...checked, draftId: draft.id };
}

/**
 * Publishes a quiz draft as a new immutable version of a course-owned quiz (attempts keep the
 * version they started on), in one transaction.
 */
export async function publishQuizDraft(input: { actorId: string; courseId: string; draftId: string }) {
  const { quiz, versionHash } = await checkQuizDraft(input);
  return db().transaction(async (tx) => {
    const owned = await tx
      .insert(quizzes)
      .values({ id: quiz.id, slug: quiz.id, title: quiz.title, source: 'browser', courseId: input.courseId })
      .onConflictDoUpdate({ target: quizzes.id, set: { title: quiz.title, updatedAt: sql`now()` }, setWhere: and(eq(quizzes.courseId, input.courseId), eq(quizzes.source, 'browser')) })
      .returning({ id: quizzes.id });
    if (owned.length === 0) throw new AuthoringRejected([{ file: QUIZ_FILE, field: 'id', message: `"${quiz.id}" is already used by another quiz` }]);
    const inserted = await tx
      .insert(quizVersions)
      .values({ quizId: quiz.id, contentHash: versionHash, content: quiz, questionCount: quiz.questions.length, createdBy: input.actorId })
      .onConflictDoNothing()
      .returning({ id: quizVersions.id });
    const [version] = inserted.length
      ? inserted
      : await tx
          .select({ id: quizVersions.id })
          .from(quizVersions)
          .where(and(eq(quizVersions.quizId, quiz.id), eq(quizVersions.contentHash, versionHash)));
    await tx.update(quizzes).set({ currentVersionId: version.id }).where(eq(quizzes.id, quiz.id));
    await linkDraftToTarget(tx, input.draftId, quiz.id);
    return { quizId: quiz.id, versionId: version.id, created: inserted.length > 0 };
  });
}
