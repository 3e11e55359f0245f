'use client';

import { useEffect, useRef, useState } from 'react';
import type { LoadedMonaco } from '@/app/_components/exercise/monaco-setup';

type Props = { file: string; language: 'javascript' | 'json'; value: string; onChange(text: string): void };

/**
 * One content file in Monaco (the student editor's self-hosted setup, tf types included). The
 * parent remounts it per file, so only one model is alive: stub.js and reference.js define the
 * same functions and would be reported as duplicates of each other in one JavaScript program.
 * A plain textarea holds the text until Monaco has loaded.
 */
export function AuthoringCodeEditor({ file, language, value, onChange }: Props) {
  const [loaded, setLoaded] = useState<LoadedMonaco | null>(null);
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  });
  useEffect(() => {
    let live = true;
    void import('@/app/_components/exercise/monaco-setup')
      .then((m) => m.loadMonaco())
      .then((m) => live && setLoaded(m))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  if (!loaded) {
    return (
      <textarea
        aria-label={`${file} source`}
        className="h-full min-h-80 w-full resize-none rounded-md border border-slate-300 p-3 font-mono text-sm"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const { Editor } = loaded;
  return (
    <div className="h-full min-h-80 overflow-hidden rounded-md border border-slate-300" data-testid="monaco-ready" data-file={file}>
      <Editor
        height="100%"
        language={language}
        path={`file:///authoring/${file}`}
        defaultValue={value}
        onChange={(text) => change.current(text ?? '')}
        options={{ minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2, ariaLabel: `${file} source` }}
      />
    </div>
  );
}
