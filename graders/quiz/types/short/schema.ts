import { z } from 'zod';
import { common, kebab, markdown } from '../kind';

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

export const ShortSchema = z.strictObject({
  ...common,
  type: z.literal('short'),
  modelAnswer: markdown,
  /** What claims are about: models, parts, roles. Empty for questions about one thing. */
  subjects: z.array(SubjectSchema).max(8).default([]),
  rubric: z.array(RubricItemSchema).min(1).max(12),
  misconceptions: z.array(MisconceptionSchema).max(12).default([]),
});

export type ShortQuestion = z.infer<typeof ShortSchema>;
export type RubricItem = ShortQuestion['rubric'][number];
export type Claim = RubricItem['claims'][number];
export type Subject = ShortQuestion['subjects'][number];
export type Misconception = ShortQuestion['misconceptions'][number];
