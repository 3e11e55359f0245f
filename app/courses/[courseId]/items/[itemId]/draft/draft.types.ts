import { z } from 'zod';

// Same ceiling as a submission: a draft that could never be submitted is not worth storing.
export const MAX_DRAFT_BYTES = 64 * 1024;

export const DraftBodySchema = z.object({
  code: z.string().refine((code) => new TextEncoder().encode(code).length <= MAX_DRAFT_BYTES, `Drafts are limited to ${MAX_DRAFT_BYTES / 1024} KB.`),
});
