import { useTranslations } from "next-intl";
import { Field } from "@/components/auth/auth-card";
import { Input } from "@/components/ui/input";

/** A limit box: a whole number of at least 1, or empty for none (read with optionalNumber). */
export function LimitField({ label, name }: { label: string; name: string }) {
  return (
    <Field label={label}>
      <Input name={name} type="number" min={1} />
    </Field>
  );
}

/** The expiry and requests-per-minute boxes that keys and demo links share (read with expiryOf and optionalNumber). */
export function ExpiryAndRateFields() {
  const t = useTranslations("common.admin");
  return (
    <>
      <Field label={t("expires")}>
        <Input name="expiresAt" type="datetime-local" />
      </Field>
      <LimitField label={t("requestsPerMinute")} name="rpm" />
    </>
  );
}
