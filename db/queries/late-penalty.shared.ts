const HOUR = 3_600_000;

/** Fraction of an attempt lost for lateness; every started day late costs latePenaltyPerDay. */
export function latePenalty(at: Date, due: Date | null, perDay: number): number {
  if (!due || at <= due) return 0;
  return Math.min(1, perDay * Math.ceil((at.getTime() - due.getTime()) / HOUR / 24));
}
