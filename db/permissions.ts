import { courseRole } from './schema/people';

/** The roles of a course member, in the order the enum declares them (least rights first). */
export const COURSE_ROLES = courseRole.enumValues;
export type CourseRole = (typeof COURSE_ROLES)[number];

const STAFF = ['grader', 'instructor'] as const satisfies readonly CourseRole[];
const INSTRUCTOR = ['instructor'] as const satisfies readonly CourseRole[];

/**
 * What each role may do in a course: the one place rights are decided. Pages, actions and queries
 * ask for a capability, never for a role; a change here shows up in db/permissions.matrix.txt.
 */
export const ROLE_PERMISSIONS = {
  /** Open the course, its items and quizzes. */
  'course.view': COURSE_ROLES,
  /** See scheduled (not yet open) assignments, to preview them. */
  'assignments.preview': STAFF,
  /** The staff area and the member list. */
  'staff.view': STAFF,
  /** Change a member's role. */
  'members.manage': INSTRUCTOR,
  /** The join code: read and regenerate it. */
  'course.settings': INSTRUCTOR,
  /** Every student's submissions and quiz attempts, with their scores and override history. */
  'submissions.view-all': STAFF,
  /** Set a student's final score on an item. */
  'scores.override': STAFF,
  /** Short answers waiting for a human: claim and grade them. */
  'reviews.grade': STAFF,
  'gradebook.view': STAFF,
  'gradebook.export': STAFF,
  'analytics.view': STAFF,
  /** Start a regrade against the current version and see its results. */
  'regrade.run': STAFF,
  /** Accept or discard a regrade: only then do students' scores change. */
  'regrade.decide': INSTRUCTOR,
  /** Failed or stuck gradings, and retrying them. */
  'grading.retry': STAFF,
  /** Every manual score change in the course. */
  'audit.view': INSTRUCTOR,
  /** Author, import, export and publish exercises and quizzes. */
  'content.publish': INSTRUCTOR,
  /** Assignments: items, deadlines, publishing and extensions. */
  'assignments.manage': INSTRUCTOR,
  /** The LMS connection (LTI): link LMS courses, see and retry score passback, sync the roster. */
  'lms.manage': INSTRUCTOR,
} as const satisfies Record<string, readonly CourseRole[]>;

export type Capability = keyof typeof ROLE_PERMISSIONS;
export const CAPABILITIES = Object.keys(ROLE_PERMISSIONS) as Capability[];

/** Pure: whether `role` holds `capability`. Pages use it to show or hide what a role may use. */
export function can(role: CourseRole, capability: Capability): boolean {
  return (ROLE_PERMISSIONS[capability] as readonly CourseRole[]).includes(role);
}

/** The roles holding `capability`, for SQL filters such as "staff see scheduled assignments". */
export function rolesWith(capability: Capability): CourseRole[] {
  return [...ROLE_PERMISSIONS[capability]];
}
