export type { SerializedValue, VisibleCase, VisibleCasesResponse } from '@/graders/visible-cases/shape';

/** What the in-browser runner needs to know about the exercise besides its cases. */
export type RunnerExercise = {
  versionHash: string;
  stub: string;
  entry: string[];
  limits: { timeMsPerTest: number; timeMsPerJob: number; memoryMb: number };
  /** Entry functions that return a batch-averaged scalar loss (the diagnosis's shape advice). */
  scalarLosses: string[];
  /** The exercise's visualize.js (not secret), run after the visible tests to draw pictures; null if it has none. */
  visualize?: string | null;
};
