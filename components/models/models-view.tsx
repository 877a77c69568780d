"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Card, CardTitle } from "@/components/ui/card";
import type { DownloadView, HubTokenView } from "@/lib/downloads";
import { launchHrefFor } from "@/lib/launch-link";
import { formatBytes } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { LocalModel } from "@/lib/models/local-model";
import { callApi, messageOf } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { DownloadForm } from "./download-form";
import { DownloadRow } from "./download-row";
import { HubTokensForm } from "./hub-tokens-form";
import { useDownloads } from "./use-downloads";

interface ModelsViewProps {
  models: LocalModel[];
  initialDownloads: DownloadView[];
  modelsDirs: string[];
  canManage: boolean;
  /** Administrators only: whether a token is stored for each hub (never the token). */
  hubTokens: HubTokenView[] | null;
}

/** The Models page: local model folders with Launch, downloads with live progress, and the download form. */
export function ModelsView({ models, initialDownloads, modelsDirs, canManage, hubTokens }: ModelsViewProps) {
  const t = useTranslations("models");
  const tc = useTranslations("common.actions");
  const locale = useLocale() as Locale;
  const { downloads, refresh } = useDownloads(initialDownloads);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const remove = async (model: LocalModel) => {
    if (!confirm(t("local.confirmDelete", { path: model.path }))) return;
    try {
      await callApi("DELETE", "/api/models", { path: model.path });
      router.refresh();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold text-zinc-50">{t("page.title")}</h1>
      {error && (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      )}
      <Card>
        <CardTitle>{t("local.title")}</CardTitle>
        {models.length === 0 ? (
          <p className="mt-3 text-sm text-zinc-400">{modelsDirs.length ? t("local.emptyUnder", { dirs: modelsDirs.join(", ") }) : t("local.noModelsDir")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-800" aria-label={t("local.listLabel")}>
            {models.map((model) => (
              <li key={model.path} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                <span className="font-mono text-zinc-100">{model.name}</span>
                <span className="text-xs text-zinc-500">
                  {model.summary.architecture ?? t("local.unknownArchitecture")} · {formatBytes(model.sizeBytes, locale)}
                  {model.shards && model.shards.present < model.shards.listed && ` · ${t("local.shardsMissing", { count: model.shards.listed - model.shards.present })}`}
                </span>
                {model.usedBy.length > 0 && <span className="text-xs text-emerald-400">{t("local.usedBy", { names: model.usedBy.map((instance) => instance.name).join(", ") })}</span>}
                <Link href={launchHrefFor(model.path)} className="ml-auto text-sm text-sky-400 hover:text-sky-300">
                  {t("local.launch")}
                </Link>
                {canManage && (
                  <Button size="sm" variant="ghost" disabled={model.usedBy.length > 0} title={model.usedBy.length > 0 ? t("local.stopFirst") : undefined} onClick={() => void remove(model)}>
                    {tc("delete")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {canManage && <DownloadForm modelsDirs={modelsDirs} onStarted={() => void refresh()} />}
      {hubTokens && <HubTokensForm initial={hubTokens} />}
      <Card>
        <CardTitle>{t("downloads.title")}</CardTitle>
        {downloads.length === 0 ? (
          <p className="mt-3 text-sm text-zinc-400">{t("downloads.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-zinc-800" aria-label={t("downloads.listLabel")}>
            {downloads.map((download) => (
              <DownloadRow key={download.id} download={download} canManage={canManage} onChange={() => void refresh()} onError={setError} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
