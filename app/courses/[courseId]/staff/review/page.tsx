import type { Metadata } from 'next';
import Link from 'next/link';
import { StaffBreadcrumb } from '../staff-breadcrumb';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { defaultQueueFilter, QUEUE_FILTERS, selectReviewQueue, selectReviewQueueCounts } from '@/db/queries/review-queue';
import { claimAnswersAction } from './actions';
import { QueueTabSchema, reviewPath } from './review.types';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';

export const metadata: Metadata = { title: 'Review queue' };

const FILTER_LABELS = { mine: 'Mine', unclaimed: 'Unclaimed', all: 'All waiting' } as const;

/** Short answers the machine was unsure of. Graders take a batch each, so two graders never review the same answer. */
export default async function ReviewQueuePage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<{ filter?: string }> }) {
  const { courseId } = await params;
  const asked = QueueTabSchema.parse((await searchParams).filter);
  const { user, course } = await requireCapability(courseId, 'reviews.grade', reviewPath(courseId));
  const counts = await forbiddenOnRefusal(selectReviewQueueCounts(user.id, course.id));
  // An empty "Mine" while answers wait hides the work: open where it is unless a tab was asked for.
  const filter = asked ?? defaultQueueFilter(counts);
  const queue = await forbiddenOnRefusal(selectReviewQueue(user.id, course.id, filter));

  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Review queue</h1>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Queue filter" className="flex gap-2">
          {QUEUE_FILTERS.map((f) => (
            <Link key={f} href={reviewPath(course.id, undefined, f)} className={f === filter ? 'btn-primary' : 'btn-secondary'} aria-current={f === filter ? 'page' : undefined}>
              {FILTER_LABELS[f]} <span data-testid={`count-${f}`}>({counts[f]})</span>
            </Link>
          ))}
        </nav>
        <form action={claimAnswersAction} className="flex items-center gap-2">
          <input type="hidden" name="courseId" value={course.id} />
          <label htmlFor="count" className="text-sm text-slate-700">
            Take next
          </label>
          <input id="count" name="count" type="number" min={1} max={50} defaultValue={10} className="input w-20" />
          <button type="submit" className="btn-primary">
            Claim
          </button>
        </form>
      </div>
      <section className="card" aria-labelledby="queue-heading">
        <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
          {FILTER_LABELS[filter]} <span className="text-sm font-normal text-slate-500">({queue.length})</span>
        </h2>
        {queue.length === 0 ? (
          <p className="text-slate-600">{filter === 'mine' ? 'Nothing claimed by you is waiting. Take the next batch above.' : 'No answer is waiting for review.'}</p>
        ) : (
          <ol className="divide-y divide-slate-200 text-sm">
            {queue.map((row) => (
              <li key={`${row.attemptId}/${row.questionId}`} className="flex flex-wrap gap-x-3 py-2" data-testid="review-row">
                <Link href={reviewPath(course.id, row, filter)} className="link">
                  {row.studentName} · {row.questionId}
                </Link>
                <span className="text-slate-500">
                  <InlineMarkdown>{row.quizTitle}</InlineMarkdown> · attempt {row.attempt}
                </span>
                {row.submittedAt && <span className="text-slate-500">{formatDateTime(row.submittedAt, course.timeZone)}</span>}
                <span className="text-slate-500">{row.claimedByName ? `claimed by ${row.claimedBy === user.id ? 'you' : row.claimedByName}` : 'unclaimed'}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
