import type { Wire } from '@/graders/runner/wire';

/** The argument of the harness's runCase, as built by graders/runner/reference.ts caseCall. */
export type CaseCall = {
  entry: string;
  run: string | null;
  entries: string[];
  args: Wire[];
  grad: { wrt: number[]; output: string | null } | null;
};

export type WorkerRequest =
  | { type: 'run'; code: string; entries: string[]; calls: CaseCall[] }
  /** After a Run: the exercise's visualize.js on the student's functions, in a fresh worker of its own. */
  | { type: 'visualize'; code: string; entries: string[]; source: string; seed: number };

export type WorkerResponse =
  | { type: 'ready'; backend: string }
  | { type: 'broken'; message: string }
  | { type: 'syntax'; message: string; line?: number; column?: number }
  | { type: 'loaded'; result: unknown }
  | { type: 'defined'; names: string[] }
  | { type: 'case'; index: number; result: unknown }
  | { type: 'done' }
  | { type: 'pictures'; result: unknown }
  | { type: 'pictures-failed'; message: string };
