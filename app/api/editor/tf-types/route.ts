import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Built once at build time into a static file: tfjs-core's own declarations, so `tf.` in the
// editor completes with real signatures and the checker flags what the sandbox would not run.
export const dynamic = 'force-static';

const ROOT = path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-core', 'dist');
const ENTRIES = ['index.d.ts', 'public/chained_ops/register_all_chained_ops.d.ts'];
/** Where the files live in the editor's virtual file system. */
const VIRTUAL_ROOT = 'file:///node_modules/@tensorflow/tfjs-core/dist/';

// The sandbox has tfjs-core only, so that is the `tf` students get types for.
const GLOBAL_DECLARATION = `import * as tfcore from './index';
import './public/chained_ops/register_all_chained_ops';
declare global {
  /** TensorFlow.js (core ops, chained tensor methods, gradients), as in the grader. */
  const tf: typeof tfcore;
  // The stubs' JSDoc says {tf.Tensor2D}: types need a namespace, the const above is a value only. Type
  // aliases keep the namespace non-instantiated, so the two share the name without a clash.
  namespace tf {
    type Rank = tfcore.Rank;
    type Tensor<R extends tfcore.Rank = tfcore.Rank> = tfcore.Tensor<R>;
    type Scalar = tfcore.Scalar;
    type Tensor1D = tfcore.Tensor1D;
    type Tensor2D = tfcore.Tensor2D;
    type Tensor3D = tfcore.Tensor3D;
    type Tensor4D = tfcore.Tensor4D;
    type Tensor5D = tfcore.Tensor5D;
    type Tensor6D = tfcore.Tensor6D;
    type Variable<R extends tfcore.Rank = tfcore.Rank> = tfcore.Variable<R>;
    type TensorLike = tfcore.TensorLike;
    type DataType = tfcore.DataType;
    type NamedTensorMap = tfcore.NamedTensorMap;
  }
}
`;

/** The closure of relative imports from the entry declarations. */
async function collect(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const stack = [...ENTRIES];
  while (stack.length) {
    const file = stack.pop()!;
    if (file in files) continue;
    // WebGPU types are not installed; without the reference the few GPU-only types become any.
    // Kernel-name constants (`Abs`, `AddN`, …) are for backend authors; re-exported into `tf` they
    // would head the completion list after `tf.`, before every real op.
    const text = (await readFile(path.join(ROOT, file), 'utf8')).replace(/^\/\/\/ <reference types=.*$/gm, '').replace(/^export \* from '\.\/kernel_names';$/gm, '');
    files[file] = text;
    for (const match of text.matchAll(/(?:from|import\(|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1]));
      for (const candidate of [`${base}.d.ts`, `${base}/index.d.ts`]) {
        try {
          await readFile(path.join(ROOT, candidate));
          stack.push(candidate);
          break;
        } catch {
          // try the next form
        }
      }
    }
  }
  return files;
}

export async function GET() {
  const files = await collect();
  const libs = Object.entries(files).map(([file, content]) => ({ path: VIRTUAL_ROOT + file, content }));
  libs.push({ path: `${VIRTUAL_ROOT}tensorgrade-global.d.ts`, content: GLOBAL_DECLARATION });
  return Response.json({ libs }, { headers: { 'Cache-Control': 'public, max-age=86400' } });
}
