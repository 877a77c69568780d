"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { parseLaunchCommand, type LaunchProfile, type ParsedLaunchCommand } from "@/lib/launch";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Textarea } from "../ui/input";
import { IssueText } from "../ui/issue-text";
import { useIssueText } from "./use-issue-text";

interface PasteCommandDialogProps {
  open: boolean;
  onClose: () => void;
  onApply: (profile: LaunchProfile, parsed: ParsedLaunchCommand) => void;
}

const EXAMPLE = `python3 -m sglang.launch_server \\
  --model-path zai-org/GLM-4.7-Flash \\
  --tp-size 4 ...`;

/** Reads a pasted `python -m sglang.launch_server ...` (or `sglang serve ...`) into the form. */
export function PasteCommandDialog({ open, onClose, onApply }: PasteCommandDialogProps) {
  const t = useTranslations("launch.paste");
  const tc = useTranslations("common.actions");
  const issueText = useIssueText();
  const [text, setText] = useState("");
  const parsed = useMemo(() => (text.trim() ? parseLaunchCommand(text) : null), [text]);
  return (
    <Dialog open={open} onClose={onClose} title={t("title")}>
      <div className="space-y-3">
        <p className="text-sm text-zinc-400">{t.rich("intro", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
        <Textarea aria-label={t("commandLabel")} mono rows={10} value={text} placeholder={EXAMPLE} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        {parsed && (
          <div className="space-y-1" data-testid="paste-messages">
            {parsed.profile && (
              <p className="text-xs text-emerald-300">
                {t("read", {
                  count: Object.keys(parsed.profile.flags).length,
                  model: parsed.profile.modelPath,
                  unknownCount: parsed.unknownFlags.length,
                  unknown: parsed.unknownFlags.join(", "),
                })}
              </p>
            )}
            {parsed.errors.map((m, i) => (
              <IssueText key={`e${i}`} severity="error">
                {issueText(m)}
              </IssueText>
            ))}
            {parsed.warnings.map((m, i) => (
              <IssueText key={`w${i}`} severity="warning">
                {issueText(m)}
              </IssueText>
            ))}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button
            disabled={!parsed?.profile}
            onClick={() => {
              if (parsed?.profile) {
                onApply(parsed.profile, parsed);
                setText("");
              }
            }}
          >
            {t("fill")}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
