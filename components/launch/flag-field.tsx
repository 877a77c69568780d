"use client";

import { useEffect, useState } from "react";
import { flagValueFromInput, flagValueText, type FlagSpec, type LaunchFlagValue, type ValidationIssue } from "@/lib/launch";
import { Input, Select } from "../ui/input";
import { IssueList } from "../ui/issue-text";

interface FlagFieldProps {
  spec: FlagSpec;
  value: LaunchFlagValue | undefined;
  issues: ValidationIssue[];
  onChange: (value: LaunchFlagValue | undefined) => void;
  /** Group name shown next to the flag (in search results). */
  showGroup?: boolean;
}

function defaultText(spec: FlagSpec): string {
  if (spec.default === null) return "SGLang decides";
  if (typeof spec.default === "boolean") return spec.default ? "on" : "off";
  return String(spec.default);
}

/** One catalogue flag: its control, what it means, its default and its messages. */
export function FlagField({ spec, value, issues, onChange, showGroup }: FlagFieldProps) {
  const id = `flag${spec.name}`;
  const state = issues.some((i) => i.severity === "error") ? "error" : issues.length > 0 ? "warning" : "normal";
  const isSet = value !== undefined && value !== false;
  return (
    <div className="grid gap-x-4 gap-y-1 border-b border-zinc-800/70 py-2.5 last:border-0 sm:grid-cols-[15rem_minmax(0,1fr)]" data-flag={spec.name} data-set={isSet}>
      <div className="min-w-0">
        <label htmlFor={id} className="flex items-center gap-1.5 font-mono text-[13px] text-zinc-100">
          {isSet && <span className="h-1.5 w-1.5 shrink-0 rounded-full bg-sky-400" title="set in this profile" />}
          {spec.name}
        </label>
        <p className="text-xs text-zinc-500">
          {showGroup && <span className="mr-1 uppercase tracking-wide text-zinc-600">{spec.group} ·</span>}
          {spec.help}
        </p>
      </div>
      <div className="min-w-0 space-y-1">
        <div className="flex items-center gap-2">
          <Control spec={spec} value={value} id={id} state={state} onChange={onChange} />
          {spec.unit && <span className="shrink-0 text-xs text-zinc-500">{spec.unit}</span>}
          {isSet && spec.type !== "boolean" && (
            <button type="button" onClick={() => onChange(undefined)} className="shrink-0 text-xs text-zinc-500 hover:text-zinc-200" title="Remove the flag: SGLang's default applies">
              reset
            </button>
          )}
        </div>
        <p className="text-[11px] text-zinc-600">
          default: {defaultText(spec)}
          {spec.aliases.length > 0 && <> · also {spec.aliases.join(", ")}</>}
          {spec.abbreviations && <> · {spec.abbreviations.join(", ")} works as argparse&apos;s abbreviation</>}
          {spec.deprecatedFor && <> · deprecated for {spec.deprecatedFor}</>}
        </p>
        <IssueList issues={issues} />
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
  if (spec.type === "boolean") {
    return (
      <label className="inline-flex h-8 items-center gap-2 text-sm text-zinc-300">
        <input id={id} type="checkbox" className="h-4 w-4 accent-sky-500" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />
        {value === true ? "on" : "off"}
      </label>
    );
  }
  if (spec.type === "choice" && spec.choices) {
    const text = flagValueText(value);
    const outside = text !== "" && !spec.choices.includes(text);
    return (
      <Select id={id} state={state} mono value={text} onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} className="max-w-xs">
        <option value="">{spec.default === null ? "unset (SGLang decides)" : `unset (default ${String(spec.default)})`}</option>
        {outside && <option value={text}>{text} (not a choice)</option>}
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
        placeholder={spec.default === null || spec.default === false ? "unset" : String(spec.default)}
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
