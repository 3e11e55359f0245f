import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { selectSimilarityInput } from '@/db/queries/analytics';
import { findSimilarPairs } from '@/graders/similarity/similarity';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';
import { formatDateTime } from '@/app/_lib/format-date.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

export const metadata: Metadata = { title: 'Similarity check' };

/** At most this many pairs are drawn side by side; the rest are listed. */
const SHOWN = 30;

export default async function SimilarityPage({ params }: { params: Promise<{ courseId: string; itemId: string }> }) {
  const { courseId, itemId } = await params;
  const { user, course } = await requireCapability(courseId, 'analytics.view', `/courses/${courseId}/staff/analytics/similarity/${itemId}`);
  const input = await forbiddenOnRefusal(selectSimilarityInput(user.id, course.id, itemId));
  if (!input) notFound();
  const pairs = findSimilarPairs(
    input.submissions.map((s) => ({ id: s.id, source: s.code })),
    { given: input.stubs.join('\n') },
  );
  const byId = new Map(input.submissions.map((s) => [s.id, s]));
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/courses/${course.id}/staff/analytics`} className="link">
          {course.title} · Analytics
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">
        Similarity check{' '}
        <span className="text-slate-500">
          · <InlineMarkdown>{input.assignmentTitle}</InlineMarkdown> · <InlineMarkdown>{input.title}</InlineMarkdown>
        </span>
      </h1>
      <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" role="note">
        <strong>For a human to review — not a penalty.</strong> Pairs of students&apos; latest submissions that share most of their code after names, literals, comments and layout are erased and the
        stub&apos;s own code is ignored. Short exercises have few ways to be solved; read both before drawing any conclusion.
      </p>
      <p className="text-sm text-slate-600" data-testid="similarity-summary">
        {input.submissions.length} submission(s) compared · {pairs.length} pair(s) flagged.
      </p>
      <ol className="space-y-4">
        {pairs.slice(0, SHOWN).map((pair) => {
          const [a, b] = [byId.get(pair.a)!, byId.get(pair.b)!];
          return (
            <li key={`${pair.a}:${pair.b}`} className="card space-y-2" data-testid="similar-pair">
              <p className="font-medium">
                {a.studentName} ↔ {b.studentName}{' '}
                <span className="text-sm font-normal text-slate-600">
                  {formatPercent(pair.containment)} of the smaller program shared (Jaccard {pair.jaccard.toFixed(2)}, {pair.shared} fingerprints)
                </span>
              </p>
              <details>
                <summary className="cursor-pointer text-sm text-slate-600">Side by side</summary>
                <div className="mt-2 grid gap-3 md:grid-cols-2">
                  {[a, b].map((s) => (
                    <figure key={s.id} className="min-w-0">
                      <figcaption className="text-xs text-slate-500">
                        {s.studentName} · {formatDateTime(s.at, course.timeZone)}
                      </figcaption>
                      <pre className="mt-1 max-h-[28rem] overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{s.code}</pre>
                    </figure>
                  ))}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
      {pairs.length > SHOWN && <p className="text-sm text-slate-600">{pairs.length - SHOWN} further pair(s) with lower similarity are not shown.</p>}
    </div>
  );
}
