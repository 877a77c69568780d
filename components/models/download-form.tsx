"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { callApi, messageOf } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { defaultRevision, type DownloadPreview, type DownloadSource } from "@/lib/downloads";
import { formatBytes } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** Source, repository, revision, target folder and an optional file filter; the server checks them again. */
export function DownloadForm({ modelsDirs, onStarted }: { modelsDirs: string[]; onStarted: () => void }) {
  const t = useTranslations("models.form");
  const locale = useLocale() as Locale;
  const [source, setSource] = useState<DownloadSource>("modelscope");
  const [repo, setRepo] = useState("ZhipuAI/GLM-4.7-Flash");
  const [revision, setRevision] = useState("");
  const [targetDir, setTargetDir] = useState(modelsDirs[0] ?? "");
  const [include, setInclude] = useState("");
  const [hubCache, setHubCache] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<DownloadPreview | null>(null);

  const request = () => {
    const patterns = include.split(",").map((p) => p.trim()).filter(Boolean);
    return { source, repo: repo.trim(), revision: revision.trim() || undefined, targetDir: targetDir.trim() || undefined, include: patterns.length ? patterns : undefined, hubCache: source === "huggingface" && hubCache ? true : undefined };
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  const check = () => run(async () => setPreview((await callApi<{ preview: DownloadPreview }>("POST", "/api/downloads/preview", request())).preview));
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await callApi("POST", "/api/downloads", request());
      setPreview(null);
      onStarted();
    });
  };

  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <form onSubmit={submit} className="mt-4 grid grid-cols-1 gap-3 md:grid-cols-2" aria-label={t("title")}>
        <label className="text-sm text-zinc-300">
          {t("source")}
          <Select value={source} onChange={(e) => setSource(e.target.value as DownloadSource)} aria-label={t("source")}>
            <option value="modelscope">ModelScope</option>
            <option value="huggingface">Hugging Face</option>
          </Select>
        </label>
        <label className="text-sm text-zinc-300">
          {t("repository")}
          <Input mono value={repo} onChange={(e) => setRepo(e.target.value)} aria-label={t("repository")} placeholder={t("repositoryPlaceholder")} required />
        </label>
        <label className="text-sm text-zinc-300">
          {t("revision")}
          <Input mono value={revision} onChange={(e) => setRevision(e.target.value)} aria-label={t("revision")} placeholder={defaultRevision(source)} />
        </label>
        <label className="text-sm text-zinc-300">
          {t("targetFolder")}
          <Input mono value={targetDir} onChange={(e) => setTargetDir(e.target.value)} aria-label={t("targetFolder")} placeholder={t("targetFolderPlaceholder")} />
        </label>
        {source === "huggingface" && (
          <label className="flex items-center gap-2 text-sm text-zinc-300 md:col-span-2">
            <input type="checkbox" checked={hubCache} onChange={(e) => setHubCache(e.target.checked)} />
            {t("hubCache")}
          </label>
        )}
        <label className="text-sm text-zinc-300 md:col-span-2">
          {t("include")}
          <Input mono value={include} onChange={(e) => setInclude(e.target.value)} aria-label={t("includeLabel")} placeholder={t("includePlaceholder")} />
        </label>
        <div className="flex items-center gap-3 md:col-span-2">
          <Button variant="secondary" disabled={busy || !repo.trim()} onClick={() => void check()}>
            {t("check")}
          </Button>
          <Button type="submit" disabled={busy || !repo.trim()}>
            {t("download")}
          </Button>
          {error && (
            <p role="alert" className="text-sm text-red-400">
              {error}
            </p>
          )}
        </div>
        {preview && (
          <p className="text-sm md:col-span-2" data-testid="download-preview">
            <span className="text-zinc-300">
              {t("preview", { count: preview.files.length, total: formatBytes(preview.totalBytes, locale), free: formatBytes(preview.freeBytes, locale) })}
            </span>{" "}
            {preview.fits ? <span className="text-emerald-400">{t("fits")}</span> : <span className="text-red-400">{t("doesNotFit", { needed: formatBytes(preview.totalBytes - preview.freeBytes, locale) })}</span>}
          </p>
        )}
      </form>
    </Card>
  );
}
