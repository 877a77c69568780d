"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "../ui/button";

/** Copies text to the clipboard; where the page is not a secure context (plain http on a LAN) it says so. */
export function CopyButton({ text }: { text: string }) {
  const t = useTranslations("diagnose.copy");
  const common = useTranslations("common.actions");
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote(common("copied"));
    } catch {
      setNote(t("blocked"));
    }
  };
  return (
    <span className="flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>
        {common("copy")}
      </Button>
      {note && <span className="text-xs text-zinc-500">{note}</span>}
    </span>
  );
}
