import type { ErrorInfo } from '../runner/wire';

/** The student's own line the stack passes through, if any: the deepest call into tfjs started there. */
export function studentLine(error: ErrorInfo): number | undefined {
  const frame = /solution\.js:(\d+):\d+/.exec(error.stack);
  return frame ? Number(frame[1]) : undefined;
}

/** True when the error was thrown inside tfjs (its first stack frame is not the student's file). */
export function raisedInsideTfjs(error: ErrorInfo): boolean {
  const first = error.stack.split('\n').find((line) => line.trim().startsWith('at '));
  return error.stack !== '' && first !== undefined && !first.includes('solution.js');
}

/** The common tfjs errors, in words that say what to change; null for one we do not know. */
export function translateTfjsError(message: string): { id: string; text: string } | null {
  let m = /inner shapes \((\d+)\) and \((\d+)\) of Tensors with shapes ([\d,]*) and ([\d,]*)/.exec(message);
  if (m) {
    return {
      id: 'tfjs-error',
      text: `tf.matMul needs the inner sizes to agree, but they are ${m[1]} and ${m[2]} (shapes [${m[3]}] and [${m[4]}]): transpose one side, e.g. tf.matMul(a, b, false, true) for a·bᵀ`,
    };
  }
  m = /Operands could not be broadcast together with shapes ([\d,]*) and ([\d,]*)/.exec(message);
  if (m) return { id: 'broadcast', text: `shapes [${m[1]}] and [${m[2]}] cannot be broadcast together: check which axis each reduction removed (keepDims: true keeps it as size 1)` };
  m = /gradient function not found for (\w+)/i.exec(message);
  if (m) return { id: 'no-gradient', text: `tfjs has no gradient for ${m[1]}: the loss must be built from differentiable ops (tf.relu, tf.maximum, tf.abs instead of comparisons or rounding)` };
  if (/Tensor is disposed/.test(message))
    return { id: 'disposed-input', text: 'a tensor was used after it was disposed: do not dispose inputs or values you still need (tf.tidy cleans up what you create)' };
  m = /Argument '(\w+)' passed to '(\w+)' must be a (\w+)/.exec(message);
  if (m) return { id: 'tfjs-error', text: `tf.${m[2]} got a plain JavaScript value as ${m[1]} where it needs a ${m[3]}: keep the values as tensors` };
  m = /Error in (\w+): .*must be rank (\d+)|rank (\d+).*must be|must be of rank/.exec(message);
  if (m) return { id: 'tfjs-error', text: `an op got a tensor of the wrong rank (number of axes)${m[1] ? ` in tf.${m[1]}` : ''}: check the shapes your reductions and reshapes produce` };
  m = /Error in (reshape|slice|concat|split|gather|stack)\w*: (.*)/.exec(message);
  if (m) return { id: 'tfjs-error', text: `tf.${m[1]} failed (${m[2].slice(0, 160)}): read sizes from the inputs' .shape rather than assuming them` };
  if (/dtype/.test(message)) return { id: 'dtype', text: `a dtype mismatch inside tfjs (${message.slice(0, 160)}): int32 tensors (labels, indices) and float32 ones do not mix without tf.cast` };
  return null;
}
