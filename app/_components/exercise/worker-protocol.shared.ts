import type { Wire } from '@/graders/runner/wire';

/** The argument of the harness's runCase, as built by graders/runner/reference.ts caseCall. */
export type CaseCall = {
  entry: string;
  run: string | null;
  entries: string[];
  args: Wire[];
  grad: { wrt: number[]; output: string | null } | null;
};

export type WorkerRequest = { type: 'run'; code: string; entries: string[]; calls: CaseCall[] };

export type WorkerResponse =
  | { type: 'ready'; backend: string }
  | { type: 'broken'; message: string }
  | { type: 'syntax'; message: string; line?: number; column?: number }
  | { type: 'loaded'; result: unknown }
  | { type: 'defined'; names: string[] }
  | { type: 'case'; index: number; result: unknown }
  | { type: 'done' };
