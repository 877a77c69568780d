"use client";

import { useMemo, useState } from "react";
import { parseLaunchCommand, type LaunchProfile, type ParsedLaunchCommand } from "@/lib/launch";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { Textarea } from "../ui/input";
import { IssueText } from "../ui/issue-text";

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
  const [text, setText] = useState("");
  const parsed = useMemo(() => (text.trim() ? parseLaunchCommand(text) : null), [text]);
  return (
    <Dialog open={open} onClose={onClose} title="Paste a command">
      <div className="space-y-3">
        <p className="text-sm text-zinc-400">
          Paste an SGLang launch command, on one line or several joined with <code className="font-mono">\</code>. Variables before it (such as
          CUDA_VISIBLE_DEVICES) are read too; flags the console does not know are kept as extra arguments.
        </p>
        <Textarea aria-label="Command" mono rows={10} value={text} placeholder={EXAMPLE} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        {parsed && (
          <div className="space-y-1" data-testid="paste-messages">
            {parsed.profile && (
              <p className="text-xs text-emerald-300">
                Read {Object.keys(parsed.profile.flags).length} flags for {parsed.profile.modelPath}
                {parsed.unknownFlags.length > 0 && `; unknown, kept as extra arguments: ${parsed.unknownFlags.join(", ")}`}.
              </p>
            )}
            {parsed.errors.map((m, i) => (
              <IssueText key={`e${i}`} severity="error">
                {m.message}
              </IssueText>
            ))}
            {parsed.warnings.map((m, i) => (
              <IssueText key={`w${i}`} severity="warning">
                {m.message}
              </IssueText>
            ))}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
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
            Fill the form
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
