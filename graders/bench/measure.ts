export interface Measurement {
  wall: number[];
  cpuPerRun: number;
}

/** Sequential runs after a warm-up; `gapMs` idles between runs like a server below saturation. */
export async function measure(run: () => unknown, { runs, warmup = 10, gapMs = 0 }: { runs: number; warmup?: number; gapMs?: number }): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await run();
  const wall: number[] = [];
  let cpu = 0;
  for (let i = 0; i < runs; i++) {
    if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const c = process.cpuUsage();
    const t = performance.now();
    await run();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu += (used.user + used.system) / 1000;
  }
  return { wall, cpuPerRun: cpu / runs };
}

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
