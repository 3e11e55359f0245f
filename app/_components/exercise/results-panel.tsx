'use client';

import { CourseTime } from '@/app/_components/course-time';
import { ReportView } from './report-view';
import { pointsLine } from './score-line.shared';
import type { RunResult } from './run-visible';
import type { PollState } from './use-submission-poll';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export type RunState = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'running' } | ({ kind: 'done' } & RunResult) | { kind: 'error'; message: string };

const STEPS = ['queued', 'grading', 'graded'] as const;

type Props = { runState: RunState; poll: PollState; polling: string | null; inFlight: boolean; submitError: string | null; due: { dueAt: string | null; latePenaltyPerDay: number } };

/** Results of the last Run (visible tests, in this browser) and of the last Submit (all tests, on the server). */
export function ResultsPanel({ runState, poll, polling, inFlight, submitError, due }: Props) {
  const submission = poll.submission;
  const points = (report: { points: number; maxPoints: number }) =>
    pointsLine(report.points, report.maxPoints, { isLate: submission?.isLate ?? false, submittedAt: submission?.createdAt ?? '', ...due });
  return (
    <section aria-labelledby="results-heading" className="card space-y-5">
      <h2 id="results-heading" className="text-base font-semibold">
        Results
      </h2>
      <div aria-labelledby="run-heading" role="region" data-testid="run-results" data-state={runState.kind}>
        <h3 id="run-heading" className="text-sm font-semibold text-slate-800">
          Run: visible tests in your browser
        </h3>
        <div className="mt-2">
          {runState.kind === 'idle' && <p className="text-sm text-slate-600">Press Run (Ctrl+Enter or ⌘+Enter) to check your code against the visible tests.</p>}
          {runState.kind === 'preparing' && <p className="text-sm text-slate-600">Loading the tests and TensorFlow.js…</p>}
          {runState.kind === 'running' && <p className="text-sm text-slate-600">Running…</p>}
          {runState.kind === 'error' && (
            <p role="alert" className="text-sm text-red-700">
              {runState.message}
            </p>
          )}
          {runState.kind === 'done' && (
            <>
              <ReportView report={runState.report} testId="run-report" />
              <p className="mt-2 text-xs text-slate-500" data-testid="run-timing" data-run-ms={Math.round(runState.runMs)}>
                Ran in {Math.round(runState.runMs)} ms ({runState.backend} backend). Submit to be graded on all tests, hidden ones included.
              </p>
            </>
          )}
        </div>
      </div>
      {(polling || submitError) && (
        <div aria-labelledby="submission-heading" role="region" data-testid="submission-results" data-status={submission?.status ?? 'queued'}>
          <h3 id="submission-heading" className="text-sm font-semibold text-slate-800">
            Submission{submission ? `: attempt ${submission.attempt}` : ''}
          </h3>
          {submitError && (
            <p role="alert" className="mt-2 text-sm text-red-700">
              Not submitted: {submitError}
            </p>
          )}
          {polling && (
            <div className="mt-2 space-y-3">
              <ol className="flex flex-wrap gap-2 text-xs" aria-label="Grading progress">
                {STEPS.map((step) => {
                  const status = submission?.status ?? 'queued';
                  const reached = STEPS.indexOf(step) <= STEPS.indexOf(status === 'error' || status === 'failed' ? 'graded' : status);
                  return (
                    <li key={step} aria-current={status === step ? 'step' : undefined} className={`rounded-full px-2 py-0.5 ${reached ? 'bg-indigo-600 text-white' : 'bg-slate-200 text-slate-700'}`}>
                      {step}
                    </li>
                  );
                })}
              </ol>
              {inFlight && poll.slow && <p className="text-sm text-amber-800">Grading is taking longer than usual; your submission is safe and will be graded.</p>}
              {poll.error && <p className="text-sm text-amber-800">{poll.error}</p>}
              {submission?.status === 'failed' && <p className="text-sm text-red-700">The grader could not run this submission. Course staff can see it and retry; it did not use up your work.</p>}
              {submission?.report && submission.feedbackHeldUntil && (
                <>
                  <p className="text-sm text-slate-700" data-testid="submission-held">
                    Graded. Your score and the hidden tests&apos; results are shown after the due date (<CourseTime iso={submission.feedbackHeldUntil} />
                    ). Visible tests: {points(submission.report)}.
                  </p>
                  <ReportView report={submission.report} testId="submission-report" />
                </>
              )}
              {submission?.report && !submission.feedbackHeldUntil && (
                <>
                  <p className="text-lg font-semibold" data-testid="submission-score">
                    {formatPercent(submission.report.score)} <span className="text-sm font-normal text-slate-600">({points(submission.report)})</span>
                  </p>
                  <ReportView report={submission.report} testId="submission-report" />
                </>
              )}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
