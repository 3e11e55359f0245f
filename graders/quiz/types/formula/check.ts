import { parseFormula, type Compiled } from './parse';
import { NO_PARAMS, type ParamValues } from '../../params';
import { createRng, hashSeed } from '../../rng';
import type { FormulaQuestion } from './schema';

// Equivalence by sampling: two expressions that agree on many random points of the declared ranges
// are taken as equal. This accepts max(0, x) for max(x, 0), reordered sums, factored forms, relu(x)…
// without symbolic algebra. Ranges must straddle any kink (e.g. dAP − dAN + m changing sign).

const SAMPLES = 48;
const MIN_VALID_SAMPLES = 16;

export type FormulaCheck = { equivalent: true } | { equivalent: false; message: string };

/** The student's formula against the reference at the attempt's own numbers (`params`), which the student writes in as numbers. */
export function checkFormula(question: FormulaQuestion, text: string, params: ParamValues = NO_PARAMS): FormulaCheck {
  const student = parseFormula(text, Object.keys(question.variables));
  if (!student.ok) return { equivalent: false, message: student.error };
  return compareOnSamples(question, referenceAt(question, params), student.evaluate);
}

/** The author's self-check: the reference against itself at these numbers; throws when it is undefined on most of the ranges. */
export function checkReference(question: FormulaQuestion, params: ParamValues = NO_PARAMS): FormulaCheck {
  const reference = referenceAt(question, params);
  return compareOnSamples(question, reference, reference);
}

/** The reference as a function of the variables, the params fixed to the attempt's values. */
function referenceAt(question: FormulaQuestion, params: ParamValues): Compiled {
  const paramNames = Object.keys(question.params ?? {});
  if (paramNames.some((name) => !Object.hasOwn(params, name))) throw new Error(`${question.id} has per-student numbers but was scored without the attempt's values`);
  const reference = parseFormula(question.answer, [...Object.keys(question.variables), ...paramNames]);
  if (!reference.ok) throw new Error(`reference formula of ${question.id} does not parse: ${reference.error}`);
  const fixed = Object.fromEntries(paramNames.map((name) => [name, params[name]]));
  return (scope) => reference.evaluate({ ...scope, ...fixed });
}

function compareOnSamples(question: FormulaQuestion, reference: Compiled, student: Compiled): FormulaCheck {
  // Seeded by the question so a regrade sees the same points.
  const rng = createRng(hashSeed(`formula:${question.id}`));
  const entries = Object.entries(question.variables);
  let valid = 0;
  for (let i = 0; i < SAMPLES * 4 && valid < SAMPLES; i++) {
    const scope = Object.fromEntries(entries.map(([name, [lo, hi]]) => [name, lo + (hi - lo) * rng()]));
    const want = reference(scope);
    if (!Number.isFinite(want)) continue;
    valid++;
    const got = student(scope);
    if (!Number.isFinite(got) || Math.abs(got - want) > 1e-6 * Math.max(1, Math.abs(want))) {
      const at = entries.map(([name]) => `${name} = ${round(scope[name])}`).join(', ');
      return { equivalent: false, message: `not equivalent to the expected formula: for ${at} yours gives ${Number.isFinite(got) ? round(got) : String(got)}, which is not the expected value` };
    }
  }
  if (valid < MIN_VALID_SAMPLES) throw new Error(`reference formula of ${question.id} is undefined on most of its variable ranges`);
  return { equivalent: true };
}

function round(x: number): string {
  return String(Number(x.toPrecision(4)));
}
