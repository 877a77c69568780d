import { useTranslations } from "next-intl";
import type { ValidationIssue } from "@/lib/launch";
import { Card, CardTitle } from "../ui/card";
import { Textarea } from "../ui/input";
import { IssueList } from "../ui/issue-text";
import { useLocalizedIssues } from "./use-issue-text";

/** Examples of what goes in the fields: SGLang's own words, the same in every language. */
const EXTRA_ARGS_EXAMPLE = "--enable-some-new-flag --some-option value";
const ENV_EXAMPLE = "SGLANG_ENABLE_JIT_DEEPGEMM=0";

interface ExtraArgsCardProps {
  extraText: string;
  envText: string;
  byField: Map<string, ValidationIssue[]>;
  onExtraText: (text: string) => void;
  onEnvText: (text: string) => void;
}

/** Flags the catalogue lacks and environment variables, as free text the server parses again. */
export function ExtraArgsCard({ extraText, envText, byField, onExtraText, onEnvText }: ExtraArgsCardProps) {
  const t = useTranslations("launch.extra");
  const localized = useLocalizedIssues();
  return (
    <Card className="space-y-4">
      <CardTitle>{t("title")}</CardTitle>
      <div className="space-y-1" data-field="extraArgs">
        <label htmlFor="extra-args" className="block text-sm text-zinc-300">
          {t("argsLabel")} <span className="text-zinc-500">{t("argsHint")}</span>
        </label>
        <Textarea id="extra-args" mono rows={2} value={extraText} placeholder={EXTRA_ARGS_EXAMPLE} onChange={(e) => onExtraText(e.target.value)} />
        <IssueList issues={localized(byField.get("extraArgs") ?? [])} />
      </div>
      <div className="space-y-1" data-field="env">
        <label htmlFor="env-vars" className="block text-sm text-zinc-300">
          {t("envLabel")} <span className="text-zinc-500">{t("envHint")}</span>
        </label>
        <Textarea id="env-vars" mono rows={2} value={envText} placeholder={ENV_EXAMPLE} onChange={(e) => onEnvText(e.target.value)} />
        <IssueList issues={localized(byField.get("env") ?? [])} />
      </div>
    </Card>
  );
}
