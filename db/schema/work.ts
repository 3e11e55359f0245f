import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { GradeReport } from '../../graders/report';
import type { ConceptResult } from '../../graders/quiz/result';
import { courses, users } from './people';
import { exercises, exerciseVersions, quizVersions } from './content';
import { assignmentItems } from './assignments';

export const submissionStatus = pgEnum('submission_status', ['queued', 'grading', 'graded', 'error', 'failed']);

/** Autosaved editor content, one per user and exercise. */
export const drafts = pgTable(
  'drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.exerciseId] })],
);

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').references(() => assignmentItems.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercises.id),
    // Pinned at submit time so a regrade reproduces the original grading.
    exerciseVersionId: uuid('exercise_version_id')
      .notNull()
      .references(() => exerciseVersions.id),
    code: text('code').notNull(),
    status: submissionStatus('status').notNull().default('queued'),
    attempt: integer('attempt').notNull(),
    isLate: boolean('is_late').notNull().default(false),
    score: real('score'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    gradedAt: timestamp('graded_at', { withTimezone: true }),
  },
  (t) => [
    index('submissions_user_item_idx').on(t.userId, t.itemId),
    index('submissions_exercise_idx').on(t.exerciseId, t.createdAt),
    // The staff submissions browser filters by item and pages by time.
    index('submissions_item_created_idx').on(t.itemId, t.createdAt),
    index('submissions_status_idx').on(t.status),
    unique('submissions_attempt_uq').on(t.userId, t.itemId, t.attempt),
  ],
);

/** One report per (submission, run): the unique key makes a retried job's write idempotent. */
export const gradeReports = pgTable(
  'grade_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    // 0 for the first grading; a regrade gets the next run number.
    run: integer('run').notNull().default(0),
    // Set for reports produced by a regrade; they count only once the instructor accepts the run.
    regradeRunId: uuid('regrade_run_id').references(() => regradeRuns.id, { onDelete: 'set null' }),
    exerciseVersionId: uuid('exercise_version_id')
      .notNull()
      .references(() => exerciseVersions.id),
    report: jsonb('report').$type<GradeReport>().notNull(),
    score: real('score').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('grade_reports_run_uq').on(t.submissionId, t.run),
    // Regrade progress and its "last report marks the run ready" check count a run's reports.
    index('grade_reports_regrade_run_idx')
      .on(t.regradeRunId)
      .where(sql`${t.regradeRunId} is not null`),
  ],
);

export const attemptStatus = pgEnum('quiz_attempt_status', ['in_progress', 'submitted', 'needs_review', 'graded']);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => assignmentItems.id, { onDelete: 'cascade' }),
    quizVersionId: uuid('quiz_version_id')
      .notNull()
      .references(() => quizVersions.id),
    attempt: integer('attempt').notNull(),
    // Seeds the per-attempt option shuffle so a reload shows the same order.
    seed: integer('seed').notNull(),
    status: attemptStatus('status').notNull().default('in_progress'),
    score: real('score'),
    isLate: boolean('is_late').notNull().default(false),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [unique('quiz_attempts_attempt_uq').on(t.userId, t.itemId, t.attempt)],
);

export const quizAnswers = pgTable(
  'quiz_answers',
  {
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => quizAttempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    answer: jsonb('answer').notNull(),
    autoPoints: real('auto_points'),
    autoConfidence: real('auto_confidence'),
    conceptsFound: jsonb('concepts_found').$type<ConceptResult[]>(),
    needsReview: boolean('needs_review').notNull().default(false),
    // Set by a human grader; wins over autoPoints when present.
    manualPoints: real('manual_points'),
    graderId: uuid('grader_id').references(() => users.id, { onDelete: 'set null' }),
    comment: text('comment'),
    // A grader who took this answer from the review queue, so graders can split the queue.
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.questionId] }),
    index('quiz_answers_review_idx')
      .on(t.needsReview)
      .where(sql`${t.needsReview} and ${t.manualPoints} is null`),
  ],
);

/**
 * Append-only audit trail of manual score changes (a trigger in the migration rejects UPDATE and DELETE).
 * The latest row for (user, item) is the effective override. Its foreign keys have no ON DELETE action,
 * so history cannot vanish through a cascade either.
 */
export const scoreOverrides = pgTable(
  'score_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => assignmentItems.id),
    submissionId: uuid('submission_id').references(() => submissions.id),
    quizAttemptId: uuid('quiz_attempt_id').references(() => quizAttempts.id),
    oldScore: real('old_score'),
    newScore: real('new_score').notNull(),
    // Why, for the audit trail (staff only).
    reason: text('reason').notNull(),
    // What the student is told, if anything.
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('score_overrides_item_user_idx').on(t.itemId, t.userId, t.createdAt)],
);

export const regradeStatus = pgEnum('regrade_status', ['running', 'ready', 'accepted', 'discarded']);

/**
 * A re-run of an exercise's submissions (all of them, or one student's) against a chosen version.
 * Its reports are stored with regrade_run_id and change no score until the instructor accepts.
 */
export const regradeRuns = pgTable(
  'regrade_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    exerciseVersionId: uuid('exercise_version_id')
      .notNull()
      .references(() => exerciseVersions.id),
    // Null = every student's submissions.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    status: regradeStatus('status').notNull().default('running'),
    total: integer('total').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('regrade_runs_course_idx').on(t.courseId, t.createdAt)],
);
