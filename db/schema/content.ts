import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ExerciseMeta } from '../../graders/content/exercise-schema';
import type { Quiz } from '../../graders/quiz/schema';
import { courses, users } from './people';

export const contentSource = pgEnum('content_source', ['files', 'browser']);

/** An exercise's identity; what it says lives in immutable exercise_versions. */
export const exercises = pgTable('exercises', {
  // The stable id from exercise.json, e.g. "triplet-loss".
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  topic: text('topic').notNull(),
  difficulty: text('difficulty').notNull(),
  source: contentSource('source').notNull().default('files'),
  // Null for the shared library synced from exercises/; set for exercises authored inside a course.
  courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
  currentVersionId: uuid('current_version_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Never updated after insert: submissions pin a version so regrades are reproducible. */
export const exerciseVersions = pgTable(
  'exercise_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exerciseId: text('exercise_id')
      .notNull()
      .references(() => exercises.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    meta: jsonb('meta').$type<ExerciseMeta>().notNull(),
    statement: text('statement').notNull(),
    stub: text('stub').notNull(),
    reference: text('reference').notNull(),
    tests: text('tests').notNull(),
    // visualize.js, optional and not secret: the exercise page sends it to the student's Run worker.
    visualize: text('visualize'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('exercise_versions_hash_uq').on(t.exerciseId, t.contentHash)],
);

export const quizzes = pgTable('quizzes', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  source: contentSource('source').notNull().default('files'),
  courseId: uuid('course_id').references(() => courses.id, { onDelete: 'cascade' }),
  currentVersionId: uuid('current_version_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const quizVersions = pgTable(
  'quiz_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quizId: text('quiz_id')
      .notNull()
      .references(() => quizzes.id, { onDelete: 'cascade' }),
    contentHash: text('content_hash').notNull(),
    // The validated quiz file (questions, rubrics, model answers): staff-only data.
    content: jsonb('content').$type<Quiz>().notNull(),
    questionCount: integer('question_count').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('quiz_versions_hash_uq').on(t.quizId, t.contentHash), index('quiz_versions_quiz_idx').on(t.quizId)],
);

export const authoringKind = pgEnum('authoring_kind', ['exercise', 'quiz']);

/**
 * Work in progress from the browser editor: saved freely, validated on demand, and turned into an
 * immutable version only on publish. targetId is null for content that has never been published.
 */
export const authoringDrafts = pgTable(
  'authoring_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    kind: authoringKind('kind').notNull(),
    targetId: text('target_id'),
    // The files of the content folder by name (exercise.json, statement.md, stub.js, ...).
    files: jsonb('files').$type<Record<string, string>>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('authoring_drafts_course_idx').on(t.courseId)],
);
