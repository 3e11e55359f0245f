import { describe, expect, it } from 'vitest';
import { pointsLine } from './score-line.shared';

const due = '2026-03-01T12:00:00.000Z';
const hoursLate = (h: number) => new Date(Date.parse(due) + h * 3_600_000).toISOString();

describe('pointsLine', () => {
  it('says plain points when on time', () => {
    expect(pointsLine(2, 10, { isLate: false, submittedAt: hoursLate(-1), dueAt: due, latePenaltyPerDay: 0.5 })).toBe('2 / 10 points');
  });

  it('says the late penalty is already taken off, and what it was before', () => {
    expect(pointsLine(2, 10, { isLate: true, submittedAt: hoursLate(3), dueAt: due, latePenaltyPerDay: 0.5 })).toBe('1 / 10 points after a 50 % late penalty; 2 / 10 before');
    // Every started day counts: 25 h at 10 %/day is 20 %.
    expect(pointsLine(10, 10, { isLate: true, submittedAt: hoursLate(25), dueAt: due, latePenaltyPerDay: 0.1 })).toBe('8 / 10 points after a 20 % late penalty; 10 / 10 before');
  });

  it('says when a late submission costs nothing', () => {
    expect(pointsLine(2, 10, { isLate: true, submittedAt: hoursLate(3), dueAt: due, latePenaltyPerDay: 0 })).toBe('2 / 10 points, late, no late penalty');
  });
});
