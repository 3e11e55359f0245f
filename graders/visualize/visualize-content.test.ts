import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExercise } from '../content/load';
import type { Picture } from './picture-schema';
import { parsePictures } from './parse';
import { runVisualize, seededRandom, PICTURE_SEED } from './run';

// Every exercise's visualize.js, run on the reference and on a typical wrong solution: both must give
// valid pictures, and the pictures must differ where the mistake is (the number a student would read).
const cases: { slug: string; wrong: string; stat: RegExp; differs: (right: number, wrong: number) => boolean }[] = [
  { slug: 'forward-diffusion', wrong: 'wrong-alpha-only', stat: /at t = 999$/, differs: (r, w) => Math.abs(r - 1) < 0.1 && w > 1.3 },
  { slug: 'ddpm-reverse-step', wrong: 'wrong-eps-sign', stat: /^std x₁ of your samples/, differs: (r, w) => r < 2 && w > 2 * r },
  { slug: 'affine-coupling-forward', wrong: 'wrong-logdet-sign', stat: /^largest \|logDet/, differs: (r, w) => r < 0.01 && w > 0.5 },
  { slug: 'affine-coupling-inverse', wrong: 'wrong-logdet-sign', stat: /^largest \|logDet/, differs: (r, w) => r < 0.01 && w > 0.5 },
  { slug: 'uniform-dequantization', wrong: 'wrong-nats', stat: /uniform model$/, differs: (r, w) => Math.abs(r - 8) < 1e-3 && Math.abs(w - 8) > 1 },
  { slug: 'triplet-loss', wrong: 'wrong-swapped-distances', stat: /accuracy after$/, differs: (r, w) => r > 0.9 && w < r - 0.2 },
  // At the seed students see (PICTURE_SEED) the gap is 0.955 vs 0.91; the 0.1 this asserted held only at seed 7,
  // which no page used. NT-Xent's picture separates this mistake weakly (most others train as well as a right loss).
  { slug: 'nt-xent-loss', wrong: 'wrong-normalise-columns', stat: /accuracy after$/, differs: (r, w) => r > 0.9 && w < r - 0.03 },
  { slug: 'vae-reparameterization', wrong: 'wrong-kl-sign', stat: /^smallest KL/, differs: (r, w) => Math.abs(r) < 1e-3 && w < -1 },
];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function picturesOf(slug: string, code: string, entry: string[]): Picture[] {
  const source = readFileSync(`exercises/${slug}/visualize.js`, 'utf8');
  const fns = new Function('tf', `${code}\n;return { ${entry.join(', ')} };`)(tf) as Record<string, unknown>;
  const parsed = parsePictures(runVisualize(source, { tf, fns, rng: seededRandom(PICTURE_SEED, tf as never) }));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.pictures;
}

const statOf = (pictures: Picture[], label: RegExp) => {
  const stat = pictures.flatMap((p) => p.stats).find((s) => label.test(s.label));
  if (!stat) throw new Error(`no stat ${label}`);
  return stat.value;
};

describe('visualize.js of each exercise', () => {
  for (const { slug, wrong, stat, differs } of cases) {
    it(`${slug}: valid pictures from the reference, and ${wrong} shows in "${stat.source}"`, { timeout: 30_000 }, async () => {
      const exercise = await loadExercise(`exercises/${slug}`);
      expect(exercise.visualize).not.toBeNull();
      const right = picturesOf(slug, exercise.reference, exercise.meta.entry);
      const bad = picturesOf(slug, readFileSync(`tests/fixtures/${slug}/${wrong}.js`, 'utf8'), exercise.meta.entry);
      const [r, w] = [statOf(right, stat), statOf(bad, stat)];
      expect(differs(r, w), `reference ${r}, ${wrong} ${w}`).toBe(true);
      // The bytes the page receives stay small enough to post from a worker without a pause.
      expect(JSON.stringify(right).length).toBeLessThan(1_000_000);
    });
  }
});

describe('parsePictures', () => {
  const points = (x: number[]) => [{ kind: 'points', title: 't', description: 'd', frames: [{ label: 'f', series: [{ name: 's', x, y: x.map(() => 0) }] }] }];
  it('turns infinities into NaN and counts them', () => {
    const parsed = parsePictures(points([1, Infinity, -Infinity, NaN]));
    expect(parsed.ok && parsed.notFinite).toBe(3);
  });
  it('names the field at fault', () => {
    const parsed = parsePictures([{ ...points([1])[0], frames: [{ label: 'f', series: [{ name: 's', x: [1, 2], y: [1] }] }] }]);
    expect(parsed).toEqual({ ok: false, message: 'visualize returned a bad value at 0.frames.0.series.0: x and y must have the same length' });
    expect(parsePictures('nope')).toMatchObject({ ok: false });
  });
});
