import { drawParams, fillPlaceholders, NO_PARAMS, type Params, type ParamValues } from './params';
import type { Question } from './schema';
import { kindOf } from './types';

// One attempt's variant of a question: its numbers are drawn from the attempt's stored seed and the
// question id, so they are recomputed (never stored) and the same on every server, reload and regrade.

/** The per-question seed: option order (toPublic) and params both derive from it. */
export function questionSeed(attemptSeed: string | number, questionId: string): string {
  return `${attemptSeed}:${questionId}`;
}

export function paramsOf(question: Question): Params | undefined {
  return 'params' in question ? question.params : undefined;
}

/** The attempt's own numbers for the question; empty for a question without params. */
export function attemptParams(question: Question, attemptSeed: string | number): ParamValues {
  const params = paramsOf(question);
  return params ? drawParams(params, questionSeed(attemptSeed, question.id)) : NO_PARAMS;
}

/** The prompt as this attempt shows it: {{name}} replaced by the attempt's numbers. */
export function attemptPrompt(question: Question, attemptSeed: string | number): string {
  return paramsOf(question) ? fillPlaceholders(question.prompt, attemptParams(question, attemptSeed)) : question.prompt;
}

/** Staff only (holds the answer): one attempt's numbers, its prompt and the right answer for them. */
export type AttemptVariant = { params: ParamValues; prompt: string; expected: string };

export function attemptVariant(question: Question, attemptSeed: string | number): AttemptVariant | null {
  if (!paramsOf(question)) return null;
  const params = attemptParams(question, attemptSeed);
  let expected: string;
  try {
    expected = kindOf(question).expected?.(question, params) ?? '';
  } catch (err) {
    expected = `cannot be computed (${err instanceof Error ? err.message : 'unknown error'})`;
  }
  return { params, prompt: fillPlaceholders(question.prompt, params), expected };
}
