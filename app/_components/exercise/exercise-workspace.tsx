'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { PublicSubmission } from '@/app/api/submissions/submission.shared';
import { CodeEditor, type EditorApi } from './code-editor';
import { ConfirmDialog } from './confirm-dialog';
import { HistoryList } from './history-list';
import type { LoadedMonaco } from './monaco-setup';
import { ResultsPanel, type RunState } from './results-panel';
import type { RunnerExercise, VisibleCasesResponse } from './run.shared';
import { SubmitStatusLine } from './submit-bar';
import { syntaxMarker, type EditorMarker } from './syntax-error.shared';
import type { HistoryEntry, SubmitInfo } from './types.shared';
import { readLocalDraft, useDraftAutosave } from './use-draft-autosave';
import { useSubmissionPoll } from './use-submission-poll';
import type { VisibleRunner } from './run-visible';

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

let runnerModule: Promise<typeof import('./run-visible')> | undefined;
const loadRunnerModule = () => (runnerModule ??= import('./run-visible'));

export function ExerciseWorkspace({ courseId, itemId, exercise, initialCode, draftSavedAt, submitInfo, history: initialHistory, statement, preview }: Props) {
  const base = `/courses/${courseId}/items/${itemId}`;
  const [code, setCode] = useState(initialCode);
  const { state: saveState, saveNow } = useDraftAutosave(preview ? null : `${base}/draft`, itemId, code, initialCode, draftSavedAt);
  const [history, setHistory] = useState(initialHistory);
  const [runState, setRunState] = useState<RunState>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // The latest submission's result is shown again after a reload (and followed if still grading).
  const [polling, setPolling] = useState<string | null>(initialHistory[0]?.id ?? null);
  const [confirm, setConfirm] = useState<null | { kind: 'reset' } | { kind: 'restore'; entry: HistoryEntry }>(null);
  const [monaco, setMonaco] = useState<LoadedMonaco | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The syntax error the newest Run or graded Submit found, underlined in the editor; either clears it once fixed.
  const [syntaxAt, setSyntaxAt] = useState<EditorMarker | null>(null);
  const editor = useRef<EditorApi | null>(null);
  const runner = useRef<VisibleRunner | null>(null);
  const cases = useRef<Promise<VisibleCasesResponse> | null>(null);
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

  const visibleCases = useCallback(() => {
    cases.current ??= fetch(preview?.casesUrl ?? `${base}/visible-cases?v=${exercise.versionHash.slice(0, 16)}`).then(async (r) => {
      const body = (await r.json().catch(() => ({}))) as VisibleCasesResponse & { error?: string };
      if (!r.ok) throw new Error(body.error ?? `the server answered ${r.status}`);
      return body;
    });
    cases.current.catch(() => (cases.current = null));
    return cases.current;
  }, [base, exercise.versionHash, preview?.casesUrl]);

  const getRunner = useCallback(async () => {
    const { VisibleRunner } = await loadRunnerModule();
    runner.current ??= new VisibleRunner();
    return runner.current;
  }, []);

  // Warm up after the page has settled: the visible cases and a worker with tfjs, ready for Run.
  useEffect(() => {
    const id = setTimeout(() => {
      void visibleCases().catch(() => {});
      void getRunner().then((r) => r.warm()).catch(() => {});
    }, 1500);
    return () => {
      clearTimeout(id);
      runner.current?.dispose();
    };
  }, [visibleCases, getRunner]);

  const run = useCallback(async () => {
    setRunState({ kind: 'preparing' });
    setAnnouncement('Running the visible tests…');
    try {
      const [r, { cases: list }] = await Promise.all([getRunner(), visibleCases()]);
      setRunState({ kind: 'running' });
      const result = await r.run(codeRef.current, exercise, list);
      const passed = result.report.tests.filter((t) => t.passed).length;
      setRunState({ kind: 'done', ...result });
      setSyntaxAt(syntaxMarker(result.report.tests));
      setAnnouncement(`Run finished: ${passed} of ${result.report.tests.length} visible tests passed.`);
    } catch (error) {
      const message = `The visible tests could not run: ${(error as Error).message}`;
      setRunState({ kind: 'error', message });
      setAnnouncement(message);
    }
  }, [exercise, getRunner, visibleCases]);

  const save = useCallback(() => {
    setAnnouncement('Saving…');
    void saveNow().then(() => setAnnouncement('Draft saved.'));
  }, [saveNow]);

  const onSubmissionUpdate = useCallback((s: PublicSubmission) => {
    setHistory((list) => list.map((h) => (h.id === s.id ? { ...h, status: s.status, score: s.score, isLate: s.isLate } : h)));
    if (s.report) setSyntaxAt(syntaxMarker(s.report.tests));
    if (s.status === 'graded' && s.score !== null) setAnnouncement(`Attempt ${s.attempt} graded: ${Math.round(s.score * 1000) / 10} %.`);
    else if (s.status === 'graded') setAnnouncement(`Attempt ${s.attempt} graded; your score is shown after the due date.`);
    else if (s.status === 'error' || s.status === 'failed') setAnnouncement(`Attempt ${s.attempt} could not be graded.`);
    else if (s.status === 'grading') setAnnouncement(`Attempt ${s.attempt} is being graded.`);
  }, []);
  const poll = useSubmissionPoll(polling, onSubmissionUpdate);

  const submit = useCallback(async () => {
    setSubmitting(true);
    setSubmitError(null);
    const text = codeRef.current;
    void saveNow();
    try {
      const response = await fetch('/api/submissions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ itemId, code: text }) });
      const body = (await response.json().catch(() => ({}))) as { submissionId?: string; attempt?: number; isLate?: boolean; error?: string };
      if (!response.ok || !body.submissionId) throw new Error(body.error ?? `The server answered ${response.status}.`);
      const entry: HistoryEntry = { id: body.submissionId, attempt: body.attempt ?? 0, status: 'queued', score: null, isLate: Boolean(body.isLate), createdAt: new Date().toISOString(), code: text };
      setHistory((list) => [entry, ...list]);
      setPolling(body.submissionId);
      setAnnouncement(`Attempt ${entry.attempt} submitted and queued for grading.`);
    } catch (error) {
      setSubmitError((error as Error).message);
      setAnnouncement(`Not submitted: ${(error as Error).message}`);
    } finally {
      setSubmitting(false);
    }
  }, [itemId, saveNow]);

  // Shortcuts that also work when focus is outside the editor (the editor handles its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        void run();
      } else if (e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [run, save]);

  const replaceCode = (text: string) => {
    if (editor.current) editor.current.replaceAll(text);
    setCode(text);
  };

  const attemptsUsed = history.length;
  const noAttemptsLeft = submitInfo.maxAttempts !== null && attemptsUsed >= submitInfo.maxAttempts;
  const inFlight = poll.submission ? !['graded', 'error', 'failed'].includes(poll.submission.status) : polling !== null;
  const running = runState.kind === 'preparing' || runState.kind === 'running';

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
            <CodeEditor value={code} onChange={setCode} onRun={() => void run()} onSave={save} onApi={(api) => (editor.current = api)} onMonaco={setMonaco} syntaxError={syntaxAt} labelId="editor-heading" />
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn-primary" onClick={() => void run()} disabled={running} aria-keyshortcuts="Control+Enter Meta+Enter">
              {running ? 'Running…' : 'Run visible tests'}
              <kbd className="ml-2 hidden rounded bg-indigo-500 px-1 text-xs font-normal sm:inline">Ctrl+Enter</kbd>
            </button>
            <button
              type="button"
              className="btn-primary bg-emerald-700 hover:bg-emerald-800"
              onClick={() => void submit()}
              disabled={submitting || !submitInfo.open || noAttemptsLeft}
            >
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
        <ResultsPanel runState={runState} poll={poll} polling={polling} inFlight={inFlight} submitError={submitError} due={{ dueAt: submitInfo.dueAt, latePenaltyPerDay: submitInfo.latePenaltyPerDay }} />
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
  const text =
    state.kind === 'saved' ? (state.at ? 'All changes saved' : 'Not edited yet') : state.kind === 'saving' ? 'Saving…' : state.kind === 'pending' ? 'Unsaved changes' : state.message;
  return (
    <p className={`text-xs ${state.kind === 'error' ? 'font-medium text-red-700' : 'text-slate-600'}`} data-testid="save-state" data-state={state.kind} aria-live={state.kind === 'error' ? 'assertive' : 'off'}>
      {text}
    </p>
  );
}
