"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { holderText, type GpuHolder, type GpuListing, type ValidationIssue } from "@/lib/launch";
import type { NvidiaSmiFailure } from "@/lib/telemetry/nvidia-smi";
import { useNvidiaSmiText } from "../telemetry/use-nvidia-smi-text";
import { cn } from "../ui/cn";
import { Input } from "../ui/input";
import { IssueList } from "../ui/issue-text";
import { useLocalizedIssues, useLocalText } from "./use-issue-text";

interface GpuPickerProps {
  gpus: GpuListing;
  holders: GpuHolder[];
  gpuIds: number[] | null;
  issues: ValidationIssue[];
  onChange: (gpuIds: number[] | null) => void;
}

/** nvidia-smi counts MiB; the page shows GiB, formatted for the reader's locale by the messages. */
const gib = (mib: number) => mib / 1024;

/** Which physical GPUs the server sees (CUDA_VISIBLE_DEVICES), with each GPU's free memory and holder. */
export function GpuPicker({ gpus, holders, gpuIds, issues, onChange }: GpuPickerProps) {
  const t = useTranslations("launch.gpus");
  const localized = useLocalizedIssues();
  const localText = useLocalText();
  const toggle = (index: number) => {
    const current = gpuIds ?? (gpus.ok ? gpus.gpus.map((g) => g.index) : []);
    const next = current.includes(index) ? current.filter((i) => i !== index) : [...current, index].sort((a, b) => a - b);
    onChange(next);
  };
  return (
    <div className="space-y-2" data-field="gpuIds">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-zinc-300">
          {t("label")}{" "}
          <span className="text-zinc-500">{gpuIds === null ? t("visibleAll") : gpuIds.length === 0 ? t("visibleNone") : t("visibleList", { ids: gpuIds.join(",") })}</span>
        </p>
        {gpus.ok && (
          <div className="flex gap-1 text-xs">
            <button type="button" className={cn("rounded px-2 py-0.5", gpuIds === null ? "bg-zinc-800 text-zinc-100" : "text-zinc-400 hover:text-zinc-100")} onClick={() => onChange(null)}>
              {t("all")}
            </button>
            <button type="button" className="rounded px-2 py-0.5 text-zinc-400 hover:text-zinc-100" onClick={() => onChange([])}>
              {t("none")}
            </button>
          </div>
        )}
      </div>
      {gpus.ok ? (
        <ul className="grid gap-2 sm:grid-cols-2" aria-label={t("listLabel")}>
          {gpus.gpus.map((gpu) => {
            const selected = gpuIds === null || gpuIds.includes(gpu.index);
            const heldBy = holders.filter((h) => h.gpu === gpu.index);
            const freeMiB = Math.max(0, gpu.memoryTotalMiB - gpu.memoryUsedMiB);
            const usedShare = gpu.memoryTotalMiB > 0 ? gpu.memoryUsedMiB / gpu.memoryTotalMiB : 0;
            return (
              <li key={gpu.index}>
                <label
                  className={cn(
                    "flex cursor-pointer gap-3 rounded-md border px-3 py-2",
                    selected ? "border-sky-700 bg-sky-950/30" : "border-zinc-800 hover:border-zinc-700",
                  )}
                  data-gpu={gpu.index}
                >
                  <input type="checkbox" className="mt-1 h-4 w-4 accent-sky-500" checked={selected} onChange={() => toggle(gpu.index)} aria-label={`GPU ${gpu.index}`} />
                  <span className="min-w-0 flex-1 space-y-1">
                    <span className="block truncate text-sm">
                      <span className="font-mono">GPU {gpu.index}</span> <span className="text-zinc-400">{gpu.name}</span>
                    </span>
                    <span className="block h-1 overflow-hidden rounded bg-zinc-800">
                      <span className="block h-full bg-sky-500" style={{ width: `${Math.round(usedShare * 100)}%` }} />
                    </span>
                    <span className="block text-xs text-zinc-400">{t("free", { free: gib(freeMiB), total: gib(gpu.memoryTotalMiB) })}</span>
                    {heldBy.length > 0 ? (
                      <span className="block text-xs text-amber-300">{t("heldBy", { holders: heldBy.map((h) => localText(holderText(h.holder))).join(", ") })}</span>
                    ) : gpu.memoryUsedMiB > 1024 ? (
                      <span className="block text-xs text-amber-300">{t("usedByOther", { used: gib(gpu.memoryUsedMiB) })}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      ) : (
        <NoGpus failure={gpus.failure} gpuIds={gpuIds} onChange={onChange} />
      )}
      <IssueList issues={localized(issues)} />
    </div>
  );
}

/** Without nvidia-smi the console cannot list GPUs; indexes can still be typed. */
function NoGpus({ failure, gpuIds, onChange }: { failure: NvidiaSmiFailure; gpuIds: number[] | null; onChange: (ids: number[] | null) => void }) {
  const t = useTranslations("launch.gpus");
  const nvidiaSmi = useNvidiaSmiText();
  const [text, setText] = useState(gpuIds?.join(",") ?? "");
  useEffect(() => {
    // Follow a preset, a pasted command or a loaded profile; what was typed stays when it already says the same.
    const typed = parseIds(text);
    if (typed === undefined || JSON.stringify(typed) !== JSON.stringify(gpuIds)) setText(gpuIds?.join(",") ?? "");
  }, [gpuIds]);
  return (
    <div className="space-y-2 rounded-md border border-dashed border-zinc-700 px-3 py-2" data-testid="no-gpus">
      <p className="text-sm text-zinc-300">{nvidiaSmi.noGpuFound(failure)}</p>
      <label className="flex items-center gap-2 text-xs text-zinc-400">
        {t("indexes")}
        <Input
          mono
          className="max-w-[12rem]"
          value={text}
          placeholder={t("indexesPlaceholder")}
          aria-label={t("indexes")}
          onChange={(e) => {
            setText(e.target.value);
            const ids = parseIds(e.target.value);
            if (ids !== undefined) onChange(ids);
          }}
        />
        <span>{t("indexesHint")}</span>
      </label>
    </div>
  );
}

/** "0, 2" → [0, 2]; "" → null (all GPUs); undefined while the text is not a list yet. */
function parseIds(text: string): number[] | null | undefined {
  const parts = text.split(",").map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  if (!parts.every((s) => /^\d+$/.test(s))) return undefined;
  return [...new Set(parts.map(Number))];
}
