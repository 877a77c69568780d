"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ModelInfo, ValidationIssue } from "@/lib/launch";
import { formatBytes } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatParameterCount } from "@/lib/models/model-config";
import type { ScannedModel } from "@/lib/models/scanned-model";
import { cn } from "../ui/cn";
import { Input } from "../ui/input";
import { IssueList } from "../ui/issue-text";
import { useLocalizedIssues } from "./use-issue-text";

interface ModelFieldProps {
  modelPath: string;
  models: ScannedModel[];
  modelsDirs: string[];
  modelInfo: ModelInfo | undefined;
  issues: ValidationIssue[];
  onChange: (modelPath: string) => void;
}

function describe(model: ScannedModel, t: ReturnType<typeof useTranslations<"launch.model">>, locale: Locale): string[] {
  const s = model.summary;
  const parts: string[] = [];
  if (s.architecture) parts.push(s.architecture);
  if (s.parameterCount) parts.push(t("params", { count: formatParameterCount(s.parameterCount) }));
  if (s.dtype) parts.push(s.dtype);
  if (s.contextLength) parts.push(t("tokens", { count: s.contextLength }));
  parts.push(t("onDisk", { size: formatBytes(model.sizeBytes, locale) }));
  return parts;
}

/** Model path or hub id, with the models found under MODELS_DIR to pick from. */
export function ModelField({ modelPath, models, modelsDirs, modelInfo, issues, onChange }: ModelFieldProps) {
  const t = useTranslations("launch.model");
  const locale = useLocale() as Locale;
  const localized = useLocalizedIssues();
  const state = issues.some((i) => i.severity === "error") ? "error" : issues.length > 0 ? "warning" : "normal";
  return (
    <div className="space-y-2" data-field="modelPath">
      <label htmlFor="model-path" className="block text-sm text-zinc-300">
        {t("label")} <span className="text-zinc-500">{t("hint")}</span>
      </label>
      <Input id="model-path" name="modelPath" mono state={state} value={modelPath} onChange={(e) => onChange(e.target.value)} placeholder={t("placeholder")} />
      {modelInfo?.hasConfig && modelInfo.architecture && !models.some((m) => m.path === modelPath) && (
        <p className="text-xs text-zinc-500">
          {modelInfo.weightsBytes
            ? t("foundWithWeights", { architecture: modelInfo.architecture, size: formatBytes(modelInfo.weightsBytes, locale) })
            : t("found", { architecture: modelInfo.architecture })}
        </p>
      )}
      <IssueList issues={localized(issues)} />
      {models.length > 0 ? (
        <ul className="max-h-56 divide-y divide-zinc-800 overflow-y-auto rounded-md border border-zinc-800" aria-label={t("listLabel")}>
          {models.map((model) => {
            const incomplete = model.shards && model.shards.present < model.shards.listed;
            return (
              <li key={model.path}>
                <button
                  type="button"
                  onClick={() => onChange(model.path)}
                  title={model.path}
                  className={cn("block w-full px-3 py-2 text-left hover:bg-zinc-800/60", model.path === modelPath && "bg-sky-950/40")}
                >
                  <span className="flex items-baseline gap-2">
                    <span className="font-mono text-sm text-zinc-100">{model.name}</span>
                    {model.path === modelPath && <span className="text-xs text-sky-300">{t("selected")}</span>}
                    {incomplete && <span className="text-xs text-amber-300">{t("incomplete", { present: model.shards!.present, listed: model.shards!.listed })}</span>}
                    {model.configError && <span className="text-xs text-red-300">{model.configError}</span>}
                  </span>
                  <span className="block text-xs text-zinc-500">{describe(model, t, locale).join(" · ")}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-xs text-zinc-500">
          {modelsDirs.length === 0 ? t("setModelsDir") : t("noModels", { dirs: modelsDirs.join(", ") })}
        </p>
      )}
    </div>
  );
}
