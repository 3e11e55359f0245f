import type { AuditEntry } from '@/db/queries/audit';
import { formatDateTime } from '@/app/_lib/format-date.shared';

/** Earlier overrides of this student's item, newest first: the latest one is the score that counts. */
export function OverrideHistory({ overrides, timeZone }: { overrides: Omit<AuditEntry, 'studentName' | 'studentEmail' | 'itemTitle'>[]; timeZone: string }) {
  if (overrides.length === 0) return <p className="mt-4 text-sm text-slate-600">No override yet: the best attempt counts.</p>;
  return (
    <ol className="mt-4 space-y-2 text-sm" aria-label="Overrides of this item" data-testid="override-history">
      {overrides.map((o, i) => (
        <li key={o.id} className={i === 0 ? 'font-medium' : 'text-slate-600'}>
          {o.oldScore ?? '—'} → {o.newScore} points by {o.actorName ?? 'a former member'} on {formatDateTime(o.createdAt, timeZone)}: {o.reason}
          {o.comment && <span className="block font-normal text-slate-600">Student sees: {o.comment}</span>}
        </li>
      ))}
    </ol>
  );
}
