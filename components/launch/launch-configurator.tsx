"use client";

import { RuntimeReason } from "@/components/runtime-reason";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  autoPreset,
  findFlag,
  formatEnvText,
  formatExtraArgs,
  GLM47_FLASH_PRESETS,
  parseEnvText,
  parseExtraArgsText,
  parseLaunchCommand,
  withFlag,
  type FlagGroup,
  type LaunchContextView,
  type LaunchFlagValue,
  type LaunchProfile,
  type ParsedLaunchCommand,
  type SavedProfile,
  type ValidationIssue,
} from "@/lib/launch";
import type { InstanceView } from "@/lib/instance-view";
import { SimulatedBadge } from "../instances/phase-badge";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Input } from "../ui/input";
import { IssueList } from "../ui/issue-text";
import { ApiFailure, callApi } from "@/components/api-client";
import { ChecksCard } from "./checks-card";
import { CommandPreview } from "./command-preview";
import { ExtraArgsCard } from "./extra-args-card";
import { FlagForm } from "./flag-form";
import { GpuPicker } from "./gpu-picker";
import { ModelField } from "./model-field";
import { PasteCommandDialog } from "./paste-command-dialog";
import { PasteNote } from "./paste-note";
import { PresetBar } from "./preset-bar";
import { SavedProfiles } from "./saved-profiles";
import { ServerEnvPanel } from "./server-env-panel";
import { useLaunchIssues } from "./use-launch-issues";
import { useModelInfo } from "./use-model-info";
import { useLocalizedIssues } from "./use-issue-text";

interface LaunchConfiguratorProps {
  initialContext: LaunchContextView;
  initialProfiles: SavedProfile[];
  /** A command line to fill the form from, as if pasted. */
  initialCommand?: string | null;
}

function gpuCountOf(context: LaunchContextView): number | null {
  return context.gpus.ok ? context.gpus.gpus.length : null;
}

/** The New deployment page: presets, every flag, GPUs, the live command, validation, profiles, launch. */
export function LaunchConfigurator({ initialContext, initialProfiles, initialCommand = null }: LaunchConfiguratorProps) {
  const t = useTranslations("launch.configurator");
  const localized = useLocalizedIssues();
  const router = useRouter();
  const [context, setContext] = useState(initialContext);
  const [profiles, setProfiles] = useState(initialProfiles);
  const [profile, setProfileState] = useState<LaunchProfile>(() => autoPreset(gpuCountOf(initialContext)) ?? structuredClone(GLM47_FLASH_PRESETS[0]!.profile));
  const [activePreset, setActivePreset] = useState<string | null>(() => (gpuCountOf(initialContext) ? "auto" : GLM47_FLASH_PRESETS[0]!.id));
  const [savedId, setSavedId] = useState<string | null>(null);
  const [group, setGroup] = useState<FlagGroup>("model");
  const [extraText, setExtraText] = useState(formatExtraArgs(profile.extraArgs));
  const [envText, setEnvText] = useState(formatEnvText(profile.env));
  const [pasteOpen, setPasteOpen] = useState(false);
  const [pasteNote, setPasteNote] = useState<ParsedLaunchCommand | null>(null);
  const [serverIssues, setServerIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState<"save" | "launch" | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "info"; text: string } | null>(null);

  /** Edits from the form: the server's last verdict no longer applies. */
  const setProfile = (next: LaunchProfile) => {
    setProfileState(next);
    setServerIssues([]);
    setNotice(null);
  };

  /** A whole new profile (preset, paste, saved one): the free-text fields follow it. */
  const replaceProfile = (next: LaunchProfile) => {
    setProfile(next);
    setExtraText(formatExtraArgs(next.extraArgs));
    setEnvText(formatEnvText(next.env));
    setPasteNote(null);
  };

  // A command handed over in the address (from /diagnose) fills the form once, like a paste.
  const appliedInitialCommand = useRef(false);
  useEffect(() => {
    if (!initialCommand || appliedInitialCommand.current) return;
    appliedInitialCommand.current = true;
    const parsed = parseLaunchCommand(initialCommand);
    if (!parsed.profile) return;
    replaceProfile(parsed.profile);
    setPasteNote(parsed);
    setActivePreset(null);
  });

  const modelInfo = useModelInfo(profile.modelPath, context.models);

  const extra = useMemo(() => parseExtraArgsText(extraText), [extraText]);
  const envParsed = useMemo(() => parseEnvText(envText), [envText]);

  const { issues, byField, errorCount } = useLaunchIssues({ profile, extraArgsErrors: extra.problems, envErrors: envParsed.problems, context, modelInfo, serverIssues });

  const onFlagChange = (name: string, value: LaunchFlagValue | undefined) => {
    setProfile(withFlag(profile, name, value));
    setActivePreset(null);
  };

  const showField = (field: string) => {
    const spec = findFlag(field);
    if (spec) setGroup(spec.group);
    requestAnimationFrame(() => {
      const target = spec ? document.getElementById(`flag${spec.name}`) : document.querySelector<HTMLElement>(`[data-field="${field}"] input, [data-field="${field}"] textarea`);
      target?.scrollIntoView({ block: "center", behavior: "smooth" });
      target?.focus({ preventScroll: true });
    });
  };

  async function refreshContext() {
    try {
      setContext(await callApi<LaunchContextView>("GET", "/api/launch/context"));
    } catch {
      // The page keeps what it had; the server checks again at launch.
    }
  }

  async function save(asNew: boolean) {
    setBusy("save");
    setNotice(null);
    try {
      const saved = savedId && !asNew
        ? (await callApi<{ profile: SavedProfile }>("PUT", `/api/profiles/${savedId}`, { profile })).profile
        : (await callApi<{ profile: SavedProfile }>("POST", "/api/profiles", { profile })).profile;
      setSavedId(saved.id);
      setProfiles((await callApi<{ profiles: SavedProfile[] }>("GET", "/api/profiles")).profiles);
      setNotice({ tone: "info", text: t("saved", { name: saved.profile.name }) });
    } catch (error) {
      setNotice({ tone: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  async function launch(path: string, body?: unknown) {
    setBusy("launch");
    setNotice(null);
    try {
      const { instance } = await callApi<{ instance: InstanceView }>("POST", path, body);
      router.push(`/instances/${instance.id}`);
    } catch (error) {
      const details = error instanceof ApiFailure ? (error.details as { issues?: ValidationIssue[] } | null) : null;
      if (details?.issues) setServerIssues(details.issues);
      setNotice({ tone: "error", text: error instanceof Error ? error.message : String(error) });
      void refreshContext();
      setBusy(null);
    }
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {context.runtime.simulated && <SimulatedBadge />}
        <span className="ml-auto" />
        <Button variant="secondary" onClick={() => setPasteOpen(true)}>
          {t("pasteCommand")}
        </Button>
      </div>
      {context.runtime.simulated && <RuntimeReason code={context.runtime.reasonCode} python={context.runtime.python} className="-mt-4 text-sm text-fuchsia-300/80" />}

      <Card className="space-y-4">
        <div className="space-y-2">
          <CardTitle>{t("presetsTitle")}</CardTitle>
          <PresetBar
            gpuCount={gpuCountOf(context)}
            noGpu={context.gpus.ok ? null : context.gpus.failure}
            active={activePreset}
            onPick={(next, id) => {
              replaceProfile(next);
              setActivePreset(id);
              setSavedId(null);
            }}
          />
        </div>
        <SavedProfiles
          profiles={profiles}
          currentId={savedId}
          onProfilesChange={(list) => {
            setProfiles(list);
            if (savedId && !list.some((p) => p.id === savedId)) setSavedId(null);
          }}
          onLoad={(saved) => {
            replaceProfile(saved.profile);
            setSavedId(saved.id);
            setActivePreset(null);
          }}
          onLaunch={(saved) => void launch(`/api/profiles/${saved.id}/launch`)}
          launching={busy === "launch"}
        />
      </Card>

      {pasteNote && <PasteNote parsed={pasteNote} onDismiss={() => setPasteNote(null)} />}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-6">
          <Card className="space-y-4">
            <CardTitle>{t("deploymentTitle")}</CardTitle>
            <div className="space-y-1" data-field="name">
              <label htmlFor="profile-name" className="block text-sm text-zinc-300">
                {t("nameLabel")}
              </label>
              <Input id="profile-name" name="name" value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />
              <IssueList issues={localized(byField.get("name") ?? [])} />
            </div>
            <ModelField
              modelPath={profile.modelPath}
              models={context.models}
              modelsDirs={context.modelsDirs}
              modelInfo={modelInfo}
              issues={byField.get("modelPath") ?? []}
              onChange={(modelPath) => setProfile({ ...profile, modelPath })}
            />
            <GpuPicker gpus={context.gpus} holders={context.gpuHolders} gpuIds={profile.gpuIds} issues={byField.get("gpuIds") ?? []} onChange={(gpuIds) => setProfile({ ...profile, gpuIds })} />
          </Card>

          <Card className="space-y-3">
            <CardTitle>{t("flagsTitle")}</CardTitle>
            <FlagForm
              profile={profile}
              issues={issues}
              onFlagChange={onFlagChange}
              group={group}
              onGroupChange={setGroup}
              installedFlags={context.runtime.installedFlags}
              simulated={context.runtime.simulated}
            />
          </Card>

          <ExtraArgsCard
            extraText={extraText}
            envText={envText}
            byField={byField}
            onExtraText={(text) => {
              setExtraText(text);
              setProfile({ ...profile, extraArgs: parseExtraArgsText(text).args });
            }}
            onEnvText={(text) => {
              setEnvText(text);
              setProfile({ ...profile, env: parseEnvText(text).env });
            }}
          />
        </div>

        <div className="space-y-6 lg:sticky lg:top-4">
          <Card className="space-y-3">
            <CardTitle>{t("commandTitle")}</CardTitle>
            <CommandPreview profile={profile} python={context.runtime.python} />
          </Card>
          <Card className="space-y-3">
            <CardTitle>{t("environmentTitle")}</CardTitle>
            <ServerEnvPanel base={context.serverEnv} profile={profile} />
          </Card>
          <ChecksCard
            issues={issues}
            errorCount={errorCount}
            notice={notice}
            busy={busy}
            savedId={savedId}
            onShow={showField}
            onLaunch={() => void launch("/api/instances", { profile })}
            onSave={(asNew) => void save(asNew)}
          />
        </div>
      </div>

      <PasteCommandDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onApply={(next, parsed) => {
          replaceProfile(next);
          setPasteNote(parsed);
          setSavedId(null);
          setActivePreset(null);
          setPasteOpen(false);
        }}
      />
    </div>
  );
}
