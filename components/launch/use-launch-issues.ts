"use client";

import { useMemo } from "react";
import { useSchemaIssueText } from "@/components/i18n/use-schema-issue-text";
import {
  issuesByField,
  launchProfileSchema,
  mergeIssues,
  validateProfile,
  type LaunchContextView,
  type LaunchProfile,
  type ModelInfo,
  type TextProblem,
  type ValidationIssue,
} from "@/lib/launch";

interface IssueInputs {
  profile: LaunchProfile;
  /** Problems of the free-text fields, which the profile cannot hold. */
  extraArgsErrors: readonly TextProblem[];
  envErrors: readonly TextProblem[];
  context: LaunchContextView;
  modelInfo: ModelInfo | undefined;
  /** The server's verdict on the last launch, until the form changes. */
  serverIssues: readonly ValidationIssue[];
}

/** Every problem with the form, checked as the user types with the rules the server applies at launch. */
export function useLaunchIssues({ profile, extraArgsErrors, envErrors, context, modelInfo, serverIssues }: IssueInputs) {
  const schemaText = useSchemaIssueText();
  const issues = useMemo(() => {
    const local: ValidationIssue[] = [];
    const schema = launchProfileSchema.safeParse(profile);
    if (!schema.success) {
      for (const issue of schema.error.issues) {
        const [head, key] = issue.path;
        const field = head === "flags" && typeof key === "string" ? key : String(head ?? "profile");
        local.push({ field, severity: "error", code: "schema", message: schemaText.words(issue) });
      }
    }
    for (const problem of extraArgsErrors) local.push({ field: "extraArgs", severity: "error", ...problem });
    for (const problem of envErrors) local.push({ field: "env", severity: "error", ...problem });
    const gpus = context.gpus.ok ? context.gpus.gpus : null;
    const checked = validateProfile(profile, {
      gpuCount: gpus?.length ?? null,
      ...(gpus ? { gpuMemoryMiB: gpus.map((g) => g.memoryTotalMiB) } : {}),
      busyGpus: context.gpuHolders.map((h) => ({ gpu: h.gpu, holder: h.holder })),
      portsInUse: context.portsInUse,
      ...(modelInfo ? { modelInfo } : {}),
      ...(context.runtime.installedFlags ? { installedFlags: context.runtime.installedFlags } : {}),
    });
    return mergeIssues(local, checked, serverIssues);
  }, [profile, extraArgsErrors, envErrors, context, modelInfo, serverIssues, schemaText]);

  const byField = useMemo(() => issuesByField(issues), [issues]);
  return { issues, byField, errorCount: issues.filter((i) => i.severity === "error").length };
}
