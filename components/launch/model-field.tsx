"use client";

import type { ModelInfo, ValidationIssue } from "@/lib/launch";
import { formatBytes, formatParameterCount } from "@/lib/models/model-config";
import type { ScannedModel } from "@/lib/models/scanned-model";
import { cn } from "../ui/cn";
import { Input } from "../ui/input";
import { IssueList } from "../ui/issue-text";

interface ModelFieldProps {
  modelPath: string;
  models: ScannedModel[];
  modelsDirs: string[];
  modelInfo: ModelInfo | undefined;
  issues: ValidationIssue[];
  onChange: (modelPath: string) => void;
}

function describe(model: ScannedModel): string[] {
  const s = model.summary;
  const parts: string[] = [];
  if (s.architecture) parts.push(s.architecture);
  if (s.parameterCount) parts.push(`${formatParameterCount(s.parameterCount)} params`);
  if (s.dtype) parts.push(s.dtype);
  if (s.contextLength) parts.push(`${s.contextLength.toLocaleString("en-US")} tokens`);
  parts.push(`${formatBytes(model.sizeBytes)} on disk`);
  return parts;
}

/** Model path or hub id, with the models found under MODELS_DIR to pick from. */
export function ModelField({ modelPath, models, modelsDirs, modelInfo, issues, onChange }: ModelFieldProps) {
  const state = issues.some((i) => i.severity === "error") ? "error" : issues.length > 0 ? "warning" : "normal";
  return (
    <div className="space-y-2" data-field="modelPath">
      <label htmlFor="model-path" className="block text-sm text-zinc-300">
        Model <span className="text-zinc-500">— a folder with config.json (absolute path) or a Hugging Face id</span>
      </label>
      <Input id="model-path" name="modelPath" mono state={state} value={modelPath} onChange={(e) => onChange(e.target.value)} placeholder="/models/GLM-4.7-Flash or zai-org/GLM-4.7-Flash" />
      {modelInfo?.hasConfig && modelInfo.architecture && !models.some((m) => m.path === modelPath) && (
        <p className="text-xs text-zinc-500">Found: {modelInfo.architecture}{modelInfo.weightsBytes ? `, ${formatBytes(modelInfo.weightsBytes)} of weights` : ""}.</p>
      )}
      <IssueList issues={issues} />
      {models.length > 0 ? (
        <ul className="max-h-56 divide-y divide-zinc-800 overflow-y-auto rounded-md border border-zinc-800" aria-label="Models found on this machine">
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
                    {model.path === modelPath && <span className="text-xs text-sky-300">selected</span>}
                    {incomplete && <span className="text-xs text-amber-300">incomplete: {model.shards!.present} of {model.shards!.listed} shards</span>}
                    {model.configError && <span className="text-xs text-red-300">{model.configError}</span>}
                  </span>
                  <span className="block text-xs text-zinc-500">{describe(model).join(" · ")}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-xs text-zinc-500">
          {modelsDirs.length === 0
            ? "Set MODELS_DIR (folders separated by :) to pick from the models on this machine."
            : `No model folder (one with config.json) in ${modelsDirs.join(", ")}.`}
        </p>
      )}
    </div>
  );
}
