'use client';

import { CourseTime } from '@/app/_components/course-time';
import type { SubmitInfo } from './types.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

/** Attempts left, due date and late status, shown before the student presses Submit. */
export function SubmitStatusLine({ info, attemptsUsed }: { info: SubmitInfo; attemptsUsed: number }) {
  const left = info.maxAttempts === null ? null : Math.max(0, info.maxAttempts - attemptsUsed);
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" data-testid="submit-info">
      <li>
        {left === null ? (
          <>Unlimited attempts ({attemptsUsed} used)</>
        ) : (
          <>
            <span className="font-semibold">{left}</span> of {info.maxAttempts} attempts left
          </>
        )}
      </li>
      {info.dueAt && (
        <li>
          Due <CourseTime iso={info.dueAt} />
        </li>
      )}
      {info.feedbackHeldUntil && (
        <li data-testid="feedback-held">
          Scores and hidden-test results from <CourseTime iso={info.feedbackHeldUntil} />
        </li>
      )}
      {info.open && info.late && (
        <li className="font-medium text-amber-800">Submitting now counts as late{info.latePenaltyPerDay > 0 ? ` (−${formatPercent(info.latePenaltyPerDay)} per started day)` : ''}</li>
      )}
      {!info.open && <li className="font-medium text-red-700">{info.reason ?? 'Submissions are closed.'}</li>}
    </ul>
  );
}
