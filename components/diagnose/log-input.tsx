"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "../ui/button";
import type { LogSource } from "./log-source";

/** The start of an SGLang log, as SGLang prints it (never translated). */
const PLACEHOLDER = "[2026-03-11 14:27:40] server_args=ServerArgs(model_path=…";

/** Paste a log, or drop / choose a file; either goes to `onDiagnose`. */
export function LogInput({ onDiagnose, busy }: { onDiagnose: (source: LogSource) => void; busy: boolean }) {
  const t = useTranslations("diagnose.input");
  const [text, setText] = useState("");
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const takeFile = (file: File | undefined) => {
    if (file) onDiagnose({ kind: "file", file, name: file.name });
  };

  return (
    <div
      className={`space-y-3 rounded-lg border border-dashed p-4 transition-colors ${dragging ? "border-sky-500 bg-sky-950/30" : "border-zinc-700"}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        takeFile(event.dataTransfer.files[0]);
      }}
      data-testid="log-input"
    >
      <label htmlFor="log-text" className="block text-sm text-zinc-300">
        {t("label")}
      </label>
      <textarea
        id="log-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        placeholder={PLACEHOLDER}
        className="h-40 w-full resize-y rounded-md border border-zinc-800 bg-zinc-950 p-3 font-mono text-xs text-zinc-200 placeholder:text-zinc-600 focus:border-sky-600 focus:outline-none"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => onDiagnose({ kind: "text", text })} disabled={busy || text.trim().length === 0}>
          {busy ? t("diagnosing") : t("diagnose")}
        </Button>
        <Button variant="secondary" onClick={() => fileInput.current?.click()} disabled={busy}>
          {t("chooseFile")}
        </Button>
        <input
          ref={fileInput}
          type="file"
          aria-label={t("fileLabel")}
          className="hidden"
          onChange={(event) => {
            takeFile(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <span className="text-xs text-zinc-500">{t("note")}</span>
      </div>
    </div>
  );
}
