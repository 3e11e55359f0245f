import type { Analysis, SentenceForm } from './text';

// Form before content: an explanation is made of sentences. A list of terms ("split invertible
// Jacobian scale shift"), comma-separated keywords or a formula alone has no verb or no function
// word (article, preposition, pronoun, auxiliary) in most of it; such an answer may name every
// rubric concept without stating any of them, so it earns at most a small share and a human looks.

/** Below this share of content words inside sentences, the answer is a list. */
const SENTENCE_SHARE = 0.5;
/** A verb among this many content words, without function words or commas, is still a sentence; a longer run is a list. */
const SHORT_SENTENCE = 6;
/** What a list may earn at most, as a share of the question's points. */
export const LIST_SHARE = 0.25;

export interface Form {
  /** Share of content words that stand in sentences with a verb and a function word. */
  sentenceShare: number;
  list: boolean;
}

export function checkForm(answer: Analysis): Form {
  const content = answer.sentences.reduce((s, f) => s + f.contentWords, 0);
  if (content === 0) return { sentenceShare: 0, list: false };
  // Notes with a preposition or two ("Sampling: VAE one shot, diffusion hundreds of steps but sharper") are sentences too.
  // So are short ones with a verb and no function word at all ("Dequantization makes discrete data continuous").
  // A formula ("L = max(0, d(A,P) − d(A,N) + m)") has symbols and no verb, whatever wink tags its letters as.
  const formed = (f: SentenceForm) => !(f.symbols >= 2 && !f.verb) && ((f.functionWords > 0 && (f.verb || f.functionWords > 1)) || (f.verb && f.commas === 0 && f.contentWords <= SHORT_SENTENCE));
  const inSentences = answer.sentences.filter(formed).reduce((s, f) => s + f.contentWords, 0);
  const sentenceShare = inSentences / content;
  return { sentenceShare, list: sentenceShare < SENTENCE_SHARE };
}
