import { PicturesSchema, type Picture } from './picture-schema';

export type ParsedPictures = { ok: true; pictures: Picture[]; notFinite: number } | { ok: false; message: string };

/** Checks what visualize returned; infinities become NaN (drawn as gaps) and are counted for the caption. */
export function parsePictures(raw: unknown): ParsedPictures {
  let notFinite = 0;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      notFinite += 1;
      return NaN;
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return v;
  };
  const parsed = PicturesSchema.safeParse(clean(raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `visualize returned ${issue.path.length ? `a bad value at ${issue.path.join('.')}` : 'a bad value'}: ${issue.message}` };
  }
  return { ok: true, pictures: parsed.data, notFinite };
}
