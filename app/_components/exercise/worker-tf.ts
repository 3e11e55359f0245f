// Imported first by run.worker.ts: the grader's harness scripts read `globalThis.tf` when they
// are evaluated, so it must be in place before them (ES modules evaluate in import order).
// The same tfjs as the grading sandbox — core, CPU kernels, chained ops, gradients — so what
// passes here uses only what the server offers, with the server's float32 CPU arithmetic.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

(globalThis as unknown as { tf: typeof tf }).tf = tf;

export const tfReady: Promise<string> = tf.setBackend('cpu').then(() => tf.getBackend());
