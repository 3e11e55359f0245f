import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { GENERIC_DIAGNOSES } from '../../graders/diagnosis';
import type { ReportDiagnosis } from '../../graders/report';
import { db } from '../client';
import { assignmentItems, assignments, enrollments, exercises, exerciseVersions, gradeReports, quizAnswers, quizAttempts, quizVersions, quizzes, regradeRuns, submissions, users } from '../schema';
import { histogram, median, messageKey, pointBiserial } from './analytics-stats';
import { describeParams } from '../../graders/quiz/params';
import type { Question } from '../../graders/quiz/schema';
import { attemptVariant, paramsOf } from '../../graders/quiz/variants';
import { assertCapability } from './courses';
import { isUuid } from './ids';
import { isCountingReport } from './scores';

export type TestStat = { id: string; name: string; passRate: number; students: number };
/** A group of students who failed the same way: by diagnosis (testName null) or by test and message. */
export type FailureStat = { message: string; testName: string | null; share: number; students: number };
export type ExerciseStats = {
  itemId: string;
  title: string;
  assignmentTitle: string;
  /** Students with at least one graded submission. */
  students: number;
  /** Students' best score (before any late penalty) in ten bins of 10 %. */
  histogram: number[];
  tests: TestStat[];
  failures: FailureStat[];
  medianAttempts: number | null;
  /** Among students who reached 100 %: minutes from their first submission to their first full score. */
  medianMinutesToPass: number | null;
  passedStudents: number;
};

type TestResult = { id: string; name: string; passed: boolean; message: string | null };

/** Exercise items of the course's published assignments, in course order. */
async function selectPublishedItems(courseId: string, kind: 'exercise' | 'quiz') {
  return db()
    .select({ itemId: assignmentItems.id, assignmentTitle: assignments.title, title: sql<string>`coalesce(${exercises.title}, ${quizzes.title}, 'Untitled item')` })
    .from(assignmentItems)
    .innerJoin(assignments, eq(assignments.id, assignmentItems.assignmentId))
    .leftJoin(exercises, eq(exercises.id, assignmentItems.exerciseId))
    .leftJoin(quizzes, eq(quizzes.id, assignmentItems.quizId))
    .where(and(eq(assignments.courseId, courseId), eq(assignments.published, true), eq(assignmentItems.kind, kind)))
    .orderBy(sql`${assignments.dueAt} asc nulls last`, asc(assignments.createdAt), asc(assignmentItems.position));
}

const studentOf = (courseId: string, userColumn: typeof submissions.userId | typeof quizAttempts.userId) =>
  and(eq(enrollments.courseId, courseId), eq(enrollments.userId, userColumn), eq(enrollments.role, 'student'));

/**
 * Per exercise item: how far students got, which tests they fail and with what message. Reads only the
 * counting report of each graded submission and, from its JSON, only id/name/passed/message of each test
 * (the visible tests' expected values stay in the database).
 */
export async function selectExerciseAnalytics(actorId: string, courseId: string): Promise<ExerciseStats[]> {
  await assertCapability(actorId, courseId, 'analytics.view');
  const items = await selectPublishedItems(courseId, 'exercise');
  if (items.length === 0) return [];
  const rows = await db()
    .selectDistinctOn([gradeReports.submissionId], {
      userId: submissions.userId,
      itemId: sql<string>`${submissions.itemId}`,
      at: submissions.createdAt,
      score: gradeReports.score,
      status: sql<string>`${gradeReports.report}->>'status'`,
      diagnosis: sql<ReportDiagnosis | null>`${gradeReports.report}->'diagnosis'`,
      tests: sql<
        TestResult[]
      >`(select coalesce(jsonb_agg(jsonb_build_object('id', t->>'id', 'name', t->>'name', 'passed', (t->>'passed')::boolean, 'message', t->>'message')), '[]'::jsonb) from jsonb_array_elements(${gradeReports.report}->'tests') t)`,
    })
    .from(gradeReports)
    .innerJoin(submissions, eq(submissions.id, gradeReports.submissionId))
    .innerJoin(enrollments, studentOf(courseId, submissions.userId))
    .leftJoin(regradeRuns, eq(regradeRuns.id, gradeReports.regradeRunId))
    .where(
      and(
        inArray(
          submissions.itemId,
          items.map((i) => i.itemId),
        ),
        isCountingReport,
      ),
    )
    .orderBy(gradeReports.submissionId, desc(gradeReports.run));
  const graded = rows.filter((r) => r.status === 'graded');
  return items.map((item) =>
    exerciseStats(
      item,
      graded.filter((r) => r.itemId === item.itemId),
    ),
  );
}

function exerciseStats(
  item: { itemId: string; title: string; assignmentTitle: string },
  rows: { userId: string; at: Date; score: number; diagnosis: ReportDiagnosis | null; tests: TestResult[] }[],
): ExerciseStats {
  const byStudent = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byStudent.get(r.userId);
    if (list) list.push(r);
    else byStudent.set(r.userId, [r]);
  }
  const students = [...byStudent.values()].map((attempts) => attempts.sort((a, b) => a.at.getTime() - b.at.getTime()));
  const n = students.length;

  // Pass rate per test on each student's best submission: where students ended up, not how often they retried.
  const testTotals = new Map<string, { name: string; passed: number; students: number }>();
  // A failure counts once per student however many attempts repeated it. Diagnosed attempts are
  // grouped by their mistake ("42 % disposed their inputs"); the rest by test and message.
  const failures = new Map<string, { message: string; testName: string | null; students: Set<string> }>();
  const count = (key: string, message: string, testName: string | null, userId: string) => {
    const entry = failures.get(key) ?? { message, testName, students: new Set<string>() };
    entry.students.add(userId);
    failures.set(key, entry);
  };
  const toPass: number[] = [];
  for (const attempts of students) {
    const best = attempts.reduce((a, b) => (b.score > a.score ? b : a));
    for (const t of best.tests) {
      const total = testTotals.get(t.id) ?? { name: t.name, passed: 0, students: 0 };
      total.students++;
      if (t.passed) total.passed++;
      testTotals.set(t.id, total);
    }
    for (const attempt of attempts) {
      const d = attempt.diagnosis;
      if (d) {
        count(`diagnosis\n${d.id}`, d.source === 'mistake' ? d.message : (GENERIC_DIAGNOSES[d.id] ?? d.id), null, attempt.userId);
        continue;
      }
      for (const t of attempt.tests.filter((x) => !x.passed && x.message)) count(`${t.id}\n${messageKey(t.message!)}`, t.message!, t.name, attempt.userId);
    }
    const firstPass = attempts.find((a) => a.score >= 1);
    if (firstPass) toPass.push((firstPass.at.getTime() - attempts[0].at.getTime()) / 60_000);
  }
  return {
    itemId: item.itemId,
    title: item.title,
    assignmentTitle: item.assignmentTitle,
    students: n,
    histogram: histogram(students.map((attempts) => Math.max(...attempts.map((a) => a.score)))),
    tests: [...testTotals].map(([id, t]) => ({ id, name: t.name, passRate: t.passed / t.students, students: t.students })),
    failures: [...failures.values()]
      .map((f) => ({ message: f.message, testName: f.testName, students: f.students.size, share: f.students.size / n }))
      .sort((a, b) => b.students - a.students)
      .slice(0, 5),
    medianAttempts: median(students.map((attempts) => attempts.length)),
    medianMinutesToPass: median(toPass),
    passedStudents: toPass.length,
  };
}

/** A question with per-student numbers: each attempt's numbers, the answer for them and the points earned. */
export type VariantStat = { params: string; expected: string; points: number };
export type QuestionStat = {
  questionId: string;
  prompt: string;
  points: number;
  answers: number;
  meanFraction: number | null;
  discrimination: number | null;
  reviewShare: number;
  variants?: VariantStat[];
};
export type QuizStats = { itemId: string; title: string; assignmentTitle: string; attempts: number; questions: QuestionStat[] };

/**
 * Per quiz item, on each student's latest submitted attempt: every question's mean score, its
 * point-biserial correlation with the attempt's total, and how often it was sent to a human.
 * A question left blank counts as 0 points.
 */
export async function selectQuizAnalytics(actorId: string, courseId: string): Promise<QuizStats[]> {
  await assertCapability(actorId, courseId, 'analytics.view');
  const items = await selectPublishedItems(courseId, 'quiz');
  if (items.length === 0) return [];
  const attempts = await db()
    .selectDistinctOn([quizAttempts.userId, quizAttempts.itemId], { id: quizAttempts.id, itemId: quizAttempts.itemId, versionId: quizAttempts.quizVersionId, seed: quizAttempts.seed })
    .from(quizAttempts)
    .innerJoin(enrollments, studentOf(courseId, quizAttempts.userId))
    .where(
      and(
        inArray(
          quizAttempts.itemId,
          items.map((i) => i.itemId),
        ),
        inArray(quizAttempts.status, ['submitted', 'needs_review', 'graded']),
      ),
    )
    .orderBy(quizAttempts.userId, quizAttempts.itemId, desc(quizAttempts.attempt));
  if (attempts.length === 0) return items.map((item) => ({ ...item, attempts: 0, questions: [] }));
  const [answers, versions] = await Promise.all([
    db()
      .select({
        attemptId: quizAnswers.attemptId,
        questionId: quizAnswers.questionId,
        points: sql<number>`coalesce(${quizAnswers.manualPoints}, ${quizAnswers.autoPoints}, 0)`.mapWith(Number),
        needsReview: quizAnswers.needsReview,
      })
      .from(quizAnswers)
      .where(
        inArray(
          quizAnswers.attemptId,
          attempts.map((a) => a.id),
        ),
      ),
    db()
      .select({ id: quizVersions.id, content: quizVersions.content })
      .from(quizVersions)
      .where(inArray(quizVersions.id, [...new Set(attempts.map((a) => a.versionId))])),
  ]);
  const questionsOf = new Map(versions.map((v) => [v.id, v.content.questions]));
  return items.map((item) => {
    const own = attempts.filter((a) => a.itemId === item.itemId);
    const pointsOf = new Map(own.map((a) => [a.id, new Map(answers.filter((x) => x.attemptId === a.id).map((x) => [x.questionId, x]))]));
    const totals = own.map((a) => [...pointsOf.get(a.id)!.values()].reduce((s, x) => s + x.points, 0));
    // Questions of the version most attempts used; a question a later version dropped is not averaged with zeros.
    const questions = questionsOf.get(mostCommon(own.map((a) => a.versionId)) ?? '') ?? [];
    return {
      ...item,
      attempts: own.length,
      questions: questions.map((q): QuestionStat => {
        const scored = own.map((a) => pointsOf.get(a.id)!.get(q.id));
        const points = scored.map((x) => x?.points ?? 0);
        return {
          questionId: q.id,
          prompt: q.prompt,
          points: q.points,
          answers: scored.filter(Boolean).length,
          meanFraction: own.length ? points.reduce((s, x) => s + x, 0) / own.length / q.points : null,
          discrimination: pointBiserial(points, totals),
          reviewShare: own.length ? scored.filter((x) => x?.needsReview).length / own.length : 0,
          ...variantStats(q, own, points),
        };
      }),
    };
  });
}

export type SimilarityInput = { title: string; assignmentTitle: string; stubs: string[]; submissions: { id: string; studentName: string; code: string; at: Date }[] };

/**
 * What the similarity check of one exercise item reads: each student's latest submission and the
 * stubs of the versions they pinned (the code everyone was given). Null for an unknown item.
 */
export async function selectSimilarityInput(actorId: string, courseId: string, itemId: string): Promise<SimilarityInput | null> {
  await assertCapability(actorId, courseId, 'analytics.view');
  if (!isUuid(itemId)) return null;
  const item = (await selectPublishedItems(courseId, 'exercise')).find((i) => i.itemId === itemId);
  if (!item) return null;
  const latest = await db()
    .selectDistinctOn([submissions.userId], { id: submissions.id, studentName: users.name, code: submissions.code, at: submissions.createdAt, versionId: submissions.exerciseVersionId })
    .from(submissions)
    .innerJoin(enrollments, studentOf(courseId, submissions.userId))
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(eq(submissions.itemId, itemId))
    .orderBy(submissions.userId, desc(submissions.attempt));
  const versionIds = [...new Set(latest.map((s) => s.versionId))];
  const stubs = versionIds.length ? await db().select({ stub: exerciseVersions.stub }).from(exerciseVersions).where(inArray(exerciseVersions.id, versionIds)) : [];
  return {
    title: item.title,
    assignmentTitle: item.assignmentTitle,
    stubs: stubs.map((s) => s.stub),
    submissions: latest.map((s) => ({ id: s.id, studentName: s.studentName, code: s.code, at: s.at })),
  };
}

/** Each attempt's own numbers beside its points, so staff see whether some numbers are harder than others. */
function variantStats(question: Question, attempts: { seed: number }[], points: number[]): { variants?: VariantStat[] } {
  if (!paramsOf(question)) return {};
  return {
    variants: attempts.map((a, i) => {
      const variant = attemptVariant(question, a.seed)!;
      return { params: describeParams(variant.params), expected: variant.expected, points: points[i] };
    }),
  };
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
