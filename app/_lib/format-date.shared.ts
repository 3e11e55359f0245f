// The one way a date is shown: "Tue 1 Dec 2026, 17:00 CET". Built from parts rather than taken
// whole from Intl, so the server and every browser (whatever its ICU version or locale) print the
// same string, and it always names its zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `date` on `timeZone`'s wall clock (the course's zone on staff and student pages alike). */
export function formatDateTime(date: Date | string, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(date));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')} ${get('year')}, ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
}
