import type { LoadedExercise } from '../content/load';
import type { GradeReport } from '../report';

/** Parent → child: grade one submission. Only data crosses the process boundary. */
export type GradeRequest = { type: 'grade'; jobId: number; exercise: LoadedExercise; code: string };

/** Child → parent. `failed` means the engine itself broke, never that the student's code did. */
export type GradeResponse = { type: 'ready' } | { type: 'graded'; jobId: number; report: GradeReport } | { type: 'failed'; jobId: number; error: string };
