import { z } from 'zod';
import { common, kebab, markdown } from '../kind';

const OptionSchema = z.strictObject({
  id: kebab,
  text: markdown,
  correct: z.boolean().default(false),
  /** Shown after grading when the student picked this option. */
  feedback: z.string().min(1).optional(),
});

export const SingleSchema = z.strictObject({ ...common, type: z.literal('single'), options: z.array(OptionSchema).min(2).max(12) });
export const MultipleSchema = z.strictObject({ ...common, type: z.literal('multiple'), options: z.array(OptionSchema).min(2).max(12) });

export type SingleQuestion = z.infer<typeof SingleSchema>;
export type MultipleQuestion = z.infer<typeof MultipleSchema>;
export type ChoiceQuestion = SingleQuestion | MultipleQuestion;
