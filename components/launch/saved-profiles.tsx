"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { SavedProfile } from "@/lib/launch";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";
import { callApi } from "@/components/api-client";

interface SavedProfilesProps {
  profiles: SavedProfile[];
  currentId: string | null;
  onProfilesChange: (profiles: SavedProfile[]) => void;
  onLoad: (saved: SavedProfile) => void;
  onLaunch: (saved: SavedProfile) => void;
  launching: boolean;
}

/** Saved profiles: load into the form, launch in one click, duplicate, export, delete; import a file. */
export function SavedProfiles({ profiles, currentId, onProfilesChange, onLoad, onLaunch, launching }: SavedProfilesProps) {
  const t = useTranslations("launch.profiles");
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(action: () => Promise<string | null>) {
    setMessage(null);
    try {
      const text = await action();
      if (text) setMessage({ tone: "info", text });
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof Error ? error.message : String(error) });
    }
  }

  const reload = async () => onProfilesChange((await callApi<{ profiles: SavedProfile[] }>("GET", "/api/profiles")).profiles);

  async function importFile(file: File) {
    await run(async () => {
      const { profiles: added } = await callApi<{ profiles: SavedProfile[] }>("POST", "/api/profiles/import", { text: await file.text() });
      await reload();
      return t("imported", { count: added.length, file: file.name });
    });
  }

  return (
    <div className="space-y-2" data-testid="saved-profiles">
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-400">{t("title")}</h2>
        <span className="ml-auto" />
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="hidden"
          aria-label={t("importLabel")}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = "";
          }}
        />
        <Button variant="ghost" size="sm" onClick={() => fileInput.current?.click()}>
          {t("import")}
        </Button>
        {profiles.length > 0 && (
          <a href="/api/profiles/export" className="rounded-md px-3 py-1.5 text-sm text-zinc-300 hover:bg-zinc-800" download>
            {t("exportAll")}
          </a>
        )}
      </div>
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={cn("text-xs", message.tone === "error" ? "text-red-300" : "text-emerald-300")}>
          {message.text}
        </p>
      )}
      {profiles.length === 0 ? (
        <p className="text-sm text-zinc-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded-md border border-zinc-800">
          {profiles.map((saved) => (
            <li key={saved.id} className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2", saved.id === currentId && "bg-sky-950/30")} data-profile={saved.profile.name}>
              <span className="min-w-0">
                <span className="block truncate text-sm font-medium">{saved.profile.name}</span>
                <span className="block truncate font-mono text-xs text-zinc-500">
                  {t("summary", { model: saved.profile.modelPath, tp: String(saved.profile.flags["--tp-size"] ?? 1), gpus: saved.profile.gpuIds?.join(",") ?? t("allGpus") })}
                </span>
              </span>
              <span className="ml-auto flex items-center gap-1">
                {saved.id === currentId && <span className="mr-1 text-xs text-sky-300">{t("editing")}</span>}
                <Button variant="ghost" size="sm" onClick={() => onLoad(saved)}>
                  {t("edit")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => run(async () => (await callApi("POST", `/api/profiles/${saved.id}/duplicate`), await reload(), null))}>
                  {t("duplicate")}
                </Button>
                <a href={`/api/profiles/export?id=${encodeURIComponent(saved.id)}`} download className="rounded-md px-3 py-1.5 text-sm text-zinc-300 hover:bg-zinc-800">
                  {t("export")}
                </a>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { name: saved.profile.name }))) void run(async () => (await callApi("DELETE", `/api/profiles/${saved.id}`), await reload(), null));
                  }}
                >
                  {t("delete")}
                </Button>
                <Button size="sm" disabled={launching} onClick={() => onLaunch(saved)}>
                  {t("launch")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
