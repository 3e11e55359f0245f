'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { PointsPicture } from '@/graders/visualize/picture-schema';

const SIZE = 360;
const COLOURS = ['#94a3b8', '#4f46e5', '#e11d48', '#059669', '#d97706', '#0891b2'];
const FRAME_MS = 350;

/**
 * Frames of a point cloud played in turn on a <canvas>: thousands of points redrawn several times a
 * second would be thousands of SVG nodes each time. The slider and the play button work from the
 * keyboard; the figure's caption and table carry the numbers for anyone who cannot see the canvas.
 */
export function PointsCanvas({ picture }: { picture: PointsPicture }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = picture.frames.length - 1;
  const [frame, setFrame] = useState(last);
  const [playing, setPlaying] = useState(false);
  // One scale for every frame, so motion between frames is real motion.
  const bounds = useMemo(() => {
    // A loop, not Math.max(...values): 24 frames of 5,000 points overflow the argument stack.
    let largest = 1;
    for (const f of picture.frames) for (const s of f.series) for (const v of [...s.x, ...s.y]) if (Number.isFinite(v) && Math.abs(v) > largest) largest = Math.abs(v);
    const extent = Math.min(50, largest);
    return { lo: -extent * 1.05, hi: extent * 1.05 };
  }, [picture]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setFrame((f) => (f >= last ? (setPlaying(false), last) : f + 1)), FRAME_MS);
    return () => clearInterval(id);
  }, [playing, last]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const scale = (v: number) => ((v - bounds.lo) / (bounds.hi - bounds.lo)) * SIZE;
    ctx.clearRect(0, 0, SIZE, SIZE);
    ctx.strokeStyle = '#e2e8f0';
    ctx.beginPath();
    ctx.moveTo(scale(0), 0);
    ctx.lineTo(scale(0), SIZE);
    ctx.moveTo(0, SIZE - scale(0));
    ctx.lineTo(SIZE, SIZE - scale(0));
    ctx.stroke();
    picture.frames[frame].series.forEach((s, k) => {
      ctx.fillStyle = COLOURS[k % COLOURS.length];
      for (let i = 0; i < s.x.length; i++) if (Number.isFinite(s.x[i]) && Number.isFinite(s.y[i])) ctx.fillRect(scale(s.x[i]) - 1.25, SIZE - scale(s.y[i]) - 1.25, 2.5, 2.5);
    });
  }, [picture, frame, bounds]);

  const label = picture.frames[frame].label;
  return (
    <div className="space-y-2">
      <canvas ref={canvas} width={SIZE} height={SIZE} className="rounded border border-slate-200" role="img" aria-label={`${picture.title}, ${label}`} data-testid="points-canvas" data-frame={frame} />
      <ul className="flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Legend">
        {picture.frames[frame].series.map((s, k) => (
          <li key={s.name} className="flex items-center gap-1">
            <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: COLOURS[k % COLOURS.length] }} />
            {s.name}
          </li>
        ))}
        <li className="text-slate-500">
          axes from {bounds.lo.toFixed(1)} to {bounds.hi.toFixed(1)}
        </li>
      </ul>
      <div className="flex items-center gap-3 text-sm">
        <button type="button" className="btn-secondary" onClick={() => (frame >= last ? (setFrame(0), setPlaying(true)) : setPlaying((p) => !p))}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="flex items-center gap-2">
          <span className="tabular-nums">{label}</span>
          <input type="range" min={0} max={last} value={frame} onChange={(e) => (setPlaying(false), setFrame(Number(e.target.value)))} aria-valuetext={label} />
        </label>
      </div>
    </div>
  );
}
