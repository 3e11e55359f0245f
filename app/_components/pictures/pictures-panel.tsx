'use client';

import type { Picture } from '@/graders/visualize/picture-schema';
import { PictureFigure } from './picture-figure';

export type PicturesState = { kind: 'idle' } | { kind: 'drawing' } | { kind: 'done'; pictures: Picture[]; notFinite: number; ms: number } | { kind: 'failed'; message: string };

/** The exercise's pictures of the student's own code, drawn after each Run (see exercises/<id>/visualize.js). */
export function PicturesPanel({ state }: { state: PicturesState }) {
  return (
    <section aria-labelledby="pictures-heading" className="card space-y-4" data-testid="pictures" data-state={state.kind}>
      <h2 id="pictures-heading" className="text-base font-semibold">
        Pictures of your code
      </h2>
      {state.kind === 'idle' && <p className="text-sm text-slate-600">Run the visible tests to see what your functions do to some example data.</p>}
      {state.kind === 'drawing' && (
        <p className="text-sm text-slate-600" role="status">
          Drawing the pictures with your code…
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="text-sm text-red-700" role="alert">
          The pictures could not be drawn with your code: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <>
          {state.notFinite > 0 && <p className="text-sm font-medium text-amber-800">{state.notFinite} value(s) your code returned are NaN or infinite; they are left out of the pictures.</p>}
          {state.pictures.map((p, i) => (
            <PictureFigure key={`${i}-${p.title}`} picture={p} />
          ))}
          <p className="text-xs text-slate-500">Computed in your browser in {(state.ms / 1000).toFixed(1)} s.</p>
        </>
      )}
    </section>
  );
}
