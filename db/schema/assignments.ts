import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { courses, users } from './people';
import { exercises, quizzes } from './content';

export const itemKind = pgEnum('item_kind', ['exercise', 'quiz']);
export const feedbackVisibility = pgEnum('feedback_visibility', ['immediate', 'after_due']);

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: uuid('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    // Late submissions are accepted until hardCloseAt with latePenaltyPerDay (0..1) per started day.
    hardCloseAt: timestamp('hard_close_at', { withTimezone: true }),
    latePenaltyPerDay: real('late_penalty_per_day').notNull().default(0),
    published: boolean('published').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assignments_course_idx').on(t.courseId)],
);

export const assignmentItems = pgTable(
  'assignment_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    kind: itemKind('kind').notNull(),
    exerciseId: text('exercise_id').references(() => exercises.id),
    quizId: text('quiz_id').references(() => quizzes.id),
    position: integer('position').notNull().default(0),
    points: real('points').notNull(),
    // Null = unlimited.
    maxAttempts: integer('max_attempts'),
    feedback: feedbackVisibility('feedback').notNull().default('immediate'),
  },
  (t) => [
    index('assignment_items_assignment_idx').on(t.assignmentId),
    check(
      'assignment_items_one_target',
      sql`(${t.kind} = 'exercise' and ${t.exerciseId} is not null and ${t.quizId} is null) or (${t.kind} = 'quiz' and ${t.quizId} is not null and ${t.exerciseId} is null)`,
    ),
  ],
);

/** A per-student due date that replaces the assignment's. */
export const extensions = pgTable(
  'extensions',
  {
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] })],
);
