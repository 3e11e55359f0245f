import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from './test-db';
import { db } from '@/db/client';
import { quizVersions, quizzes } from '@/db/schema';
import { insertCourse } from '@/db/queries/courses';
import { insertUser } from '@/db/queries/users';
import { insertAuthoringDraft, updateAuthoringDraftFiles } from '@/db/queries/authoring';
import { AuthoringRejected } from '@/db/services/authoring/errors';
import { publishQuizDraft } from '@/db/services/authoring/publish-quiz';
import { syncContent } from '@/db/sync-content';
import { newQuizText, QUIZ_FILE } from '@/graders/authoring/quiz';

let drop: () => Promise<void>;
let actorId: string;
let courseId: string;
beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  actorId = (await insertUser({ email: 'prof@uni.test', name: 'Prof', password: 'correct horse battery', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId, title: 'Quizzes', code: 'QZ' })).id;
});
afterAll(async () => drop());

const rejection = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (e: unknown) => (e as AuthoringRejected).problems,
  );

describe('quiz authoring', () => {
  it('publishes versions of a course quiz and refuses broken files by file and field', async () => {
    const draftId = await insertAuthoringDraft({ actorId, courseId, kind: 'quiz', targetId: null, files: { [QUIZ_FILE]: newQuizText('activations', 'Activations') } });
    const first = await publishQuizDraft({ actorId, courseId, draftId });
    expect(first).toMatchObject({ quizId: 'activations', created: true });
    const [row] = await db().select().from(quizzes).where(eq(quizzes.id, 'activations'));
    expect(row).toMatchObject({ source: 'browser', courseId, currentVersionId: first.versionId });

    const single = JSON.parse(newQuizText('activations', 'Activations'));
    single.questions[0].options[1].correct = true;
    await updateAuthoringDraftFiles({ actorId, courseId, draftId, files: { [QUIZ_FILE]: JSON.stringify(single) } });
    expect(await rejection(publishQuizDraft({ actorId, courseId, draftId }))).toEqual([
      { file: QUIZ_FILE, field: 'questions[0].options', message: 'a single-choice question needs exactly one correct option, found 2' },
    ]);
    await updateAuthoringDraftFiles({ actorId, courseId, draftId, files: { [QUIZ_FILE]: '{ "id": "activations",\n  "title": }' } });
    expect((await rejection(publishQuizDraft({ actorId, courseId, draftId })))?.[0]).toMatchObject({ file: QUIZ_FILE, message: expect.stringMatching(/^invalid JSON/) });

    await updateAuthoringDraftFiles({ actorId, courseId, draftId, files: { [QUIZ_FILE]: newQuizText('activations', 'Activation functions') } });
    const second = await publishQuizDraft({ actorId, courseId, draftId });
    expect(second.created).toBe(true);
    expect(await db().select().from(quizVersions).where(eq(quizVersions.quizId, 'activations'))).toHaveLength(2);
  });

  it('never publishes over a library quiz id', async () => {
    await syncContent();
    const draftId = await insertAuthoringDraft({ actorId, courseId, kind: 'quiz', targetId: null, files: { [QUIZ_FILE]: newQuizText('generative-ssl-concepts', 'Mine') } });
    expect(await rejection(publishQuizDraft({ actorId, courseId, draftId }))).toEqual([expect.objectContaining({ file: QUIZ_FILE, field: 'id' })]);
  });
});
