import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectAuthoringDraft } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import { QUIZ_FILE } from '@/graders/authoring/quiz';
import { ExerciseEditor } from './exercise-editor';
import { QuizEditor } from './quiz-editor';

export const metadata: Metadata = { title: 'Edit content' };

export default async function DraftPage({ params }: { params: Promise<{ courseId: string; draftId: string }> }) {
  const { courseId, draftId } = await params;
  const { user, course } = await requireCapability(courseId, 'content.publish', `/courses/${courseId}/staff/content/drafts/${draftId}`);
  const draft = await forbiddenOnRefusal(selectAuthoringDraft(user.id, course.id, draftId));
  if (!draft) notFound();
  const published = draft.targetId !== null;
  return (
    <div className="space-y-4 xl:-mx-24">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/content`} className="link">
          Exercises &amp; quizzes
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        {published ? 'Edit' : 'New'} {draft.kind} <code className="text-lg text-slate-600">{draft.kind === 'exercise' ? exerciseIdOf(draft.files) : draft.targetId}</code>
      </h1>
      {draft.kind === 'exercise' ? (
        <ExerciseEditor courseId={course.id} draftId={draft.id} initialFiles={draft.files} published={published} />
      ) : (
        <QuizEditor courseId={course.id} draftId={draft.id} file={QUIZ_FILE} initialText={draft.files[QUIZ_FILE] ?? ''} published={published} />
      )}
    </div>
  );
}
