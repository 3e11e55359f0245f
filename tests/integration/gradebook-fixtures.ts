import { db } from '@/db/client';
import { enrollments, exercises, exerciseVersions, gradeReports, quizAttempts, quizVersions, quizzes, submissions, users } from '@/db/schema';
import { ExerciseMetaSchema } from '@/graders/content/exercise-schema';
import type { GradeReport } from '@/graders/report';
import type { Quiz } from '@/graders/quiz/schema';

/**
 * Builds exact grading situations row by row: scores, lateness and reports are what the test says,
 * with no grader in the loop. Users get a placeholder hash because nobody signs in here.
 */
export async function insertMember(courseId: string, name: string, role: 'student' | 'grader' | 'instructor' = 'student') {
  const [user] = await db()
    .insert(users)
    .values({ email: `${name.toLowerCase().replace(/\W+/g, '.')}@uni.test`, name, passwordHash: 'not-a-login' })
    .returning({ id: users.id });
  await db().insert(enrollments).values({ courseId, userId: user.id, role });
  return user.id;
}

export async function insertExercise(id: string, stub = 'function solve(x) {\n  // TODO\n}\n') {
  await db()
    .insert(exercises)
    .values({ id, slug: id, title: `Exercise ${id}`, topic: 'test', difficulty: 'easy' });
  const [version] = await db()
    .insert(exerciseVersions)
    .values({
      exerciseId: id,
      contentHash: `${id}-v1`,
      meta: ExerciseMetaSchema.parse({ id, title: `Exercise ${id}`, topic: 'test', difficulty: 'intro', points: 1, entry: ['solve'] }),
      statement: '',
      stub,
      reference: '',
      tests: '',
    })
    .returning({ id: exerciseVersions.id });
  return version.id;
}

/** A valid quiz file of single-choice questions with these ids, prompts and points. */
export function quizContent(id: string, questions: { id: string; prompt: string; points: number }[]): Quiz {
  const options = [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: false },
  ];
  return { id, title: `Quiz ${id}`, reviewThreshold: 0.6, concepts: [{ id: 'c', title: 'Concept' }], questions: questions.map((q) => ({ ...q, type: 'single' as const, concept: 'c', options })) };
}

export async function insertQuiz(id: string) {
  await db()
    .insert(quizzes)
    .values({ id, slug: id, title: `Quiz ${id}` });
  const content = quizContent(id, [
    { id: 'q1', prompt: 'One?', points: 1 },
    { id: 'q2', prompt: 'Two?', points: 1 },
  ]);
  const [version] = await db()
    .insert(quizVersions)
    .values({ quizId: id, contentHash: `${id}-v1`, content, questionCount: 2 })
    .returning({ id: quizVersions.id });
  return version.id;
}

type Test = { id: string; name: string; passed: boolean; message?: string };

/** A submission with its first grading report (run 0). */
export async function insertGradedSubmission(input: {
  userId: string;
  itemId: string;
  exerciseId: string;
  versionId: string;
  attempt: number;
  at: Date;
  score: number;
  code?: string;
  tests?: Test[];
  status?: 'graded' | 'error';
  diagnosis?: { id: string; message: string; source: 'mistake' | 'engine' };
}) {
  const status = input.status ?? 'graded';
  const [submission] = await db()
    .insert(submissions)
    .values({
      userId: input.userId,
      itemId: input.itemId,
      exerciseId: input.exerciseId,
      exerciseVersionId: input.versionId,
      code: input.code ?? '// code',
      status,
      attempt: input.attempt,
      score: input.score,
      createdAt: input.at,
      gradedAt: input.at,
    })
    .returning({ id: submissions.id });
  await db()
    .insert(gradeReports)
    .values({ submissionId: submission.id, run: 0, exerciseVersionId: input.versionId, report: reportOf(status, input.score, input.tests ?? [], input.diagnosis), score: input.score });
  return submission.id;
}

export function reportOf(status: 'graded' | 'error', score: number, tests: Test[], diagnosis?: { id: string; message: string; source: 'mistake' | 'engine' }): GradeReport {
  return {
    version: 1,
    status,
    score,
    points: score,
    maxPoints: 1,
    tests: tests.map((t) => ({ ...t, visible: false, points: t.passed ? 1 : 0, maxPoints: 1, message: t.message ?? (t.passed ? 'ok' : 'wrong'), durationMs: 1 })),
    logs: [],
    logsTruncated: false,
    durationMs: 1,
    exerciseVersion: 'v1',
    ...(status === 'error' ? { error: 'worker crashed' } : {}),
    ...(diagnosis ? { diagnosis: { ...diagnosis, explains: tests.filter((t) => !t.passed).map((t) => t.id) } } : {}),
  };
}

export async function insertQuizAttempt(input: {
  userId: string;
  itemId: string;
  versionId: string;
  attempt: number;
  at: Date;
  score: number | null;
  status: 'graded' | 'needs_review' | 'in_progress';
}) {
  const [row] = await db()
    .insert(quizAttempts)
    .values({
      userId: input.userId,
      itemId: input.itemId,
      quizVersionId: input.versionId,
      attempt: input.attempt,
      seed: 1,
      status: input.status,
      score: input.score,
      startedAt: input.at,
      submittedAt: input.status === 'in_progress' ? null : input.at,
    })
    .returning({ id: quizAttempts.id });
  return row.id;
}
