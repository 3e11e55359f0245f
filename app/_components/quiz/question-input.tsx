'use client';

import type { ReactNode } from 'react';
import type { PublicQuestion } from '@/graders/quiz/public';
import { useQuizAutosave } from './autosave';
import { formulaHint } from './formula-hint';

/** The question without its Markdown, which the server renders and passes in as `options[].label`. */
export type QuestionInputProps = {
  question: { id: string; type: PublicQuestion['type']; units?: string; variables?: string[]; maxLength?: number };
  options?: { id: string; label: ReactNode }[];
  /** Id of the element holding the rendered prompt. */
  promptId: string;
};

export function QuestionInput({ question, options = [], promptId }: QuestionInputProps) {
  const { answers, setAnswer, disabled } = useQuizAutosave();
  const value = answers[question.id];
  const name = `q-${question.id}`;
  const text = typeof value === 'string' ? value : '';

  switch (question.type) {
    case 'single':
      return (
        <div role="radiogroup" aria-labelledby={promptId} className="space-y-2">
          {options.map((o) => (
            <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-checked:border-indigo-500 has-checked:bg-indigo-50">
              <input type="radio" name={name} value={o.id} checked={value === o.id} disabled={disabled} onChange={() => setAnswer(question.id, o.id)} className="mt-1" />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
    case 'multiple': {
      const picked = Array.isArray(value) ? value : [];
      return (
        <div role="group" aria-labelledby={promptId} className="space-y-2">
          <p className="text-sm text-slate-500">Select all that apply.</p>
          {options.map((o) => (
            <label key={o.id} className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 p-3 hover:bg-slate-50 has-checked:border-indigo-500 has-checked:bg-indigo-50">
              <input
                type="checkbox"
                name={name}
                value={o.id}
                checked={picked.includes(o.id)}
                disabled={disabled}
                onChange={(e) => setAnswer(question.id, e.target.checked ? [...picked, o.id] : picked.filter((id) => id !== o.id))}
                className="mt-1"
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
    }
    case 'numeric':
      return (
        <div className="flex items-center gap-2">
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            aria-labelledby={promptId}
            name={name}
            value={text}
            maxLength={100}
            disabled={disabled}
            onChange={(e) => setAnswer(question.id, e.target.value)}
            className="input max-w-xs"
            placeholder="a number, e.g. 0.25 or 2.5e-1"
          />
          {question.units && <span className="text-slate-600">{question.units}</span>}
        </div>
      );
    case 'formula': {
      const hint = formulaHint(text, question.variables ?? []);
      const hintId = `${name}-hint`;
      return (
        <div className="space-y-1">
          <input
            type="text"
            autoComplete="off"
            spellCheck={false}
            aria-labelledby={promptId}
            aria-describedby={hintId}
            name={name}
            value={text}
            maxLength={question.maxLength}
            disabled={disabled}
            onChange={(e) => setAnswer(question.id, e.target.value)}
            className="input font-mono"
            placeholder={`in terms of ${(question.variables ?? []).join(', ')}`}
          />
          <p id={hintId} className={`text-xs ${hint && !hint.ok ? 'text-amber-700' : 'text-slate-500'}`}>
            {hint?.message ?? `Variables: ${(question.variables ?? []).join(', ')}. Functions such as max, exp, log, sqrt; ^ for powers.`}
          </p>
        </div>
      );
    }
    case 'short': {
      const max = question.maxLength ?? 4000;
      const countId = `${name}-count`;
      return (
        <div className="space-y-1">
          <textarea
            aria-labelledby={promptId}
            aria-describedby={countId}
            name={name}
            value={text}
            maxLength={max}
            rows={5}
            disabled={disabled}
            onChange={(e) => setAnswer(question.id, e.target.value)}
            className="input"
          />
          <p id={countId} className="text-right text-xs text-slate-500">
            {text.length} / {max} characters
          </p>
        </div>
      );
    }
  }
}
