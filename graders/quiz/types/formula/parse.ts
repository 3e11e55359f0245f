import { parse, type MathNode } from 'mathjs';

// Students' formulas are parsed with mathjs but never evaluated by it: we walk the syntax tree,
// accept a whitelist of node types, operators and functions, and compile it to a plain closure.
// So `import({})`, `evaluate("1")`, assignments, objects, indexing and strings cannot run at all.

export type Compiled = (scope: Readonly<Record<string, number>>) => number;
export type ParseOutcome = { ok: true; evaluate: Compiled } | { ok: false; error: string };

const MAX_DEPTH = 40;

const OPERATORS: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => a ** b,
};

const variadic = (f: (...xs: number[]) => number) => ({ arity: [1, 16] as const, f });
const unary = (f: (x: number) => number) => ({ arity: [1, 1] as const, f: (...xs: number[]) => f(xs[0]) });

const FUNCTIONS: Record<string, { arity: readonly [number, number]; f: (...xs: number[]) => number }> = {
  max: variadic(Math.max),
  min: variadic(Math.min),
  sum: variadic((...xs) => xs.reduce((s, x) => s + x, 0)),
  exp: unary(Math.exp),
  log: unary(Math.log),
  ln: unary(Math.log),
  sqrt: unary(Math.sqrt),
  abs: unary(Math.abs),
  tanh: unary(Math.tanh),
  sigmoid: unary((x) => 1 / (1 + Math.exp(-x))),
  relu: unary((x) => Math.max(0, x)),
  pow: { arity: [2, 2], f: (a, b) => a ** b },
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

export const ALLOWED_FUNCTIONS = Object.keys(FUNCTIONS);
export const CONSTANT_NAMES = Object.keys(CONSTANTS);

class FormulaError extends Error {}

export function parseFormula(text: string, variables: readonly string[]): ParseOutcome {
  if (nestingDepth(text) > MAX_DEPTH) return { ok: false, error: `the formula is nested more than ${MAX_DEPTH} levels deep` };
  let node: MathNode;
  try {
    node = parse(text);
  } catch (err) {
    const char = (err as { char?: unknown }).char;
    const reason = err instanceof Error ? err.message.replace(/\s*\(char \d+\)$/, '') : 'unreadable';
    return { ok: false, error: typeof char === 'number' ? `could not read the formula at character ${char}: ${reason}` : `could not read the formula: ${reason}` };
  }
  try {
    return { ok: true, evaluate: compile(node, new Set(variables)) };
  } catch (err) {
    if (err instanceof FormulaError) return { ok: false, error: err.message };
    throw err;
  }
}

function compile(node: MathNode, vars: ReadonlySet<string>): Compiled {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case 'ConstantNode': {
      if (typeof n.value !== 'number') throw new FormulaError('only numbers are allowed as constants (no strings or booleans)');
      const value = n.value;
      return () => value;
    }
    case 'ParenthesisNode':
      return compile(n.content as MathNode, vars);
    case 'SymbolNode':
      return compileSymbol(n.name as string, vars);
    case 'OperatorNode':
      return compileOperator(n.fn as string, n.op as string, n.args as MathNode[], vars);
    case 'FunctionNode':
      return compileFunction(n.fn as MathNode & { name?: string }, n.args as MathNode[], vars);
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new FormulaError("write only the expression, without a name and '='");
    case 'BlockNode':
      throw new FormulaError('write a single expression (no ; or line breaks)');
    default:
      throw new FormulaError(`this formula uses ${describe(node.type)}; only numbers, variables, + - * / ^, parentheses and ${ALLOWED_FUNCTIONS.join(', ')} are allowed`);
  }
}

function compileSymbol(name: string, vars: ReadonlySet<string>): Compiled {
  if (vars.has(name)) return (scope) => scope[name];
  // Own properties only: `name in` would also find Object.prototype's `constructor`, `toString`…
  if (Object.hasOwn(CONSTANTS, name)) {
    const value = CONSTANTS[name];
    return () => value;
  }
  if (Object.hasOwn(FUNCTIONS, name)) throw new FormulaError(`${name} is a function: write ${name}(…)`);
  throw new FormulaError(`unknown variable ${name}; use ${[...vars].join(', ')}`);
}

function compileOperator(fn: string, op: string, args: MathNode[], vars: ReadonlySet<string>): Compiled {
  const parts = args.map((a) => compile(a, vars));
  if (fn === 'unaryMinus') return (s) => -parts[0](s);
  if (fn === 'unaryPlus') return parts[0];
  const f = Object.hasOwn(OPERATORS, fn) ? OPERATORS[fn] : undefined;
  if (!f || parts.length !== 2) throw new FormulaError(`the operator ${op} is not allowed; use + - * / ^`);
  const [a, b] = parts;
  return (s) => f(a(s), b(s));
}

function compileFunction(fnNode: MathNode & { name?: string }, args: MathNode[], vars: ReadonlySet<string>): Compiled {
  const name = fnNode.type === 'SymbolNode' ? fnNode.name! : '';
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!spec) {
    const what = name ? `${name}(…) is not a function you can use here` : 'this kind of call is not allowed';
    throw new FormulaError(`${what}; functions: ${ALLOWED_FUNCTIONS.join(', ')}; variables: ${[...vars].join(', ')}`);
  }
  const [lo, hi] = spec.arity;
  if (args.length < lo || args.length > hi) throw new FormulaError(`${name} takes ${lo === hi ? lo : `${lo} to ${hi}`} argument${hi === 1 ? '' : 's'}, got ${args.length}`);
  const parts = args.map((a) => compile(a, vars));
  return (s) => spec.f(...parts.map((p) => p(s)));
}

function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) max = Math.max(max, ++depth);
    else if (')]}'.includes(ch)) depth--;
  }
  return max;
}

function describe(type: string): string {
  const names: Record<string, string> = {
    AccessorNode: 'indexing or a property access',
    IndexNode: 'indexing',
    ArrayNode: 'a matrix or list',
    ObjectNode: 'an object',
    RangeNode: 'a range (:)',
    ConditionalNode: 'a condition (? :)',
    RelationalNode: 'a comparison',
  };
  return names[type] ?? `a ${type}`;
}
