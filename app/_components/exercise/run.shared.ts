import type { SerializedCase, SerializedValue } from '@/graders/visible-cases';

export type { SerializedValue } from '@/graders/visible-cases';

/**
 * A visible test case as the browser receives it: inputs, expected output, and the outputs of
 * the exercise's known mistakes on the same inputs (so Run names a mistake like the server does).
 */
export type VisibleCase = SerializedCase & {
  mistakes: { id: string; message: string; value: SerializedValue }[];
  gradTolerance: { rtol?: number; atol?: number } | null;
};

export type VisibleCasesResponse = { versionHash: string; cases: VisibleCase[] };

/** What the in-browser runner needs to know about the exercise besides its cases. */
export type RunnerExercise = {
  versionHash: string;
  stub: string;
  entry: string[];
  limits: { timeMsPerTest: number; timeMsPerJob: number; memoryMb: number };
  /** Entry functions that return a batch-averaged scalar loss (the diagnosis's shape advice). */
  scalarLosses: string[];
};
