'use client';

import type { InputProps } from '../props';

const optionClass = 'flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-checked:border-indigo-500 has-checked:bg-indigo-50';

export function SingleInput({ question, labels, promptId, name, value, setAnswer, disabled }: InputProps<'single'>) {
  return (
    <div role="radiogroup" aria-labelledby={promptId} className="space-y-2">
      {question.options.map((o) => (
        <label key={o.id} className={optionClass}>
          <input type="radio" name={name} value={o.id} checked={value === o.id} disabled={disabled} onChange={() => setAnswer(o.id)} className="mt-1" />
          <span>{labels[o.id]}</span>
        </label>
      ))}
    </div>
  );
}

export function MultipleInput({ question, labels, promptId, name, value, setAnswer, disabled }: InputProps<'multiple'>) {
  const picked = Array.isArray(value) ? value : [];
  return (
    <div role="group" aria-labelledby={promptId} className="space-y-2">
      <p className="text-sm text-slate-500">Select all that apply.</p>
      {question.options.map((o) => (
        <label key={o.id} className={optionClass}>
          <input
            type="checkbox"
            name={name}
            value={o.id}
            checked={picked.includes(o.id)}
            disabled={disabled}
            onChange={(e) => setAnswer(e.target.checked ? [...picked, o.id] : picked.filter((id) => id !== o.id))}
            className="mt-1"
          />
          <span>{labels[o.id]}</span>
        </label>
      ))}
    </div>
  );
}
