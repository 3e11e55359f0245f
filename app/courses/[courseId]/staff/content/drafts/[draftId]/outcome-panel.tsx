'use client';

import Link from 'next/link';
import { ReportView } from '@/app/_components/exercise/report-view';
import type { ExerciseValidation } from '@/graders/authoring/protocol';
import type { AuthoringOutcome } from '../../content.types';
import { ProblemList } from '../../problem-list';
import { formatPercent } from '@/app/_lib/format-percent.shared';

/** What the last Save, Validate or Publish said: problems by file and field, and both sandbox reports. */
export function OutcomePanel({ courseId, outcome }: { courseId: string; outcome: AuthoringOutcome }) {
  if (outcome.kind === 'saved') return <p className="text-sm text-emerald-700">Draft saved.</p>;
  return (
    <section className="card space-y-4" aria-label="Validation result" data-testid="authoring-outcome" data-kind={outcome.kind}>
      {outcome.kind === 'problems' && <ProblemList problems={outcome.problems} title="Not valid yet" />}
      {outcome.kind === 'valid' && <p className="font-medium text-emerald-800">{outcome.validation ? 'Valid: the reference scores 100 % and the stub does not.' : 'Valid: ready to publish.'}</p>}
      {outcome.kind === 'quiz-published' && (
        <p className="font-medium text-emerald-800">
          Published {outcome.quizId}: {outcome.created ? 'a new version is now current; attempts already started keep theirs' : 'unchanged, the current version already had this content'}.
        </p>
      )}
      {outcome.kind === 'published' && (
        <div className="space-y-1">
          <p className="font-medium text-emerald-800">
            Published {outcome.exerciseId}: {outcome.created ? 'a new version is now current' : 'unchanged, the current version already had this content'}.
          </p>
          {outcome.submissionCount > 0 && (
            <p className="text-sm">
              {outcome.submissionCount} existing submission(s) keep the version they were graded with.{' '}
              <Link className="link" href={`/courses/${courseId}/staff/regrades?exercise=${encodeURIComponent(outcome.exerciseId)}`}>
                Regrade existing submissions
              </Link>
            </p>
          )}
        </div>
      )}
      {'validation' in outcome && outcome.validation && <Reports validation={outcome.validation} />}
    </section>
  );
}

function Reports({ validation }: { validation: ExerciseValidation }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {(['reference', 'stub'] as const).map((which) => {
        const report = validation[which];
        if (!report) return null;
        return (
          <div key={which} className="space-y-2">
            <h3 className="font-semibold" data-testid={`${which}-score`}>
              {which}.js: {formatPercent(report.score)}
            </h3>
            <ReportView report={report} testId={`${which}-report`} />
          </div>
        );
      })}
    </div>
  );
}
