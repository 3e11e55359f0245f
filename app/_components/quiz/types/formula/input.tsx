'use client';

import { textOf, type InputProps } from '../props';
import { formulaHint } from './hint';

export function FormulaInput({ question, promptId, name, value, setAnswer, disabled }: InputProps<'formula'>) {
  const text = textOf(value);
  const hint = formulaHint(text, question.variables);
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
        onChange={(e) => setAnswer(e.target.value)}
        className="input font-mono"
        placeholder={`in terms of ${question.variables.join(', ')}`}
      />
      <p id={hintId} className={`text-xs ${hint && !hint.ok ? 'text-amber-700' : 'text-slate-500'}`}>
        {hint?.message ?? `Variables: ${question.variables.join(', ')}. Functions such as max, exp, log, sqrt; ^ for powers.`}
      </p>
      {question.variant && (
        <p className="w-full text-xs text-slate-500" data-testid="variant-note">
          The numbers in this question are drawn for your attempt; a classmate&apos;s answer will not fit them.
        </p>
      )}
    </div>
  );
}
