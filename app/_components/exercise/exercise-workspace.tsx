'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { CodeEditor, type EditorApi } from './code-editor';
import { PicturesPanel } from '@/app/_components/pictures/pictures-panel';
import { ConfirmDialog } from './confirm-dialog';
import { HistoryList } from './history-list';
import type { LoadedMonaco } from './monaco-setup';
import { ResultsPanel } from './results-panel';
import type { RunnerExercise } from './run.shared';
import { SubmitStatusLine } from './submit-bar';
import type { EditorMarker } from './syntax-error.shared';
import type { HistoryEntry, SubmitInfo } from './types.shared';
import { readLocalDraft, useDraftAutosave } from './use-draft-autosave';
import { useRunSaveShortcuts } from './use-shortcuts';
import { useSubmissions } from './use-submissions';
import { useVisibleRun } from './use-visible-run';

type Props = {
  courseId: string;
  itemId: string;
  exercise: RunnerExercise;
  initialCode: string;
  draftSavedAt: string | null;
  submitInfo: SubmitInfo;
  history: HistoryEntry[];
  statement: ReactNode;
  /** Staff preview: the visible cases come from `casesUrl`, and nothing is saved or submitted. */
  preview?: { casesUrl: string };
};

export function ExerciseWorkspace({ courseId, itemId, exercise, initialCode, draftSavedAt, submitInfo, history: initialHistory, statement, preview }: Props) {
  const base = `/courses/${courseId}/items/${itemId}`;
  const [code, setCode] = useState(initialCode);
  const { state: saveState, saveNow } = useDraftAutosave(preview ? null : `${base}/draft`, itemId, code, initialCode, draftSavedAt);
  const [confirm, setConfirm] = useState<null | { kind: 'reset' } | { kind: 'restore'; entry: HistoryEntry }>(null);
  const [monaco, setMonaco] = useState<LoadedMonaco | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The syntax error the newest Run or graded Submit found, underlined in the editor; either clears it once fixed.
  const [syntaxAt, setSyntaxAt] = useState<EditorMarker | null>(null);
  const editor = useRef<EditorApi | null>(null);
  const codeRef = useRef(code);
  useEffect(() => {
    codeRef.current = code;
  }, [code]);

  // A newer copy kept in this browser (the server save had not gone through) wins over the server's.
  useEffect(() => {
    const local = readLocalDraft(itemId);
    const serverAt = draftSavedAt ? Date.parse(draftSavedAt) : 0;
    if (local && local.at > serverAt && local.code !== initialCode) {
      queueMicrotask(() => {
        editor.current?.replaceAll(local.code);
        setCode(local.code);
      });
    }
  }, [itemId, draftSavedAt, initialCode]);

  const casesUrl = preview?.casesUrl ?? `${base}/visible-cases?v=${exercise.versionHash.slice(0, 16)}`;
  const { runState, pictures, run, running } = useVisibleRun({ casesUrl, exercise, codeRef, onSyntax: setSyntaxAt, announce: setAnnouncement });
  const { history, poll, polling, inFlight, submit, submitting, submitError } = useSubmissions({ itemId, initialHistory, codeRef, saveNow, onSyntax: setSyntaxAt, announce: setAnnouncement });
  const save = useCallback(() => {
    setAnnouncement('Saving…');
    void saveNow().then(() => setAnnouncement('Draft saved.'));
  }, [saveNow]);
  useRunSaveShortcuts(
    useCallback(() => void run(), [run]),
    save,
  );

  const replaceCode = (text: string) => {
    if (editor.current) editor.current.replaceAll(text);
    setCode(text);
  };

  const attemptsUsed = history.length;
  const noAttemptsLeft = submitInfo.maxAttempts !== null && attemptsUsed >= submitInfo.maxAttempts;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div className="card min-w-0 space-y-6 self-start lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto" tabIndex={0} role="region" aria-label="Exercise statement">
        {statement}
      </div>
      <div className="min-w-0 space-y-4">
        <section aria-labelledby="editor-heading" className="card space-y-3 p-3 sm:p-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="editor-heading" className="text-base font-semibold">
              Your solution
            </h2>
            <SaveIndicator state={saveState} />
          </div>
          <div className="h-[55vh] min-h-72 lg:h-[60vh]">
            <CodeEditor
              value={code}
              onChange={setCode}
              onRun={() => void run()}
              onSave={save}
              onApi={(api) => (editor.current = api)}
              onMonaco={setMonaco}
              syntaxError={syntaxAt}
              labelId="editor-heading"
            />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn-primary" onClick={() => void run()} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
              {running ? 'Running…' : 'Run visible tests'}
              <kbd className="ml-2 hidden rounded bg-indigo-500 px-1 text-xs font-normal sm:inline">Ctrl+Enter</kbd>
            </button>
            <button type="button" className="btn-primary bg-emerald-700 hover:bg-emerald-800" onClick={() => void submit()} disabled={submitting || !submitInfo.open || noAttemptsLeft}>
              {submitting ? 'Submitting…' : 'Submit'}
            </button>
            <button type="button" className="btn-secondary" onClick={save} aria-keyshortcuts="Control+S Meta+S">
              Save <kbd className="ml-1 hidden text-xs sm:inline">Ctrl+S</kbd>
            </button>
            <button type="button" className="btn-secondary ml-auto" onClick={() => setConfirm({ kind: 'reset' })}>
              Reset to stub
            </button>
          </div>
          <SubmitStatusLine info={submitInfo} attemptsUsed={attemptsUsed} />
          {noAttemptsLeft && submitInfo.open && <p className="text-xs font-medium text-red-700">You have used all your attempts.</p>}
        </section>
        <ResultsPanel
          runState={runState}
          poll={poll}
          polling={polling}
          inFlight={inFlight}
          submitError={submitError}
          due={{ dueAt: submitInfo.dueAt, latePenaltyPerDay: submitInfo.latePenaltyPerDay }}
        />
        {exercise.visualize && <PicturesPanel state={pictures} />}
        <section aria-labelledby="history-heading" className="card">
          <h2 id="history-heading" className="mb-2 text-base font-semibold">
            Submission history
          </h2>
          <HistoryList entries={history} currentCode={code} monaco={monaco} onRestore={(entry) => setConfirm({ kind: 'restore', entry })} />
        </section>
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === 'restore' ? `Restore attempt ${confirm.entry.attempt}?` : 'Reset to the stub?'}
        body={
          confirm?.kind === 'restore'
            ? 'Your current code in the editor is replaced by the code of this submission (Ctrl+Z in the editor undoes it).'
            : 'Your current code in the editor is replaced by the original stub (Ctrl+Z in the editor undoes it). Your submissions are kept.'
        }
        confirmLabel={confirm?.kind === 'restore' ? 'Restore' : 'Reset'}
        onConfirm={() => {
          if (confirm?.kind === 'restore') replaceCode(confirm.entry.code);
          else replaceCode(exercise.stub);
          setAnnouncement(confirm?.kind === 'restore' ? `Attempt ${confirm.entry.attempt} restored into the editor.` : 'Editor reset to the stub.');
          queueMicrotask(() => editor.current?.focus());
        }}
        onClose={() => setConfirm(null)}
      />
    </div>
  );
}

function SaveIndicator({ state }: { state: ReturnType<typeof useDraftAutosave>['state'] }) {
  const text = state.kind === 'saved' ? (state.at ? 'All changes saved' : 'Not edited yet') : state.kind === 'saving' ? 'Saving…' : state.kind === 'pending' ? 'Unsaved changes' : state.message;
  return (
    <p
      className={`text-xs ${state.kind === 'error' ? 'font-medium text-red-700' : 'text-slate-600'}`}
      data-testid="save-state"
      data-state={state.kind}
      aria-live={state.kind === 'error' ? 'assertive' : 'off'}
    >
      {text}
    </p>
  );
}
