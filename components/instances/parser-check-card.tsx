"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { ParserCheck, ParserCheckPart } from "@/lib/parser-check";
import { Badge } from "../ui/badge";
import { Card, CardTitle } from "../ui/card";

const POLL_MS = 2000;

/** The parser check of the latest ready run: asked for while it runs, kept once it has a verdict. */
function useParserCheck(instanceId: string, runId: string | null, ready: boolean): ParserCheck | null {
  const [check, setCheck] = useState<ParserCheck | null>(null);
  const settled = check !== null && check.state !== "running" && check.runId === runId;
  useEffect(() => {
    if (!ready || settled) return;
    let stopped = false;
    const poll = async () => {
      const response = await fetch(`/api/instances/${instanceId}/parser-check`).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { parserCheck?: ParserCheck | null } | null;
      if (!stopped && body?.parserCheck) setCheck(body.parserCheck);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [instanceId, runId, ready, settled]);
  return check;
}

function Verdict({ kind, label, part }: { kind: "toolCall" | "reasoning"; label: string; part: ParserCheckPart }) {
  const t = useTranslations("instances.parserCheck");
  return (
    <li className="flex items-start gap-2 text-sm">
      <Badge tone={part.ok ? "success" : "warning"}>{part.ok ? t("yes") : t("no")}</Badge>
      <span>
        <span className="text-zinc-200">{label}</span> <span className="text-zinc-500">{t(`verdict.${kind}.${part.verdict}`, { value: part.value ?? "", thinkTag: "<think>" })}</span>
      </span>
    </li>
  );
}

/** Whether SGLang parsed a tool call and separated reasoning for this model: the two things people get wrong most. */
export function ParserCheckCard({ instanceId, runId, ready }: { instanceId: string; runId: string | null; ready: boolean }) {
  const t = useTranslations("instances.parserCheck");
  const check = useParserCheck(instanceId, runId, ready);
  if (!ready && !check) return null;
  return (
    <Card className="space-y-3" data-testid="parser-check">
      <CardTitle>{t("title")}</CardTitle>
      {!check || check.state === "running" ? (
        <p className="text-sm text-zinc-500">{t("running")}</p>
      ) : check.state === "failed" ? (
        <p className="text-sm text-amber-300">{t("failed", { message: check.message })}</p>
      ) : (
        <ul className="space-y-2">
          <Verdict kind="toolCall" label={t("toolCall")} part={check.toolCall} />
          <Verdict kind="reasoning" label={t("reasoning")} part={check.reasoning} />
        </ul>
      )}
    </Card>
  );
}
