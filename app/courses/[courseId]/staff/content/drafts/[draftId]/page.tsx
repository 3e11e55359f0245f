import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, INSTRUCTORS, requireCourseRole } from '@/app/_lib/authz';
import { selectAuthoringDraft } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import { ExerciseEditor } from './exercise-editor';

export const metadata: Metadata = { title: 'Edit exercise' };

export default async function DraftPage({ params }: { params: Promise<{ courseId: string; draftId: string }> }) {
  const { courseId, draftId } = await params;
  const { user, course } = await requireCourseRole(courseId, INSTRUCTORS, `/courses/${courseId}/staff/content/drafts/${draftId}`);
  const draft = await forbiddenOnRefusal(selectAuthoringDraft(user.id, course.id, draftId));
  if (!draft || draft.kind !== 'exercise') notFound();
  return (
    <div className="space-y-4 xl:-mx-24">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/content`} className="link">
          Exercises &amp; quizzes
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        {draft.targetId ? 'Edit' : 'New'} exercise <code className="text-lg text-slate-600">{exerciseIdOf(draft.files) ?? ''}</code>
      </h1>
      <ExerciseEditor courseId={course.id} draftId={draft.id} initialFiles={draft.files} published={draft.targetId !== null} />
    </div>
  );
}
