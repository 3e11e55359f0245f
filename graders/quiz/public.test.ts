import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from './load';
import { toPublicQuiz } from './public';

const { quiz } = await loadQuiz(path.resolve(import.meta.dirname, '../../exercises/quizzes/generative-ssl-concepts.json'));

/** Every string or number in the content a student must never see. */
function secrets(): string[] {
  const out: string[] = [];
  for (const q of quiz.questions) {
    if (q.type === 'single' || q.type === 'multiple') out.push(...q.options.flatMap((o) => (o.feedback ? [o.feedback] : [])));
    if (q.type === 'numeric') out.push(...(q.feedback ? [q.feedback] : []));
    if (q.type === 'formula') out.push(q.answer, ...(q.feedback ? [q.feedback] : []), ...Object.values(q.variables).map((r) => JSON.stringify(r)));
    if (q.type === 'short') {
      out.push(q.modelAnswer);
      for (const r of q.rubric) out.push(r.label, ...(r.feedback ? [r.feedback] : []), ...r.phrasings.filter((p) => p.includes('|') || p.split(' ').length > 2));
      for (const m of q.misconceptions) out.push(...(m.feedback ? [m.feedback] : []));
    }
  }
  return out;
}

describe('toPublicQuiz', () => {
  it('leaks no answer, tolerance, rubric, model answer, reference formula or feedback', () => {
    const json = JSON.stringify(toPublicQuiz(quiz, 'attempt-1'));
    for (const secret of secrets()) expect(json, secret).not.toContain(JSON.stringify(secret).slice(1, -1));
    // Numeric answers can occur inside prompts ("40 ms"): look for them as JSON values.
    for (const q of quiz.questions) if (q.type === 'numeric') expect(json).not.toMatch(new RegExp(`:${String(q.answer).replace('.', '\\.')}[,}\\]]`));
    for (const key of ['correct', 'answer', 'absTol', 'relTol', 'rubric', 'modelAnswer', 'phrasings', 'misconceptions', 'feedback', 'reviewThreshold', 'params', 'choices', 'step']) {
      expect(json).not.toContain(`"${key}"`);
    }
  });

  it('keeps what a student needs: prompts, option texts, units, variable names', () => {
    const pub = toPublicQuiz(quiz, 7);
    // Prompts as written, except that questions with per-student numbers show this attempt's instead of {{name}}.
    const fixed = quiz.questions.filter((q) => !('params' in q && q.params));
    expect(pub.questions.filter((q) => fixed.some((f) => f.id === q.id)).map((q) => q.prompt)).toEqual(fixed.map((q) => q.prompt));
    expect(pub.questions.filter((q) => q.prompt.includes('{{'))).toEqual([]);
    const formula = pub.questions.find((q) => q.id === 'triplet-formula');
    expect(formula).toMatchObject({ type: 'formula', variables: ['dAP', 'dAN', 'm'] });
    expect(pub.questions.find((q) => q.id === 'vae-diffusion-sampling-time')).toMatchObject({ type: 'numeric', units: 's' });
  });

  it('shuffles options deterministically per seed', () => {
    const order = (seed: string) => toPublicQuiz(quiz, seed).questions.flatMap((q) => ('options' in q ? [q.options.map((o) => o.id).join(',')] : []));
    expect(order('a')).toEqual(order('a'));
    expect(order('a')).not.toEqual(order('b'));
    // Choice options, and an ordering question's items (shown as options, shuffled).
    const original = quiz.questions.flatMap((q) =>
      ('options' in q ? [q.options] : 'items' in q ? [q.items] : []).map((list) =>
        list
          .map((o) => o.id)
          .sort()
          .join(','),
      ),
    );
    expect(order('a').map((ids) => ids.split(',').sort().join(','))).toEqual(original);
  });
});
