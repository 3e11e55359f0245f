'use client';

import { useActionState, useState } from 'react';
import { FormMessage, SubmitButton, TextField } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { saveAssignmentAction } from './actions';
import { ItemRows, type EditorItem } from './item-rows';
import { markdownToPlainText } from '@/app/_components/markdown/plain-text.shared';
import { isPastDue, otherUses } from './assignment-warnings.shared';

export type CatalogueEntry = { kind: 'exercise' | 'quiz'; targetId: string; title: string; usedIn: { assignmentId: string; title: string }[] };
export type AssignmentFormValues = {
  assignmentId: string;
  title: string;
  description: string;
  opensAt: string;
  dueAt: string;
  hardCloseAt: string;
  latePenaltyPercent: string;
  items: EditorItem[];
};

type AssignmentFormProps = { courseId: string; timeZone: string; catalogue: CatalogueEntry[]; initial: AssignmentFormValues };

const keyOf = (item: { kind: string; targetId: string }) => `${item.kind}:${item.targetId}`;

/** Blank number fields mean "none"; anything else goes to the server as typed, where zod judges it. */
const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));

export function AssignmentForm({ courseId, timeZone, catalogue, initial }: AssignmentFormProps) {
  const [state, formAction] = useActionState(saveAssignmentAction, initialFormState);
  const [items, setItems] = useState(initial.items);
  const chosen = new Set(items.map(keyOf));
  const value = (name: keyof Omit<AssignmentFormValues, 'items'>) => state.values?.[name] ?? initial[name];
  const error = (name: string) => state.fieldErrors?.[name];
  const [due, setDue] = useState(value('dueAt'));
  const pastDue = isPastDue(due, initial.dueAt, timeZone, new Date()) || Boolean(error('confirmPastDue'));
  const usedElsewhere = (entry: { kind: string; targetId: string }) => otherUses(catalogue.find((c) => keyOf(c) === keyOf(entry))?.usedIn ?? [], initial.assignmentId);
  const doubled = items.map((item) => ({ title: markdownToPlainText(item.title), others: usedElsewhere(item).map(markdownToPlainText) })).filter((d) => d.others.length > 0);

  const toggle = (entry: CatalogueEntry, on: boolean) =>
    setItems((current) => (on ? [...current, { ...entry, points: '10', maxAttempts: '', feedback: 'immediate', workCount: 0 }] : current.filter((item) => keyOf(item) !== keyOf(entry))));
  const change = (index: number, patch: Partial<EditorItem>) => setItems((current) => current.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: -1 | 1) =>
    setItems((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const payload = items.map((item) => ({
    kind: item.kind,
    targetId: item.targetId,
    points: toNumber(item.points),
    maxAttempts: toNumber(item.maxAttempts),
    feedback: item.feedback,
  }));

  return (
    <form action={formAction} className="card space-y-5" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={initial.assignmentId} />
      <input type="hidden" name="items" value={JSON.stringify(payload)} />
      <input type="hidden" name="savedDueAt" value={initial.dueAt} />
      <TextField name="title" label="Title" defaultValue={value('title')} error={error('title')} required maxLength={200} />
      <div className="space-y-1">
        <label htmlFor="description" className="block text-sm font-medium text-slate-800">
          Description (Markdown)
        </label>
        <textarea id="description" name="description" rows={4} className="input font-mono text-sm" defaultValue={value('description')} />
        <p className="text-sm text-red-700">{error('description')}</p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">
          Dates, in the course&apos;s time zone: <span data-testid="course-time-zone">{timeZone}</span>
        </legend>
        <TextField name="opensAt" label="Opens" type="datetime-local" defaultValue={value('opensAt')} error={error('opensAt')} hint="Blank: open as soon as published" />
        <TextField name="dueAt" label="Due" type="datetime-local" defaultValue={value('dueAt')} error={error('dueAt')} onChange={(e) => setDue(e.target.value)} />
        <TextField name="hardCloseAt" label="Hard close" type="datetime-local" defaultValue={value('hardCloseAt')} error={error('hardCloseAt')} hint="Late work accepted until then" />
      </fieldset>
      {pastDue && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="past-due-warning">
          <p>This due date is in the past: students could only submit late{value('latePenaltyPercent') !== '0' ? ', with the late penalty' : ''}.</p>
          <label className="mt-2 flex items-center gap-2 font-medium">
            <input type="checkbox" name="confirmPastDue" /> Save with a due date in the past
          </label>
          <p className="text-red-700 empty:hidden" aria-live="polite">
            {error('confirmPastDue')}
          </p>
        </div>
      )}
      <TextField
        name="latePenaltyPercent"
        label="Late penalty per day (%)"
        type="number"
        min={0}
        max={100}
        step="any"
        defaultValue={value('latePenaltyPercent')}
        error={error('latePenaltyPercent')}
        hint="Per started day after the due date; 0 for none"
      />
      <section className="space-y-2" aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold">
          Items
        </h2>
        <ItemRows items={items} onChange={change} onMove={move} />
        {doubled.length > 0 && (
          <ul className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="item-warnings" aria-live="polite">
            {doubled.map((d) => (
              <li key={d.title}>
                {d.title} is already in {d.others.map((t) => `“${t}”`).join(', ')}: students will see it twice and it counts in both.
              </li>
            ))}
          </ul>
        )}
        <p role="alert" className="text-sm text-red-700 empty:hidden">
          {error('items')}
        </p>
        <fieldset className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">Available exercises and quizzes</legend>
          <ul className="grid gap-1 sm:grid-cols-2">
            {catalogue.map((entry) => (
              <li key={keyOf(entry)} className="flex items-center gap-2 text-sm">
                {/* The checkbox's name is exactly the title, so people and tests find it by the title. */}
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={chosen.has(keyOf(entry))} onChange={(e) => toggle(entry, e.target.checked)} />
                  {markdownToPlainText(entry.title)}
                </label>
                <span className="text-xs text-slate-600">
                  {entry.kind}
                  {usedElsewhere(entry).length > 0 &&
                    ` · in ${usedElsewhere(entry)
                      .map((t) => `“${markdownToPlainText(t)}”`)
                      .join(', ')}`}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
      </section>
      <FormMessage error={state.formError} notice={state.notice} />
      <SubmitButton pendingLabel="Saving…">Save assignment</SubmitButton>
    </form>
  );
}
