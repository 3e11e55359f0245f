'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { startRegradeAction } from './actions';

type Option = { id: string; label: string };

export function StartRegradeForm({ courseId, exercises, students, exerciseId }: { courseId: string; exercises: Option[]; students: Option[]; exerciseId?: string }) {
  const [state, formAction] = useActionState(startRegradeAction, initialFormState);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="courseId" value={courseId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="regrade-exercise" className="block text-sm font-medium text-slate-800">
            Exercise
          </label>
          <select id="regrade-exercise" name="exerciseId" defaultValue={exerciseId} required className="input">
            {exercises.map((exercise) => (
              <option key={exercise.id} value={exercise.id}>
                {exercise.label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="regrade-student" className="block text-sm font-medium text-slate-800">
            Students
          </label>
          <select id="regrade-student" name="userId" defaultValue="" className="input">
            <option value="">All students</option>
            {students.map((student) => (
              <option key={student.id} value={student.id}>
                {student.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-500">
        Every graded submission is run again against the exercise&apos;s current version, behind live submissions in the queue. Nothing changes for students until an instructor accepts the result.
      </p>
      <SubmitButton pendingLabel="Starting…">Start regrade</SubmitButton>
      <FormMessage error={state.formError} notice={state.notice} />
    </form>
  );
}
