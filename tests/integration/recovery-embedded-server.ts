/**
 * An embedded-mode server for the crash-recovery tests, minus Next: it owns a PGlite data directory
 * (PGLITE_DIR), migrates it, grades in-process through the real startInAppGrading() (recovery
 * included), and takes submissions over IPC, since no other process may open the directory.
 * Run by tests/integration/grading-recovery-embedded.test.ts with child_process.fork.
 */
import { sql } from 'drizzle-orm';
import { db, getDbHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { syncContent } from '../../db/sync-content';
import { insertUser } from '../../db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '../../db/queries/courses';
import { insertAssignmentWithItems } from '../../db/queries/assignments';
import { submitExercise } from '../../db/services/submit-exercise';
import { startInAppGrading } from '../../db/grading/in-app';

type Request = { id: number; op: 'setup'; students: number } | { id: number; op: 'submit'; userId: string; itemId: string; code: string } | { id: number; op: 'rows' };

async function handle(request: Request): Promise<unknown> {
  if (request.op === 'setup') {
    await syncContent();
    const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
    const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
    const students: string[] = [];
    for (let i = 0; i < request.students; i++) {
      const student = await insertUser({ email: `s${i}@uni.test`, name: `S${i}`, password: 'a long student pass' });
      await insertEnrollmentByJoinCode(student.id, course.joinCode);
      students.push(student.id);
    }
    const {
      itemIds: [itemId],
    } = await insertAssignmentWithItems({
      courseId: course.id,
      title: 'Week 1',
      published: true,
      items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10 }],
    });
    return { students, itemId };
  }
  if (request.op === 'submit') return (await submitExercise(request)).submissionId;
  const result = await db().execute(sql`select s.id, s.status, count(r.id)::int as reports from submissions s left join grade_reports r on r.submission_id = s.id group by s.id, s.status`);
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
}

const since = () => Math.round(performance.now());

async function main() {
  console.log(`[server] modules loaded at ${since()} ms`);
  await migrateDatabase(getDbHandle());
  console.log(`[server] database open and migrated at ${since()} ms`);
  process.on('message', (request: Request) => {
    handle(request).then(
      (result) => process.send!({ id: request.id, result }),
      (error: unknown) => process.send!({ id: request.id, error: String(error) }),
    );
  });
  await startInAppGrading();
  console.log(`[server] grading at ${since()} ms`);
  process.send!({ ready: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
