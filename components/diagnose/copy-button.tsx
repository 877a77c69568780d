"use client";

import { useState } from "react";
import { Button } from "../ui/button";

/** Copies text to the clipboard; where the page is not a secure context (plain http on a LAN) it says so. */
export function CopyButton({ text }: { text: string }) {
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setNote("Copied");
    } catch {
      setNote("Select the text to copy it (the browser allows the clipboard only over https or localhost)");
    }
  };
  return (
    <span className="flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>
        Copy
      </Button>
      {note && <span className="text-xs text-zinc-500">{note}</span>}
    </span>
  );
}
