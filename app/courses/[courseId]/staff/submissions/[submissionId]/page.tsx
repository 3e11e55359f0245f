import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { ReportView } from '@/app/_components/exercise/report-view';
import { selectSubmissionForStaff } from '@/db/queries/staff-submissions';
import { selectItemOverrides } from '@/db/queries/audit';
import { selectItemScoreForStaff } from '@/db/queries/scores';
import { GradeReportSchema } from '@/graders/report';
import { AttemptCodeViewer } from '../attempt-code';
import { OverrideForm } from '../override-form';
import { OverrideHistory } from '../override-history';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export const metadata: Metadata = { title: 'Submission' };

/** One submission as staff see it: code, the full report with hidden tests, the student's attempts, overrides. */
export default async function StaffSubmissionPage({ params }: { params: Promise<{ courseId: string; submissionId: string }> }) {
  const { courseId, submissionId } = await params;
  const base = `/courses/${courseId}/staff/submissions`;
  const { user, course } = await requireCapability(courseId, 'submissions.view-all', `${base}/${submissionId}`);
  const submission = await forbiddenOnRefusal(selectSubmissionForStaff(user.id, course.id, submissionId));
  if (!submission) notFound();
  const [overrides, current] = await Promise.all([
    forbiddenOnRefusal(selectItemOverrides(user.id, course.id, submission.userId, submission.itemId)),
    forbiddenOnRefusal(selectItemScoreForStaff(user.id, course.id, submission.userId, submission.itemId)),
  ]);
  const report = submission.report ? GradeReportSchema.safeParse(submission.report) : null;
  const attempts = submission.history.map((h) => ({ id: h.id, attempt: h.attempt, code: h.code }));

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={base} className="link">
          Submissions
        </Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">
          {submission.studentName} · <InlineMarkdown>{submission.exerciseTitle}</InlineMarkdown> · attempt {submission.attempt}
        </h1>
        <p className="text-sm text-slate-600">
          {submission.studentEmail} · <InlineMarkdown>{submission.assignmentTitle}</InlineMarkdown> · {submission.status}
          {submission.score !== null && ` · ${formatPercent(submission.score)} (${Math.round(submission.score * submission.itemPoints * 100) / 100} of ${submission.itemPoints} points)`}
          {submission.isLate && ' · late'} · submitted {formatDateTime(submission.createdAt, course.timeZone)}
        </p>
      </header>
      <section className="card" aria-labelledby="code-heading">
        <h2 id="code-heading" className="mb-3 text-lg font-semibold">
          Code
        </h2>
        <AttemptCodeViewer current={{ id: submission.id, attempt: submission.attempt, code: submission.code }} attempts={attempts} />
      </section>
      <section className="card" aria-labelledby="report-heading">
        <h2 id="report-heading" className="mb-3 text-lg font-semibold">
          Grade report (hidden tests included)
        </h2>
        {report?.success ? <ReportView report={report.data} testId="staff-report" /> : <p className="text-slate-600">No report yet.</p>}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="override-heading">
          <h2 id="override-heading" className="mb-3 text-lg font-semibold">
            Final score of this item
          </h2>
          <OverrideForm
            courseId={course.id}
            target={{ kind: 'submission', id: submission.id }}
            points={submission.itemPoints}
            studentName={submission.studentName}
            itemTitle={markdownToPlainText(submission.exerciseTitle)}
            current={current && { final: current.final, best: current.best, overridden: current.overridden, pendingReview: current.pendingReview }}
          />
          <OverrideHistory overrides={overrides} timeZone={course.timeZone} />
        </section>
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-3 text-lg font-semibold">
            All attempts of this student
          </h2>
          <ol className="divide-y divide-slate-200 text-sm">
            {submission.history.map((h) => (
              <li key={h.id} className="flex flex-wrap gap-x-3 py-2">
                {h.id === submission.id ? (
                  <span className="font-medium">Attempt {h.attempt} (this one)</span>
                ) : (
                  <Link href={`${base}/${h.id}`} className="link">
                    Attempt {h.attempt}
                  </Link>
                )}
                <span>{h.status === 'graded' && h.score !== null ? formatPercent(h.score) : h.status}</span>
                {h.isLate && <span className="text-amber-800">late</span>}
                <span className="text-slate-500">{formatDateTime(h.createdAt, course.timeZone)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
