import type { NextRequest } from 'next/server';
import { getOptionalUser } from '@/app/_lib/authz';
import { selectExerciseForCourse } from '@/db/queries/authoring';
import { isRefusal } from '@/db/queries/errors';
import { httpStatus } from '@/app/_lib/refusal';
import { exerciseFilesOf } from '@/graders/authoring/files';
import { zipExercise } from '@/graders/authoring/zip';

/** The exercise's current version as a folder in the exercises/ format, zipped. Instructors only. */
export async function GET(_request: NextRequest, ctx: { params: Promise<{ courseId: string; exerciseId: string }> }) {
  const { courseId, exerciseId } = await ctx.params;
  const user = await getOptionalUser();
  if (!user) return Response.json({ error: 'Sign in again to export.' }, { status: 401 });
  let exercise;
  try {
    exercise = await selectExerciseForCourse(user.id, courseId, exerciseId);
  } catch (error) {
    if (isRefusal(error, 'forbidden')) return Response.json({ error: 'Only instructors export exercises.' }, { status: httpStatus(error.code) });
    throw error;
  }
  if (!exercise) return Response.json({ error: 'No such exercise in this course.' }, { status: 404 });
  const zip = zipExercise(exercise.id, exerciseFilesOf(exercise));
  return new Response(zip.buffer as ArrayBuffer, {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${exercise.id}.zip"`, 'Cache-Control': 'private, no-store' },
  });
}
