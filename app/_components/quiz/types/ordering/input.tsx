'use client';

import { useEffect, useRef, useState } from 'react';
import type { InputProps } from '../props';

const moveClass = 'rounded border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

/**
 * Items in a list with Move up / Move down buttons: usable by keyboard and screen reader (no drag).
 * Until the student moves something the question counts as unanswered: the first order shown is
 * the attempt's shuffle, which is never the right one.
 */
export function OrderingInput({ question, labels, promptId, name, value, setAnswer, disabled }: InputProps<'ordering'>) {
  const ids = question.options.map((o) => o.id);
  const arranged = Array.isArray(value) && value.length === ids.length && ids.every((id) => value.includes(id));
  const order = arranged ? value : ids;
  const pendingFocus = useRef<{ id: string; direction: 'up' | 'down' } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // A moved row is re-inserted in the DOM, which drops focus; put it back on the same item's button
  // (the other one when the row reached an end), once, after the render that moved it.
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const at = order.indexOf(focus.id);
    const atEnd = (focus.direction === 'up' && at === 0) || (focus.direction === 'down' && at === order.length - 1);
    const direction = atEnd ? (focus.direction === 'up' ? 'down' : 'up') : focus.direction;
    document.getElementById(`${name}-${focus.id}-${direction}`)?.focus();
  });

  function move(at: number, by: -1 | 1) {
    const next = [...order];
    [next[at], next[at + by]] = [next[at + by], next[at]];
    setAnswer(next);
    pendingFocus.current = { id: order[at], direction: by < 0 ? 'up' : 'down' };
    setAnnouncement(`Moved to position ${at + by + 1} of ${order.length}.`);
  }

  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-500" id={`${name}-help`}>
        {arranged ? 'Your order, first to last.' : 'Not answered yet: put the items in order, first to last, with Move up and Move down.'}
      </p>
      <ol aria-labelledby={promptId} aria-describedby={`${name}-help`} className="space-y-2">
        {order.map((id, at) => (
          <li key={id} className="flex items-center gap-3 rounded-md border border-slate-200 p-3" data-item-id={id}>
            <span className="w-6 text-right font-medium text-slate-500" aria-hidden>
              {at + 1}.
            </span>
            <span className="flex-1" id={`${name}-${id}-label`}>
              {labels[id]}
            </span>
            <button type="button" id={`${name}-${id}-up`} className={moveClass} aria-describedby={`${name}-${id}-label`} disabled={disabled || at === 0} onClick={() => move(at, -1)}>
              Move up
            </button>
            <button type="button" id={`${name}-${id}-down`} className={moveClass} aria-describedby={`${name}-${id}-label`} disabled={disabled || at === order.length - 1} onClick={() => move(at, 1)}>
              Move down
            </button>
          </li>
        ))}
      </ol>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
