/**
 * The one way a fraction is shown as a percentage: at most one decimal, none when it is whole
 * ("87.5 %", "20 %"), a space before the sign. Scores, penalties, confidences and shares alike.
 */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}
