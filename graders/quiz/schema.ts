import { z } from 'zod';

// Quiz content files (exercises/quizzes/<slug>.json). Structural rules that need no grading code live
// here so a broken file fails at load with a field path; checks that run the graders (model answers
// earn full points, formulas evaluate) live in validate.ts.

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');
const identifier = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)');
const markdown = z.string().trim().min(1).max(4000);

const OptionSchema = z.strictObject({
  id: kebab,
  text: markdown,
  correct: z.boolean().default(false),
  /** Shown after grading when the student picked this option. */
  feedback: z.string().min(1).optional(),
});

const common = {
  id: kebab,
  prompt: markdown,
  points: z.number().positive().max(100),
  /** Id of one of the quiz's `concepts`: which syllabus concept the question probes. */
  concept: kebab,
};

const SingleSchema = z.strictObject({ ...common, type: z.literal('single'), options: z.array(OptionSchema).min(2).max(12) });
const MultipleSchema = z.strictObject({ ...common, type: z.literal('multiple'), options: z.array(OptionSchema).min(2).max(12) });

const NumericSchema = z
  .strictObject({
    ...common,
    type: z.literal('numeric'),
    answer: z.number().finite(),
    absTol: z.number().min(0).optional(),
    relTol: z.number().min(0).max(1).optional(),
    /** Shown next to the input; students may type it after the number or leave it out. */
    units: z.string().trim().min(1).max(20).optional(),
    feedback: z.string().min(1).optional(),
  })
  // Floating-point answers compared with no tolerance are a content bug waiting for 0.1 + 0.2.
  .refine((q) => q.absTol !== undefined || q.relTol !== undefined, { message: 'give absTol or relTol (or both)', path: ['absTol'] });

const FormulaSchema = z.strictObject({
  ...common,
  type: z.literal('formula'),
  answer: z.string().trim().min(1).max(500),
  /** Variable name → [min, max] range the equivalence check samples from. */
  variables: z
    .record(identifier, z.tuple([z.number().finite(), z.number().finite()]).refine(([lo, hi]) => lo < hi, 'range must be [min, max] with min < max'))
    .refine((v) => Object.keys(v).length > 0, 'declare at least one variable'),
  feedback: z.string().min(1).optional(),
});

/**
 * A claim of a rubric item: its predicate phrasings ("one pass", "blurry") must be attributed to its
 * subject ("vae") by the sentence that states them. The same predicate attributed to another of the
 * question's subjects is a contradiction; so is the claim negated.
 */
const ClaimSchema = z.strictObject({
  /** Id of one of the question's `subjects`. */
  subject: kebab,
  /** The claim as feedback names it: "a VAE generates in one pass". */
  label: z.string().min(1).max(200),
  /** Predicate phrasings, without the subject's words; same syntax as a rubric item's phrasings. */
  phrasings: z.array(z.string().trim().min(1).max(200)).min(1).max(40),
});

const RubricItemSchema = z
  .strictObject({
    id: kebab,
    /** What the concept is, as a grader would name it ("adds noise to discrete values"). */
    label: z.string().min(1).max(200),
    points: z.number().positive().max(100),
    /**
     * Ways a student may express the concept without naming a subject; one matching phrasing is
     * enough. Written as plain words, compared on lemmas/stems in any order within a short window;
     * `a|b` offers alternative words for one slot; not/no/without inside a phrasing means the words
     * after it must be negated in the answer.
     */
    phrasings: z.array(z.string().trim().min(1).max(200)).max(40).default([]),
    /** Claims about the question's subjects; one credited claim earns the item. */
    claims: z.array(ClaimSchema).max(12).default([]),
    /** Shown after grading when the concept is missing. */
    feedback: z.string().min(1).optional(),
  })
  .refine((r) => r.phrasings.length + r.claims.length > 0, { message: 'give phrasings or claims', path: ['phrasings'] });

const SubjectSchema = z.strictObject({
  id: kebab,
  /** As feedback names it: "the VAE", "diffusion models". */
  name: z.string().min(1).max(80),
  /** Words that mention the subject in an answer ("vae", "autoencoder"); one word each. */
  mentions: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  /** Sentences that name no subject talk about this one (the reverse process in a question about it). */
  default: z.boolean().default(false),
});

const MisconceptionSchema = z.strictObject({
  id: kebab,
  /** Statements that contradict the concept (e.g. "VAE needs many steps"): finding one routes the answer to review. */
  phrasings: z.array(z.string().trim().min(1).max(200)).min(1).max(40),
  /** With a subject, the phrasings are predicates that must be attributed to it ("add noise" said of the reverse process). */
  subject: kebab.optional(),
  /** The rubric item it contradicts: that item earns nothing when the misconception is stated. */
  item: kebab.optional(),
  feedback: z.string().min(1).optional(),
});

const ShortSchema = z.strictObject({
  ...common,
  type: z.literal('short'),
  modelAnswer: markdown,
  /** What claims are about: models, parts, roles. Empty for questions about one thing. */
  subjects: z.array(SubjectSchema).max(8).default([]),
  rubric: z.array(RubricItemSchema).min(1).max(12),
  misconceptions: z.array(MisconceptionSchema).max(12).default([]),
});

export const QuestionSchema = z.discriminatedUnion('type', [SingleSchema, MultipleSchema, NumericSchema, FormulaSchema, ShortSchema]);

export const QuizSchema = z
  .strictObject({
    id: kebab,
    title: z.string().trim().min(1).max(120),
    description: z.string().min(1).max(4000).optional(),
    /** Short answers graded with a confidence below this go to a human; the automatic score is a suggestion. */
    reviewThreshold: z.number().min(0).max(1),
    concepts: z.array(z.strictObject({ id: kebab, title: z.string().min(1).max(200) })).min(1),
    questions: z.array(QuestionSchema).min(1).max(200),
  })
  .superRefine((quiz, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    duplicates(quiz.concepts.map((c) => c.id)).forEach((i) => issue(['concepts', i, 'id'], 'duplicate concept id'));
    duplicates(quiz.questions.map((q) => q.id)).forEach((i) => issue(['questions', i, 'id'], 'duplicate question id'));
    const conceptIds = new Set(quiz.concepts.map((c) => c.id));
    quiz.questions.forEach((q, i) => {
      if (!conceptIds.has(q.concept)) issue(['questions', i, 'concept'], `unknown concept "${q.concept}"; declare it in concepts`);
      if (q.type === 'single' || q.type === 'multiple') {
        duplicates(q.options.map((o) => o.id)).forEach((j) => issue(['questions', i, 'options', j, 'id'], 'duplicate option id'));
        const correct = q.options.filter((o) => o.correct).length;
        if (q.type === 'single' && correct !== 1) issue(['questions', i, 'options'], `a single-choice question needs exactly one correct option, found ${correct}`);
        if (q.type === 'multiple' && correct < 1) issue(['questions', i, 'options'], 'a multiple-select question needs at least one correct option');
      }
      if (q.type === 'short') {
        duplicates(q.rubric.map((r) => r.id)).forEach((j) => issue(['questions', i, 'rubric', j, 'id'], 'duplicate rubric id'));
        const sum = q.rubric.reduce((s, r) => s + r.points, 0);
        if (Math.abs(sum - q.points) > 1e-9) issue(['questions', i, 'points'], `points (${q.points}) must equal the rubric's total (${sum})`);
        duplicates(q.subjects.map((s) => s.id)).forEach((j) => issue(['questions', i, 'subjects', j, 'id'], 'duplicate subject id'));
        const subjects = new Set(q.subjects.map((s) => s.id));
        const items = new Set(q.rubric.map((r) => r.id));
        q.rubric.forEach((r, j) =>
          r.claims.forEach((c, k) => {
            if (!subjects.has(c.subject)) issue(['questions', i, 'rubric', j, 'claims', k, 'subject'], `unknown subject "${c.subject}"; declare it in subjects`);
          }),
        );
        q.misconceptions.forEach((m, j) => {
          if (m.subject && !subjects.has(m.subject)) issue(['questions', i, 'misconceptions', j, 'subject'], `unknown subject "${m.subject}"; declare it in subjects`);
          if (m.item && !items.has(m.item)) issue(['questions', i, 'misconceptions', j, 'item'], `unknown rubric item "${m.item}"`);
        });
        if (q.subjects.filter((s) => s.default).length > 1) issue(['questions', i, 'subjects'], 'at most one subject can be the default');
      }
    });
  });

function duplicates(ids: string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) < i ? [i] : []));
}

export type Quiz = z.infer<typeof QuizSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;
export type NumericQuestion = Extract<Question, { type: 'numeric' }>;
export type FormulaQuestion = Extract<Question, { type: 'formula' }>;
export type ShortQuestion = Extract<Question, { type: 'short' }>;
export type RubricItem = ShortQuestion['rubric'][number];
export type Claim = RubricItem['claims'][number];
export type Subject = ShortQuestion['subjects'][number];
export type Misconception = ShortQuestion['misconceptions'][number];
