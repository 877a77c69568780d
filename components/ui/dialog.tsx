"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { cn } from "./cn";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  className?: string;
}

/** A modal on the native <dialog> element: focus trap, Escape and the backdrop come from the browser. */
export function Dialog({ open, onClose, title, children, className }: DialogProps) {
  const t = useTranslations("common.actions");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className={cn(
        "m-auto w-full max-w-3xl rounded-lg border border-zinc-700 bg-zinc-900 p-0 text-zinc-100 shadow-2xl backdrop:bg-black/70",
        className,
      )}
    >
      <div className="flex items-center justify-between border-b border-zinc-800 px-5 py-3">
        <h2 className="text-base font-semibold">{title}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 text-xl leading-none text-zinc-400 hover:text-zinc-100" aria-label={t("close")}>
          ×
        </button>
      </div>
      <div className="p-5">{open && children}</div>
    </dialog>
  );
}
