/** Staff pages show times in UTC to the minute: one unambiguous clock for everyone grading the course. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}
