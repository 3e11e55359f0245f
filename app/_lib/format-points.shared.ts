/** The one way points are shown: at most two decimals, none when whole ("6.4", "10", "3.33"). The CSV keeps four. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}
