'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled input whose error is announced and tied to the input for screen readers. */
export function TextField({ name, label, error, hint, id = name, ...input }: TextFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="input" {...input} />
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      <p id={errorId} className="min-h-0 text-sm text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}

export function SubmitButton({ children, pendingLabel, className = 'btn-primary' }: { children: ReactNode; pendingLabel?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** Form-level outcome: errors are assertive (the form did not go through), notices polite. */
export function FormMessage({ error, notice }: { error?: string; notice?: string }) {
  return (
    <>
      <p role="alert" className="text-sm text-red-700 empty:hidden">
        {error}
      </p>
      <p aria-live="polite" className="text-sm text-emerald-700 empty:hidden">
        {notice}
      </p>
    </>
  );
}
