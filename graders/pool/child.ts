/**
 * A sandbox child process: grades the jobs its parent sends over IPC and never opens the database.
 * If V8 or isolated-vm crashes here, only this process dies; the parent notices and retries.
 */
import { gradeSubmission } from '../grade';
import type { GradeRequest, GradeResponse } from './protocol';

function send(message: GradeResponse) {
  process.send?.(message);
}

process.on('message', (request: GradeRequest) => {
  if (request?.type !== 'grade') return;
  gradeSubmission({ exercise: request.exercise, code: request.code })
    .then((report) => send({ type: 'graded', jobId: request.jobId, report }))
    .catch((error: unknown) => send({ type: 'failed', jobId: request.jobId, error: error instanceof Error ? error.message : String(error) }));
});

// The parent going away (crash, kill -9) must not leave orphaned sandboxes behind.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
