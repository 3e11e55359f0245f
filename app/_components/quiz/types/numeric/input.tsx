'use client';

import { textOf, type InputProps } from '../props';

export function NumericInput({ question, promptId, name, value, setAnswer, disabled }: InputProps<'numeric'>) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        aria-labelledby={promptId}
        name={name}
        value={textOf(value)}
        maxLength={100}
        disabled={disabled}
        onChange={(e) => setAnswer(e.target.value)}
        className="input max-w-xs"
        placeholder="a number, e.g. 0.25 or 2.5e-1"
      />
      {question.units && <span className="text-slate-600">{question.units}</span>}
      {question.variant && (
        <p className="w-full text-xs text-slate-500" data-testid="variant-note">
          The numbers in this question are drawn for your attempt; a classmate&apos;s answer will not fit them.
        </p>
      )}
    </div>
  );
}
