import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestDatabase } from './test-db';
import { syncContent } from '@/db/sync-content';
import { insertUser } from '@/db/queries/users';
import { insertCourse, insertEnrollmentByJoinCode } from '@/db/queries/courses';
import { insertAssignmentWithItems } from '@/db/queries/assignments';
import { submitExercise } from '@/db/services/submit-exercise';
import { startGradingWorker, type GradingWorker } from '@/db/grading/worker';
import { stopQueue } from '@/db/grading/queue';
import type { PublicSubmission } from '@/app/api/submissions/submission.shared';

// Only who is signed in is stood in for (Auth.js needs a request's cookies); the route, database,
// queue, sandbox and the notification that wakes the stream are the real ones.
const signedIn = vi.hoisted(() => ({ user: null as { id: string } | null }));
vi.mock('@/app/_lib/authz', () => ({ getOptionalUser: async () => signedIn.user }));
const { GET } = await import('@/app/api/submissions/[submissionId]/events/route');

let drop: () => Promise<void>;
let worker: GradingWorker;
let studentId: string;
let otherId: string;
let itemId: string;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await syncContent();
  const teacher = await insertUser({ email: 't@uni.test', name: 'T', password: 'a long teacher pass', isAdmin: true });
  const student = await insertUser({ email: 's@uni.test', name: 'S', password: 'a long student pass' });
  const other = await insertUser({ email: 'o@uni.test', name: 'O', password: 'a long student pass' });
  studentId = student.id;
  otherId = other.id;
  const course = await insertCourse({ actorId: teacher.id, title: 'DGM', code: 'DGM' });
  await insertEnrollmentByJoinCode(student.id, course.joinCode);
  await insertEnrollmentByJoinCode(other.id, course.joinCode);
  ({
    itemIds: [itemId],
  } = await insertAssignmentWithItems({
    courseId: course.id,
    title: 'Week 1',
    published: true,
    dueAt: new Date(Date.now() + 86_400_000),
    items: [{ kind: 'exercise', targetId: 'triplet-loss', points: 10, maxAttempts: 4 }],
  }));
  worker = await startGradingWorker({ concurrency: 1 });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await stopQueue();
  await drop();
});

function open(submissionId: string, as: string | null, signal?: AbortSignal) {
  signedIn.user = as ? { id: as } : null;
  return GET(new Request(`http://test/api/submissions/${submissionId}/events`, { signal }), { params: Promise.resolve({ submissionId }) });
}

/** Every `data:` event of a stream until the server closes it. */
async function readEvents(response: Response): Promise<PublicSubmission[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as PublicSubmission);
}

describe('submission status stream', () => {
  it('pushes the owner their graded result and then closes', async () => {
    const { submissionId } = await submitExercise({ userId: studentId, itemId, code: readFileSync('exercises/triplet-loss/reference.js', 'utf8') });
    const response = await open(submissionId, studentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = await readEvents(response);
    expect(events[0]!.id).toBe(submissionId);
    // Opened while the job waits: the first event is the stored state, the graded one a later push.
    expect(events[0]!.status).not.toBe('graded');
    expect(events.length).toBeGreaterThan(1);
    const last = events.at(-1)!;
    expect(last.status).toBe('graded');
    expect(last.score).toBe(1);
    // What the student may see and no more: hidden tests carry no expected or actual values.
    const hidden = last.report!.tests.filter((t) => !t.visible);
    expect(hidden.length).toBeGreaterThan(0);
    for (const test of hidden) expect([test.expected, test.actual]).toEqual([undefined, undefined]);
    expect(Object.keys(last).sort()).toEqual(['attempt', 'createdAt', 'feedbackHeldUntil', 'gradedAt', 'id', 'isLate', 'report', 'score', 'status']);
  }, 90_000);

  it("refuses another student's submission and a signed-out request", async () => {
    const { submissionId } = await submitExercise({ userId: studentId, itemId, code: 'function tripletLoss() { return tf.scalar(0); }' });
    const other = await open(submissionId, otherId);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain(submissionId);
    expect((await open(submissionId, null)).status).toBe(401);
  });

  it('closes when the client goes away and caps open streams per student', async () => {
    const { submissionId } = await submitExercise({ userId: otherId, itemId, code: 'function tripletLoss() { while (true) {} }' });
    const aborts = Array.from({ length: 4 }, () => new AbortController());
    const streams = await Promise.all(aborts.map((a) => open(submissionId, otherId, a.signal)));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    expect((await open(submissionId, otherId)).status).toBe(429);
    for (const a of aborts) a.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await open(submissionId, otherId, AbortSignal.timeout(100));
    expect(again.status).toBe(200);
  });
});
