import { z } from 'zod';
import { createRng, hashSeed } from './rng';

// Per-student numbers (PrairieLearn's variants). A numeric or formula question may declare `params`:
// each a range on a grid or a list of choices. Every attempt draws its own values from the attempt's
// stored seed and the question id, so a reload shows the same numbers and two students (two attempts)
// get their own. The prompt shows them through {{name}} placeholders; the answer is an expression over them.

const paramName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a parameter name (letters, digits, _)');
const finite = z.number().finite();

/** Values min, min + step, …, up to max. */
const RangeSchema = z
  .strictObject({ min: finite, max: finite, step: z.number().positive().finite() })
  .refine((r) => r.min < r.max, 'range must have min < max')
  .refine((r) => gridSize(r) >= 2 && gridSize(r) <= 100_000, 'step must give between 2 and 100000 values from min to max');

const ChoicesSchema = z.strictObject({ choices: z.array(finite).min(2).max(100) }).refine((c) => new Set(c.choices).size === c.choices.length, 'choices must be distinct');

export const ParamSchema = z.union([RangeSchema, ChoicesSchema], { error: 'a parameter is { min, max, step } or { choices: [...] }' });
export const ParamsSchema = z.record(paramName, ParamSchema).refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= 8, 'declare 1 to 8 parameters');

export type Param = z.infer<typeof ParamSchema>;
export type Params = z.infer<typeof ParamsSchema>;
export type ParamValues = Readonly<Record<string, number>>;

export const NO_PARAMS: ParamValues = Object.freeze({});

function gridSize(r: { min: number; max: number; step: number }): number {
  return Math.floor((r.max - r.min) / r.step + 1e-9) + 1;
}

/** Decimal places of a number as written ("0.005" → 3, "2.5e-7" → 8), so grid values print as the author meant. */
function decimals(x: number): number {
  const [mantissa, exponent] = String(x).split('e');
  const places = (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  return Math.min(12, Math.max(0, places));
}

function valueAt(param: Param, u: number): number {
  if ('choices' in param) return param.choices[Math.floor(u * param.choices.length)];
  const k = Math.floor(u * gridSize(param));
  // Rounded to the grid's own precision: 0.1 + 2 · 0.05 is 0.2, not 0.20000000000000004.
  return Number((param.min + k * param.step).toFixed(Math.max(decimals(param.min), decimals(param.step))));
}

/**
 * The values of one attempt. Each parameter has its own stream, seeded by name: the draw does not
 * depend on the order of keys (jsonb reorders them) nor change when another parameter is added.
 */
export function drawParams(params: Params, questionSeed: string): ParamValues {
  return Object.fromEntries(Object.keys(params).map((name) => [name, valueAt(params[name], createRng(hashSeed(`params:${questionSeed}:${name}`))())]));
}

/** Every combination of each parameter's smallest and largest value: where an answer expression is most likely to break. */
export function paramCorners(params: Params): ParamValues[] {
  let corners: Record<string, number>[] = [{}];
  for (const [name, param] of Object.entries(params)) {
    const ends = 'choices' in param ? [Math.min(...param.choices), Math.max(...param.choices)] : [param.min, valueAt(param, 1 - 1e-12)];
    corners = corners.flatMap((c) => ends.map((v) => ({ ...c, [name]: v })));
  }
  return corners;
}

/** The corners and `count` seeded draws: what validation evaluates an answer on. */
export function paramChecks(params: Params, count = 100): ParamValues[] {
  return [...paramCorners(params), ...Array.from({ length: count }, (_, i) => drawParams(params, `check-${i}`))];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

export function formatParam(value: number): string {
  return String(value);
}

/** The prompt with the attempt's numbers in place of {{name}}; unknown names stay as written (validation flags them). */
export function fillPlaceholders(text: string, values: ParamValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? formatParam(values[name]) : whole));
}

/** "beta = 0.02, t = 50": how staff pages list one attempt's numbers. */
export function describeParams(values: ParamValues): string {
  return Object.keys(values)
    .sort()
    .map((name) => `${name} = ${formatParam(values[name])}`)
    .join(', ');
}

/** Schema-level rules shared by the types that take params: placeholders and parameters match, and nothing else uses them. */
export function paramIssues(q: { prompt: string; params?: Params; feedback?: string }, reserved: readonly string[]): { path: PropertyKey[]; message: string }[] {
  const declared = Object.keys(q.params ?? {});
  const used = placeholderNames(q.prompt);
  const issues = used.filter((name) => !declared.includes(name)).map((name) => ({ path: ['prompt'], message: `{{${name}}} is not one of the question's params` }));
  for (const name of declared) {
    if (!used.includes(name)) issues.push({ path: ['params', name], message: `the prompt never shows {{${name}}}, so students cannot know its value` });
    if (reserved.includes(name)) issues.push({ path: ['params', name], message: `${name} is already a variable, function or constant of the formula language` });
  }
  if (q.feedback && placeholderNames(q.feedback).length) issues.push({ path: ['feedback'], message: 'placeholders work in the prompt only' });
  return issues;
}
