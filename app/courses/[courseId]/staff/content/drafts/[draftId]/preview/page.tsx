import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { ExerciseWorkspace } from '@/app/_components/exercise/exercise-workspace';
import { ExerciseStatement } from '@/app/_components/exercise/exercise-statement';
import { selectAuthoringDraft } from '@/db/queries/authoring';
import { QUIZ_FILE } from '@/graders/authoring/quiz';
import { draftExercise } from './draft-exercise.server';
import { QuizPreview } from './quiz-preview';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';

export const metadata: Metadata = { title: 'Preview as student' };

/** The student exercise page for a draft: statement, editor with the stub, Run. Nothing is saved or submitted. */
export default async function PreviewPage({ params }: { params: Promise<{ courseId: string; draftId: string }> }) {
  const { courseId, draftId } = await params;
  const editorHref = `/courses/${courseId}/staff/content/drafts/${draftId}`;
  const { user, course } = await requireCapability(courseId, 'content.publish', `${editorHref}/preview`);
  const back = (
    <Link href={editorHref} className="link">
      Back to the editor
    </Link>
  );
  const draft = await forbiddenOnRefusal(selectAuthoringDraft(user.id, course.id, draftId));
  if (draft?.kind === 'quiz') {
    return (
      <div className="space-y-4">
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="preview-banner">
          Preview as a student of this quiz draft: the questions as an open attempt shows them, read-only. {back}
        </p>
        <QuizPreview courseId={course.id} text={draft.files[QUIZ_FILE] ?? ''} />
      </div>
    );
  }
  if (draft?.kind !== 'exercise') notFound();
  const loaded = draftExercise(draft);
  if ('error' in loaded) {
    return (
      <div className="card space-y-2">
        <h1 className="text-xl font-semibold">This draft cannot be previewed yet</h1>
        <p className="text-sm text-red-800">{loaded.error.message}</p>
        {back}
      </div>
    );
  }
  const { exercise } = loaded;
  const { meta } = exercise;
  return (
    <div className="space-y-4 xl:-mx-24">
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="preview-banner">
        Preview as a student of{' '}
        <strong>
          <InlineMarkdown>{meta.title}</InlineMarkdown>
        </strong>{' '}
        (this draft). Run works; nothing you type is saved and nothing can be submitted. {back}
      </p>
      <ExerciseWorkspace
        courseId={course.id}
        itemId={`preview-${draftId}`}
        exercise={{ versionHash: exercise.versionHash, stub: exercise.stub, entry: meta.entry, limits: meta.limits, scalarLosses: meta.scalarLosses }}
        initialCode={exercise.stub}
        draftSavedAt={null}
        submitInfo={{
          open: false,
          late: false,
          reason: 'Preview: students submit from an assignment; nothing is submitted here.',
          maxAttempts: null,
          dueAt: null,
          latePenaltyPerDay: 0,
          feedbackHeldUntil: null,
        }}
        history={[]}
        preview={{ casesUrl: `${editorHref}/preview/visible-cases?v=${exercise.versionHash.slice(0, 16)}` }}
        statement={<ExerciseStatement title={meta.title} topic={meta.topic} difficulty={meta.difficulty} points={meta.points} statement={exercise.statement} hints={meta.hints} />}
      />
    </div>
  );
}
