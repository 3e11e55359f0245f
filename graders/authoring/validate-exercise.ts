import { spawn } from 'node:child_process';
import path from 'node:path';
import { ExerciseValidationSchema, type ExerciseValidation } from './protocol';
import { semaphore } from '../semaphore';

// Resolved from the repo root, like graders/pool: Next's bundler rewrites import.meta.url, and
// the child runs unbundled under tsx.
const CHILD_ENTRY = path.join(process.cwd(), 'graders', 'authoring', 'validate-child.ts');

// The reference isolate has its own limit (referenceTimeoutMs), then the reference and the stub are graded with their job
// budgets; past this the child is killed, whatever the content does.
const DEFAULT_TIMEOUT_MS = 120_000;

// Each validation is a process running isolates at full speed: an instructor clicking Validate
// repeatedly (or several at once) waits in line instead of starving the graders of CPU.
const validationSlot = semaphore(2);

const failure = (message: string): ExerciseValidation => ({ problems: [{ file: '', field: '', message }], versionHash: null, reference: null, stub: null });

/**
 * Validates an exercise from in-memory files in a fresh child process: schema, statement,
 * reference scores 100 %, stub does not. Never throws for bad content, a crash or a hang: the
 * answer is then a problem the author can read.
 */
export async function validateExerciseFiles(files: Record<string, string>, folder: string, options: { timeoutMs?: number } = {}): Promise<ExerciseValidation> {
  const release = await validationSlot();
  try {
    return await validateInChild(files, folder, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  } finally {
    release();
  }
}

function validateInChild(files: Record<string, string>, folder: string, timeoutMs: number): Promise<ExerciseValidation> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', CHILD_ENTRY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    const finish = (result: ExerciseValidation) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      resolve(result);
    };
    const timer = setTimeout(() => finish(failure(`validation did not finish within ${timeoutMs / 1000} s and was stopped`)), timeoutMs);
    child.on('message', (message: unknown) => {
      const parsed = ExerciseValidationSchema.safeParse(message);
      finish(parsed.success ? parsed.data : failure(`the validation sandbox answered nonsense: ${parsed.error.issues[0]?.message}`));
    });
    child.on('error', (error) => finish(failure(`the validation sandbox could not start: ${error.message}`)));
    child.on('exit', (code, signal) => finish(failure(`the validation sandbox stopped (${signal ?? `exit code ${code}`}) before answering`)));
    child.send({ files, folder });
  });
}
