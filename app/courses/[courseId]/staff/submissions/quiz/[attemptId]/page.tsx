import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';

import { selectQuizAttemptForStaff } from '@/db/queries/review-queue';
import { selectItemOverrides } from '@/db/queries/audit';
import { selectItemScoreForStaff } from '@/db/queries/scores';
import { OverrideForm } from '../../override-form';
import { OverrideHistory } from '../../override-history';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';
import { describeParams } from '@/graders/quiz/params';

export const metadata: Metadata = { title: 'Quiz attempt' };

/** A quiz attempt as staff see it: points per question, answers waiting for review, overrides. */
export default async function StaffQuizAttemptPage({ params }: { params: Promise<{ courseId: string; attemptId: string }> }) {
  const { courseId, attemptId } = await params;
  const base = `/courses/${courseId}/staff`;
  const { user, course } = await requireCapability(courseId, 'submissions.view-all', `${base}/submissions/quiz/${attemptId}`);
  const attempt = await forbiddenOnRefusal(selectQuizAttemptForStaff(user.id, course.id, attemptId));
  if (!attempt || attempt.status === 'in_progress') notFound();
  const [overrides, current] = await Promise.all([
    forbiddenOnRefusal(selectItemOverrides(user.id, course.id, attempt.userId, attempt.itemId)),
    forbiddenOnRefusal(selectItemScoreForStaff(user.id, course.id, attempt.userId, attempt.itemId)),
  ]);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`${base}/submissions?kind=quiz`} className="link">
          Quiz attempts
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {attempt.studentName} · <InlineMarkdown>{attempt.quizTitle}</InlineMarkdown> · attempt {attempt.attempt}
        </h1>
        <p className="text-sm text-slate-600">
          {attempt.studentEmail} · {attempt.status.replace('_', ' ')}
          {attempt.score !== null && ` · ${formatPercent(attempt.score)}`}
          {attempt.isLate && ' · late'}
          {attempt.submittedAt && ` · submitted ${formatDateTime(attempt.submittedAt, course.timeZone)}`}
        </p>
      </header>
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading" className="mb-3 text-lg font-semibold">
          Answers
        </h2>
        <ul className="divide-y divide-slate-200 text-sm">
          {attempt.questions.map((q) => (
            <li key={q.id} className="flex flex-wrap gap-x-3 py-2">
              <span className="font-medium">{q.id}</span>
              <span className="text-slate-500">{q.type}</span>
              <span>{q.answered ? `${q.points} / ${q.maxPoints}` : 'not answered'}</span>
              {q.waiting && (
                <Link href={`${base}/review/${attempt.id}/${q.id}?filter=all`} className="link">
                  Review
                </Link>
              )}
              {q.comment && <span className="text-slate-600">Grader: {q.comment}</span>}
              {q.variant && (
                <span className="w-full text-slate-600" data-testid="variant">
                  Student&apos;s numbers: {describeParams(q.variant.params)} · expected {q.variant.expected}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="card max-w-xl" aria-labelledby="override-heading">
        <h2 id="override-heading" className="mb-3 text-lg font-semibold">
          Final score of this item
        </h2>
        <OverrideForm
          courseId={course.id}
          target={{ kind: 'quiz_attempt', id: attempt.id }}
          points={attempt.itemPoints}
          studentName={attempt.studentName}
          itemTitle={markdownToPlainText(attempt.quizTitle)}
          current={current && { final: current.final, best: current.best, overridden: current.overridden, pendingReview: current.pendingReview }}
        />
        <OverrideHistory overrides={overrides} timeZone={course.timeZone} />
      </section>
    </div>
  );
}
