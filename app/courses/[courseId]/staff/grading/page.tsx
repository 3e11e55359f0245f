import type { Metadata } from 'next';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectStuckSubmissions } from '@/db/queries/submissions';
import { retryGradingAction } from './actions';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { StaffBreadcrumb } from '../staff-breadcrumb';

export const metadata: Metadata = { title: 'Grading health' };

/** Failed or stuck gradings, so nothing sits silently in the queue: staff see them and retry. */
export default async function GradingHealthPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'grading.retry', `/courses/${courseId}/staff/grading`);
  const stuck = await forbiddenOnRefusal(selectStuckSubmissions(user.id, course.id));
  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Grading health</h1>
      <section className="card" aria-labelledby="stuck-heading">
        <h2 id="stuck-heading" className="mb-3 text-lg font-semibold">
          Failed or stuck gradings <span className="text-sm font-normal text-slate-500">({stuck.length})</span>
        </h2>
        {stuck.length === 0 ? (
          <p className="text-slate-600">Every submission has been graded or is moving through the queue.</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {stuck.map((submission) => (
              <li key={submission.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="stuck-row">
                <div className="min-w-0">
                  <p className="font-medium">
                    {submission.studentName} · {submission.exerciseId} · attempt {submission.attempt}
                  </p>
                  <p className="text-sm text-slate-500">
                    {submission.status === 'failed' ? 'Grading failed after retries' : `Still ${submission.status}`} · submitted{' '}
                    <time dateTime={submission.createdAt.toISOString()}>{formatDateTime(submission.createdAt, course.timeZone)}</time>
                  </p>
                </div>
                <form action={retryGradingAction}>
                  <input type="hidden" name="courseId" value={course.id} />
                  <input type="hidden" name="submissionId" value={submission.id} />
                  <button type="submit" className="btn-secondary">
                    Retry grading
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
