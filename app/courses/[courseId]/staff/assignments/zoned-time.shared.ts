// Deadlines are typed as wall-clock times of the course's time zone (a course in Berlin says "due
// 23:59" and means Berlin time, whatever the instructor's laptop says). No date library: Intl
// knows every zone's offsets, and two passes settle the offset across a DST change.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

function wallParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far `timeZone`'s wall clock is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallParts(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** "2026-12-01T17:00" → the instant; null if malformed or if that wall time never happens (a spring-forward gap). */
export function zonedLocalToDate(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wall)) return null;
  const guess = wall - offsetAt(wall, timeZone);
  const date = new Date(wall - offsetAt(guess, timeZone));
  return dateToZonedLocal(date, timeZone) === local.slice(0, 16) ? date : null;
}

/** The instant as the value of a datetime-local input in `timeZone` ("2026-12-01T17:00"). */
export function dateToZonedLocal(date: Date, timeZone: string): string {
  const w = wallParts(date, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
