'use client';

import { useState } from 'react';
import { CourseTime } from '@/app/_components/course-time';
import type { LoadedMonaco } from './monaco-setup';

import type { HistoryEntry } from './types.shared';
import { formatPercent } from '@/app/_lib/format-percent.shared';

const STATUS_TEXT: Record<HistoryEntry['status'], string> = {
  queued: 'queued',
  grading: 'grading…',
  graded: 'graded',
  error: 'grader error',
  failed: 'could not be graded',
};

type Props = {
  entries: HistoryEntry[];
  currentCode: string;
  monaco: LoadedMonaco | null;
  onRestore(entry: HistoryEntry): void;
};

/** Every submission, newest first: time, score, its code, a diff against the current draft, restore. */
export function HistoryList({ entries, currentCode, monaco, onRestore }: Props) {
  const [open, setOpen] = useState<{ id: string; view: 'code' | 'diff' } | null>(null);
  if (entries.length === 0) return <p className="text-sm text-slate-600">No submissions yet.</p>;
  return (
    <ol className="divide-y divide-slate-200" data-testid="history">
      {entries.map((entry) => {
        const showing = open?.id === entry.id ? open.view : null;
        const toggle = (view: 'code' | 'diff') => setOpen(showing === view ? null : { id: entry.id, view });
        return (
          <li key={entry.id} className="py-3" data-testid="history-entry">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
              <span className="font-medium">Attempt {entry.attempt}</span>
              <CourseTime iso={entry.createdAt} className="text-slate-600" />
              <span data-testid="history-score" className={entry.status === 'graded' ? 'font-semibold' : 'text-slate-600'}>
                {entry.status === 'graded' && entry.score !== null ? formatPercent(entry.score) : entry.status === 'graded' ? 'graded · score after the due date' : STATUS_TEXT[entry.status]}
              </span>
              {entry.isLate && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900">late</span>}
              <span className="ml-auto flex flex-wrap gap-2">
                <button type="button" className="btn-secondary" aria-expanded={showing === 'code'} onClick={() => toggle('code')}>
                  Code
                </button>
                <button type="button" className="btn-secondary" aria-expanded={showing === 'diff'} onClick={() => toggle('diff')}>
                  Diff with draft
                </button>
                <button type="button" className="btn-secondary" onClick={() => onRestore(entry)}>
                  Restore
                </button>
              </span>
            </div>
            {showing === 'code' && (
              <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100" aria-label={`Code of attempt ${entry.attempt}`}>
                {entry.code}
              </pre>
            )}
            {showing === 'diff' && <Diff original={entry.code} modified={currentCode} monaco={monaco} attempt={entry.attempt} />}
          </li>
        );
      })}
    </ol>
  );
}

function Diff({ original, modified, monaco, attempt }: { original: string; modified: string; monaco: LoadedMonaco | null; attempt: number }) {
  const label = `Attempt ${attempt} (left) against your current draft (right)`;
  if (original === modified) return <p className="mt-2 text-sm text-slate-600">Your current draft is identical to this submission.</p>;
  if (!monaco) {
    return (
      <div className="mt-2 grid gap-2 sm:grid-cols-2" aria-label={label}>
        <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-2 text-xs">{original}</pre>
        <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-2 text-xs">{modified}</pre>
      </div>
    );
  }
  const { DiffEditor } = monaco;
  return (
    <div className="mt-2 h-80 overflow-hidden rounded-md border border-slate-300" role="region" aria-label={label} data-testid="history-diff">
      <DiffEditor
        height="100%"
        // Not "javascript": see monaco-setup (keeps the copies out of the solution's program).
        language="typescript"
        original={original}
        modified={modified}
        originalModelPath={`file:///history/attempt-${attempt}.ts`}
        modifiedModelPath={`file:///history/draft-${attempt}.ts`}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          useInlineViewWhenSpaceIsLimited: true,
          minimap: { enabled: false },
          automaticLayout: true,
          scrollBeyondLastLine: false,
        }}
      />
    </div>
  );
}
