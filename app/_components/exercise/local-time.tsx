'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A time in the reader's own time zone. The server cannot know it, so the server render (and the
 * first client render, to match it) says UTC; the browser then shows local time.
 */
export function LocalTime({ iso, className, withZone = false }: { iso: string; className?: string; withZone?: boolean }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  // Explicit fields: dateStyle/timeStyle cannot be combined with timeZoneName.
  const text = new Intl.DateTimeFormat(inBrowser ? undefined : 'en-US', {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: inBrowser ? undefined : 'UTC',
    timeZoneName: withZone || !inBrowser ? 'short' : undefined,
  }).format(date);
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
