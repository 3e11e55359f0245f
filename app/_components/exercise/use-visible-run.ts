'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RunState } from './results-panel';
import type { PicturesState } from '@/app/_components/pictures/pictures-panel';
import type { VisibleRunner } from './run-visible';
import type { RunnerExercise, VisibleCasesResponse } from './run.shared';
import { syntaxMarker, type EditorMarker } from './syntax-error.shared';

let runnerModule: Promise<typeof import('./run-visible')> | undefined;
const loadRunnerModule = () => (runnerModule ??= import('./run-visible'));

/**
 * Run: the visible cases (fetched once per version) through a worker with tfjs, kept warm after the
 * page settles. Reports the newest run's syntax error and a sentence for the screen-reader status.
 */
export function useVisibleRun(options: { casesUrl: string; exercise: RunnerExercise; codeRef: RefObject<string>; onSyntax: (at: EditorMarker | null) => void; announce: (text: string) => void }) {
  const { casesUrl, exercise, codeRef, onSyntax, announce } = options;
  const [runState, setRunState] = useState<RunState>({ kind: 'idle' });
  const [pictures, setPictures] = useState<PicturesState>({ kind: 'idle' });
  const runner = useRef<VisibleRunner | null>(null);
  const cases = useRef<Promise<VisibleCasesResponse> | null>(null);

  const visibleCases = useCallback(() => {
    cases.current ??= fetch(casesUrl).then(async (r) => {
      const body = (await r.json().catch(() => ({}))) as VisibleCasesResponse & { error?: string };
      if (!r.ok) throw new Error(body.error ?? `the server answered ${r.status}`);
      return body;
    });
    cases.current.catch(() => (cases.current = null));
    return cases.current;
  }, [casesUrl]);

  const getRunner = useCallback(async () => {
    const { VisibleRunner } = await loadRunnerModule();
    runner.current ??= new VisibleRunner();
    return runner.current;
  }, []);

  // Warm up after the page has settled: the visible cases and a worker with tfjs, ready for Run.
  useEffect(() => {
    const id = setTimeout(() => {
      void visibleCases().catch(() => {});
      void getRunner()
        .then((r) => r.warm())
        .catch(() => {});
    }, 1500);
    return () => {
      clearTimeout(id);
      runner.current?.dispose();
    };
  }, [visibleCases, getRunner]);

  const run = useCallback(async () => {
    setRunState({ kind: 'preparing' });
    announce('Running the visible tests…');
    try {
      const [r, { cases: list }] = await Promise.all([getRunner(), visibleCases()]);
      setRunState({ kind: 'running' });
      const result = await r.run(codeRef.current, exercise, list);
      const passed = result.report.tests.filter((t) => t.passed).length;
      setRunState({ kind: 'done', ...result });
      const syntax = syntaxMarker(result.report.tests);
      onSyntax(syntax);
      announce(`Run finished: ${passed} of ${result.report.tests.length} visible tests passed.`);
      // The pictures come after the results, from the same code, whether the tests passed or not.
      if (exercise.visualize && !syntax) {
        setPictures({ kind: 'drawing' });
        const drawn = await r.pictures(codeRef.current, exercise, exercise.visualize).catch((error: Error) => ({ ok: false as const, message: error.message, ms: 0 }));
        setPictures(drawn.ok ? { kind: 'done', pictures: drawn.pictures, notFinite: drawn.notFinite, ms: drawn.ms } : { kind: 'failed', message: drawn.message });
      } else setPictures({ kind: 'idle' });
    } catch (error) {
      const message = `The visible tests could not run: ${(error as Error).message}`;
      setRunState({ kind: 'error', message });
      announce(message);
    }
  }, [exercise, getRunner, visibleCases, codeRef, onSyntax, announce]);

  return { runState, pictures, run, running: runState.kind === 'preparing' || runState.kind === 'running' };
}
