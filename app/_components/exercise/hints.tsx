'use client';

import { useState } from 'react';

/** Hints revealed one at a time, so a student asks for only as much help as needed. */
export function Hints({ hints }: { hints: string[] }) {
  const [shown, setShown] = useState(0);
  if (hints.length === 0) return null;
  return (
    <section aria-labelledby="hints-heading" className="space-y-2">
      <h2 id="hints-heading" className="text-base font-semibold">
        Hints
      </h2>
      {shown > 0 && (
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800" aria-live="polite">
          {hints.slice(0, shown).map((hint, i) => (
            <li key={i}>{hint}</li>
          ))}
        </ol>
      )}
      {shown < hints.length ? (
        <button type="button" className="btn-secondary" onClick={() => setShown((n) => n + 1)}>
          Show hint {shown + 1} of {hints.length}
        </button>
      ) : (
        <p className="text-xs text-slate-500">All hints shown.</p>
      )}
    </section>
  );
}
