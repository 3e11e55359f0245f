import type { CourseRole } from '../permissions';

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';

/**
 * LMS context roles → course role, the highest that applies: Instructor / ContentDeveloper → instructor,
 * TeachingAssistant (also the Instructor#TeachingAssistant sub-role) → grader, anything else (Learner,
 * Mentor, an unknown or system role) → student, the least.
 */
export function courseRoleFromLti(roles: readonly string[]): CourseRole {
  const short = roles.map((role) => (role.startsWith(MEMBERSHIP) ? role.slice(MEMBERSHIP.length) : role));
  // A sub-role names its parent before '#': 'membership/Instructor#TeachingAssistant' is a TA, not an instructor.
  if (short.some((role) => ['#Instructor', '#ContentDeveloper', 'Instructor', 'ContentDeveloper'].includes(role))) return 'instructor';
  if (short.some((role) => role.includes('TeachingAssistant'))) return 'grader';
  return 'student';
}
