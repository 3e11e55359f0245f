import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date.shared';

describe('formatDateTime', () => {
  const instant = new Date('2026-12-01T16:05:00Z');

  it('prints the wall clock of the given zone and names the zone', () => {
    expect(formatDateTime(instant, 'UTC')).toBe('Tue 1 Dec 2026, 16:05 UTC');
    expect(formatDateTime(instant, 'Europe/Berlin')).toBe('Tue 1 Dec 2026, 17:05 CET');
    expect(formatDateTime('2026-07-01T16:05:00Z', 'Europe/Berlin')).toBe('Wed 1 Jul 2026, 18:05 CEST');
  });

  it('uses a 24-hour clock and crosses the date line with the zone', () => {
    expect(formatDateTime('2026-12-01T00:30:00Z', 'UTC')).toBe('Tue 1 Dec 2026, 00:30 UTC');
    expect(formatDateTime('2026-12-01T23:30:00Z', 'Asia/Tokyo')).toBe('Wed 2 Dec 2026, 08:30 GMT+9');
  });

  it('takes an ISO string as well as a Date', () => {
    expect(formatDateTime(instant.toISOString(), 'UTC')).toBe(formatDateTime(instant, 'UTC'));
  });
});
