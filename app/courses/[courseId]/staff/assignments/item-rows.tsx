'use client';

import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';

/** An item as the editor holds it: numbers stay strings until the form is sent, so typing is never fought. */
export type EditorItem = {
  kind: 'exercise' | 'quiz';
  targetId: string;
  title: string;
  points: string;
  maxAttempts: string;
  feedback: 'immediate' | 'after_due';
  workCount: number;
};

type ItemRowsProps = {
  items: EditorItem[];
  onChange: (index: number, patch: Partial<EditorItem>) => void;
  onMove: (index: number, by: -1 | 1) => void;
};

/** The chosen items in order, each with its points, attempt limit and feedback timing. */
export function ItemRows({ items, onChange, onMove }: ItemRowsProps) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No items yet: tick exercises or quizzes below.</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200" aria-label="Assignment items">
      {items.map((item, index) => {
        const id = `item-${item.kind}-${item.targetId}`;
        // A client component: titles as plain text rather than shipping KaTeX to the editor.
        const title = markdownToPlainText(item.title);
        return (
          <li key={id} className="flex flex-wrap items-end gap-3 px-3 py-3" data-testid="assignment-item">
            <div className="min-w-40 flex-1">
              <p className="font-medium">
                {index + 1}. {title}
              </p>
              <p className="text-xs text-slate-500">
                {item.kind}
                {item.workCount > 0 && ` · ${item.workCount} submissions or attempts: can be edited, not removed`}
              </p>
            </div>
            <label className="text-sm">
              <span className="block text-slate-700">Points</span>
              <input
                type="number"
                min="0"
                step="any"
                required
                className="input w-24 py-1"
                value={item.points}
                aria-label={`Points for ${title}`}
                onChange={(e) => onChange(index, { points: e.target.value })}
              />
            </label>
            <label className="text-sm">
              <span className="block text-slate-700">Max attempts</span>
              <input
                type="number"
                min="1"
                step="1"
                placeholder="unlimited"
                className="input w-28 py-1"
                value={item.maxAttempts}
                aria-label={`Max attempts for ${title}`}
                onChange={(e) => onChange(index, { maxAttempts: e.target.value })}
              />
            </label>
            <label className="text-sm">
              <span className="block text-slate-700">Hidden-test / quiz feedback</span>
              <select
                className="input w-auto py-1"
                value={item.feedback}
                aria-label={`Feedback for ${title}`}
                onChange={(e) => onChange(index, { feedback: e.target.value as EditorItem['feedback'] })}
              >
                <option value="immediate">immediately</option>
                <option value="after_due">after the due date</option>
              </select>
            </label>
            <div className="flex gap-1">
              <button type="button" className="btn-secondary" disabled={index === 0} onClick={() => onMove(index, -1)} aria-label={`Move ${title} up`}>
                ↑
              </button>
              <button type="button" className="btn-secondary" disabled={index === items.length - 1} onClick={() => onMove(index, 1)} aria-label={`Move ${title} down`}>
                ↓
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
