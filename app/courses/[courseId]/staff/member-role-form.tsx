'use client';

import { useActionState } from 'react';
import type { CourseRole } from '@/db/permissions';
import { FormMessage, SubmitButton } from '@/app/_components/form-controls';
import { initialFormState } from '@/app/_lib/form-state.shared';
import { ROLE_LABELS } from '@/app/_lib/roles.shared';
import { changeMemberRoleAction } from './actions';

type MemberRoleFormProps = { courseId: string; userId: string; memberName: string; role: CourseRole; roles: readonly CourseRole[] };

export function MemberRoleForm({ courseId, userId, memberName, role, roles }: MemberRoleFormProps) {
  const [state, formAction] = useActionState(changeMemberRoleAction, initialFormState);
  const selectId = `role-${userId}`;
  return (
    <form action={formAction} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {memberName}
        </label>
        <select id={selectId} name="role" defaultValue={role} className="input w-auto py-1.5 text-sm">
          {roles.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <SubmitButton className="btn-secondary" pendingLabel="Saving…">
          Save<span className="sr-only"> role of {memberName}</span>
        </SubmitButton>
      </div>
      <FormMessage error={state.formError} notice={state.notice} />
    </form>
  );
}
