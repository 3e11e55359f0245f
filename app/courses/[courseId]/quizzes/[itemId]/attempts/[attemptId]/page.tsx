import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireCapability } from '@/app/_lib/authz';
import { selectQuizAttemptView } from '@/db/services/quiz-attempt-view';
import { QuizResults } from '@/app/_components/quiz/quiz-results';
import { STATUS_LABELS } from '@/app/_components/quiz/labels.shared';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPoints } from '@/app/_lib/format-points.shared';

export const metadata: Metadata = { title: 'Quiz feedback' };

export default async function QuizAttemptPage({ params }: { params: Promise<{ courseId: string; itemId: string; attemptId: string }> }) {
  const { courseId, itemId, attemptId } = await params;
  const quizPath = `/courses/${courseId}/quizzes/${itemId}`;
  const { user, course } = await requireCapability(courseId, 'course.view', `${quizPath}/attempts/${attemptId}`);
  // Only the user's own attempt, in this course and item; anybody else's is "not found".
  const view = await selectQuizAttemptView(user.id, attemptId);
  if (!view || view.courseId !== courseId || view.itemId !== itemId) notFound();
  if (view.status === 'in_progress') redirect(quizPath);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={quizPath} className="link">
          Back to the quiz
        </Link>
      </nav>
      <header className="card space-y-2">
        <h1 className="text-2xl font-semibold">
          <InlineMarkdown>{view.quiz.title}</InlineMarkdown>
        </h1>
        <p className="text-sm text-slate-600">
          Attempt {view.attempt} · {STATUS_LABELS[view.status]}
          {view.submittedAt ? ` · submitted ${formatDateTime(view.submittedAt, course.timeZone)}` : ''}
          {view.isLate ? ' · late' : ''}
        </p>
        {view.result ? (
          <p className="text-lg" data-testid="attempt-total">
            {formatPoints(view.result.points)} / {formatPoints(view.result.maxPoints)} points
            {view.result.reviewCount > 0 && (
              <span className="ml-2 text-base text-amber-800">
                ({view.result.reviewCount} answer{view.result.reviewCount === 1 ? '' : 's'} awaiting review; the total may change)
              </span>
            )}
          </p>
        ) : (
          <p className="text-slate-700">Your answers are in. Scores and feedback will be shown after the due date{view.feedbackAt ? `, ${formatDateTime(view.feedbackAt, course.timeZone)}` : ''}.</p>
        )}
      </header>
      {view.result && <QuizResults view={{ ...view, result: view.result }} />}
    </div>
  );
}
