import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, can, COURSE_ROLES, rolesWith } from './permissions';

// The rights of every role, one row per capability: a change of rights must also change the checked-in
// table, so it is a diff a reviewer reads rather than a line lost in a query.
function matrix(): string {
  const width = Math.max(...CAPABILITIES.map((c) => c.length));
  const header = ['capability'.padEnd(width), ...COURSE_ROLES].join(' | ');
  const rows = CAPABILITIES.map((c) => [c.padEnd(width), ...COURSE_ROLES.map((r) => (can(r, c) ? 'yes' : '-').padEnd(r.length))].join(' | '));
  return [header, ...rows].join('\n').replace(/ +$/gm, '') + '\n';
}

describe('permissions', () => {
  it('match the reviewed capability × role table', () => {
    expect(matrix()).toBe(readFileSync(new URL('./permissions.matrix.txt', import.meta.url), 'utf8'));
  });

  it('give every capability to at least one role, and instructors every capability', () => {
    for (const capability of CAPABILITIES) {
      expect(rolesWith(capability).length, capability).toBeGreaterThan(0);
      expect(can('instructor', capability), capability).toBe(true);
    }
  });

  it('keep students out of everything but the course itself', () => {
    expect(CAPABILITIES.filter((c) => can('student', c))).toEqual(['course.view']);
  });
});
