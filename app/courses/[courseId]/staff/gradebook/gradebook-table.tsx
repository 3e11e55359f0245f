import Link from 'next/link';
import type { Gradebook } from '@/db/queries/gradebook';
import type { ScoreItem } from '@/db/queries/scores';
import { formatCellPoints, scoreMarkers } from './score-format';
import { InlineMarkdown } from '@/app/_components/markdown/markdown';

/** Consecutive items of one assignment share a header cell above them. */
function assignmentGroups(items: ScoreItem[]) {
  const groups: { title: string; span: number; key: string }[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last.key === item.assignmentId) last.span++;
    else groups.push({ title: item.assignmentTitle, span: 1, key: item.assignmentId });
  }
  return groups;
}

export function GradebookTable({ courseId, book }: { courseId: string; book: Gradebook }) {
  const th = 'sticky z-10 border-b border-slate-200 bg-slate-100 px-3 py-2 text-left font-semibold';
  // The student column and the Total stay in view while the items scroll between them.
  const stickyTotal = 'sticky right-0 border-l border-slate-200 shadow-[-4px_0_6px_-4px_rgb(0_0_0/0.15)]';
  return (
    // The scroll box is what the sticky header and columns stick to. Its horizontal scrollbar is always drawn
    // (overflow-x-scroll, a thumb with contrast) because overlay scrollbars hid that there were more columns.
    <div
      className="max-h-[70vh] overflow-x-scroll overflow-y-auto rounded-xl border border-slate-200 bg-white shadow-sm [scrollbar-color:var(--color-slate-500)_var(--color-slate-100)] [scrollbar-width:auto]"
      data-testid="gradebook-scroll"
      tabIndex={0}
      role="region"
      aria-label="Gradebook table, scrolls sideways"
    >
      <table className="min-w-full border-separate border-spacing-0 text-sm" data-testid="gradebook">
        <caption className="sr-only">Scores by student and item, with totals</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col" className={`${th} top-0 left-0 z-30`}>
              Student
            </th>
            {assignmentGroups(book.items).map((g) => (
              <th key={g.key} colSpan={g.span} scope="colgroup" className={`${th} top-0 text-center`}>
                <InlineMarkdown>{g.title}</InlineMarkdown>
              </th>
            ))}
            <th rowSpan={2} scope="col" className={`${th} ${stickyTotal} top-0 z-30 text-right whitespace-nowrap`} data-testid="gradebook-total-header">
              Total <span className="font-normal text-slate-700">/ {formatCellPoints(book.maxTotal)}</span>
            </th>
          </tr>
          <tr>
            {book.items.map((item) => (
              <th key={item.itemId} scope="col" className={`${th} top-9 text-right font-medium`}>
                <InlineMarkdown>{item.title}</InlineMarkdown> <span className="font-normal text-slate-700">/ {formatCellPoints(item.points)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {book.rows.map((row) => (
            <tr key={row.student.userId} className="hover:bg-slate-50" data-testid="gradebook-row">
              <th scope="row" className="sticky left-0 z-10 border-b border-slate-100 bg-white px-3 py-2 text-left font-medium">
                <Link href={`/courses/${courseId}/staff/gradebook/${row.student.userId}`} className="link">
                  {row.student.name}
                </Link>
                <span className="block text-xs font-normal text-slate-600">{row.student.email}</span>
              </th>
              {row.cells.map((cell) => {
                const markers = scoreMarkers(cell);
                return (
                  <td key={cell.itemId} className={`border-b border-slate-100 px-3 py-2 text-right whitespace-nowrap tabular-nums ${cell.overridden ? 'bg-amber-50' : ''}`}>
                    {formatCellPoints(cell.final)}
                    {markers.map((m) => (
                      <abbr key={m.mark} title={m.label} className="ml-1 rounded bg-slate-200 px-1 text-xs font-semibold no-underline">
                        {m.mark}
                        <span className="sr-only"> ({m.label})</span>
                      </abbr>
                    ))}
                  </td>
                );
              })}
              <td className={`${stickyTotal} z-10 border-b border-slate-100 bg-white px-3 py-2 text-right font-semibold tabular-nums`} data-testid="gradebook-total">
                {formatCellPoints(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
