import { parse } from 'acorn';

/**
 * The loader's check of visualize.js, without running it: a script (the grammar Run evaluates it
 * with) that declares a top-level `function visualize`. Returns what is wrong, with its line, or null.
 */
export function visualizeSourceProblem(source: string): string | null {
  let program: ReturnType<typeof parse>;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: false });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/ \(\d+:\d+\)$/, '');
    return loc ? `syntax error at line ${loc.line}, column ${loc.column + 1}: ${message}` : `syntax error: ${message}`;
  }
  const declares = program.body.some((node) => node.type === 'FunctionDeclaration' && node.id?.name === 'visualize');
  return declares ? null : 'must declare a top-level function visualize({ tf, fns, rng }) that returns the pictures';
}
