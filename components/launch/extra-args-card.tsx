import type { ValidationIssue } from "@/lib/launch";
import { Card, CardTitle } from "../ui/card";
import { Textarea } from "../ui/input";
import { IssueList } from "../ui/issue-text";

interface ExtraArgsCardProps {
  extraText: string;
  envText: string;
  byField: Map<string, ValidationIssue[]>;
  onExtraText: (text: string) => void;
  onEnvText: (text: string) => void;
}

/** Flags the catalogue lacks and environment variables, as free text the server parses again. */
export function ExtraArgsCard({ extraText, envText, byField, onExtraText, onEnvText }: ExtraArgsCardProps) {
  return (
    <Card className="space-y-4">
      <CardTitle>Extra arguments and environment</CardTitle>
      <div className="space-y-1" data-field="extraArgs">
        <label htmlFor="extra-args" className="block text-sm text-zinc-300">
          Extra arguments <span className="text-zinc-500">— flags the catalogue lacks, passed to SGLang as written (shell quoting allowed, no shell runs)</span>
        </label>
        <Textarea id="extra-args" mono rows={2} value={extraText} placeholder="--enable-some-new-flag --some-option value" onChange={(e) => onExtraText(e.target.value)} />
        <IssueList issues={byField.get("extraArgs") ?? []} />
      </div>
      <div className="space-y-1" data-field="env">
        <label htmlFor="env-vars" className="block text-sm text-zinc-300">
          Environment variables <span className="text-zinc-500">— one NAME=value per line</span>
        </label>
        <Textarea id="env-vars" mono rows={2} value={envText} placeholder="SGLANG_ENABLE_JIT_DEEPGEMM=0" onChange={(e) => onEnvText(e.target.value)} />
        <IssueList issues={byField.get("env") ?? []} />
      </div>
    </Card>
  );
}
