import { z } from 'zod';
import { ExerciseMetaSchema } from '@/graders/content/exercise-schema';
import { QuizSchema } from '@/graders/quiz/schema';

// Built once at build time into a static file: the JSON Schemas of exercise.json and quiz.json,
// from the same zod schemas the loader validates with, so the authoring editor flags a wrong field
// as it is typed and completes field names. Cross-field rules (duplicate ids, one correct option)
// are not expressible here; Validate still reports those.
export const dynamic = 'force-static';

/** The shape an author writes: defaults are optional on input. */
const inputSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' });

export function GET() {
  return Response.json({ exercise: inputSchema(ExerciseMetaSchema), quiz: inputSchema(QuizSchema) }, { headers: { 'Cache-Control': 'public, max-age=86400' } });
}
