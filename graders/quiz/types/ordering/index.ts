import { z } from 'zod';
import { createRng, hashSeed, shuffled } from '../../rng';
import { duplicates, type QuestionKind } from '../kind';
import { OrderingSchema } from './schema';
import { arrangementError, scoreOrdering } from './score';

// The student puts 3–6 items in order; scored by Kendall's tau (score.ts).

/** The items in the order the attempt first shows them; never the right order. */
export type PublicOrdering = { options: { id: string; text: string }[] };

export const ordering: QuestionKind<typeof OrderingSchema, string[], PublicOrdering> = {
  schema: OrderingSchema,
  issues: (q) => duplicates(q.items.map((item) => item.id)).map((j) => ({ path: ['items', j, 'id'], message: 'duplicate item id' })),
  answer: z.array(z.string().max(100), { error: 'send the items as a list of ids' }).max(12, 'too many items'),
  acceptDraft(q, answer) {
    const error = answer.length ? arrangementError(q, answer) : null;
    return error ? { ok: false, error: `${error[0].toUpperCase()}${error.slice(1)}.` } : { ok: true, value: answer };
  },
  score: scoreOrdering,
  toPublic(q, seed) {
    let order = shuffled(q.items, createRng(hashSeed(seed)));
    // A shuffle that happens to be the answer would give it away: rotate it, which for distinct items never is.
    if (order.every((item, i) => item.id === q.items[i].id)) order = [...order.slice(1), order[0]];
    return { options: order.map((item) => ({ id: item.id, text: item.text })) };
  },
  problems(q) {
    const ids = q.items.map((item) => item.id);
    // Ids reach the browser: ids that sort into the answer ("step-1", "step-2") would reveal it.
    return ids.join() === [...ids].sort().join() ? ['item ids in alphabetical order give the order away; name them after their content'] : [];
  },
};
