import { useTranslations } from "next-intl";
import { Field } from "@/components/auth/auth-card";
import { Input, NamedOptions, Select } from "@/components/ui/input";
import type { UserView } from "@/lib/users";

/** Whose rows a report shows: everyone or one person. */
export function PersonFilter({ users, value, onChange }: { users: UserView[]; value: string; onChange: (userId: string) => void }) {
  const t = useTranslations("common.reports");
  return (
    <Field label={t("person")}>
      <Select aria-label={t("person")} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("everyone")}</option>
        <NamedOptions items={users} />
      </Select>
    </Field>
  );
}

export interface DateRange {
  from: string;
  to: string;
}

/** A report's filter as its query string: the filled fields (each through `convert`) and the format. */
export function reportQuery<F extends object>(filter: F, format: "json" | "csv", convert: (name: string, value: string) => string = (_name, value) => value): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(filter)) if (typeof value === "string" && value) params.set(name, convert(name, value));
  return params.toString();
}

/** From and To of a report, as days or as moments. */
export function DateRangeFields({ type, from, to, onChange }: DateRange & { type: "date" | "datetime-local"; onChange: (range: DateRange) => void }) {
  const t = useTranslations("common.reports");
  return (
    <>
      <Field label={t("from")}>
        <Input type={type} value={from} onChange={(event) => onChange({ from: event.target.value, to })} />
      </Field>
      <Field label={t("to")}>
        <Input type={type} value={to} onChange={(event) => onChange({ from, to: event.target.value })} />
      </Field>
    </>
  );
}

/** The report's current selection as a CSV download. */
export function ExportCsvLink({ href }: { href: string }) {
  const t = useTranslations("common.reports");
  return (
    <div className="flex items-end">
      <a href={href} download className="inline-flex h-9 w-full items-center justify-center rounded-md border border-zinc-700 text-sm text-zinc-100 hover:bg-zinc-800">
        {t("exportCsv")}
      </a>
    </div>
  );
}
