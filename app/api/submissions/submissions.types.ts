import { z } from 'zod';

export const SubmitBodySchema = z.object({ itemId: z.uuid(), code: z.string() });
