import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectContentOverview } from '@/db/queries/authoring';
import { exerciseIdOf } from '@/graders/authoring/files';
import { editContentAction } from './actions';
import { CopyExerciseForm, ImportExerciseForm, NewContentForm } from './content-forms';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Exercises & quizzes' };

export default async function ContentPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'content.publish', `/courses/${courseId}/staff/content`);
  const overview = await forbiddenOnRefusal(selectContentOverview(user.id, course.id));
  const own = overview.exercises.filter((e) => e.courseId === course.id);
  const library = overview.exercises.filter((e) => e.courseId === null);
  const unpublished = overview.drafts.filter((d) => d.targetId === null);
  const exportHref = (id: string) => `/api/courses/${course.id}/content/exercises/${encodeURIComponent(id)}/export`;

  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Exercises &amp; quizzes</h1>

      <section className="card space-y-3" aria-labelledby="new-heading">
        <h2 id="new-heading" className="text-lg font-semibold">
          New exercise
        </h2>
        <NewContentForm courseId={course.id} kind="exercise" />
      </section>

      {unpublished.length > 0 && (
        <section className="card" aria-labelledby="drafts-heading">
          <h2 id="drafts-heading" className="mb-2 text-lg font-semibold">
            Not published yet
          </h2>
          <ul className="space-y-1 text-sm">
            {unpublished.map((d) => (
              <li key={d.id}>
                <Link className="link" href={`/courses/${course.id}/staff/content/drafts/${d.id}`}>
                  {exerciseIdOf(d.files) ?? 'untitled'} ({d.kind})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-labelledby="own-heading">
        <h2 id="own-heading" className="mb-2 text-lg font-semibold">
          This course&apos;s exercises
        </h2>
        {own.length === 0 && <p className="text-sm text-slate-600">None yet: create one above, copy one from the library or import a zip.</p>}
        <ul className="divide-y divide-slate-200">
          {own.map((e) => (
            <ExerciseRow key={e.id} title={e.title} id={e.id} exportHref={exportHref(e.id)}>
              <EditButton courseId={course.id} kind="exercise" targetId={e.id} />
            </ExerciseRow>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="library-heading">
        <h2 id="library-heading" className="text-lg font-semibold">
          Library
        </h2>
        <p className="mb-2 text-sm text-slate-600">Shared by every course and re-synced from exercises/ at start, so they are copied rather than edited.</p>
        <ul className="divide-y divide-slate-200">
          {library.map((e) => (
            <ExerciseRow key={e.id} title={e.title} id={e.id} exportHref={exportHref(e.id)}>
              <CopyExerciseForm courseId={course.id} exerciseId={e.id} />
            </ExerciseRow>
          ))}
        </ul>
      </section>

      <section className="card space-y-3" aria-labelledby="quizzes-heading">
        <h2 id="quizzes-heading" className="text-lg font-semibold">
          Quizzes
        </h2>
        <NewContentForm courseId={course.id} kind="quiz" />
        <ul className="divide-y divide-slate-200">
          {overview.quizzes.map((q) => (
            <li key={q.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="quiz-row">
              <span>
                <InlineMarkdown className="font-medium">{q.title}</InlineMarkdown> <code className="text-xs text-slate-500">{q.id}</code>
                {q.courseId === null && <span className="ml-2 text-xs text-slate-500">library</span>}
              </span>
              {q.courseId === course.id && <EditButton courseId={course.id} kind="quiz" targetId={q.id} />}
            </li>
          ))}
        </ul>
      </section>

      <section className="card space-y-2" aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import an exercise
        </h2>
        <ImportExerciseForm courseId={course.id} />
      </section>
    </div>
  );
}

function ExerciseRow({ title, id, exportHref, children }: { title: string; id: string; exportHref: string; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="exercise-row" data-exercise={id}>
      <span>
        <InlineMarkdown className="font-medium">{title}</InlineMarkdown> <code className="text-xs text-slate-500">{id}</code>
      </span>
      <span className="flex flex-wrap items-start gap-2">
        {children}
        <a className="btn-secondary" href={exportHref} download>
          Export .zip
        </a>
      </span>
    </li>
  );
}

function EditButton({ courseId, kind, targetId }: { courseId: string; kind: 'exercise' | 'quiz'; targetId: string }) {
  return (
    <form action={editContentAction}>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="targetId" value={targetId} />
      <button className="btn-secondary">Edit</button>
    </form>
  );
}
