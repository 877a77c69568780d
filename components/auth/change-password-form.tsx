"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PASSWORD_LENGTH } from "@/lib/users";
import { Field, FormError } from "./auth-card";

/** Better Auth's own change-password endpoint (its refusals come in the reader's language); other sessions of the person end. */
export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setError(null);
    setDone(false);
    if (form.get("newPassword") !== form.get("repeat")) return setError(t("differ"));
    const response = await fetch("/api/auth/change-password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: form.get("currentPassword"), newPassword: form.get("newPassword"), revokeOtherSessions: true }),
    }).catch(() => null);
    if (response?.ok) {
      formElement.reset();
      return setDone(true);
    }
    const body = (await response?.json().catch(() => null)) as { message?: string } | null;
    setError(response?.status === 429 ? t("tooManyAttempts") : (body?.message ?? t("failed")));
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="max-w-sm space-y-3" aria-label={t("formLabel")}>
      <Field label={t("current")}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <Field label={t("new", { min: PASSWORD_LENGTH.min })}>
        <Input name="newPassword" type="password" autoComplete="new-password" minLength={PASSWORD_LENGTH.min} required />
      </Field>
      <Field label={t("repeat")}>
        <Input name="repeat" type="password" autoComplete="new-password" minLength={PASSWORD_LENGTH.min} required />
      </Field>
      <FormError message={error} />
      {done && (
        <p role="status" className="text-sm text-emerald-300">
          {t("changed")}
        </p>
      )}
      <Button type="submit">{t("submit")}</Button>
    </form>
  );
}
