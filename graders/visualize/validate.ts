import { createRequire } from 'node:module';
import type { LoadedExercise } from '../content/load';
import { parsePictures } from './parse';
import { PICTURE_SEED, runVisualize, seededRandom } from './run';

/**
 * validate-exercises' check of visualize.js: it runs on the reference (both trusted content, so in this
 * process, like the statement's rendering) and returns pictures the page can draw. tfjs is loaded
 * only for exercises that have pictures.
 */
export async function visualizeProblems(exercise: LoadedExercise): Promise<string[]> {
  if (exercise.visualize === null) return [];
  const tf = await loadTf();
  try {
    const fns = new Function('tf', `${exercise.reference}\n;return { ${exercise.meta.entry.join(', ')} };`)(tf) as Record<string, unknown>;
    const parsed = parsePictures(runVisualize(exercise.visualize, { tf, fns, rng: seededRandom(PICTURE_SEED, tf as never) }));
    if (!parsed.ok) return [`visualize.js: ${parsed.message}`];
    return parsed.notFinite > 0 ? [`visualize.js: ${parsed.notFinite} value(s) are NaN or infinite with the reference`] : [];
  } catch (err) {
    return [`visualize.js: throws with the reference: ${(err as Error).message}`];
  }
}

type Tf = typeof import('@tensorflow/tfjs');
let tfjs: Tf | undefined;

/**
 * The full tfjs package's CommonJS build (chained ops and gradients registered, as in the sandbox's
 * bundle): node's ESM loader cannot import tfjs-core's deep dist paths. Its advice to install
 * tfjs-node is not for a content check, so it is kept out of the report.
 */
async function loadTf(): Promise<Tf> {
  if (tfjs) return tfjs;
  const warn = console.warn;
  const log = console.log;
  console.warn = console.log = () => {};
  try {
    const tf = createRequire(import.meta.url)('@tensorflow/tfjs') as Tf;
    await tf.setBackend('cpu');
    tf.tensor([0]).dispose(); // the advice is printed on first use
    tfjs = tf;
  } finally {
    console.warn = warn;
    console.log = log;
  }
  return tfjs;
}
