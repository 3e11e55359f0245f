'use client';

import { useEffect, useRef } from 'react';

type Props = {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
};

/** A modal native <dialog>: focus moves in, Escape cancels, focus returns to the opener. */
export function ConfirmDialog({ open, title, body, confirmLabel, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="confirm-title" className="m-auto max-w-md rounded-xl border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40" onClose={onClose}>
      <h2 id="confirm-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{body}</p>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className="btn-secondary" autoFocus onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn-primary bg-red-600 hover:bg-red-700"
          onClick={() => {
            onConfirm();
            onClose();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
