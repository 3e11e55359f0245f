/**
 * `npm run bench:load`: the production server (and, with DATABASE_URL and --workers, separate
 * grading workers) on loopback, driven by N virtual students who sign in and submit the
 * triplet-loss exercise over HTTP at a fixed arrival rate. Prints throughput, submit→graded
 * latency (server timestamps), errors and lost submissions.
 *
 *   npm run bench:load -- [--students 200] [--rate 25] [--wrong 0.2] [--loop 0.02] [--workers 0]
 *   npm run bench:load -- --abuse    # issue #14's mix: 20/s, 2 % loops, 1 % of each memory attack,
 *                                    # 2 students submitting CPU-burning correct code as fast as allowed
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { closeDatabase, db, getDbHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { syncContent } from '../../db/sync-content';
import { seedDemo } from '../../db/seed-demo';
import { insertUser, selectUserByEmail } from '../../db/queries/users';
import { insertEnrollmentByJoinCode } from '../../db/queries/courses';
import { assignmentItems, assignments, submissions } from '../../db/schema';
import { DEFAULT_CHILD_MEMORY_MB } from '../../graders/pool/child-pool';
import { HttpStudent } from './http-student';
import { BURNER, CORRECT_VARIANTS, pickSolution, type SolutionKind } from './solutions';

const { values: args } = parseArgs({
  options: {
    students: { type: 'string', default: '200' },
    rate: { type: 'string', default: '25' },
    wrong: { type: 'string', default: '0.2' },
    loop: { type: 'string', default: '0.02' },
    workers: { type: 'string', default: '0' },
    port: { type: 'string', default: '3300' },
    bomb: { type: 'string', default: '0' },
    burners: { type: 'string', default: '0' },
    abuse: { type: 'boolean', default: false },
  },
});
if (args.abuse) Object.assign(args, { rate: '20', loop: '0.02', bomb: '0.01', burners: '2' });
const STUDENTS = Number(args.students);
const RATE = Number(args.rate);
const BURNERS = Number(args.burners);
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
  const emails = [...Array.from({ length: STUDENTS }, (_, i) => `bench-${i}@load.test`), ...Array.from({ length: BURNERS }, (_, i) => `burner-${i}@load.test`)];
  for (const email of emails) {
    const user = (await selectUserByEmail(email)) ?? (await insertUser({ email, name: email.split('@')[0], password: PASSWORD }));
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
    const ok = await fetch(`${BASE}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`server did not answer on ${BASE} within ${timeoutMs / 1000} s (see ${runDir}/server.log)`);
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Peak resident memory of the sandbox processes (graders/pool/child.ts), sampled from /proc every 250 ms. */
function watchSandboxMemory() {
  let peakMb = 0;
  let overLimit = 0;
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('graders/pool/child.ts')) continue;
        const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        peakMb = Math.max(peakMb, kb / 1024);
        if (kb / 1024 > DEFAULT_CHILD_MEMORY_MB) overLimit += 1;
      } catch {
        // the process ended between the listing and the read
      }
    }
  }, 250);
  return { stop: () => (clearInterval(timer), { peakMb, overLimit }) };
}

/** A student who submits CPU-burning correct code as fast as the rate limits let them, until told to stop. */
async function burn(student: HttpStudent, itemId: string, stop: { done: boolean }, counts: { accepted: number; refused: number }) {
  while (!stop.done) {
    const result = await student.submit(itemId, BURNER).catch(() => ({ status: 0, submissionId: undefined }));
    if (result.status === 201 && result.submissionId) {
      counts.accepted += 1;
    } else {
      counts.refused += 1;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
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

    const mix = { wrong: Number(args.wrong), loop: Number(args.loop), bomb: Number(args.bomb) };
    const burners = Array.from({ length: BURNERS }, (_, i) => new HttpStudent(BASE, `burner-${i}@load.test`, PASSWORD));
    await Promise.all(burners.map((b) => b.signIn()));
    const memory = watchSandboxMemory();
    const burnStop = { done: false };
    const burnCounts = { accepted: 0, refused: 0 };
    const burning = Promise.all(burners.map((b) => burn(b, itemId, burnStop, burnCounts)));
    const accepted: { student: HttpStudent; id: string; kind: SolutionKind; variant?: string; sentAt: number }[] = [];
    const errors: string[] = [];
    const submitMs: number[] = [];
    // Each accepted submission is followed at once by its event stream, as the exercise page does.
    const followDeadline = AbortSignal.timeout(180_000 + (STUDENTS / RATE) * 1000);
    const following: Promise<void>[] = [];
    const receivedAt = new Map<string, number>();
    const final = new Map<string, { kind: SolutionKind; status: string; score: number | null }>();
    const t0 = Date.now();
    await Promise.all(
      students.map(async (student, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i / RATE) * 1000));
        const { kind, code, variant } = pickSolution(((i * 7919) % 1000) / 1000, mix, i);
        const started = Date.now();
        const result = await student.submit(itemId, code).catch((e: Error) => ({ status: 0, error: e.message, submissionId: undefined }));
        submitMs.push(Date.now() - started);
        if (result.status === 201 && result.submissionId) {
          const id = result.submissionId;
          accepted.push({ student, id, kind, variant, sentAt: started });
          following.push(
            student
              .follow(id, followDeadline)
              .catch(() => null)
              .then((event) => {
                if (!event) return;
                receivedAt.set(id, event.receivedAt);
                final.set(id, { kind, status: event.status, score: event.score });
              }),
          );
        } else errors.push(`${result.status} ${result.error ?? ''}`);
      }),
    );
    const submitSeconds = (Date.now() - t0) / 1000;
    await Promise.all(following);
    const streamDropped = accepted.length - receivedAt.size;

    // Polling only for what the stream did not deliver (dropped or refused), as the page falls back.
    const deadline = Date.now() + 180_000;
    while (final.size < accepted.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await inBatches(
        accepted.filter((a) => !final.has(a.id)),
        16,
        async ({ student, id, kind }) => {
          const s = await student.poll(id).catch(() => null);
          if (s && ['graded', 'error', 'failed'].includes(s.status)) final.set(id, { kind, status: s.status, score: s.score });
        },
      );
    }
    burnStop.done = true;
    await burning;
    const { peakMb, overLimit } = memory.stop();
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));

    // The student API rounds gradedAt to the second (hidden tests' timing); the database has it exactly.
    // From the moment the student pressed Submit (the request left this process) to gradedAt: one
    // clock, since both run on this machine. It includes the submit request itself.
    const gradedAt = new Map<string, number>();
    for (let i = 0; i < accepted.length; i += 500) {
      const ids = accepted.slice(i, i + 500).map((a) => a.id);
      for (const row of await db().select({ id: submissions.id, gradedAt: submissions.gradedAt }).from(submissions).where(inArray(submissions.id, ids))) {
        if (row.gradedAt) gradedAt.set(row.id, row.gradedAt.getTime());
      }
    }
    await closeDatabase();
    const latency = (kinds: SolutionKind[]) =>
      accepted
        .filter((a) => kinds.includes(a.kind) && final.has(a.id) && gradedAt.has(a.id))
        .map((a) => gradedAt.get(a.id)! - a.sentAt)
        .sort((x, y) => x - y);
    // What the student waits for: Submit pressed to the graded result arriving over the page's channel.
    const received = (kinds: SolutionKind[]) =>
      accepted
        .filter((a) => kinds.includes(a.kind) && receivedAt.has(a.id))
        .map((a) => receivedAt.get(a.id)! - a.sentAt)
        .sort((x, y) => x - y);
    const receivedHonest = received(['correct', 'wrong']);
    const all = latency(['correct', 'wrong', 'loop', 'bomb']);
    const honest = latency(['correct', 'wrong']);
    const failedHonest = accepted.filter((a) => {
      const f = final.get(a.id);
      if (a.kind === 'correct') return !f || f.status !== 'graded' || f.score !== 1;
      if (a.kind === 'wrong') return !f || f.status !== 'graded';
      return false;
    });
    const honestFailures = failedHonest.length;
    const failedDetail = failedHonest.map((a) => `${a.variant ?? a.kind} ${final.get(a.id)?.status ?? 'lost'} ${Math.round((final.get(a.id)?.score ?? 0) * 100)} %`);
    const lost = accepted.length - final.size;
    const share = (kind: SolutionKind) => accepted.filter((a) => a.kind === kind).length;
    console.log('\n| metric | value |\n| --- | --- |');
    const rows: [string, string][] = [
      ['database', process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'],
      [
        'students / submissions offered',
        `${STUDENTS} / ${STUDENTS} at ${RATE}/s: ${share('correct')} correct (${CORRECT_VARIANTS.join(', ')}), ${share('wrong')} wrong, ${share('loop')} infinite loops, ${share('bomb')} memory attacks`,
      ],
      ['CPU burners (correct, 0.9 s per call, as fast as allowed)', BURNERS ? `${BURNERS} students: ${burnCounts.accepted} accepted, ${burnCounts.refused} refused by the rate limits` : 'none'],
      ['grading', WORKERS > 0 ? `${WORKERS} worker process(es), web server not grading` : 'in the web server: 2 sandbox processes × 4 jobs, 1 niced one for heavy students'],
      ['accepted submissions/s', (accepted.length / submitSeconds).toFixed(1)],
      [
        'submit request p50 / p95 (HTTP round trip)',
        `${percentile(
          submitMs.sort((a, b) => a - b),
          50,
        )} / ${percentile(submitMs, 95)} ms`,
      ],
      ['Submit pressed → graded p50 / p95 / p99 (all)', `${percentile(all, 50)} / ${percentile(all, 95)} / ${percentile(all, 99)} ms`],
      ['Submit pressed → graded p50 / p95 (honest students)', `${percentile(honest, 50)} / ${percentile(honest, 95)} ms`],
      ['Submit pressed → result received by the client p50 / p95 (honest, server-sent events)', `${percentile(receivedHonest, 50)} / ${percentile(receivedHonest, 95)} ms`],
      ['streams that dropped (result fetched by polling instead)', String(streamDropped)],
      ['honest submissions not graded right (correct < 100 %, or failed)', `${honestFailures}${honestFailures ? ` (${[...new Set(failedDetail)].slice(0, 4).join('; ')})` : ''}`],
      ['sandbox process peak resident memory', `${Math.round(peakMb)} MB (limit ${DEFAULT_CHILD_MEMORY_MB} MB; samples over it: ${overLimit})`],
      ['errors (HTTP)', `${errors.length}${errors.length ? ` (${[...new Set(errors)].slice(0, 3).join('; ')})` : ''}`],
      ['lost (not graded within 180 s)', String(lost)],
    ];
    for (const [metric, value] of rows) console.log(`| ${metric} | ${value} |`);
    console.log(`\nLogs: ${runDir}`);
    process.exitCode = lost > 0 || honestFailures > 0 ? 1 : 0;
  } finally {
    for (const child of processes) child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
