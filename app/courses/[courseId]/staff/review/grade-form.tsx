'use client';

import { useActionState, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { gradeAnswerAction } from './actions';

type Concept = { id: string; label: string; points: number; credited: boolean };

type Props = {
  courseId: string;
  answerKey: { attemptId: string; questionId: string };
  maxPoints: number;
  rubric: Concept[];
  initialPoints: number;
  initialComment: string;
  previous: string | null;
  next: string;
};

/**
 * Rubric checkboxes (the machine's credits pre-ticked) that add up the points, which the grader may
 * still adjust; a comment the student sees. j/k or ←/→ move through the queue outside text fields.
 */
export function GradeForm({ courseId, answerKey, maxPoints, rubric, initialPoints, initialComment, previous, next }: Props) {
  const [state, action] = useActionState(gradeAnswerAction, initialFormState);
  const [ticked, setTicked] = useState(() => new Set(rubric.filter((c) => c.credited).map((c) => c.id)));
  const [points, setPoints] = useState(String(initialPoints));
  const router = useRouter();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.altKey || event.ctrlKey || event.metaKey || target.closest('input, textarea, select, [contenteditable]')) return;
      const to = event.key === 'j' || event.key === 'ArrowRight' ? next : event.key === 'k' || event.key === 'ArrowLeft' ? previous : null;
      if (!to) return;
      event.preventDefault();
      router.push(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, previous, router]);

  const toggle = (concept: Concept, on: boolean) => {
    const nextTicked = new Set(ticked);
    if (on) nextTicked.add(concept.id);
    else nextTicked.delete(concept.id);
    setTicked(nextTicked);
    setPoints(String(rubric.filter((c) => nextTicked.has(c.id)).reduce((s, c) => s + c.points, 0)));
  };

  return (
    <form action={action} className="space-y-4" aria-label="Grade this answer">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="attemptId" value={answerKey.attemptId} />
      <input type="hidden" name="questionId" value={answerKey.questionId} />
      <input type="hidden" name="next" value={next} />
      {rubric.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">Rubric</legend>
          {rubric.map((c) => (
            <label key={c.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="concepts" value={c.id} checked={ticked.has(c.id)} onChange={(e) => toggle(c, e.target.checked)} className="mt-1" />
              <span>
                {c.label}{' '}
                <span className="text-slate-500">
                  ({c.points} pt{c.credited ? ', credited by the machine' : ''})
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="space-y-1">
        <label htmlFor="points" className="block text-sm font-medium text-slate-800">
          Points (out of {maxPoints})
        </label>
        <input
          id="points"
          name="points"
          type="number"
          min={0}
          max={maxPoints}
          step="any"
          required
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          className="input w-32"
          aria-invalid={state.fieldErrors?.points ? true : undefined}
        />
        <p className="text-sm text-red-700" aria-live="polite">
          {state.fieldErrors?.points}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor="comment" className="block text-sm font-medium text-slate-800">
          Comment for the student (optional)
        </label>
        <textarea id="comment" name="comment" rows={3} defaultValue={initialComment} className="input" />
      </div>
      <FormMessage error={state.formError} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Save &amp; next</SubmitButton>
        {previous && (
          <button type="button" className="btn-secondary" onClick={() => router.push(previous)}>
            Previous (k)
          </button>
        )}
        <button type="button" className="btn-secondary" onClick={() => router.push(next)}>
          Skip (j)
        </button>
      </div>
    </form>
  );
}
