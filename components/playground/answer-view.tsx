"use client";

import { useTranslations } from "next-intl";
import { prettyArguments, type AssembledToolCall } from "@/lib/playground/tool-call-assembly";
import { Markdown } from "./markdown";

/** The model's reasoning, folded, apart from the answer. */
export function ReasoningBlock({ text, open = false }: { text: string; open?: boolean }) {
  const t = useTranslations("playground");
  if (!text) return null;
  return (
    <details open={open} className="rounded border border-zinc-800 bg-zinc-950/60 px-2 py-1 text-xs text-zinc-400" data-testid="reasoning">
      <summary className="cursor-pointer select-none">{t("reasoning", { count: text.length })}</summary>
      <p className="mt-1 whitespace-pre-wrap">{text}</p>
    </details>
  );
}

export function AnswerText({ text, markdown }: { text: string; markdown: boolean }) {
  if (!text) return null;
  return markdown ? <Markdown text={text} /> : <pre className="whitespace-pre-wrap font-sans text-sm">{text}</pre>;
}

export function ToolCallCard({ call }: { call: AssembledToolCall }) {
  const t = useTranslations("playground.tools");
  const args = prettyArguments(call.arguments);
  return (
    <div className="rounded border border-violet-900 bg-violet-950/40 p-2 text-xs" data-testid="tool-call">
      <div className="mb-1 font-mono">
        <span className="text-violet-300" data-testid="tool-call-name">
          {call.name}
        </span>
        <span className="ml-2 text-zinc-500">{call.id}</span>
      </div>
      <pre className="overflow-x-auto font-mono text-zinc-200" data-testid="tool-call-arguments">
        {args.pretty}
      </pre>
      {!args.valid && <p className="text-amber-300">{t("invalidArguments", { error: args.error ?? "" })}</p>}
    </div>
  );
}
