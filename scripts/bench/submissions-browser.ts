/**
 * `npm run bench:submissions`: fills a fresh database (a new database on DATABASE_URL's server, else
 * in-memory PGlite) with one course, 10 exercise items, 500 students and 50,000 submissions, then
 * times the staff submissions browser's queries (each is one page of rows plus the total count).
 *
 *   npm run bench:submissions -- [--submissions 50000] [--students 500] [--runs 7]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../../tests/integration/test-db';
import { insertExercise, insertMember } from '../../tests/integration/gradebook-fixtures';
import { db } from '../../db/client';
import { insertUser } from '../../db/queries/users';
import { insertCourse } from '../../db/queries/courses';
import { insertAssignmentWithItems } from '../../db/queries/assignments';
import { PAGE_SIZE, selectSubmissionsPage, type BrowserFilter } from '../../db/queries/staff-submissions';
import { enrollments, submissions, users } from '../../db/schema';

const { values } = parseArgs({ options: { submissions: { type: 'string', default: '50000' }, students: { type: 'string', default: '500' }, runs: { type: 'string', default: '7' } } });
const total = Number(values.submissions);
const studentCount = Number(values.students);
const runs = Number(values.runs);
const ITEMS = 10;
const STATUSES = ['graded', 'graded', 'graded', 'graded', 'graded', 'graded', 'error', 'failed', 'queued'] as const;

// Deterministic, so runs on PGlite and Postgres see the same data.
let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

async function fill() {
  const instructor = await insertUser({ email: 'bench-instructor@uni.test', name: 'Bench Instructor', password: 'a long bench password', isAdmin: true });
  const course = await insertCourse({ actorId: instructor.id, title: 'Bench', code: 'BENCH' });
  const versions: { exerciseId: string; versionId: string }[] = [];
  for (let i = 0; i < ITEMS; i++) versions.push({ exerciseId: `bench-${i}`, versionId: await insertExercise(`bench-${i}`) });
  const { itemIds } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    items: versions.map((v) => ({ kind: 'exercise' as const, targetId: v.exerciseId, points: 10 })),
  });
  const userRows = await db()
    .insert(users)
    .values(Array.from({ length: studentCount }, (_, i) => ({ email: `student${i}@uni.test`, name: `Student ${String(i).padStart(4, '0')}`, passwordHash: 'not-a-login' })))
    .returning({ id: users.id });
  await db()
    .insert(enrollments)
    .values(userRows.map((u) => ({ courseId: course.id, userId: u.id, role: 'student' as const })));
  const attempts = new Map<string, number>();
  const start = Date.now() - 30 * 86_400_000;
  for (let done = 0; done < total; done += 1000) {
    const batch = Array.from({ length: Math.min(1000, total - done) }, (_, j) => {
      const u = Math.floor(random() * studentCount);
      const i = Math.floor(random() * ITEMS);
      const key = `${u}:${i}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const status = STATUSES[Math.floor(random() * STATUSES.length)];
      return {
        userId: userRows[u].id,
        itemId: itemIds[i],
        exerciseId: versions[i].exerciseId,
        exerciseVersionId: versions[i].versionId,
        code: `// attempt ${attempt}`,
        status,
        attempt,
        isLate: random() < 0.1,
        score: status === 'graded' ? Math.round(random() * 100) / 100 : null,
        createdAt: new Date(start + ((done + j) / total) * 30 * 86_400_000),
      };
    });
    await db().insert(submissions).values(batch);
  }
  return { courseId: course.id, itemIds, grader: await insertMember(course.id, 'Bench Grader', 'grader') };
}

async function time(label: string, run: () => Promise<{ rows: unknown[]; total: number }>) {
  const ms: number[] = [];
  let last = { rows: [] as unknown[], total: 0 };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${ms[Math.floor(ms.length / 2)].toFixed(1).padStart(7)} ms   max ${ms.at(-1)!.toFixed(1).padStart(7)} ms   (${last.rows.length} rows of ${last.total})`);
}

async function main() {
  const database = await createTestDatabase();
  try {
    const t0 = performance.now();
    const { courseId, itemIds, grader } = await fill();
    if (database.handle.kind === 'postgres') await database.handle.sql`analyze`;
    console.log(`${database.handle.kind}: ${total} submissions inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${runs} runs each`);
    const page = (filter: Partial<BrowserFilter>) => selectSubmissionsPage(grader, courseId, { kind: 'exercise', sort: 'newest', page: 1, ...filter });
    await time('first page, newest first', () => page({}));
    await time('one item, graded, highest score first', () => page({ itemId: itemIds[3], status: 'graded', sort: 'score_desc' }));
    await time('late submissions', () => page({ status: 'late' }));
    await time('student search "student42"', () => page({ student: 'student42@' }));
    await time('deep page (last), oldest first', () => page({ sort: 'oldest', page: Math.ceil(total / PAGE_SIZE) }));
    const lastOfItem = Math.ceil((await page({ itemId: itemIds[0] })).total / PAGE_SIZE);
    await time('deep page of one item (last)', () => page({ itemId: itemIds[0], page: lastOfItem }));
  } finally {
    await database.drop();
  }
}

await main();
