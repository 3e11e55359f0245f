import { describe, expect, it } from 'vitest';
import { isPastDue, otherUses, pastDueRefusal } from './assignment-warnings.shared';

const now = new Date('2026-12-02T12:00:00Z');
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe('past due date', () => {
  const past = new Date('2026-12-01T16:00:00Z');
  it('asks for a confirmation when a new due date is in the past', () => {
    expect(pastDueRefusal(past, form({ dueAt: '2026-12-01T17:00', savedDueAt: '' }), now)).toMatch(/in the past/);
    expect(pastDueRefusal(past, form({ dueAt: '2026-12-01T17:00', savedDueAt: '', confirmPastDue: 'on' }), now)).toBeNull();
  });

  it('stays quiet for a future date, no date, or an unchanged old one', () => {
    expect(pastDueRefusal(new Date('2026-12-09T16:00:00Z'), form({ dueAt: '2026-12-09T17:00', savedDueAt: '' }), now)).toBeNull();
    expect(pastDueRefusal(null, form({ dueAt: '', savedDueAt: '' }), now)).toBeNull();
    expect(pastDueRefusal(past, form({ dueAt: '2026-12-01T17:00', savedDueAt: '2026-12-01T17:00' }), now)).toBeNull();
  });

  it('warns live in the browser with the course time zone', () => {
    expect(isPastDue('2026-12-02T12:30', '', 'Europe/Berlin', now)).toBe(true); // 11:30 UTC
    expect(isPastDue('2026-12-02T12:30', '', 'UTC', now)).toBe(false);
    expect(isPastDue('2026-12-01T12:30', '2026-12-01T12:30', 'UTC', now)).toBe(false);
  });
});

describe('item already in another assignment', () => {
  it('names the other assignments, not the one being edited', () => {
    const usedIn = [
      { assignmentId: 'a1', title: 'Week 1' },
      { assignmentId: 'a2', title: 'Week 2' },
    ];
    expect(otherUses(usedIn, 'a2')).toEqual(['Week 1']);
    expect(otherUses(usedIn, '')).toEqual(['Week 1', 'Week 2']);
  });
});
