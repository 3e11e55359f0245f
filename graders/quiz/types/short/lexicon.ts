// Word lists for short-answer matching. Compared against lowercase words and wink lemmas.

/** Function words that carry no concept; dropped before matching so phrasings can ignore them. */
export const STOP_WORDS = new Set(
  (
    'a an the this that these those it its itself they them their there here we us our you your i me my ' +
    'be am is are was were been being have has had do does did done can could will would shall should may might must ' +
    'of to in on at by for from with into onto about as than then so such very really quite just also too ' +
    'and or if which who whom whose what when where how why while whereas because since though although ' +
    'some any each every other another own up down out over under again further once only even still'
  ).split(' '),
);

/** Words that negate what follows them in the clause ("does not add noise", "without labels"). */
export const NEGATION_CUES = new Set(['not', 'no', 'never', 'without', 'none', 'nor', 'neither', 'cannot', 'non', 'nothing', 'lack', 'lacks']);

/** Two-word cues; the first word is looked up, the second must follow it. */
export const NEGATION_PAIRS: ReadonlyMap<string, string> = new Map([
  ['instead', 'of'],
  ['rather', 'than'],
]);

/** Cues that negate a noun phrase ("without labels", "instead of one step"), not the rest of the clause. */
export const NOMINAL_CUES = new Set(['without', 'instead', 'rather']);

/** A sentence opened by one of these and using a modal ("Without it the density would…") says what goes wrong otherwise. */
export const COUNTERFACTUAL_OPENERS = new Set(['without', 'if', 'unless']);
export const COUNTERFACTUAL_MODALS = new Set(['would', 'could', 'might']);

/** "not only X but also Y" asserts X: these words right after "not" cancel the negation. */
export const NEGATION_CANCELLERS = new Set(['only', 'just', 'merely']);

/** Words that end a clause, and with it a negation's scope: "it does not need labels but learns features". */
export const CLAUSE_ENDERS = new Set(['but', 'and', 'while', 'whereas', 'unlike', 'however', 'although', 'though', 'yet', 'so', 'because', 'which', 'since', 'then']);

/** Clause enders that may also join two nouns ("encoder and decoder"): they end a clause only before a verb. */
export const NOUN_JOINERS = new Set(['and']);

/** Punctuation that ends a sentence: phrasings never match across it. */
export const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', ';']);

/** Punctuation inside words and formulas ("self-supervised", "d(A,P)") that does not close a clause. */
export const JOINING_PUNCTUATION = new Set(['-', '–', '—', '/', "'", '"', '`', '(', ')', '[', ']', '’', '‘', '“', '”']);

/** A negation scope covers at most this many content words after its cue. */
export const NEGATION_REACH = 6;

/**
 * Domain synonyms shared by every rubric: words in one group stand for each other. Concept-specific
 * alternatives belong in the phrasings themselves (`add|inject noise`), not here.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['image', 'picture', 'photo'],
  ['noise', 'corruption', 'perturbation'],
  ['small', 'little', 'tiny', 'slight', 'slightly'],
  ['few', 'handful', 'limited'],
  ['predict', 'guess', 'forecast'],
  ['direct', 'directly', 'straight', 'immediately'],
  ['fast', 'faster', 'quick', 'quicker', 'efficient', 'cheap', 'cheaper'],
  // Not "costly": its stem is "cost", and "it costs one pass" says nothing about being slow.
  ['slow', 'slower', 'expensive'],
  ['step', 'iteration', 'stage', 'timestep'],
  ['hard', 'harder', 'difficult', 'complex', 'complicated', 'challenging', 'intractable'],
  ['easy', 'easier', 'simple', 'simpler', 'manageable', 'tractable'],
  ['gradual', 'gradually', 'incremental', 'incrementally', 'progressive', 'progressively', 'iterative', 'iteratively', 'slowly'],
  ['representation', 'embedding', 'feature', 'encoding'],
  ['generate', 'generation', 'sample', 'sampling', 'synthesize', 'create', 'produce'],
  ['learn', 'train', 'training', 'fit', 'optimize'],
  ['distribution', 'density', 'pdf'],
  ['probability', 'probabilistic', 'likelihood', 'stochastic'],
  ['split', 'partition', 'divide', 'separate'],
  ['unchanged', 'untouched', 'fixed', 'identity', 'copied', 'unmodified', 'kept'],
  ['invertible', 'reversible', 'bijective', 'bijection', 'inverse', 'invert', 'inversion', 'undo'],
  ['label', 'annotation', 'annotate', 'tag'],
  ['manual', 'manually', 'human'],
  ['similar', 'related', 'matching', 'alike'],
  ['dissimilar', 'different', 'unrelated'],
  ['close', 'closer', 'near', 'nearer', 'together'],
  ['far', 'farther', 'apart', 'away', 'distant'],
  ['distance', 'dist'],
  ['denoise', 'denoising', 'clean'],
  ['vae', 'vaes', 'autoencoder', 'autoencoders'],
  ['quality', 'detail', 'detailed', 'sharp', 'sharper', 'crisp', 'crisper', 'realistic', 'fidelity'],
  ['blurry', 'blur', 'blurred', 'blurrier'],
];

/**
 * Synonym groups that mean each other's opposite, named by one word of each group: a negated word
 * states its antonym ("not hard" is "easy", "not far" is "close"), so a phrasing's word also matches
 * its antonym under a negation of the other polarity.
 */
export const ANTONYMS: readonly (readonly [string, string])[] = [
  ['hard', 'easy'],
  ['slow', 'fast'],
  ['close', 'far'],
  ['similar', 'dissimilar'],
  ['blurry', 'quality'],
];
