'use client';

import { useEffect, useRef, useState } from 'react';
import type { editor as MonacoEditorNs } from 'monaco-editor';
import type { LoadedMonaco } from './monaco-setup';
import type { EditorMarker } from './syntax-error.shared';

export type EditorApi = {
  /** Replaces the whole text as one undoable edit. */
  replaceAll(code: string): void;
  focus(): void;
};

type Props = {
  value: string;
  onChange(code: string): void;
  onRun(): void;
  onSave(): void;
  onApi(api: EditorApi | null): void;
  onMonaco?(monaco: LoadedMonaco): void;
  /** Underlined in Monaco; the plain fallback editor has no squiggles (the report names line and column). */
  syntaxError?: EditorMarker | null;
  labelId: string;
};

/**
 * Monaco, loaded after the page is interactive; until then (or if it fails) a plain textarea
 * holds the same code, so the page is usable at once and never depends on the editor loading.
 */
export function CodeEditor({ value, onChange, onRun, onSave, onApi, onMonaco, syntaxError = null, labelId }: Props) {
  const [loaded, setLoaded] = useState<LoadedMonaco | null>(null);
  const [mounted, setMounted] = useState<MonacoEditorNs.IStandaloneCodeEditor | null>(null);
  const [failed, setFailed] = useState(false);
  const handlers = useRef({ onRun, onSave, onChange });
  useEffect(() => {
    handlers.current = { onRun, onSave, onChange };
  });

  useEffect(() => {
    let live = true;
    import('./monaco-setup')
      .then((m) => m.loadMonaco())
      .then((m) => {
        if (!live) return;
        setLoaded(m);
        onMonaco?.(m);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [onMonaco]);

  useEffect(() => {
    const model = mounted?.getModel();
    if (!loaded || !model) return;
    loaded.monaco.editor.setModelMarkers(model, 'tensorgrade-syntax', syntaxError ? [syntaxMarkerData(loaded, model, syntaxError)] : []);
  }, [loaded, mounted, syntaxError]);

  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (loaded) return;
    onApi({
      replaceAll: (code) => handlers.current.onChange(code),
      focus: () => textarea.current?.focus(),
    });
  }, [loaded, onApi]);

  if (!loaded) {
    return (
      <div className="flex h-full flex-col">
        <textarea
          ref={textarea}
          aria-labelledby={labelId}
          aria-describedby="editor-fallback-note"
          className="h-full min-h-72 w-full flex-1 resize-none rounded-md border border-slate-300 bg-white p-3 font-mono text-sm leading-6 text-slate-900"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            const mod = e.ctrlKey || e.metaKey;
            if (mod && e.key === 'Enter') {
              e.preventDefault();
              onRun();
            } else if (mod && e.key.toLowerCase() === 's') {
              e.preventDefault();
              onSave();
            }
          }}
        />
        <p id="editor-fallback-note" className="mt-1 text-xs text-slate-500" data-testid="editor-loading">
          {failed ? 'The full editor could not be loaded; this plain editor works the same.' : 'Loading the full editor… you can type here already.'}
        </p>
      </div>
    );
  }

  const { Editor, monaco } = loaded;
  return (
    <div
      className="h-full min-h-72 overflow-hidden rounded-md border border-slate-300"
      data-testid="monaco-ready"
      data-syntax-error={syntaxError ? `${syntaxError.line}:${syntaxError.column}` : undefined}
    >
      <Editor
        height="100%"
        defaultLanguage="javascript"
        // One model per exercise page: the TypeScript worker checks it against tf's declarations.
        path="file:///solution.js"
        defaultValue={value}
        onChange={(code) => handlers.current.onChange(code ?? '')}
        options={{
          minimap: { enabled: false },
          fontSize: 14,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          tabSize: 2,
          ariaLabel: 'Code editor. Press Control+M to toggle whether Tab moves focus out of the editor.',
          fixedOverflowWidgets: true,
          padding: { top: 8 },
        }}
        onMount={(ed: MonacoEditorNs.IStandaloneCodeEditor) => {
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onRun());
          ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => handlers.current.onSave());
          // The textarea may have been edited while Monaco loaded.
          if (ed.getValue() !== value) ed.setValue(value);
          onApi({
            replaceAll: (code) => {
              const model = ed.getModel();
              if (!model) return;
              ed.pushUndoStop();
              ed.executeEdits('tensorgrade', [{ range: model.getFullModelRange(), text: code }]);
              ed.pushUndoStop();
            },
            focus: () => ed.focus(),
          });
          setMounted(ed);
          const label = document.getElementById(labelId);
          if (label) ed.getDomNode()?.querySelector('textarea')?.setAttribute('aria-labelledby', labelId);
        }}
      />
    </div>
  );
}

function syntaxMarkerData({ monaco }: LoadedMonaco, model: MonacoEditorNs.ITextModel, at: EditorMarker): MonacoEditorNs.IMarkerData {
  const line = Math.min(Math.max(at.line, 1), model.getLineCount());
  return {
    severity: monaco.MarkerSeverity.Error,
    message: `Syntax error: ${at.message}`,
    source: 'Tensorgrade',
    startLineNumber: line,
    startColumn: at.column,
    endLineNumber: line,
    // At least one character wide, or an error at the end of a line has no visible squiggle.
    endColumn: Math.max(at.column + 1, model.getLineMaxColumn(line)),
  };
}
