"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { callApi, ApiFailure } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { HUB_TOKEN_ENV, type DownloadSource, type HubTokenView } from "@/lib/downloads";

const HUB_NAMES: Record<DownloadSource, string> = { huggingface: "Hugging Face", modelscope: "ModelScope" };

type TokensT = ReturnType<typeof useTranslations<"models.tokens">>;

function inUse(token: HubTokenView, t: TokensT): string {
  const env = HUB_TOKEN_ENV[token.source];
  if (token.using === "stored") return token.inEnvironment ? t("usingStoredNotEnv", { last4: token.stored!.last4, env }) : t("usingStored", { last4: token.stored!.last4 });
  if (token.using === "environment") return t("usingEnvironment", { env });
  return t("none", { env });
}

/** Administrators only: a token per hub, stored on the server. The page is told whether one is set, never the token. */
export function HubTokensForm({ initial }: { initial: HubTokenView[] }) {
  const t = useTranslations("models.tokens");
  const [tokens, setTokens] = useState(initial);
  const [drafts, setDrafts] = useState<Partial<Record<DownloadSource, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (source: DownloadSource, token: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await callApi<{ token: HubTokenView }>("PUT", "/api/settings/hub-tokens", { source, token });
      setTokens((all) => all.map((one) => (one.source === source ? answer.token : one)));
      setDrafts((all) => ({ ...all, [source]: "" }));
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="mt-2 text-sm text-zinc-400">{t("intro")}</p>
      <ul className="mt-3 divide-y divide-zinc-800" aria-label={t("listLabel")}>
        {tokens.map((token) => (
          <li key={token.source} className="flex flex-wrap items-center gap-3 py-2 text-sm" data-testid={`hub-token-${token.source}`}>
            <span className="w-28 text-zinc-100">{HUB_NAMES[token.source]}</span>
            <span className="text-xs text-zinc-400">{inUse(token, t)}</span>
            <form
              className="ml-auto flex items-center gap-2"
              aria-label={t("formLabel", { hub: HUB_NAMES[token.source] })}
              onSubmit={(event) => {
                event.preventDefault();
                void change(token.source, drafts[token.source]?.trim() ?? "");
              }}
            >
              <Input mono type="password" autoComplete="off" className="w-64" aria-label={t("newToken", { hub: HUB_NAMES[token.source] })} placeholder={token.stored ? t("newPlaceholder") : t("pastePlaceholder")} value={drafts[token.source] ?? ""} onChange={(e) => setDrafts((all) => ({ ...all, [token.source]: e.target.value }))} />
              <Button type="submit" size="sm" className="shrink-0 whitespace-nowrap" disabled={busy || !drafts[token.source]?.trim()}>
                {t("store")}
              </Button>
              {token.stored && (
                <Button size="sm" variant="ghost" className="shrink-0 whitespace-nowrap" disabled={busy} onClick={() => void change(token.source, null)}>
                  {t("clear")}
                </Button>
              )}
            </form>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-400">
          {error}
        </p>
      )}
    </Card>
  );
}
