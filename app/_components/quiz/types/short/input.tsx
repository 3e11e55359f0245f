'use client';

import { textOf, type InputProps } from '../props';

export function ShortInput({ question, promptId, name, value, setAnswer, disabled }: InputProps<'short'>) {
  const text = textOf(value);
  const countId = `${name}-count`;
  return (
    <div className="space-y-1">
      <textarea
        aria-labelledby={promptId}
        aria-describedby={countId}
        name={name}
        value={text}
        maxLength={question.maxLength}
        rows={5}
        disabled={disabled}
        onChange={(e) => setAnswer(e.target.value)}
        className="input"
      />
      <p id={countId} className="text-right text-xs text-slate-500">
        {text.length} / {question.maxLength} characters
      </p>
    </div>
  );
}
