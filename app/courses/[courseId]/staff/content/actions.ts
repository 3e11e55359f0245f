'use server';

import { notFound, redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { forbiddenOnRefusal, requireCapability } from '@/app/_lib/authz';
import { firstFieldErrors, type FormState } from '@/app/_lib/form-state.shared';
import {
  insertAuthoringDraft,
  selectAuthoringDraft,
  selectDraftForTarget,
  selectExerciseForCourse,
  selectExerciseOwner,
  selectQuizForCourse,
  selectQuizOwner,
  updateAuthoringDraftFiles,
} from '@/db/queries/authoring';
import { copyExerciseIntoCourse } from '@/db/services/authoring/copy-exercise';
import { AuthoringRejected } from '@/db/services/authoring/errors';
import { importExerciseZip } from '@/db/services/authoring/import-exercise';
import { ownershipProblems, publishExerciseDraft } from '@/db/services/authoring/publish-exercise';
import { checkQuizDraft, publishQuizDraft } from '@/db/services/authoring/publish-quiz';
import { newQuizText, QUIZ_FILE } from '@/graders/authoring/quiz';
import { exerciseFilesOf, exerciseIdOf, newExerciseFiles } from '@/graders/authoring/files';
import { validateExerciseFiles } from '@/graders/authoring/validate-exercise';
import { CopyExerciseSchema, DraftFilesSchema, EditTargetSchema, ImportSchema, NewContentSchema, type AuthoringOutcome, type DraftFilesInput, type ImportState } from './content.types';

const contentPath = (courseId: string) => `/courses/${courseId}/staff/content`;

async function authorize(courseId: string) {
  return (await requireCapability(courseId, 'content.publish', contentPath(courseId))).user;
}

/** Saves the editor's files into the draft; every other editor action starts with it. */
async function save(input: DraftFilesInput): Promise<{ actorId: string; targetId: string | null }> {
  const parsed = DraftFilesSchema.safeParse(input);
  if (!parsed.success) notFound();
  const { courseId, draftId, files } = parsed.data;
  const user = await authorize(courseId);
  const draft = await forbiddenOnRefusal(selectAuthoringDraft(user.id, courseId, draftId));
  if (!draft || !(await updateAuthoringDraftFiles({ actorId: user.id, courseId, draftId, files }))) notFound();
  return { actorId: user.id, targetId: draft.targetId };
}

export async function saveDraftAction(input: DraftFilesInput): Promise<AuthoringOutcome> {
  await save(input);
  return { kind: 'saved', at: new Date().toISOString() };
}

/** Validate runs the reference and the stub in a sandbox process, never in this server. */
export async function validateDraftAction(input: DraftFilesInput): Promise<AuthoringOutcome> {
  const { targetId } = await save(input);
  const id = exerciseIdOf(input.files);
  const early = await ownershipProblems(id, targetId, input.courseId);
  if (early.length) return { kind: 'problems', problems: early };
  const validation = await validateExerciseFiles(input.files, id!);
  return validation.problems.length ? { kind: 'problems', problems: validation.problems, validation } : { kind: 'valid', validation };
}

export async function publishDraftAction(input: DraftFilesInput): Promise<AuthoringOutcome> {
  const { actorId } = await save(input);
  try {
    const published = await publishExerciseDraft({ actorId, courseId: input.courseId, draftId: input.draftId });
    revalidatePath(`/courses/${input.courseId}`, 'layout');
    return { kind: 'published', exerciseId: published.exerciseId, created: published.created, submissionCount: published.submissionCount, validation: published.validation };
  } catch (error) {
    if (error instanceof AuthoringRejected) return { kind: 'problems', problems: error.problems };
    throw error;
  }
}

/** Starts a draft of a new exercise or quiz from a small template that validates as it is. */
export async function createContentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = NewContentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values: { id: String(formData.get('id') ?? ''), title: String(formData.get('title') ?? '') } };
  const { courseId, kind, id, title } = parsed.data;
  const user = await authorize(courseId);
  if (await (kind === 'exercise' ? selectExerciseOwner(id) : selectQuizOwner(id))) {
    return { fieldErrors: { id: `"${id}" is already used by another ${kind}; ids are shared by every course.` }, values: { id, title } };
  }
  const files = kind === 'exercise' ? newExerciseFiles(id, title) : { [QUIZ_FILE]: newQuizText(id, title) };
  const draftId = await forbiddenOnRefusal(insertAuthoringDraft({ actorId: user.id, courseId, kind, targetId: null, files }));
  redirect(`${contentPath(courseId)}/drafts/${draftId}`);
}

export async function validateQuizDraftAction(input: DraftFilesInput): Promise<AuthoringOutcome> {
  const { actorId } = await save(input);
  try {
    await checkQuizDraft({ actorId, courseId: input.courseId, draftId: input.draftId });
    return { kind: 'valid', validation: null };
  } catch (error) {
    if (error instanceof AuthoringRejected) return { kind: 'problems', problems: error.problems };
    throw error;
  }
}

export async function publishQuizAction(input: DraftFilesInput): Promise<AuthoringOutcome> {
  const { actorId } = await save(input);
  try {
    const published = await publishQuizDraft({ actorId, courseId: input.courseId, draftId: input.draftId });
    revalidatePath(`/courses/${input.courseId}`, 'layout');
    return { kind: 'quiz-published', quizId: published.quizId, created: published.created };
  } catch (error) {
    if (error instanceof AuthoringRejected) return { kind: 'problems', problems: error.problems };
    throw error;
  }
}

/** Opens the course's draft of a published exercise or quiz, starting one from the current version if there is none. */
export async function editContentAction(formData: FormData): Promise<void> {
  const parsed = EditTargetSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) notFound();
  const { courseId, kind, targetId } = parsed.data;
  const user = await authorize(courseId);
  let draftId = await forbiddenOnRefusal(selectDraftForTarget(user.id, courseId, kind, targetId));
  if (!draftId) {
    const current = kind === 'exercise' ? await selectExerciseForCourse(user.id, courseId, targetId) : await selectQuizForCourse(user.id, courseId, targetId);
    // Library content is never edited in place: sync from exercises/ would overwrite it.
    if (!current || current.courseId !== courseId) notFound();
    const files = 'content' in current ? { [QUIZ_FILE]: `${JSON.stringify(current.content, null, 2)}\n` } : exerciseFilesOf(current);
    draftId = await insertAuthoringDraft({ actorId: user.id, courseId, kind, targetId, files });
  }
  redirect(`${contentPath(courseId)}/drafts/${draftId}`);
}

export async function copyExerciseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = CopyExerciseSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: firstFieldErrors(parsed.error), values: { newId: String(formData.get('newId') ?? '') } };
  const { courseId, exerciseId, newId } = parsed.data;
  const user = await authorize(courseId);
  let draftId: string;
  try {
    ({ draftId } = await forbiddenOnRefusal(copyExerciseIntoCourse({ actorId: user.id, courseId, exerciseId, newId })));
  } catch (error) {
    if (error instanceof AuthoringRejected) return { fieldErrors: { newId: error.problems[0].message }, values: { newId } };
    throw error;
  }
  revalidatePath(contentPath(courseId));
  redirect(`${contentPath(courseId)}/drafts/${draftId}`);
}

export async function importExerciseAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const parsed = ImportSchema.safeParse({ courseId: formData.get('courseId'), zip: formData.get('zip') });
  if (!parsed.success) return { formError: parsed.error.issues[0].message };
  const { courseId, zip } = parsed.data;
  const user = await authorize(courseId);
  let draftId: string;
  try {
    ({ draftId } = await forbiddenOnRefusal(importExerciseZip({ actorId: user.id, courseId, zip: new Uint8Array(await zip.arrayBuffer()) })));
  } catch (error) {
    if (error instanceof AuthoringRejected) return { problems: error.problems };
    throw error;
  }
  revalidatePath(contentPath(courseId));
  redirect(`${contentPath(courseId)}/drafts/${draftId}`);
}

/** The quiz preview's form needs a submit action; a preview never creates an attempt. */
export async function refusePreviewSubmitAction(): Promise<FormState> {
  return { formError: 'This is a preview: nothing is submitted.' };
}
