"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  autoPreset,
  findFlag,
  GLM47_FLASH_PRESETS,
  launchProfileSchema,
  parseLaunchCommand,
  validateProfile,
  type FlagGroup,
  type LaunchFlagValue,
  type LaunchProfile,
  type ModelInfo,
  type ParsedLaunchCommand,
  type ValidationIssue,
} from "@/lib/launch";
import type { LaunchContextView } from "@/lib/launch-context";
import { formatEnvText, formatExtraArgs, issuesByField, mergeIssues, parseEnvText, parseExtraArgsText, withFlag } from "@/lib/launch-form";
import type { SavedProfile } from "@/lib/launch-profiles";
import type { InstanceView } from "@/lib/instance-view";
import { SimulatedBadge } from "../instances/phase-badge";
import { Button } from "../ui/button";
import { Card, CardTitle } from "../ui/card";
import { Input, Textarea } from "../ui/input";
import { IssueText } from "../ui/issue-text";
import { ApiFailure, callApi } from "./api-client";
import { CommandPreview } from "./command-preview";
import { FlagForm } from "./flag-form";
import { GpuPicker } from "./gpu-picker";
import { IssueSummary } from "./issue-summary";
import { ModelField } from "./model-field";
import { PasteCommandDialog } from "./paste-command-dialog";
import { PresetBar } from "./preset-bar";
import { SavedProfiles } from "./saved-profiles";

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
  const [inspected, setInspected] = useState<{ path: string; info: ModelInfo } | null>(null);
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

  const scanned = context.models.find((m) => m.path === profile.modelPath);
  const modelInfo: ModelInfo | undefined = scanned
    ? {
        exists: true,
        hasConfig: scanned.configError === null,
        ...(scanned.summary.architecture ? { architecture: scanned.summary.architecture } : {}),
        ...(scanned.weightsBytes ? { weightsBytes: scanned.weightsBytes } : {}),
      }
    : inspected?.path === profile.modelPath
      ? inspected.info
      : undefined;

  // A typed absolute path the scan did not list: ask the server what is there, once typing pauses.
  useEffect(() => {
    const path = profile.modelPath;
    if (!path.startsWith("/") || scanned || inspected?.path === path) return;
    const timer = setTimeout(() => {
      callApi<{ info: ModelInfo }>("POST", "/api/models/inspect", { path })
        .then(({ info }) => setInspected({ path, info }))
        .catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [profile.modelPath, scanned, inspected]);

  const extra = useMemo(() => parseExtraArgsText(extraText), [extraText]);
  const envParsed = useMemo(() => parseEnvText(envText), [envText]);

  const issues = useMemo(() => {
    const local: ValidationIssue[] = [];
    const schema = launchProfileSchema.safeParse(profile);
    if (!schema.success) {
      for (const issue of schema.error.issues) {
        const [head, key] = issue.path;
        const field = head === "flags" && typeof key === "string" ? key : String(head ?? "profile");
        local.push({ field, severity: "error", code: "schema", message: issue.message });
      }
    }
    for (const message of extra.errors) local.push({ field: "extraArgs", severity: "error", code: "extra_args_text", message });
    for (const message of envParsed.errors) local.push({ field: "env", severity: "error", code: "env_text", message });
    const gpus = context.gpus.ok ? context.gpus.gpus : null;
    const checked = validateProfile(profile, {
      gpuCount: gpus?.length ?? null,
      ...(gpus ? { gpuMemoryMiB: gpus.map((g) => g.memoryTotalMiB) } : {}),
      busyGpus: context.gpuHolders.map((h) => ({ gpu: h.gpu, holder: h.holder })),
      portsInUse: context.portsInUse,
      ...(modelInfo ? { modelInfo } : {}),
    });
    return mergeIssues(local, checked, serverIssues);
  }, [profile, extra.errors, envParsed.errors, context, modelInfo, serverIssues]);

  const byField = useMemo(() => issuesByField(issues), [issues]);
  const errorCount = issues.filter((i) => i.severity === "error").length;

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
      setNotice({ tone: "info", text: `Saved "${saved.profile.name}".` });
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
        <h1 className="text-2xl font-semibold tracking-tight">New deployment</h1>
        {context.runtime.simulated && <SimulatedBadge />}
        <span className="ml-auto" />
        <Button variant="secondary" onClick={() => setPasteOpen(true)}>
          Paste a command
        </Button>
      </div>
      {context.runtime.simulated && <p className="-mt-4 text-sm text-fuchsia-300/80">{context.runtime.reason}</p>}

      <Card className="space-y-4">
        <div className="space-y-2">
          <CardTitle>Start from a preset</CardTitle>
          <PresetBar
            gpuCount={gpuCountOf(context)}
            noGpuReason={context.gpus.ok ? null : context.gpus.reason}
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

      {pasteNote && (
        <div className="space-y-1 rounded-lg border border-sky-900 bg-sky-950/30 px-4 py-3" data-testid="paste-note">
          <div className="flex items-center">
            <p className="text-sm text-sky-200">
              Filled from the pasted command
              {pasteNote.unknownFlags.length > 0 ? `; unknown flags kept in extra arguments: ${pasteNote.unknownFlags.join(", ")}` : ""}.
            </p>
            <button type="button" className="ml-auto text-xs text-zinc-400 hover:text-zinc-100" onClick={() => setPasteNote(null)}>
              dismiss
            </button>
          </div>
          {pasteNote.errors.map((m, i) => (
            <IssueText key={`e${i}`} severity="error">
              {m.message}
            </IssueText>
          ))}
          {pasteNote.warnings.map((m, i) => (
            <IssueText key={`w${i}`} severity="warning">
              {m.message}
            </IssueText>
          ))}
        </div>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-6">
          <Card className="space-y-4">
            <CardTitle>Deployment</CardTitle>
            <div className="space-y-1" data-field="name">
              <label htmlFor="profile-name" className="block text-sm text-zinc-300">
                Name
              </label>
              <Input id="profile-name" name="name" value={profile.name} onChange={(e) => setProfile({ ...profile, name: e.target.value })} />
              {(byField.get("name") ?? []).map((issue) => (
                <IssueText key={issue.message} severity={issue.severity}>
                  {issue.message}
                </IssueText>
              ))}
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
            <CardTitle>Flags</CardTitle>
            <FlagForm profile={profile} issues={issues} onFlagChange={onFlagChange} group={group} onGroupChange={setGroup} />
          </Card>

          <Card className="space-y-4">
            <CardTitle>Extra arguments and environment</CardTitle>
            <div className="space-y-1" data-field="extraArgs">
              <label htmlFor="extra-args" className="block text-sm text-zinc-300">
                Extra arguments <span className="text-zinc-500">— flags the catalogue lacks, passed to SGLang as written (shell quoting allowed, no shell runs)</span>
              </label>
              <Textarea
                id="extra-args"
                mono
                rows={2}
                value={extraText}
                placeholder="--enable-some-new-flag --some-option value"
                onChange={(e) => {
                  setExtraText(e.target.value);
                  setProfile({ ...profile, extraArgs: parseExtraArgsText(e.target.value).args });
                }}
              />
              {(byField.get("extraArgs") ?? []).map((issue) => (
                <IssueText key={issue.message} severity={issue.severity}>
                  {issue.message}
                </IssueText>
              ))}
            </div>
            <div className="space-y-1" data-field="env">
              <label htmlFor="env-vars" className="block text-sm text-zinc-300">
                Environment variables <span className="text-zinc-500">— one NAME=value per line</span>
              </label>
              <Textarea
                id="env-vars"
                mono
                rows={2}
                value={envText}
                placeholder="SGLANG_ENABLE_JIT_DEEPGEMM=0"
                onChange={(e) => {
                  setEnvText(e.target.value);
                  setProfile({ ...profile, env: parseEnvText(e.target.value).env });
                }}
              />
              {(byField.get("env") ?? []).map((issue) => (
                <IssueText key={issue.message} severity={issue.severity}>
                  {issue.message}
                </IssueText>
              ))}
            </div>
          </Card>
        </div>

        <div className="space-y-6 lg:sticky lg:top-4">
          <Card className="space-y-3">
            <CardTitle>Command</CardTitle>
            <CommandPreview profile={profile} python={context.runtime.python} />
          </Card>
          <Card className="space-y-3">
            <CardTitle>Checks</CardTitle>
            <IssueSummary issues={issues} onShow={showField} />
            {notice && (
              <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "rounded-md border border-red-800 bg-red-950/60 px-3 py-2 text-sm text-red-200" : "text-sm text-emerald-300"}>
                {notice.text}
              </p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button className="flex-1" disabled={errorCount > 0 || busy !== null} onClick={() => void launch("/api/instances", { profile })}>
                {busy === "launch" ? "Launching…" : "Launch"}
              </Button>
              <Button variant="secondary" disabled={busy !== null} onClick={() => void save(false)}>
                {savedId ? "Save changes" : "Save profile"}
              </Button>
              {savedId && (
                <Button variant="secondary" disabled={busy !== null} onClick={() => void save(true)}>
                  Save as new
                </Button>
              )}
            </div>
            {errorCount > 0 && (
              <p className="text-xs text-zinc-500">
                Fix {errorCount === 1 ? "the error" : `the ${errorCount} errors`} to launch; warnings do not block. A profile can be saved as it is.
              </p>
            )}
          </Card>
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
