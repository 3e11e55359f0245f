import type { LoadedExercise } from '../content/load';
import { parsePictures } from './parse';
import { runVisualize, seededRandom } from './run';

/**
 * validate-exercises' check of visualize.js: it runs on the reference (both trusted content, so in this
 * process, like the statement's rendering) and returns pictures the page can draw. tfjs is loaded
 * only for exercises that have pictures.
 */
export async function visualizeProblems(exercise: LoadedExercise): Promise<string[]> {
  if (exercise.visualize === null) return [];
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops');
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  await tf.setBackend('cpu');
  try {
    const fns = new Function('tf', `${exercise.reference}\n;return { ${exercise.meta.entry.join(', ')} };`)(tf) as Record<string, unknown>;
    const parsed = parsePictures(runVisualize(exercise.visualize, { tf, fns, rng: seededRandom(19, tf as never) }));
    if (!parsed.ok) return [`visualize.js: ${parsed.message}`];
    return parsed.notFinite > 0 ? [`visualize.js: ${parsed.notFinite} value(s) are NaN or infinite with the reference`] : [];
  } catch (err) {
    return [`visualize.js: throws with the reference: ${(err as Error).message}`];
  }
}
