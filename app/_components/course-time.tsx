'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { formatDateTime } from '@/app/_lib/format-date.shared';

// Client components deep in a course page (the exercise workspace) show times too: they read the
// course's zone from here instead of threading it through every prop.
const CourseTimeZoneContext = createContext('UTC');

export function CourseTimeZone({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <CourseTimeZoneContext.Provider value={timeZone}>{children}</CourseTimeZoneContext.Provider>;
}

/** A time on the course's wall clock, formatted like every other date; the same on server and client. */
export function CourseTime({ iso, className }: { iso: string; className?: string }) {
  return (
    <time dateTime={iso} className={className}>
      {formatDateTime(iso, useContext(CourseTimeZoneContext))}
    </time>
  );
}
