/// <reference lib="webworker" />
// A throwaway runner for the visible tests: one fresh worker per Run, like the server's fresh
// isolate per job, so top-level state of one run never leaks into the next. It runs the
// grader's own harness scripts (output encoding, error descriptions, capped console), so the
// outcomes it reports are the ones the sandbox would produce.
import { tfReady } from './worker-tf';
import '@/graders/sandbox/isolate/harness.js';
import '@/graders/sandbox/isolate/wire.js';
import '@/graders/sandbox/isolate/runner.js';
import { runVisualize, seededRandom } from '@/graders/visualize/run';
import { syntaxErrorLocation } from './syntax-error.shared';
import type { WorkerRequest, WorkerResponse } from './worker-protocol.shared';

type HarnessApi = {
  loadSubmission(code: string, entries: string[]): unknown;
  runCase(spec: unknown): unknown;
  definedFunctions(before: string[]): unknown;
};
type Internal = { api: HarnessApi; console: Console };

const scope = self as unknown as DedicatedWorkerGlobalScope & { __tensorgradeInternal?: Internal };
const internal = scope.__tensorgradeInternal!;
delete scope.__tensorgradeInternal;
// The student's own code cannot take these away from the runner by overwriting globals.
const post = scope.postMessage.bind(scope) as (message: WorkerResponse) => void;
Object.defineProperty(scope, 'console', { value: internal.console, writable: false, configurable: false });
const before = Object.getOwnPropertyNames(scope);

/** V8's own wording (as the sandbox reports it), at the place acorn finds the error. */
function syntaxError(code: string): Extract<WorkerResponse, { type: 'syntax' }> | null {
  try {
    // Parsed only; the Function is never called.
    new Function(code);
  } catch (error) {
    if (error instanceof SyntaxError) {
      const at = syntaxErrorLocation(code);
      return { type: 'syntax', message: error.message, line: at?.line, column: at?.column };
    }
  }
  // new Function allows what the sandbox's script evaluation does not (a top-level return).
  const at = syntaxErrorLocation(code);
  return at && { type: 'syntax', ...at };
}

/**
 * The pictures: the student's top level once more (this worker is fresh), then visualize.js with
 * their entry functions. Plain data goes back; the page checks it before drawing anything.
 */
function visualize(request: Extract<WorkerRequest, { type: 'visualize' }>) {
  try {
    const pick = request.entries.map((name) => `${name}: typeof ${name} === 'undefined' ? undefined : ${name}`).join(', ');
    const fns = (0, eval)(`${request.code}\n;({ ${pick} });\n//# sourceURL=solution.js`) as Record<string, unknown>;
    const tf = (globalThis as unknown as { tf: Parameters<typeof seededRandom>[1] }).tf;
    post({ type: 'pictures', result: runVisualize(request.source, { tf, fns, rng: seededRandom(request.seed, tf) }) });
  } catch (error) {
    post({ type: 'pictures-failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'visualize') return visualize(request);
  if (request.type !== 'run') return;
  const syntax = syntaxError(request.code);
  if (syntax !== null) return post(syntax);
  post({ type: 'loaded', result: internal.api.loadSubmission(request.code, request.entries) });
  const defined = internal.api.definedFunctions(before);
  post({ type: 'defined', names: Array.isArray(defined) ? defined.filter((n): n is string => typeof n === 'string') : [] });
  for (const [i, call] of request.calls.entries()) {
    post({ type: 'case', index: i, result: internal.api.runCase(call) });
  }
  post({ type: 'done' });
};

tfReady.then(
  (backend) => post({ type: 'ready', backend }),
  (error: unknown) => post({ type: 'broken', message: error instanceof Error ? error.message : String(error) }),
);
