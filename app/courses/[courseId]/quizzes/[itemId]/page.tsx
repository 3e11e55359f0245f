import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireCapability } from '@/app/_lib/authz';
import { feedbackVisible as isFeedbackVisible, submissionWindow } from '@/db/queries/assignments';
import { selectOwnQuizAttempts, selectQuizItemForMember } from '@/db/queries/quizzes';
import { selectQuizAttemptView } from '@/db/services/quiz-attempt-view';
import { QuizForm } from '@/app/_components/quiz/quiz-form';
import { StartAttempt } from '@/app/_components/quiz/start-attempt';
import { STATUS_LABELS } from '@/app/_components/quiz/labels.shared';
import { selectOwnFinalScores } from '@/db/queries/student-feedback';
import { selectOwnItemScore } from '@/db/queries/scores';
import { FinalScoreNote } from '../../items/final-score-note';
import { startQuizAttemptAction, submitQuizAttemptAction } from './actions';
import { InlineMarkdown, Markdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export const metadata: Metadata = { title: 'Quiz' };

export default async function QuizItemPage({ params }: { params: Promise<{ courseId: string; itemId: string }> }) {
  const { courseId, itemId } = await params;
  const path = `/courses/${courseId}/quizzes/${itemId}`;
  const { user, course } = await requireCapability(courseId, 'course.view', path);
  const item = await selectQuizItemForMember(user.id, itemId);
  if (!item || item.courseId !== course.id) notFound();
  const now = new Date();
  const [attempts, finals, score] = await Promise.all([selectOwnQuizAttempts(user.id, itemId), selectOwnFinalScores(user.id, [itemId]), selectOwnItemScore(user.id, course.id, itemId)]);
  const open = attempts.find((a) => a.status === 'in_progress');
  const view = open ? await selectQuizAttemptView(user.id, open.id, now) : null;
  const window = submissionWindow(item, now);
  const feedbackVisible = isFeedbackVisible(item, now);
  const due = item.extendedDueAt ?? item.dueAt;
  const attemptsLeft = item.maxAttempts === null ? null : Math.max(0, item.maxAttempts - attempts.length);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}`} className="link">
          {course.title}
        </Link>
      </nav>
      <header className="card space-y-2">
        <p className="text-sm text-slate-500">
          <InlineMarkdown>{item.assignmentTitle}</InlineMarkdown>
        </p>
        <h1 className="text-2xl font-semibold">
          <InlineMarkdown>{item.quizTitle}</InlineMarkdown>
        </h1>
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <li>{item.points} points</li>
          {due && (
            <li>
              Due {formatDateTime(due, course.timeZone)}
              {window.late ? ' (late submissions accepted)' : ''}
            </li>
          )}
          <li>{item.maxAttempts === null ? 'Unlimited attempts' : `Attempts used: ${attempts.length} of ${item.maxAttempts}`}</li>
          <li>{item.feedback === 'immediate' ? 'Feedback right after you submit' : 'Feedback after the due date'}</li>
        </ul>
      </header>
      {feedbackVisible && <FinalScoreNote final={finals.get(itemId)} points={item.points} best={score?.best ?? null} />}

      {view ? (
        <>
          {view.quiz.description && (
            <div className="card">
              <Markdown>{view.quiz.description}</Markdown>
            </div>
          )}
          {window.open ? (
            <p className="text-sm text-slate-600">Attempt {view.attempt}. Your answers are saved as you type; submit when you are done.</p>
          ) : (
            <p role="alert" className="card text-amber-900">
              {window.reason} This attempt was not submitted; your saved answers are kept for the course staff.
            </p>
          )}
          <QuizForm view={view} saveUrl={`${path}/answers`} submitAction={submitQuizAttemptAction} closed={!window.open} />
        </>
      ) : (
        <section className="card space-y-3" aria-labelledby="start-heading">
          <h2 id="start-heading" className="text-lg font-semibold">
            {attempts.length ? 'Try again' : 'Start the quiz'}
          </h2>
          {!window.open ? (
            <p className="text-slate-700">{window.reason}</p>
          ) : attemptsLeft === 0 ? (
            <p className="text-slate-700">You have used all your attempts.</p>
          ) : (
            <>
              <p className="text-slate-700">
                {attemptsLeft === null ? 'You may take this quiz as often as you like.' : `You have ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left.`} Answers are saved as you go, so you
                can leave and come back before submitting.
              </p>
              <StartAttempt
                action={startQuizAttemptAction}
                courseId={course.id}
                itemId={itemId}
                label={attempts.length ? 'Start a new attempt' : 'Start quiz'}
                used={attempts.length}
                maxAttempts={item.maxAttempts}
              />
            </>
          )}
        </section>
      )}

      {attempts.some((a) => a.status !== 'in_progress') && (
        <section className="card" aria-labelledby="attempts-heading">
          <h2 id="attempts-heading" className="text-lg font-semibold">
            Your attempts
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {attempts
              .filter((a) => a.status !== 'in_progress')
              .map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    Attempt {a.attempt} · {STATUS_LABELS[a.status]}
                    {a.isLate ? ' · late' : ''}
                    {feedbackVisible && a.score !== null ? ` · ${formatPercent(a.score)}${a.status === 'needs_review' ? ' (provisional)' : ''}` : ''}
                  </span>
                  <Link href={`${path}/attempts/${a.id}`} className="link">
                    {feedbackVisible ? 'View feedback' : 'View attempt'}
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}
