"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ChatMessage } from "@/lib/playground/requests";
import type { PlaygroundResult } from "@/lib/playground/result";
import { assistantReplyOf } from "@/lib/playground/tool-conversation";
import { usePlaygroundRequest } from "./use-playground-request";

/**
 * One tool-calling conversation sent to `url`: asking shows the history at once and adds the model's reply when it
 * is complete; Start over empties it. The messages live where the caller keeps them (the playground's session, a
 * demo's page); `composer` is what ToolComposer needs.
 */
export function useToolChat(options: {
  url: string;
  payloadFor: (history: ChatMessage[]) => Record<string, unknown>;
  messages: ChatMessage[];
  onMessages: (messages: ChatMessage[]) => void;
  onAnswer?: (answer: PlaygroundResult) => void;
  onStartOver?: () => void;
}) {
  const request = usePlaygroundRequest();
  const t = useTranslations("playground");
  // Untouched, the sample question follows the page's language; once edited it is the person's own text.
  const [edited, setDraft] = useState<string | null>(null);
  const draft = edited ?? t("tools.defaultMessage");

  async function ask(history: ChatMessage[]) {
    options.onMessages(history);
    const outcome = await request.runAt(options.url, options.payloadFor(history));
    if (outcome.status !== "done") return;
    options.onMessages([...history, assistantReplyOf(outcome.result)]);
    options.onAnswer?.(outcome.result);
  }

  const composer = {
    run: request.state,
    messages: options.messages,
    draft,
    onDraft: setDraft,
    onAsk: (history: ChatMessage[]) => void ask(history),
    onCancel: request.cancel,
    onStartOver: () => {
      options.onMessages([]);
      options.onStartOver?.();
      request.reset();
    },
  };
  return { run: request.state, draft, composer };
}
