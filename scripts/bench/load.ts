/**
 * `npm run bench:load`: the production server (and, with DATABASE_URL and --workers, separate
 * grading workers) on loopback, driven by N virtual students who sign in and submit the
 * triplet-loss exercise over HTTP at a fixed arrival rate. Prints throughput, submit→graded
 * latency (server timestamps), errors and lost submissions.
 *
 *   npm run bench:load -- [--students 200] [--rate 25] [--wrong 0.2] [--loop 0.02] [--workers 0]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq } from 'drizzle-orm';
import { closeDatabase, db, getDbHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { syncContent } from '../../db/sync-content';
import { seedDemo } from '../../db/seed-demo';
import { insertUser, selectUserByEmail } from '../../db/queries/users';
import { insertEnrollmentByJoinCode } from '../../db/queries/courses';
import { assignmentItems, assignments } from '../../db/schema';
import { HttpStudent } from './http-student';
import { pickSolution } from './solutions';

const { values: args } = parseArgs({
  options: {
    students: { type: 'string', default: '200' },
    rate: { type: 'string', default: '25' },
    wrong: { type: 'string', default: '0.2' },
    loop: { type: 'string', default: '0.02' },
    workers: { type: 'string', default: '0' },
    port: { type: 'string', default: '3300' },
  },
});
const STUDENTS = Number(args.students);
const RATE = Number(args.rate);
const WORKERS = Number(args.workers);
const BASE = `http://127.0.0.1:${args.port}`;
const PASSWORD = 'bench-student-password';
const runDir = path.join('.data', `bench-${Date.now()}`);

async function prepare(): Promise<string> {
  if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = path.join(runDir, 'pglite');
  await migrateDatabase(getDbHandle());
  await syncContent();
  const demo = await seedDemo();
  const [item] = await db()
    .select({ id: assignmentItems.id })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .where(and(eq(assignments.courseId, demo.courseId), eq(assignmentItems.exerciseId, 'triplet-loss')));
  for (let i = 0; i < STUDENTS; i++) {
    const email = `bench-${i}@load.test`;
    const user = (await selectUserByEmail(email)) ?? (await insertUser({ email, name: `Bench ${i}`, password: PASSWORD }));
    await insertEnrollmentByJoinCode(user.id, demo.joinCode);
  }
  await closeDatabase();
  return item.id;
}

function startProcess(script: string, env: Record<string, string>, log: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(path.join(runDir, log));
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  return child;
}

async function waitForServer(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${BASE}/login`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`server did not answer on ${BASE} within ${timeoutMs / 1000} s (see ${runDir}/server.log)`);
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function main() {
  mkdirSync(runDir, { recursive: true });
  console.log(`Preparing ${STUDENTS} students in ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}…`);
  const itemId = await prepare();
  const processes = [startProcess('scripts/start.ts', { PORT: args.port!, GRADING_CONCURRENCY: WORKERS > 0 ? '0' : '2' }, 'server.log')];
  for (let w = 0; w < WORKERS; w++) processes.push(startProcess('scripts/worker.ts', { WORKER_CONCURRENCY: '1' }, `worker-${w}.log`));
  try {
    await waitForServer(600_000);
    const students = Array.from({ length: STUDENTS }, (_, i) => new HttpStudent(BASE, `bench-${i}@load.test`, PASSWORD));
    await inBatches(students, 8, (s) => s.signIn());
    console.log(`Signed in ${students.length} students; submitting at ${RATE}/s…`);

    const mix = { wrong: Number(args.wrong), loop: Number(args.loop) };
    const accepted: { student: HttpStudent; id: string; kind: string; sentAt: number }[] = [];
    const errors: string[] = [];
    const submitMs: number[] = [];
    const t0 = Date.now();
    await Promise.all(students.map(async (student, i) => {
      await new Promise((resolve) => setTimeout(resolve, (i / RATE) * 1000));
      const { kind, code } = pickSolution(((i * 7919) % 1000) / 1000, mix);
      const started = Date.now();
      const result = await student.submit(itemId, code).catch((e: Error) => ({ status: 0, error: e.message, submissionId: undefined }));
      submitMs.push(Date.now() - started);
      if (result.status === 201 && result.submissionId) accepted.push({ student, id: result.submissionId, kind, sentAt: started });
      else errors.push(`${result.status} ${result.error ?? ''}`);
    }));
    const submitSeconds = (Date.now() - t0) / 1000;

    const final = new Map<string, { latencyMs: number; kind: string }>();
    const deadline = Date.now() + 180_000;
    while (final.size < accepted.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await inBatches(accepted.filter((a) => !final.has(a.id)), 16, async ({ student, id, kind, sentAt }) => {
        const s = await student.poll(id).catch(() => null);
        if (s && ['graded', 'error', 'failed'].includes(s.status) && s.gradedAt) {
          // From the moment the student pressed Submit (the request left this process) to the server's
          // gradedAt: one clock, since both run on this machine. It includes the submit request itself.
          final.set(id, { latencyMs: Date.parse(s.gradedAt) - sentAt, kind });
        } else if (s?.status === 'failed') final.set(id, { latencyMs: NaN, kind });
      });
    }
    const latencies = [...final.values()].map((f) => f.latencyMs).filter(Number.isFinite).sort((a, b) => a - b);
    const honest = [...final.values()].filter((f) => f.kind !== 'loop').map((f) => f.latencyMs).sort((a, b) => a - b);
    const lost = accepted.length - final.size;
    console.log('\n| metric | value |\n| --- | --- |');
    const rows: [string, string][] = [
      ['students / submissions offered', `${STUDENTS} / ${STUDENTS} at ${RATE}/s (mix: ${Math.round((1 - mix.wrong - mix.loop) * 100)} % correct, ${mix.wrong * 100} % wrong, ${mix.loop * 100} % infinite loop)`],
      ['grading', WORKERS > 0 ? `${WORKERS} worker process(es), web server not grading` : 'in the web server: 2 sandbox processes × 4 jobs'],
      ['accepted submissions/s', (accepted.length / submitSeconds).toFixed(1)],
      ['submit request p50 / p95 (HTTP round trip)', `${percentile(submitMs.sort((a, b) => a - b), 50)} / ${percentile(submitMs, 95)} ms`],
      ['Submit pressed → graded p50 / p95 / p99 (all)', `${percentile(latencies, 50)} / ${percentile(latencies, 95)} / ${percentile(latencies, 99)} ms`],
      ['Submit pressed → graded p50 / p95 (excluding infinite loops)', `${percentile(honest, 50)} / ${percentile(honest, 95)} ms`],
      ['errors (HTTP)', `${errors.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 3).join('; ')})` : ''}`],
      ['lost (not graded within 180 s)', String(lost)],
    ];
    for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
    console.log(`\nLogs: ${runDir}`);
    process.exitCode = lost > 0 ? 1 : 0;
  } finally {
    for (const child of processes) child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
