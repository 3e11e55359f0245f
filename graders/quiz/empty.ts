// Its own module, with no imports, so the browser can ask it too without pulling in the graders.

/** A cleared field, an empty list: what scoring, the submit button and the result page treat as no answer. */
export function isEmptyAnswer(answer: unknown): boolean {
  return answer === undefined || answer === null || (typeof answer === 'string' && !answer.trim()) || (Array.isArray(answer) && answer.length === 0);
}
