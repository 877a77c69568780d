"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { flagKey, flagValueFromInput, flagValueText, type FlagSpec, type LaunchFlagValue, type ValidationIssue } from "@/lib/launch";
import { Input, Select } from "../ui/input";
import { IssueList } from "../ui/issue-text";
import { useLocalizedIssues } from "./use-issue-text";

interface FlagFieldProps {
  spec: FlagSpec;
  value: LaunchFlagValue | undefined;
  issues: ValidationIssue[];
  onChange: (value: LaunchFlagValue | undefined) => void;
  /** Group name shown next to the flag (in search results). */
  showGroup?: boolean;
}

type FlagT = ReturnType<typeof useTranslations<"launch.flag">>;

function defaultText(spec: FlagSpec, t: FlagT): string {
  if (spec.default === null) return t("sglangDecides");
  if (typeof spec.default === "boolean") return spec.default ? t("on") : t("off");
  return String(spec.default);
}

/** A unit in the reader's language ("tokens", "s"); units the catalogue lacks are shown as written. */
function unitText(unit: string, t: FlagT): string {
  return t.has(`units.${unit}`) ? t(`units.${unit}`) : unit;
}

/** One catalogue flag: its control, what it means, its default and its messages. */
export function FlagField({ spec, value, issues, onChange, showGroup }: FlagFieldProps) {
  const t = useTranslations("launch.flag");
  const tf = useTranslations("flags");
  const localized = useLocalizedIssues();
  const id = `flag${spec.name}`;
  const state = issues.some((i) => i.severity === "error") ? "error" : issues.length > 0 ? "warning" : "normal";
  const isSet = value !== undefined && value !== false;
  return (
    <div className="grid gap-x-4 gap-y-1 border-b border-zinc-800/70 py-2.5 last:border-0 sm:grid-cols-[15rem_minmax(0,1fr)]" data-flag={spec.name} data-set={isSet}>
      <div className="min-w-0">
        <label htmlFor={id} className="flex items-center gap-1.5 font-mono text-[13px] text-zinc-100">
          {isSet && <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-sky-400" title={t("setInProfile")} />}
          {spec.name}
        </label>
        <p className="text-xs text-zinc-500">
          {showGroup && <span className="mr-1 uppercase tracking-wide text-zinc-600">{tf(`groups.${spec.group}`)} ·</span>}
          {tf.has(`help.${flagKey(spec.name)}`) ? tf(`help.${flagKey(spec.name)}`) : null}
        </p>
      </div>
      <div className="min-w-0 space-y-1">
        <div className="flex items-center gap-2">
          <Control spec={spec} value={value} id={id} state={state} onChange={onChange} />
          {spec.unit && <span className="shrink-0 text-xs text-zinc-500">{unitText(spec.unit, t)}</span>}
          {isSet && spec.type !== "boolean" && (
            <button type="button" onClick={() => onChange(undefined)} className="shrink-0 text-xs text-zinc-500 hover:text-zinc-200" title={t("resetTitle")}>
              {t("reset")}
            </button>
          )}
        </div>
        <p className="text-[11px] text-zinc-600">
          {t("default", { value: defaultText(spec, t) })}
          {spec.aliases.length > 0 && <> · {t("aliases", { aliases: spec.aliases.join(", ") })}</>}
          {spec.abbreviations && <> · {t("abbreviations", { abbreviations: spec.abbreviations.join(", ") })}</>}
          {spec.deprecatedFor && <> · {t("deprecated", { replacement: spec.deprecatedFor })}</>}
        </p>
        <IssueList issues={localized(issues)} />
      </div>
    </div>
  );
}

interface ControlProps {
  spec: FlagSpec;
  value: LaunchFlagValue | undefined;
  id: string;
  state: "normal" | "warning" | "error";
  onChange: (value: LaunchFlagValue | undefined) => void;
}

function Control({ spec, value, id, state, onChange }: ControlProps) {
  const t = useTranslations("launch.flag");
  if (spec.type === "boolean") {
    return (
      <label className="inline-flex h-8 items-center gap-2 text-sm text-zinc-300">
        <input id={id} type="checkbox" className="h-4 w-4 accent-sky-500" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
        {value === true ? t("on") : t("off")}
      </label>
    );
  }
  if (spec.type === "choice" && spec.choices) {
    const text = flagValueText(value);
    const outside = text !== "" && !spec.choices.includes(text);
    return (
      <Select id={id} state={state} mono value={text} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} className="max-w-xs">
        <option value="">{spec.default === null ? t("unsetDecides") : t("unsetDefault", { value: String(spec.default) })}</option>
        {outside && <option value={text}>{t("notAChoice", { value: text })}</option>}
        {spec.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </Select>
    );
  }
  return <TextControl spec={spec} value={value} id={id} state={state} onChange={onChange} />;
}

/** Keeps what is typed ("0." on the way to "0.85") while the profile stores the parsed value. */
function TextControl({ spec, value, id, state, onChange }: ControlProps) {
  const t = useTranslations("launch.flag");
  const [draft, setDraft] = useState(flagValueText(value));
  useEffect(() => {
    // Follow changes from outside (a preset, a pasted command) without fighting the typist.
    if (flagValueFromInput(spec, draft) !== value) setDraft(flagValueText(value));
  }, [value]);
  const numeric = spec.type === "int" || spec.type === "float";
  const listId = spec.suggestions ? `${id}-suggestions` : undefined;
  return (
    <>
      <Input
        id={id}
        name={spec.name}
        state={state}
        mono
        value={draft}
        inputMode={numeric ? (spec.type === "int" ? "numeric" : "decimal") : undefined}
        placeholder={spec.default === null || spec.default === false ? t("unset") : String(spec.default)}
        list={listId}
        className={numeric ? "max-w-[12rem]" : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(flagValueFromInput(spec, e.target.value));
        }}
      />
      {spec.suggestions && (
        <datalist id={listId}>
          {spec.suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}
