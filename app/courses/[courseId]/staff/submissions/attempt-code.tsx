'use client';

import { useEffect, useState } from 'react';
import type { LoadedMonaco } from '@/app/_components/exercise/monaco-setup';

export type AttemptCode = { id: string; attempt: number; code: string };

// "typescript", not "javascript": keeps these read-only copies out of Monaco's JS program (see monaco-setup).
const LANGUAGE = 'typescript';
const READ_ONLY = { readOnly: true, minimap: { enabled: false }, automaticLayout: true, scrollBeyondLastLine: false } as const;

function useMonaco(): LoadedMonaco | null {
  const [monaco, setMonaco] = useState<LoadedMonaco | null>(null);
  useEffect(() => {
    let live = true;
    import('@/app/_components/exercise/monaco-setup')
      .then((m) => m.loadMonaco())
      .then((m) => live && setMonaco(m))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return monaco;
}

/** The submitted code, read-only with highlighting (a plain <pre> until Monaco has loaded), and a diff between two attempts. */
export function AttemptCodeViewer({ current, attempts }: { current: AttemptCode; attempts: AttemptCode[] }) {
  const monaco = useMonaco();
  const older = attempts.find((a) => a.attempt < current.attempt) ?? attempts.find((a) => a.id !== current.id);
  const [left, setLeft] = useState(older?.id ?? current.id);
  const [right, setRight] = useState(current.id);
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const original = byId.get(left) ?? current;
  const modified = byId.get(right) ?? current;
  return (
    <div className="space-y-4">
      <div className="h-96 overflow-hidden rounded-md border border-slate-300" data-testid="submission-code">
        {monaco ? (
          <monaco.Editor height="100%" language={LANGUAGE} value={current.code} path={`file:///staff/attempt-${current.id}.ts`} options={READ_ONLY} />
        ) : (
          <pre className="h-full overflow-auto bg-slate-900 p-3 text-xs text-slate-100">{current.code}</pre>
        )}
      </div>
      {attempts.length > 1 && (
        <section aria-labelledby="diff-heading" className="space-y-2">
          <h3 id="diff-heading" className="font-semibold">
            Compare attempts
          </h3>
          <div className="flex flex-wrap gap-3 text-sm">
            <AttemptSelect label="Left" value={left} onChange={setLeft} attempts={attempts} />
            <AttemptSelect label="Right" value={right} onChange={setRight} attempts={attempts} />
          </div>
          {original.code === modified.code ? (
            <p className="text-sm text-slate-600">The two attempts are identical.</p>
          ) : monaco ? (
            <div className="h-80 overflow-hidden rounded-md border border-slate-300" data-testid="attempt-diff">
              <monaco.DiffEditor
                height="100%"
                language={LANGUAGE}
                original={original.code}
                modified={modified.code}
                originalModelPath={`file:///staff/diff-left-${original.id}.ts`}
                modifiedModelPath={`file:///staff/diff-right-${modified.id}.ts`}
                options={{ ...READ_ONLY, originalEditable: false, renderSideBySide: true }}
              />
            </div>
          ) : (
            <div className="grid gap-2 sm:grid-cols-2">
              <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-2 text-xs">{original.code}</pre>
              <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-2 text-xs">{modified.code}</pre>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

function AttemptSelect({ label, value, onChange, attempts }: { label: string; value: string; onChange(id: string): void; attempts: AttemptCode[] }) {
  return (
    <label className="flex items-center gap-2">
      {label}
      <select className="input w-auto" value={value} onChange={(e) => onChange(e.target.value)}>
        {attempts.map((a) => (
          <option key={a.id} value={a.id}>
            Attempt {a.attempt}
          </option>
        ))}
      </select>
    </label>
  );
}
