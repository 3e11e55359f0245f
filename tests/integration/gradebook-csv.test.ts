import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from './test-db';
import { insertExercise, insertGradedSubmission, insertMember } from './gradebook-fixtures';
import { db } from '@/db/client';
import { scoreOverrides } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import { insertCourse } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { selectGradebook, selectStudentGradebook } from '@/db/queries/gradebook';
import { gradebookCsv } from '@/app/courses/[courseId]/staff/gradebook/gradebook-csv';

const due = new Date('2026-03-01T12:00:00Z');
const HOUR = 3_600_000;

let drop: () => Promise<void>;
let courseId: string;
let teacher: string;
let mallory: string;
let zoe: string;
let items: string[];

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  teacher = (await insertUser({ email: 't@uni.test', name: 'Teacher', password: 'a long teacher pass', isAdmin: true })).id;
  courseId = (await insertCourse({ actorId: teacher, title: 'DGM', code: 'DGM' })).id;
  // Student-typed names are hostile input for a spreadsheet.
  mallory = await insertMember(courseId, '=HYPERLINK("http://evil.test","click")');
  zoe = await insertMember(courseId, 'Zoë "Z" Smith, Jr.');
  const version = await insertExercise('ex-a');
  await insertExercise('ex-b');
  ({ itemIds: items } = await insertAssignmentWithItems({
    courseId,
    title: 'Week 1',
    published: true,
    dueAt: due,
    latePenaltyPerDay: 0.1,
    items: [
      { kind: 'exercise', targetId: 'ex-a', points: 10 },
      { kind: 'exercise', targetId: 'ex-b', points: 2.5 },
    ],
  }));
  await insertGradedSubmission({ userId: zoe, itemId: items[0], exerciseId: 'ex-a', versionId: version, attempt: 1, at: new Date(due.getTime() - HOUR), score: 0.5 });
  await insertGradedSubmission({ userId: zoe, itemId: items[0], exerciseId: 'ex-a', versionId: version, attempt: 2, at: new Date(due.getTime() + 25 * HOUR), score: 1 });
  await db().insert(scoreOverrides).values({ courseId, userId: zoe, itemId: items[1], newScore: 1.25, reason: 'emailed a fix', comment: 'Accepted by e-mail', actorId: teacher });
});

afterAll(async () => drop?.());

it('exports one row per student with a BOM, CRLF, quoting and a formula guard', async () => {
  const csv = gradebookCsv(await selectGradebook(teacher, courseId));
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(lines[0]).toBe('"Student name","Email","Week 1 — Exercise ex-a (10)","Week 1 — Exercise ex-b (2.5)","Total (12.5)"');
  // Names sort with the formula first ("=" < "Z"); it is defused by the apostrophe and its quotes doubled.
  expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.test"",""click"")",".hyperlink.http.evil.test.click.@uni.test",,,0`);
  // Best after penalty: 10 × 0.8 = 8 beats 5 on time; the override of 1.25 points counts.
  expect(lines[2]).toBe('"Zoë ""Z"" Smith, Jr.","zo.z.smith.jr.@uni.test",8,1.25,9.25');
  expect(lines).toHaveLength(4);
});

it('opens one student with attempts, penalty and the override with its reason and actor', async () => {
  const detail = (await selectStudentGradebook(teacher, courseId, zoe))!;
  expect(detail.total).toBe(9.25);
  const [a, b] = detail.items;
  expect(a.attempts.map((x) => [x.attempt, x.late, x.penalty, x.counts])).toEqual([
    [1, false, 0, true],
    [2, true, 0.2, true],
  ]);
  expect(a.score).toMatchObject({ raw: 10, final: 8, late: true });
  expect(b.overrides).toEqual([expect.objectContaining({ newScore: 1.25, reason: 'emailed a fix', comment: 'Accepted by e-mail', actorName: 'Teacher' })]);
  expect(await selectStudentGradebook(teacher, courseId, teacher)).toBeNull();
});

it('refuses students', async () => {
  await expect(selectGradebook(mallory, courseId)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
  await expect(selectStudentGradebook(zoe, courseId, zoe)).rejects.toMatchObject({ name: 'Refusal', code: 'forbidden' });
});
