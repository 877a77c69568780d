"use client";

import { useTranslations } from "next-intl";
import type { RuntimeReasonCode } from "@/lib/launch/context";

/** Why the console runs the simulator or the installed SGLang, in the reader's language. */
export function RuntimeReason({ code, python, version, className }: { code: RuntimeReasonCode; python: string; version?: string | null; className?: string }) {
  const t = useTranslations("common.runtime");
  return <p className={className}>{t(code, { python, version: version ?? "" })}</p>;
}
