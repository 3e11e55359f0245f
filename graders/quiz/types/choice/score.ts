import type { ChoiceQuestion } from './schema';
import { certainResult, type QuestionResult } from '../../result';

/**
 * Multiple select, partial credit: (correct picks − wrong picks) / number of correct options,
 * floored at 0, times the question's points. Picking everything therefore earns nothing when there
 * are as many wrong options as right ones, and guessing one extra wrong option costs as much as one
 * right option earns. Single choice: all or nothing.
 */
export function scoreChoice(question: ChoiceQuestion, picked: string[]): QuestionResult {
  const byId = new Map(question.options.map((o) => [o.id, o]));
  const unique = [...new Set(picked)];
  const unknown = unique.find((id) => !byId.has(id));
  if (unknown !== undefined) return certainResult(question.id, question.points, 0, `"${unknown.slice(0, 40)}" is not one of the options`);
  if (question.type === 'single' && unique.length !== 1) return certainResult(question.id, question.points, 0, 'pick exactly one option');

  const chosen = unique.map((id) => byId.get(id)!);
  const right = chosen.filter((o) => o.correct).length;
  const wrong = chosen.length - right;
  const totalRight = question.options.filter((o) => o.correct).length;
  const credit = Math.max(0, (right - wrong) / totalRight);
  const notes = chosen.flatMap((o) => (o.feedback ? [o.feedback] : []));
  if (question.type === 'multiple') notes.unshift(`${right} of ${totalRight} correct option${totalRight === 1 ? '' : 's'} picked, ${wrong} wrong pick${wrong === 1 ? '' : 's'}.`);
  if (notes.length === 0) notes.push(credit === 1 ? 'Correct.' : 'Not correct.');
  return certainResult(question.id, question.points, credit * question.points, notes.join(' '));
}
