/**
 * A short-lived child that computes an exercise version's visible cases: reads the LoadedExercise
 * as JSON on stdin, writes VisibleCase[] as JSON on stdout. isolated-vm needs --no-node-snapshot
 * and may take its process down if V8 crashes, so the web server never runs it itself (DESIGN §5).
 */
import { createGrader } from '../grader';
import type { LoadedExercise } from '../content/load';
import { buildVisibleCases } from './build';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const exercise = JSON.parse(input) as LoadedExercise;
const grader = createGrader({ concurrency: 1 });
const cases = await buildVisibleCases(exercise, grader);
process.stdout.write(JSON.stringify(cases), () => process.exit(0));
