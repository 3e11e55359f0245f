import { createRng } from '../quiz/rng';

/**
 * Runs an exercise's visualize.js where it is called: in the browser's Run worker after the visible
 * tests (app/_components/exercise/run.worker.ts), or in node for the content checks. It gets tfjs,
 * the student's entry functions and a seeded random source, and nothing of the tests or reference.
 */
export type VisualizeContext = { tf: unknown; fns: Record<string, unknown>; rng: SeededRandom };

export function runVisualize(source: string, context: VisualizeContext): unknown {
  // Wrapped in a function so its names never clash with the student's globals; strict like the content.
  const load = new Function(`'use strict';\n${source}\n;return typeof visualize === 'function' ? visualize : undefined;\n//# sourceURL=visualize.js`) as () => unknown;
  const visualize = load();
  if (typeof visualize !== 'function') throw new Error('visualize.js defines no function visualize');
  const engine = (context.tf as { engine(): { startScope(): void; endScope(): void } }).engine();
  engine.startScope();
  try {
    return (visualize as (c: VisualizeContext) => unknown)(context);
  } finally {
    engine.endScope();
  }
}

export type SeededRandom = ReturnType<typeof seededRandom>;

/** The seed of every picture: the page, validate-exercises and the content tests draw the same ones. */
export const PICTURE_SEED = 19;

/** The same generator as the sandbox's rng (mulberry32 + Box–Muller), so pictures are the same on every run. */
export function seededRandom(seed: number, tf: { tensor(values: Float32Array | Int32Array, shape: number[], dtype?: string): unknown }) {
  const random = createRng(seed);
  const gaussian = () => {
    let u = 0;
    while (u === 0) u = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const fill = (shape: number[], int: boolean, draw: () => number) => {
    const n = shape.reduce((p, d) => p * d, 1);
    const values = int ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0; i < n; i++) values[i] = draw();
    return tf.tensor(values, shape, int ? 'int32' : 'float32');
  };
  return Object.freeze({
    random,
    gaussian,
    uniform: (shape: number[], lo = 0, hi = 1) => fill(shape, false, () => lo + (hi - lo) * random()),
    normal: (shape: number[], mean = 0, std = 1) => fill(shape, false, () => mean + std * gaussian()),
    int: (shape: number[], lo: number, hi: number) => fill(shape, true, () => lo + Math.floor(random() * (hi - lo))),
  });
}
