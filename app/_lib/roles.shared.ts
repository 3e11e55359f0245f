import type { CourseRole } from '@/db/queries/courses';

export const COURSE_ROLES: readonly CourseRole[] = ['student', 'grader', 'instructor'];

export const ROLE_LABELS: Record<CourseRole, string> = { student: 'Student', grader: 'Grader (TA)', instructor: 'Instructor' };
