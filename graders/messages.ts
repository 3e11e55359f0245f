import type { LoadedExercise } from './content/load';
import { RELATIVE_LIMIT_FACTOR, RELATIVE_LIMIT_FLOOR_MS } from './runner/time-limits';
import type { Failure } from './runner/student';
import type { ErrorInfo } from './runner/wire';

/** What a student reads when a test fails for a reason other than wrong values. */
export function failureMessage(failure: Failure, exercise: LoadedExercise): string {
  const { limits } = exercise.meta;
  switch (failure.kind) {
    case 'syntax':
      return failure.line === undefined ? `syntax error: ${failure.message}` : `syntax error at line ${failure.line}, column ${failure.column}: ${failure.message}`;
    case 'top-level':
      return `your code failed while loading: ${exceptionText(failure.error)}`;
    case 'call':
      return callMessage(failure.error, failure.definedFunctions, exercise);
    case 'killed':
      return killedMessage(failure.reason, limits, failure.atTopLevel, failure.limitMs ?? limits.timeMsPerTest);
    case 'budget':
      return `not run: the submission used up its time budget of ${formatMs(limits.timeMsPerJob)} for all tests`;
    case 'infrastructure':
      return `the grader could not run this test (${failure.message})`;
  }
}

function callMessage(error: ErrorInfo, defined: string[], exercise: LoadedExercise): string {
  switch (error.kind) {
    case 'missing': {
      const others = defined.filter((name) => name !== error.message);
      const found = others.length ? ` Your code defines: ${others.join(', ')} — did you rename it?` : '';
      return `function ${error.message} is not defined — keep the name and signature from the stub.${found}`;
    }
    case 'output':
      return `the function ${error.message}`;
    case 'too-large':
      return `output too large: ${error.message}`;
    case 'grad':
      return `gradient check: ${error.message}`;
    default:
      if (isOutOfMemory(error)) return `memory limit of ${exercise.meta.limits.memoryMb} MB exceeded (${error.name}: ${error.message})`;
      return exceptionText(error);
  }
}

function killedMessage(reason: string, limits: LoadedExercise['meta']['limits'], atTopLevel: boolean, limitMs: number): string {
  const where = atTopLevel ? 'while loading your code' : 'during this test';
  switch (reason) {
    case 'timeout':
      if (!atTopLevel && limitMs < limits.timeMsPerTest) {
        return `time limit exceeded ${where}: more than ${formatMs(limitMs)}, this test's limit (${RELATIVE_LIMIT_FACTOR} × the reference solution's time, at least ${formatMs(RELATIVE_LIMIT_FLOOR_MS)}, more while the grader is busy). An endless loop, or far more work than the task needs?`;
      }
      return `time limit exceeded ${where}: more than ${formatMs(limitMs)} (an endless loop?)`;
    case 'memory':
      return `memory limit of ${limits.memoryMb} MB exceeded ${where}`;
    case 'aborted':
      return 'grading was cancelled';
    default:
      return `stopped by the watchdog ${where}: the code did not give control back within ${formatMs(limitMs)} (an endless loop, endless promise callbacks, or a huge allocation?)`;
  }
}

/** "line 7: TypeError: tf.sub is not a function", the line taken from the student's own file. */
export function exceptionText(error: ErrorInfo): string {
  const text = `${error.name}: ${error.message}`;
  const frame = /solution\.js:(\d+):(\d+)/.exec(error.stack);
  if (frame) return `line ${frame[1]}: ${text}`;
  return error.stack ? `${text} (raised inside tfjs or the grader, not at a line of your code)` : text;
}

function isOutOfMemory(error: ErrorInfo): boolean {
  return error.name === 'RangeError' && /Array buffer allocation failed|Invalid (typed )?array length|Invalid string length/.test(error.message);
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
