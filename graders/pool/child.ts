/**
 * A sandbox child process: grades the jobs its parent sends over IPC and never opens the database.
 * If V8 or isolated-vm crashes here, only this process dies; the parent notices and retries.
 */
import { createGrader } from '../grader';
import type { GradeRequest, GradeResponse } from './protocol';

// An isolate serves up to this many jobs, one at a time, each in a fresh context (graders/README.md,
// "jobsPerIsolate"). Reuse halves the CPU of a grading. It adds no exposure the process does not
// already have: this process hosts several students' isolates at once, so a V8 heap exploit that
// could survive a context would already reach them; the process, not the isolate, is that boundary.
// Settings come from the parent (createChildPool), which validated them; this process reads no env.
const setting = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const grader = createGrader({ jobsPerIsolate: Number(setting('jobs-per-isolate') ?? 20), snapshot: setting('snapshot') !== '0' });

// A result finished after the parent went away (shutdown, crash) has no one to go to: with a
// callback, the failed write is dropped instead of crashing this process with EPIPE.
function send(message: GradeResponse) {
  if (process.connected) process.send?.(message, undefined, undefined, () => {});
}

process.on('message', (request: GradeRequest) => {
  if (request?.type !== 'grade') return;
  grader
    .grade({ exercise: request.exercise, code: request.code })
    .then((report) => send({ type: 'graded', jobId: request.jobId, report }))
    .catch((error: unknown) => send({ type: 'failed', jobId: request.jobId, error: error instanceof Error ? error.message : String(error) }));
});

// The parent going away (crash, kill -9) must not leave orphaned sandboxes behind.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
