import type { CourseRole } from '@/db/permissions';

export const ROLE_LABELS: Record<CourseRole, string> = { student: 'Student', grader: 'Grader (TA)', instructor: 'Instructor' };
