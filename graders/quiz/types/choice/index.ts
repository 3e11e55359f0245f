import { z } from 'zod';
import { createRng, hashSeed, shuffled } from '../../rng';
import { duplicates, type Accepted, type Issue, type QuestionKind } from '../kind';
import { MultipleSchema, SingleSchema, type ChoiceQuestion } from './schema';
import { scoreChoice } from './score';

// Single choice (radio) and multiple select (checkboxes): one content shape, one scorer, two answers.

export type PublicChoice = { options: { id: string; text: string }[] };

function optionIssues(q: ChoiceQuestion): Issue[] {
  const issues: Issue[] = duplicates(q.options.map((o) => o.id)).map((j) => ({ path: ['options', j, 'id'], message: 'duplicate option id' }));
  const correct = q.options.filter((o) => o.correct).length;
  if (q.type === 'single' && correct !== 1) issues.push({ path: ['options'], message: `a single-choice question needs exactly one correct option, found ${correct}` });
  if (q.type === 'multiple' && correct < 1) issues.push({ path: ['options'], message: 'a multiple-select question needs at least one correct option' });
  return issues;
}

function toPublic(q: ChoiceQuestion, seed: string): PublicChoice {
  return { options: shuffled(q.options, createRng(hashSeed(seed))).map((o) => ({ id: o.id, text: o.text })) };
}

function knownOptions(q: ChoiceQuestion, picked: string[]): string | null {
  const ids = new Set(q.options.map((o) => o.id));
  return picked.some((id) => !ids.has(id)) ? 'That is not one of the options.' : null;
}

export const single: QuestionKind<typeof SingleSchema, string, PublicChoice> = {
  schema: SingleSchema,
  issues: optionIssues,
  answer: z.string({ error: 'pick one option' }).max(100),
  acceptDraft(q, answer): Accepted<string> {
    const error = answer ? knownOptions(q, [answer]) : null;
    return error ? { ok: false, error } : { ok: true, value: answer };
  },
  score: (q, answer) => scoreChoice(q, [answer]),
  toPublic,
};

export const multiple: QuestionKind<typeof MultipleSchema, string[], PublicChoice> = {
  schema: MultipleSchema,
  issues: optionIssues,
  answer: z.array(z.string().max(100), { error: 'send a list of option ids' }).max(50, 'too many options picked'),
  acceptDraft(q, answer): Accepted<string[]> {
    const error = knownOptions(q, answer);
    // A repeated pick counts once, so it is stored once.
    return error ? { ok: false, error } : { ok: true, value: [...new Set(answer)] };
  },
  score: (q, answer) => scoreChoice(q, answer),
  toPublic,
};
