import { EventEmitter } from 'node:events';
import { getDbHandle } from '../client';

// One channel for every submission: the payload is its id, the listener re-reads the row (the
// notification itself carries nothing a student could not see anyway).
const CHANNEL = 'submission_changed';

type Hub = { emitter: EventEmitter; listening?: Promise<unknown> };

// Per process, kept across dev reloads like the database handle.
function hub(): Hub {
  const holder = globalThis as unknown as { __tensorgradeSubmissionHub?: Hub };
  if (!holder.__tensorgradeSubmissionHub) {
    const emitter = new EventEmitter();
    // Every open stream adds a listener; the per-user cap in the route bounds them, not this.
    emitter.setMaxListeners(0);
    holder.__tensorgradeSubmissionHub = { emitter };
  }
  return holder.__tensorgradeSubmissionHub;
}

/**
 * Tells whoever follows a submission that its status or result changed. On PostgreSQL by NOTIFY,
 * so a stream on another web server (or a result written by `npm run worker`) hears it; on
 * embedded PGlite the grader runs in this very process, so an in-process signal is enough.
 */
export async function announceSubmissionChanged(submissionId: string): Promise<void> {
  // Best-effort: the change is already stored, and a page that misses the push falls back to polling,
  // so a failed NOTIFY must not fail (and retry) the grading job that made the change.
  try {
    const handle = getDbHandle();
    if (handle.kind === 'postgres') await handle.sql.notify(CHANNEL, submissionId);
    else hub().emitter.emit(CHANNEL, submissionId);
  } catch (error) {
    console.error(`[grading] could not announce submission ${submissionId}: ${(error as Error).message}`);
  }
}

/** Calls `listener` when the submission changes, until the returned function is called. */
export async function followSubmission(submissionId: string, listener: () => void): Promise<() => void> {
  const state = hub();
  const handle = getDbHandle();
  // One LISTEN connection per process, fanned out here to every open stream.
  if (handle.kind === 'postgres' && !state.listening) state.listening = handle.sql.listen(CHANNEL, (id) => state.emitter.emit(CHANNEL, id));
  if (state.listening) await state.listening;
  const onChange = (id: string) => {
    if (id === submissionId) listener();
  };
  state.emitter.on(CHANNEL, onChange);
  return () => state.emitter.off(CHANNEL, onChange);
}
