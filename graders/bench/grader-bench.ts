import { availableParallelism, loadavg } from 'node:os';
import { loadExercise } from '../content/load';
import { createGrader, type Grader } from '../grader';
import { SandboxEngine } from '../sandbox/engine';
import { createBareRunner } from './bare';
import { measure, ms, stats } from './measure';

// Grades the triplet-loss suite with the reference as the "student" and compares a sandboxed job
// with the same work done in-process. Prints numbers, asserts nothing.
const exercise = await loadExercise('exercises/triplet-loss');
const code = exercise.reference;
const cores = availableParallelism();

const engines = { snapshot: await SandboxEngine.create({ snapshot: true }), codeCache: await SandboxEngine.create({ snapshot: false }) };
const graderWith = async (options: Parameters<typeof createGrader>[0]) => {
  const grader = createGrader(options);
  await grader.reference(exercise);
  return grader;
};
const gradeOnce = (grader: Grader) => async () => {
  const report = await grader.grade({ exercise, code });
  if (report.score !== 1) throw new Error(`a benchmark grading scored ${report.score}`);
};

const pooled = await graderWith({ concurrency: 1, engine: engines.snapshot });
const ref = await pooled.reference(exercise);
const bare = stats((await measure(await createBareRunner(exercise, ref.cases, code), { runs: 300, warmup: 100 })).wall);
// A job that arrives while the pool has a started isolate waiting (the usual case below saturation).
const spaced = await measure(gradeOnce(pooled), { runs: 120, gapMs: 30 });
const reusedGrader = await graderWith({ concurrency: 1, engine: engines.snapshot, jobsPerIsolate: 20 });
const reused = await measure(gradeOnce(reusedGrader), { runs: 120, gapMs: 30 });
reusedGrader.close();
const backToBack = await measure(gradeOnce(await graderWith({ concurrency: 1, engine: engines.snapshot, warmIsolates: 0 })), { runs: 120 });
const noSnapshot = await measure(gradeOnce(await graderWith({ concurrency: 1, engine: engines.codeCache, warmIsolates: 0 })), { runs: 60 });
const start = await measure(async () => (await engines.snapshot.open(exercise.meta.limits.memoryMb)).dispose(), { runs: 100 });

const s = stats(spaced.wall);
const target = 3 * bare.p50 + 15;
const line = (label: string, m: { wall: number[]; cpuPerRun: number }) => {
  const st = stats(m.wall);
  console.log(`${label.padEnd(58)} p50 ${ms(st.p50)}  p95 ${ms(st.p95)}  CPU/job ${ms(m.cpuPerRun)}`);
};
console.log(`triplet-loss suite, ${ref.cases.length} cases, reference as the student — ${cores} cores, Node ${process.version}, load average ${loadavg()[0].toFixed(2)} at start`);
console.log(`${'bare: same harness + tfjs in an in-process vm context, warm'.padEnd(58)} p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}`);
line('sandboxed job, fresh isolate from the warm pool', spaced); // its replacement starts between jobs
console.log(`  ratio p50 sandboxed / bare ${(s.p50 / bare.p50).toFixed(1)}×; target p50 ≤ 3 × bare + 15 ms = ${ms(target)}: ${s.p50 <= target ? 'met' : 'NOT met'}`);
line('sandboxed job, isolate reused for 20 jobs (fresh context each)', reused);
line('sandboxed job, isolate started inside the job', backToBack);
line('sandboxed job, isolate from code cache, no snapshot', noSnapshot);
line('  isolate start (snapshot + context + lockdown) + dispose', start);
for (const [concurrency, jobsPerIsolate] of [
  [1, 1],
  [2, 1],
  [3, 1],
  [4, 1],
  [2, 20],
]) {
  const grader = await graderWith({ concurrency, engine: engines.snapshot, jobsPerIsolate });
  const jobs = 200;
  const t = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: jobs }, gradeOnce(grader)));
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  grader.close();
  const cpuPerJob = (used.user + used.system) / 1000 / jobs;
  const note = concurrency === cores ? `  (target ≥ 40/s: ${jobs / seconds >= 40 ? 'met' : 'NOT met'}; ${cores} idle cores at this CPU/job: ≈ ${((cores * 1000) / cpuPerJob).toFixed(0)}/s)` : '';
  console.log(
    `throughput, ${concurrency} job(s) at once${jobsPerIsolate > 1 ? `, isolate reused for ${jobsPerIsolate} jobs` : ''}: ${(jobs / seconds).toFixed(1)} gradings/s, CPU/job ${ms(cpuPerJob)}${note}`,
  );
}
console.log(`load average at the end: ${loadavg()[0].toFixed(2)} (other processes on this machine share its ${cores} cores)`);
process.exit(0);
