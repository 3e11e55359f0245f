'use client';

import { useActionState } from 'react';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { setPublishedAction } from './actions';

export function PublishForm({ courseId, assignmentId, published }: { courseId: string; assignmentId: string; published: boolean }) {
  const [state, formAction] = useActionState(setPublishedAction, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="published" value={String(!published)} />
      <span className="text-sm" data-testid="published-state">
        {published ? 'Published' : 'Draft (students do not see it)'}
      </span>
      <SubmitButton className={published ? 'btn-secondary' : 'btn-primary'} pendingLabel="Saving…">
        {published ? 'Unpublish' : 'Publish'}
      </SubmitButton>
      <FormMessage error={state.formError} notice={state.notice} />
    </form>
  );
}
