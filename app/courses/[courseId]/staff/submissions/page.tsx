import type { Metadata } from 'next';
import Link from 'next/link';
import { StaffBreadcrumb } from '../staff-breadcrumb';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';

import { PAGE_SIZE, selectCourseItemsForStaff, selectSubmissionsPage, type BrowserFilter } from '@/db/queries/staff-submissions';
import { BrowserParamsSchema, SORT_LABELS, STATUS_LABELS } from './submissions.types';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export const metadata: Metadata = { title: 'Submissions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every submission (or submitted quiz attempt) of the course, filtered, sorted and paged by the database. */
export default async function SubmissionsPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: SearchParams }) {
  const { courseId } = await params;
  const { user, course } = await requireCapability(courseId, 'submissions.view-all', `/courses/${courseId}/staff/submissions`);
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filter: BrowserFilter = BrowserParamsSchema.parse(raw);
  const [items, { rows, total }] = await Promise.all([forbiddenOnRefusal(selectCourseItemsForStaff(user.id, course.id)), forbiddenOnRefusal(selectSubmissionsPage(user.id, course.id, filter))]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const assignmentsById = new Map(items.map((i) => [i.assignmentId, i.assignmentTitle]));
  const base = `/courses/${course.id}/staff/submissions`;
  const pageHref = (page: number) => `${base}?${new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))}`;
  const detailHref = (id: string) => (filter.kind === 'exercise' ? `${base}/${id}` : `${base}/quiz/${id}`);

  return (
    <div className="space-y-6">
      <StaffBreadcrumb course={course} />
      <h1 className="text-2xl font-semibold">Submissions</h1>
      <form className="card grid gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label="Filter submissions">
        <Select
          name="kind"
          label="Kind"
          value={filter.kind}
          options={[
            ['exercise', 'Exercises'],
            ['quiz', 'Quiz attempts'],
          ]}
        />
        <Select name="assignmentId" label="Assignment" value={filter.assignmentId} options={[['', 'All'], ...assignmentsById.entries()]} />
        <Select
          name="itemId"
          label="Item"
          value={filter.itemId}
          options={[['', 'All'], ...items.filter((i) => i.kind === filter.kind).map((i) => [i.itemId, markdownToPlainText(i.title)] as [string, string])]}
        />
        <Select name="status" label="Status" value={filter.status} options={[['', 'Any'], ...Object.entries(STATUS_LABELS)]} />
        <div className="space-y-1">
          <label htmlFor="student" className="block text-sm font-medium text-slate-800">
            Student
          </label>
          <input id="student" name="student" className="input" defaultValue={filter.student} placeholder="name or e-mail" />
        </div>
        <Select name="sort" label="Sort" value={filter.sort} options={Object.entries(SORT_LABELS)} />
        <div className="flex items-end">
          <button type="submit" className="btn-primary">
            Apply
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-lg font-semibold">
          {total} {filter.kind === 'exercise' ? 'submissions' : 'quiz attempts'}{' '}
          <span className="text-sm font-normal text-slate-500">
            · page {filter.page} of {pages}
          </span>
        </h2>
        {rows.length === 0 ? (
          <p className="text-slate-600">Nothing matches these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-2 pr-3 font-medium">Student</th>
                  <th className="py-2 pr-3 font-medium">Item</th>
                  <th className="py-2 pr-3 font-medium">Attempt</th>
                  <th className="py-2 pr-3 font-medium">Status</th>
                  <th className="py-2 pr-3 font-medium">Score</th>
                  <th className="py-2 font-medium">Submitted</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((row) => (
                  <tr key={row.id} data-testid="submission-row">
                    <td className="py-2 pr-3">
                      <Link href={detailHref(row.id)} className="link">
                        {row.studentName}
                      </Link>
                      <span className="block text-xs text-slate-500">{row.studentEmail}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <InlineMarkdown>{row.itemTitle}</InlineMarkdown>
                    </td>
                    <td className="py-2 pr-3">{row.attempt}</td>
                    <td className="py-2 pr-3">
                      {row.status.replace('_', ' ')}
                      {row.isLate && <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">late</span>}
                    </td>
                    <td className="py-2 pr-3">{row.score === null ? '—' : formatPercent(row.score)}</td>
                    <td className="py-2">{formatDateTime(row.createdAt, course.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex gap-3 text-sm">
          {filter.page > 1 && (
            <Link href={pageHref(filter.page - 1)} className="link">
              ← Previous
            </Link>
          )}
          {filter.page < pages && (
            <Link href={pageHref(filter.page + 1)} className="link">
              Next →
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ''} className="input">
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
