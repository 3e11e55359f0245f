// What a student may send: one schema per type in types/<type>/, their union here for request bodies
// and stored drafts. The scorer and the draft save re-validate against the question's own type.

export { AnswerSchema, type Answer } from './types';
export { MAX_FORMULA_CHARS } from './types/formula';
export { MAX_SHORT_ANSWER_CHARS } from './types/short';
