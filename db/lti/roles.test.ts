import { describe, expect, it } from 'vitest';
import { courseRoleFromLti } from './roles';

const m = (role: string) => `http://purl.imsglobal.org/vocab/lis/v2/membership${role}`;

describe('courseRoleFromLti', () => {
  it('maps the LIS context roles onto course roles', () => {
    expect(courseRoleFromLti([m('#Learner')])).toBe('student');
    expect(courseRoleFromLti([m('#TeachingAssistant')])).toBe('grader');
    expect(courseRoleFromLti([m('/Instructor#TeachingAssistant')])).toBe('grader');
    expect(courseRoleFromLti([m('#Instructor')])).toBe('instructor');
    expect(courseRoleFromLti([m('#ContentDeveloper')])).toBe('instructor');
    expect(courseRoleFromLti(['Instructor'])).toBe('instructor');
  });

  it('gives the highest of several roles, and the least to unknown ones', () => {
    expect(courseRoleFromLti([m('#Learner'), m('#Instructor')])).toBe('instructor');
    expect(courseRoleFromLti(['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'])).toBe('student');
    expect(courseRoleFromLti([m('#Mentor')])).toBe('student');
    expect(courseRoleFromLti([])).toBe('student');
  });
});
