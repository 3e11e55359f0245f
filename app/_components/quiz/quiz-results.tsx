import type { DraftAnswer, QuestionFeedback, QuizAttemptView } from '@/db/services/quiz-attempt-view';
import type { PublicQuestion } from '@/graders/quiz/public';
import type { ComponentType } from 'react';
import { Markdown } from '@/app/_components/markdown/markdown';
import { isEmptyAnswer } from '@/graders/quiz/empty';
import { QUESTION_ANSWERS } from './types/answers';
import type { AnswerProps } from './types/props';
import { formatPoints } from '@/app/_lib/format-points.shared';

/** Per-question feedback of a submitted attempt: points, recognised and missing concepts, review state. */
export function QuizResults({ view }: { view: QuizAttemptView & { result: NonNullable<QuizAttemptView['result']> } }) {
  return (
    <ol className="space-y-4">
      {view.quiz.questions.map((q, i) => (
        <li key={q.id}>
          <QuestionResult index={i} question={q} answer={view.answers[q.id]} feedback={view.result.questions[q.id]} />
        </li>
      ))}
    </ol>
  );
}

function QuestionResult({ index, question, answer, feedback }: { index: number; question: PublicQuestion; answer: DraftAnswer | undefined; feedback: QuestionFeedback }) {
  const verdict = feedback.awaitingReview
    ? { text: 'Awaiting review', className: 'bg-amber-100 text-amber-900' }
    : feedback.points >= feedback.maxPoints
      ? { text: 'Correct', className: 'bg-emerald-100 text-emerald-900' }
      : feedback.points > 0
        ? { text: 'Partly correct', className: 'bg-sky-100 text-sky-900' }
        : { text: 'Not correct', className: 'bg-red-100 text-red-900' };
  const credited = feedback.concepts?.filter((c) => c.found) ?? [];
  const missing = feedback.concepts?.filter((c) => !c.found) ?? [];
  return (
    <section className="card space-y-3" data-testid={`result-${question.id}`} aria-labelledby={`result-title-${question.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`result-title-${question.id}`} className="text-sm font-semibold text-slate-500">
          Question {index + 1}
        </h2>
        <p className="flex items-center gap-2 text-sm">
          <span className={`rounded-full px-2 py-0.5 font-medium ${verdict.className}`}>{verdict.text}</span>
          <span data-testid="points">
            {formatPoints(feedback.points)} / {formatPoints(feedback.maxPoints)} points{feedback.awaitingReview ? ' (suggested)' : feedback.reviewed ? ' (graded by staff)' : ''}
          </span>
        </p>
      </div>
      <Markdown>{question.prompt}</Markdown>
      <div className="rounded-md bg-slate-50 p-3 text-sm">
        <p className="font-medium text-slate-700">Your answer</p>
        <YourAnswer question={question} answer={answer} />
      </div>
      <p className="text-sm text-slate-700" data-testid="question-feedback">
        {feedback.feedback}
      </p>
      {feedback.concepts && (
        <div className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <h3 className="font-medium text-emerald-800">Credited</h3>
            <ul className="list-disc pl-5" aria-label="Credited concepts">
              {credited.length ? (
                credited.map((c) => (
                  <li key={c.id}>
                    {c.label} ({formatPoints(c.points)} pt)
                  </li>
                ))
              ) : (
                <li className="text-slate-500">none</li>
              )}
            </ul>
          </div>
          <div>
            <h3 className="font-medium text-red-800">Missing</h3>
            <ul className="list-disc pl-5" aria-label="Missing concepts">
              {missing.length ? (
                missing.map((c) => (
                  <li key={c.id}>
                    {c.label}
                    {c.note ? ` — ${c.note}` : ''}
                  </li>
                ))
              ) : (
                <li className="text-slate-500">none</li>
              )}
            </ul>
          </div>
        </div>
      )}
      {feedback.awaitingReview && <p className="text-sm text-amber-800">A grader will review this answer; the points above are the automatic suggestion.</p>}
      {feedback.graderComment && <p className="text-sm text-slate-700">Grader: {feedback.graderComment}</p>}
    </section>
  );
}

function YourAnswer({ question, answer }: { question: PublicQuestion; answer: DraftAnswer | undefined }) {
  if (isEmptyAnswer(answer)) return <p className="text-slate-500">No answer given.</p>;
  // Same pairing as QuestionInput: each type's view takes that type's question.
  const View = QUESTION_ANSWERS[question.type] as ComponentType<AnswerProps<PublicQuestion['type']>>;
  return <View question={question} answer={answer!} />;
}
