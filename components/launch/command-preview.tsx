"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buildLaunchArgv, buildLaunchEnv, formatShellCommand, type LaunchProfile } from "@/lib/launch";
import { Button } from "../ui/button";
import { cn } from "../ui/cn";

/** The exact command, live: a copyable shell command, and the environment and argv the console passes (no shell). */
export function CommandPreview({ profile, python }: { profile: LaunchProfile; python: string }) {
  const t = useTranslations("launch.command");
  const tc = useTranslations("common.actions");
  const [view, setView] = useState<"shell" | "argv">("shell");
  const [copied, setCopied] = useState(false);
  const env = buildLaunchEnv(profile);
  const argv = buildLaunchArgv(profile);
  const shell = formatShellCommand({ env, program: python, argv }, { multiline: true });

  async function copy() {
    try {
      await navigator.clipboard.writeText(shell);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-1">
        {(["shell", "argv"] as const).map((v) => (
          <button
            key={v}
            type="button"
            onClick={() => setView(v)}
            className={cn("rounded px-2 py-0.5 text-xs", v === view ? "bg-zinc-800 text-zinc-100" : "text-zinc-400 hover:text-zinc-100")}
          >
            {v === "shell" ? t("shell") : t("envArgv")}
          </button>
        ))}
        <Button variant="ghost" size="sm" className="ml-auto h-7" onClick={copy}>
          {copied ? tc("copied") : tc("copy")}
        </Button>
      </div>
      {view === "shell" ? (
        <pre
          className="max-h-[26rem] overflow-auto whitespace-pre-wrap rounded-md bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-200 [overflow-wrap:anywhere]"
          data-testid="launch-command"
        >
          {shell}
        </pre>
      ) : (
        <div className="max-h-[26rem] space-y-2 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs" data-testid="launch-argv">
          <div>
            <p className="mb-1 font-sans text-zinc-500">{t("envAdded")}</p>
            {Object.keys(env).length === 0 ? (
              <p className="text-zinc-600">{t("noEnv")}</p>
            ) : (
              Object.entries(env).map(([k, v]) => (
                <p key={k}>
                  <span className="text-sky-300">{k}</span>={v}
                </p>
              ))
            )}
          </div>
          <div>
            <p className="mb-1 font-sans text-zinc-500">{t("programArgv")}</p>
            <ol className="space-y-0.5">
              <li className="text-zinc-400">{python}</li>
              {argv.map((arg, i) => (
                <li key={i} className="flex gap-2">
                  <span className="w-5 shrink-0 text-right text-zinc-600">{i + 1}</span>
                  <span className={arg.startsWith("--") ? "text-sky-300" : "text-zinc-200"}>{arg}</span>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </div>
  );
}
