"use client";

import { useTranslations } from "next-intl";
import { NUMBER_FIELDS, type SamplingParams } from "@/lib/playground/params";

// SGLang's field names and JSON values, shown as they go over the wire.
const STOP_FIELD = "stop";
const THINKING_CHOICES = [true, false] as const;

const input = "w-full rounded-md border border-zinc-700 bg-zinc-950 px-2 py-1 text-sm text-zinc-100 placeholder:text-zinc-600";

/** The request's sampling fields; an empty field is left out of the request and SGLang's default applies. */
export function ParamsPanel({
  params,
  onChange,
  chat,
  idPrefix = "p",
  compact = false,
}: {
  params: SamplingParams;
  onChange: (params: SamplingParams) => void;
  chat: boolean;
  idPrefix?: string;
  compact?: boolean;
}) {
  const t = useTranslations("playground.params");
  const set = (patch: Partial<SamplingParams>) => onChange({ ...params, ...patch });
  const thinking = params.chat_template_kwargs?.enable_thinking;
  return (
    <fieldset className={compact ? "grid grid-cols-2 gap-2 text-sm" : "space-y-2 text-sm"} aria-label={t("legend")}>
      <legend className="col-span-2 mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-400">{t("legend")}</legend>
      {NUMBER_FIELDS.map((field) => (
        <label key={field.name} className="block" title={t(`fields.${field.name}.help`)}>
          <span className="flex justify-between gap-2 font-mono text-xs text-zinc-300">
            {field.label}
            <span className="truncate text-zinc-600">{t("default", { value: t(`fields.${field.name}.default`) })}</span>
          </span>
          <input
            id={`${idPrefix}-${field.name}`}
            aria-label={field.label}
            className={input}
            type="number"
            step={field.step}
            min={field.min}
            max={field.max}
            placeholder={t(`fields.${field.name}.placeholder`)}
            value={params[field.name] ?? ""}
            onChange={(event) => set({ [field.name]: event.target.value === "" ? undefined : Number(event.target.value) })}
          />
        </label>
      ))}
      <label className="block">
        <span className="font-mono text-xs text-zinc-300">{STOP_FIELD}</span> <span className="text-xs text-zinc-600">{t("stopHelp")}</span>
        <textarea
          aria-label={STOP_FIELD}
          className={`${input} h-14 font-mono`}
          value={(params.stop ?? []).join("\n")}
          onChange={(event) => {
            const stop = event.target.value.split("\n").filter((s) => s.length > 0);
            set({ stop: stop.length > 0 ? stop : undefined });
          }}
        />
      </label>
      <label className="flex items-center gap-2 font-mono text-xs text-zinc-300" title={t("ignoreEosHelp")}>
        <input type="checkbox" checked={params.ignore_eos ?? false} onChange={(event) => set({ ignore_eos: event.target.checked || undefined })} />
        ignore_eos <span className="text-zinc-600">{t("default", { value: String(false) })}</span>
      </label>
      {chat && (
        <label className="block" title={t("thinkingHelp")}>
          <span className="font-mono text-xs text-zinc-300">chat_template_kwargs.enable_thinking</span>
          <select
            aria-label="enable_thinking"
            className={input}
            value={thinking === undefined ? "" : String(thinking)}
            onChange={(event) => {
              const rest = { ...params.chat_template_kwargs };
              delete rest.enable_thinking;
              const value = event.target.value;
              const kwargs = value === "" ? rest : { ...rest, enable_thinking: value === "true" };
              set({ chat_template_kwargs: Object.keys(kwargs).length > 0 ? kwargs : undefined });
            }}
          >
            <option value="">{t("thinkingDefault")}</option>
            {THINKING_CHOICES.map((choice) => (
              <option key={String(choice)} value={String(choice)}>
                {String(choice)}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
